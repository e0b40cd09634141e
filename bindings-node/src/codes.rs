//! `gestpay::codes`: the gateway's code tables (currencies, languages, payment types, error and
//! alert codes, and the small open enums), with the documented English descriptions.

use gestpay::codes::{
    ALERT_CODES, AuthenticationLevel, Currency, ERROR_CODES, EventType, Language, PaymentType,
    RiskResponseCode, TransDetailsType, TransactionResult, TransactionState,
};
use napi::Result;
use napi_derive::napi;

use crate::error::invalid_type;

/// One row of the currency table.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeCurrency {
    /// The gateway's UIC code (the value of `uicCode` on the wire).
    pub uic_code: u16,
    /// ISO 4217 alphabetic code.
    pub iso_alpha: Option<String>,
    /// ISO 4217 numeric code.
    pub iso_numeric: Option<u16>,
    /// The documented name.
    pub description: Option<String>,
    /// The number of decimals of the minor unit.
    pub exponent: u8,
}

fn currency_row(c: Currency) -> NativeCurrency {
    NativeCurrency {
        uic_code: c.uic_code(),
        iso_alpha: c.iso_alpha().map(str::to_owned),
        iso_numeric: c.iso_numeric(),
        description: c.description().map(str::to_owned),
        exponent: c.exponent(),
    }
}

/// Every known currency.
#[napi(catch_unwind)]
pub fn currencies() -> Vec<NativeCurrency> {
    Currency::all().iter().copied().map(currency_row).collect()
}

/// The known currency with this ISO alphabetic code (any case), UIC code (number or decimal
/// text) or `null`.
#[napi(catch_unwind)]
pub fn currency(code: String) -> Option<NativeCurrency> {
    let code = code.trim();
    let found = Currency::from_iso_alpha(code)
        .or_else(|| code.parse::<u16>().ok().map(Currency::from_uic))
        .filter(|c| c.is_known());
    found.map(currency_row)
}

/// One row of the language table.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeLanguage {
    /// The gateway's id (`languageId`).
    pub id: u8,
    /// English name.
    pub name: Option<String>,
    /// ISO 639-1 code.
    #[napi(js_name = "iso639_1")]
    pub iso639_1: Option<String>,
}

/// Every known language.
#[napi(catch_unwind)]
pub fn languages() -> Vec<NativeLanguage> {
    Language::all()
        .iter()
        .map(|l| NativeLanguage {
            id: l.id(),
            name: l.name().map(str::to_owned),
            iso639_1: l.iso_639_1().map(str::to_owned),
        })
        .collect()
}

/// One row of the payment type table.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativePaymentType {
    /// The code (`AMAZONPAY`).
    pub code: String,
    /// The documented name.
    pub description: Option<String>,
    /// Its status in the documentation (`listed`, `removed-2021`, …).
    pub status: Option<String>,
}

/// Every known payment type.
#[napi(catch_unwind)]
pub fn payment_types() -> Vec<NativePaymentType> {
    PaymentType::all()
        .iter()
        .map(|p| NativePaymentType {
            code: p.as_str().to_owned(),
            description: p.description().map(str::to_owned),
            status: p.status().map(str::to_owned),
        })
        .collect()
}

/// A code and its documented description.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeCode {
    /// The code as written on the wire.
    pub code: String,
    /// The documented English description.
    pub description: Option<String>,
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`.
#[napi(catch_unwind)]
pub fn error_codes(alerts: bool) -> Vec<NativeCode> {
    let table = if alerts { ALERT_CODES } else { ERROR_CODES };
    table
        .iter()
        .map(|(code, description)| NativeCode {
            code: code.to_string(),
            description: Some((*description).to_owned()),
        })
        .collect()
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`), `null` if unknown.
#[napi(catch_unwind)]
pub fn describe_code(code: u32, alert: bool) -> Option<String> {
    let description = if alert {
        gestpay::codes::alert_description(code)
    } else {
        gestpay::codes::error_description(code)
    };
    description.map(str::to_owned)
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[napi(catch_unwind)]
pub fn transaction_type_of(operation: String) -> Option<String> {
    gestpay::codes::transaction_type_of(&operation).map(str::to_owned)
}

macro_rules! rows {
    ($ty:ty) => {
        <$ty>::all()
            .iter()
            .map(|v| NativeCode {
                code: v.as_str().to_owned(),
                description: v.description().map(str::to_owned),
            })
            .collect()
    };
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
#[napi(catch_unwind)]
pub fn code_table(name: String) -> Result<Vec<NativeCode>> {
    Ok(match name.as_str() {
        "transactionResult" => rows!(TransactionResult),
        "transactionState" => rows!(TransactionState),
        "eventType" => rows!(EventType),
        "riskResponseCode" => rows!(RiskResponseCode),
        "authenticationLevel" => rows!(AuthenticationLevel),
        "transDetailsType" => rows!(TransDetailsType),
        _ => return Err(invalid_type("name", "no code table by that name")),
    })
}
