//! What only the main module has (feature `builders`): building requests and validating them,
//! parsing whole HTTP responses, and the gateway's side (parsing requests, building responses
//! and faults, identifying a request, a callback's query). The read-only module
//! (`gestpay-wasm/read`) leaves these out to stay small (docs/wasm.md, "Two modules").

use gestpay_js_core::{message, page, soap as shared};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::held::Held;
use crate::soap::{bytes, limits};
use crate::{Result, Thrown, object};

/// The HTTP call of a request: validated (unless `validate` is false) and built as `soap`
/// for the endpoint of `env`.
#[wasm_bindgen(js_name = buildRequest)]
pub fn build_request(
    operation: String,
    request: String,
    env: String,
    soap: String,
    validate: bool,
) -> Result<JsValue> {
    object(&message::build_request(
        &operation, &request, &env, &soap, validate,
    )?)
}

/// Checks that `buildRequest` would accept the request: the documented rules, and the
/// characters XML 1.0 can carry (checked while writing, so the envelope is built and dropped).
#[wasm_bindgen(js_name = validateRequest)]
pub fn validate_request(operation: String, request: String) -> Result<()> {
    message::validate_request(&operation, &request).map_err(Thrown)
}

/// Parses an HTTP response of `operation` (strict: a whole envelope; a fault is an error).
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(
    operation: String,
    status: u16,
    content_type: Option<String>,
    body: JsValue,
    limits: JsValue,
) -> Result<Held> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    let content_type = content_type.as_deref();
    let parsed = message::parse_response(&operation, status, content_type, &body, limits);
    Held::root(parsed.map_err(Thrown)?)
}

/// Parses a request (the gateway's side): an envelope or the bare wrapper element.
#[wasm_bindgen(js_name = parseRequest)]
pub fn parse_request(operation: String, body: JsValue) -> Result<Held> {
    Held::root(message::parse_request(&operation, &bytes(&body)?).map_err(Thrown)?)
}

/// The HTTP response (status 200) the gateway sends for a result.
#[wasm_bindgen(js_name = buildResponse)]
pub fn build_response(operation: String, result: String, soap: String) -> Result<JsValue> {
    object(&message::build_response(&operation, &result, &soap)?)
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[wasm_bindgen(js_name = buildFault)]
pub fn build_fault(fault: String, soap: String) -> Result<JsValue> {
    object(&shared::build_fault(&fault, &soap)?)
}

/// Identifies the operation of a request envelope without parsing its fields.
#[wasm_bindgen(js_name = identifyRequest)]
pub fn identify_request(body: JsValue, limits: JsValue) -> Result<JsValue> {
    let body = bytes(&body)?;
    object(&shared::identify_request(&body, self::limits(&limits))?)
}

/// The query string the gateway sends for a callback (`a=…&b=…`), URL-encoded.
#[wasm_bindgen(js_name = callbackQuery)]
pub fn callback_query(callback: String) -> Result<String> {
    page::callback_query(&callback).map_err(Thrown)
}
