//! `gestpay::codes` and `gestpay::amount`: the gateway's code tables (currencies, languages,
//! payment types, error and alert codes, the small open enums) with their documented English
//! descriptions, and exact decimal amounts ⇄ integer minor units (never a float).
//!
//! The rows serialize as the napi addon's `#[napi(object)]` rows: camelCase members, absent
//! when `None` (the WASM module hands their JSON to `JSON.parse`; the addon copies them).

use std::borrow::Cow;

use gestpay::Amount;
use gestpay::codes::{
    ALERT_CODES, AuthenticationLevel, Currency, ERROR_CODES, EventType, Language, PaymentType,
    RiskResponseCode, TransDetailsType, TransactionResult, TransactionState,
};
use serde::Serialize;

use crate::{Result, from_json, invalid_type};

/// One row of the currency table.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyRow {
    /// The gateway's UIC code (the value of `uicCode` on the wire).
    pub uic_code: u16,
    /// ISO 4217 alphabetic code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_alpha: Option<&'static str>,
    /// ISO 4217 numeric code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_numeric: Option<u16>,
    /// The documented name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'static str>,
    /// The number of decimals of the minor unit.
    pub exponent: u8,
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
pub fn currencies() -> Vec<CurrencyRow> {
    Currency::all().iter().copied().map(currency_row).collect()
}

/// The known currency with this ISO alphabetic code (any case) or UIC code (number or decimal
/// text).
pub fn currency(code: &str) -> Option<CurrencyRow> {
    let code = code.trim();
    let found = Currency::from_iso_alpha(code)
        .or_else(|| code.parse::<u16>().ok().map(Currency::from_uic))
        .filter(|c| c.is_known());
    found.map(currency_row)
}

/// One row of the language table.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageRow {
    /// The gateway's id (`languageId`).
    pub id: u8,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// ISO 639-1 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso639_1: Option<&'static str>,
}

/// Every known language.
pub fn languages() -> Vec<LanguageRow> {
    Language::all()
        .iter()
        .map(|l| LanguageRow {
            id: l.id(),
            name: l.name(),
            iso639_1: l.iso_639_1(),
        })
        .collect()
}

/// A code (payment type, table value) and what the documentation says of it.
#[derive(Debug, Clone, Serialize)]
pub struct CodeRow {
    /// The code as written on the wire (an error code as decimal text).
    pub code: Cow<'static, str>,
    /// The documented English description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'static str>,
    /// A payment type's status in the documentation (`listed`, `removed-2021`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
}

/// Every known payment type.
pub fn payment_types() -> Vec<CodeRow> {
    PaymentType::all()
        .iter()
        .map(|p| CodeRow {
            code: Cow::Borrowed(p.as_str()),
            description: p.description(),
            status: p.status(),
        })
        .collect()
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`.
pub fn error_codes(alerts: bool) -> Vec<CodeRow> {
    let table = if alerts { ALERT_CODES } else { ERROR_CODES };
    table
        .iter()
        .map(|(code, description)| CodeRow {
            code: Cow::Owned(code.to_string()),
            description: Some(description),
            status: None,
        })
        .collect()
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`).
pub fn describe_code(code: u32, alert: bool) -> Option<&'static str> {
    if alert {
        gestpay::codes::alert_description(code)
    } else {
        gestpay::codes::error_description(code)
    }
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
pub fn transaction_type_of(operation: &str) -> Option<&'static str> {
    gestpay::codes::transaction_type_of(operation)
}

macro_rules! rows {
    ($ty:ty) => {
        <$ty>::all()
            .iter()
            .map(|v| CodeRow {
                code: Cow::Borrowed(v.as_str()),
                description: v.description(),
                status: None,
            })
            .collect()
    };
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
pub fn code_table(name: &str) -> Result<Vec<CodeRow>> {
    Ok(match name {
        "transactionResult" => rows!(TransactionResult),
        "transactionState" => rows!(TransactionState),
        "eventType" => rows!(EventType),
        "riskResponseCode" => rows!(RiskResponseCode),
        "authenticationLevel" => rows!(AuthenticationLevel),
        "transDetailsType" => rows!(TransDetailsType),
        _ => return Err(invalid_type("name", "no code table by that name")),
    })
}

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
pub fn amount_from_minor(minor: &str, currency: &str) -> Result<String> {
    let currency: Currency = from_json(currency, "currency")?;
    let minor: u64 = minor
        .parse()
        .map_err(|_| invalid_type("minor", "expected a non-negative integer"))?;
    Ok(Amount::from_minor(minor, currency).to_string())
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
pub fn amount_to_minor(amount: &str, currency: &str) -> Result<String> {
    let currency: Currency = from_json(currency, "currency")?;
    let amount = Amount::parse(amount)?;
    Ok(amount.to_minor_units(currency)?.to_string())
}
