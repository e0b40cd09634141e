//! `gestpay::message`: the operations table and parsing a result, dispatched by the exact wire
//! name of the operation (`gestpay_js_core::with_operation!`); the rest is in builders.rs.

use gestpay_js_core::message as shared;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::soap::{bytes, limits};
use crate::{Result, Thrown, object};

/// The operations: `{ name, service, action, path }` each.
#[wasm_bindgen]
pub fn operations() -> Result<JsValue> {
    object(&shared::operations())
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[wasm_bindgen(js_name = parseResult)]
pub fn parse_result(operation: String, body: JsValue, limits: JsValue) -> Result<String> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    shared::parse_result(&operation, &body, limits).map_err(Thrown)
}
