//! `gestpay::message`: the operations table and parsing a result, dispatched by the exact wire
//! name of the operation (the core's registry, `gestpay::dynamic::Operation`); the rest is in
//! builders.rs.

use gestpay_js_core::message as shared;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::held::Held;
use crate::soap::{bytes, limits};
use crate::{Result, Thrown, object};

/// The operations: `{ name, service, action, path }` each.
#[wasm_bindgen]
pub fn operations() -> Result<JsValue> {
    object(&shared::operations())
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[wasm_bindgen(js_name = parseResult)]
pub fn parse_result(operation: String, body: JsValue, limits: JsValue) -> Result<Held> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    Held::root(shared::parse_result(&operation, &body, limits).map_err(Thrown)?)
}

/// The success check of a result's outcome fields (the core's `Outcome::ensure_ok`): nothing
/// for `OK`, an error (`declined`, `pending`, `no_result`, `unknown_result`) otherwise.
#[wasm_bindgen(js_name = ensureOk)]
pub fn ensure_ok(
    transaction_result: Option<String>,
    error_code: Option<u32>,
    error_description: Option<String>,
) -> Result<()> {
    shared::ensure_ok(
        transaction_result.as_deref(),
        error_code,
        error_description.as_deref(),
    )
    .map_err(Thrown)
}
