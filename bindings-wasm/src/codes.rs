//! `gestpay::codes` and `gestpay::amount`: the gateway's code tables (currencies, languages,
//! payment types, error and alert codes, the small open enums) with their documented English
//! descriptions, and exact decimal amounts ⇄ integer minor units (never a float).
//!
//! A table crosses as the JSON text of the shared crate's rows (camelCase, absent when `None`),
//! as the napi addon's does; the JS side parses it once and keeps it.

use gestpay_js_core::codes as shared;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Result, Thrown};

/// Every known currency.
#[wasm_bindgen]
pub fn currencies() -> Result<String> {
    shared::currencies().map_err(Thrown)
}

/// The known currency with this ISO alphabetic code (any case), UIC code (number or decimal
/// text) or `null`.
#[wasm_bindgen]
pub fn currency(code: String) -> Result<Option<String>> {
    shared::currency(&code).map_err(Thrown)
}

/// Every known language.
#[wasm_bindgen]
pub fn languages() -> Result<String> {
    shared::languages().map_err(Thrown)
}

/// Every known payment type.
#[wasm_bindgen(js_name = paymentTypes)]
pub fn payment_types() -> Result<String> {
    shared::payment_types().map_err(Thrown)
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`;
/// the codes as decimal text, as the napi addon gives them.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes(alerts: bool) -> Result<String> {
    shared::error_codes(alerts).map_err(Thrown)
}

/// `text` as a JS string, `None` as `null` (napi's `Option<String>` return).
fn text_or_null(text: Option<&str>) -> JsValue {
    text.map_or(JsValue::NULL, JsValue::from_str)
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`), `null` if unknown.
#[wasm_bindgen(js_name = describeCode)]
pub fn describe_code(code: u32, alert: bool) -> JsValue {
    text_or_null(shared::describe_code(code, alert))
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[wasm_bindgen(js_name = transactionTypeOf)]
pub fn transaction_type_of(operation: String) -> JsValue {
    text_or_null(shared::transaction_type_of(&operation))
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType`.
#[wasm_bindgen(js_name = codeTable)]
pub fn code_table(name: String) -> Result<String> {
    shared::code_table(&name).map_err(Thrown)
}

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
#[wasm_bindgen(js_name = amountFromMinor)]
pub fn amount_from_minor(minor: String, currency: String) -> Result<String> {
    shared::amount_from_minor(&minor, &currency).map_err(Thrown)
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
#[wasm_bindgen(js_name = amountToMinor)]
pub fn amount_to_minor(amount: String, currency: String) -> Result<String> {
    shared::amount_to_minor(&amount, &currency).map_err(Thrown)
}
