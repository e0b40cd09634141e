//! `gestpay::codes`: the gateway's code tables (currencies, languages, payment types, error and
//! alert codes, and the small open enums), with the documented English descriptions. A table
//! crosses as the JSON text of the shared crate's rows (camelCase, absent when `None`), which
//! the JS side parses once and keeps: the WASM module gives the same text.

use gestpay_js_core::codes as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};

/// Every known currency.
#[napi(catch_unwind)]
pub fn currencies() -> Result<String> {
    shared::currencies().or_throw()
}

/// The currency with this ISO alphabetic code (any case) or UIC code (number or decimal text;
/// an unknown one has `known` false), or `null` for an unknown alphabetic code.
#[napi(catch_unwind)]
pub fn currency(code: String) -> Result<Option<String>> {
    shared::currency(&code).or_throw()
}

/// Every known language.
#[napi(catch_unwind)]
pub fn languages() -> Result<String> {
    shared::languages().or_throw()
}

/// Every known payment type.
#[napi(catch_unwind)]
pub fn payment_types() -> Result<String> {
    shared::payment_types().or_throw()
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`.
#[napi(catch_unwind)]
pub fn error_codes(alerts: bool) -> Result<String> {
    shared::error_codes(alerts).or_throw()
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`), `null` if unknown.
#[napi(catch_unwind)]
pub fn describe_code(code: u32, alert: bool) -> Option<String> {
    shared::describe_code(code, alert).map(str::to_owned)
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[napi(catch_unwind)]
pub fn transaction_type_of(operation: String) -> Option<String> {
    shared::transaction_type_of(&operation).map(str::to_owned)
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
#[napi(catch_unwind)]
pub fn code_table(name: String) -> Result<String> {
    shared::code_table(&name).or_throw()
}
