//! `gestpay::codes`: the gateway's code tables (currencies, languages, payment types, error and
//! alert codes, and the small open enums), with the documented English descriptions. The rows
//! are the shared crate's, copied into `#[napi(object)]` shapes.

use gestpay_js_core::codes::{self as shared, CodeRow, CurrencyRow, LanguageRow};
use napi_derive::napi;

use crate::error::{OrThrow, Result};

fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

fn rows<R, N: From<R>>(rows: Vec<R>) -> Vec<N> {
    rows.into_iter().map(N::from).collect()
}

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
    /// In the gateway's table (an unknown UIC code is still a currency).
    pub known: bool,
}

impl From<CurrencyRow> for NativeCurrency {
    fn from(c: CurrencyRow) -> Self {
        NativeCurrency {
            uic_code: c.uic_code,
            iso_alpha: owned(c.iso_alpha),
            iso_numeric: c.iso_numeric,
            description: owned(c.description),
            exponent: c.exponent,
            known: c.known,
        }
    }
}

/// Every known currency.
#[napi(catch_unwind)]
pub fn currencies() -> Vec<NativeCurrency> {
    rows(shared::currencies())
}

/// The currency with this ISO alphabetic code (any case) or UIC code (number or decimal text;
/// an unknown one has `known` false), or `null` for an unknown alphabetic code.
#[napi(catch_unwind)]
pub fn currency(code: String) -> Option<NativeCurrency> {
    shared::currency(&code).map(NativeCurrency::from)
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

impl From<LanguageRow> for NativeLanguage {
    fn from(l: LanguageRow) -> Self {
        NativeLanguage {
            id: l.id,
            name: owned(l.name),
            iso639_1: owned(l.iso639_1),
        }
    }
}

/// Every known language.
#[napi(catch_unwind)]
pub fn languages() -> Vec<NativeLanguage> {
    rows(shared::languages())
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

impl From<CodeRow> for NativePaymentType {
    fn from(p: CodeRow) -> Self {
        NativePaymentType {
            code: p.code.into_owned(),
            description: owned(p.description),
            status: owned(p.status),
        }
    }
}

/// Every known payment type.
#[napi(catch_unwind)]
pub fn payment_types() -> Vec<NativePaymentType> {
    rows(shared::payment_types())
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

impl From<CodeRow> for NativeCode {
    fn from(c: CodeRow) -> Self {
        NativeCode {
            code: c.code.into_owned(),
            description: owned(c.description),
        }
    }
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`.
#[napi(catch_unwind)]
pub fn error_codes(alerts: bool) -> Vec<NativeCode> {
    rows(shared::error_codes(alerts))
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`), `null` if unknown.
#[napi(catch_unwind)]
pub fn describe_code(code: u32, alert: bool) -> Option<String> {
    owned(shared::describe_code(code, alert))
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[napi(catch_unwind)]
pub fn transaction_type_of(operation: String) -> Option<String> {
    owned(shared::transaction_type_of(&operation))
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
#[napi(catch_unwind)]
pub fn code_table(name: String) -> Result<Vec<NativeCode>> {
    shared::code_table(&name).map(rows).or_throw()
}
