//! `gestpay::codes` and `gestpay::amount`: the gateway's code tables (currencies, languages,
//! payment types, error and alert codes, the small open enums) with their documented English
//! descriptions, and exact decimal amounts ⇄ integer minor units (never a float).
//!
//! The rows are the napi addon's `#[napi(object)]` rows: camelCase members, absent when `None`.

use gestpay::Amount;
use gestpay::codes::{
    ALERT_CODES, AuthenticationLevel, Currency, ERROR_CODES, EventType, Language, PaymentType,
    RiskResponseCode, TransDetailsType, TransactionResult, TransactionState,
};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::OrThrow;
use crate::{Result, from_json, invalid_type, object, object_or_null};

/// One row of the currency table.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CurrencyRow {
    uic_code: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso_alpha: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso_numeric: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'static str>,
    exponent: u8,
}

fn currency_row(c: Currency) -> CurrencyRow {
    CurrencyRow {
        uic_code: c.uic_code(),
        iso_alpha: c.iso_alpha(),
        iso_numeric: c.iso_numeric(),
        description: c.description(),
        exponent: c.exponent(),
    }
}

/// Every known currency.
#[wasm_bindgen]
pub fn currencies() -> Result<JsValue> {
    let rows: Vec<_> = Currency::all().iter().copied().map(currency_row).collect();
    object(&rows)
}

/// The known currency with this ISO alphabetic code (any case), UIC code (number or decimal
/// text) or `null`.
#[wasm_bindgen]
pub fn currency(code: String) -> Result<JsValue> {
    let code = code.trim();
    let found = Currency::from_iso_alpha(code)
        .or_else(|| code.parse::<u16>().ok().map(Currency::from_uic))
        .filter(|c| c.is_known());
    object_or_null(found.map(currency_row))
}

/// One row of the language table.
#[derive(Debug, Serialize)]
struct LanguageRow {
    id: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso639_1: Option<&'static str>,
}

/// Every known language.
#[wasm_bindgen]
pub fn languages() -> Result<JsValue> {
    let rows: Vec<_> = Language::all()
        .iter()
        .map(|l| LanguageRow {
            id: l.id(),
            name: l.name(),
            iso639_1: l.iso_639_1(),
        })
        .collect();
    object(&rows)
}

/// A code (payment type, table value) and what the documentation says of it.
#[derive(Debug, Serialize)]
struct CodeRow<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
}

/// Every known payment type.
#[wasm_bindgen(js_name = paymentTypes)]
pub fn payment_types() -> Result<JsValue> {
    let rows: Vec<_> = PaymentType::all()
        .iter()
        .map(|p| CodeRow {
            code: p.as_str(),
            description: p.description(),
            status: p.status(),
        })
        .collect();
    object(&rows)
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`;
/// the codes as decimal text, as the napi addon gives them.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes(alerts: bool) -> Result<JsValue> {
    let table = if alerts { ALERT_CODES } else { ERROR_CODES };
    let codes: Vec<String> = table.iter().map(|(code, _)| code.to_string()).collect();
    let rows: Vec<_> = codes
        .iter()
        .zip(table.iter())
        .map(|(code, (_, description))| CodeRow {
            code,
            description: Some(description),
            status: None,
        })
        .collect();
    object(&rows)
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`), `null` if unknown.
#[wasm_bindgen(js_name = describeCode)]
pub fn describe_code(code: u32, alert: bool) -> JsValue {
    let description = if alert {
        gestpay::codes::alert_description(code)
    } else {
        gestpay::codes::error_description(code)
    };
    description.map_or(JsValue::NULL, JsValue::from_str)
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[wasm_bindgen(js_name = transactionTypeOf)]
pub fn transaction_type_of(operation: String) -> JsValue {
    gestpay::codes::transaction_type_of(&operation).map_or(JsValue::NULL, JsValue::from_str)
}

macro_rules! rows {
    ($ty:ty) => {
        <$ty>::all()
            .iter()
            .map(|v| CodeRow {
                code: v.as_str(),
                description: v.description(),
                status: None,
            })
            .collect()
    };
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
#[wasm_bindgen(js_name = codeTable)]
pub fn code_table(name: String) -> Result<JsValue> {
    let rows: Vec<CodeRow<'_>> = match name.as_str() {
        "transactionResult" => rows!(TransactionResult),
        "transactionState" => rows!(TransactionState),
        "eventType" => rows!(EventType),
        "riskResponseCode" => rows!(RiskResponseCode),
        "authenticationLevel" => rows!(AuthenticationLevel),
        "transDetailsType" => rows!(TransDetailsType),
        _ => return Err(invalid_type("name", "no code table by that name")),
    };
    object(&rows)
}

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
#[wasm_bindgen(js_name = amountFromMinor)]
pub fn amount_from_minor(minor: String, currency: String) -> Result<String> {
    let currency: Currency = from_json(&currency, "currency")?;
    let minor: u64 = minor
        .parse()
        .map_err(|_| invalid_type("minor", "expected a non-negative integer"))?;
    Ok(Amount::from_minor(minor, currency).to_string())
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
#[wasm_bindgen(js_name = amountToMinor)]
pub fn amount_to_minor(amount: String, currency: String) -> Result<String> {
    let currency: Currency = from_json(&currency, "currency")?;
    let amount = Amount::parse(&amount).or_throw()?;
    Ok(amount.to_minor_units(currency).or_throw()?.to_string())
}
