//! `gestpay::soap`: limits and the documents handed to parsers (read from JS values), SOAP
//! faults, and endpoints.

use gestpay::xml::Limits;
use gestpay_js_core::invalid_type;
use gestpay_js_core::soap as shared;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::held::Held;
use crate::{Result, Thrown, object};

/// One member of a limits object: a positive integer that fits in 32 bits, or the default.
fn limit(given: &JsValue, key: &str) -> Option<usize> {
    let value = Reflect::get(given, &JsValue::from_str(key))
        .ok()?
        .as_f64()?;
    let whole = value.is_finite() && value.fract() == 0.0;
    (whole && (1.0..=f64::from(u32::MAX)).contains(&value)).then_some(value as usize)
}

/// Parser limits from `{ maxDocumentBytes, maxDepth, maxTextBytes }` (`undefined` or `null`:
/// the core's defaults; members left out keep theirs).
pub(crate) fn limits(given: &JsValue) -> Limits {
    if !given.is_object() {
        return Limits::default();
    }
    shared::limits(
        limit(given, "maxDocumentBytes"),
        limit(given, "maxDepth"),
        limit(given, "maxTextBytes"),
    )
}

/// A document handed to a parser: a JS string (its UTF-8 bytes, behind a BOM) or a `Uint8Array`, copied
/// into the module's memory.
pub(crate) fn bytes(body: &JsValue) -> Result<Vec<u8>> {
    if let Some(text) = body.as_string() {
        // Text already: behind a byte-order mark, which wins over a declared charset.
        return Ok(shared::text_document(text));
    }
    match body.dyn_ref::<Uint8Array>() {
        Some(array) => Ok(array.to_vec()),
        None => Err(Thrown(invalid_type(
            "body",
            "expected a string or a Uint8Array",
        ))),
    }
}

/// The SOAP fault in a whole envelope (an error when the document holds none).
#[wasm_bindgen(js_name = parseFault)]
pub fn parse_fault(body: JsValue, limits: JsValue) -> Result<Held> {
    Held::root(shared::parse_fault(&bytes(&body)?, self::limits(&limits)).map_err(Thrown)?)
}

/// Where the SOAP services and the browser pages of an environment live.
#[wasm_bindgen]
pub fn endpoints(env: String) -> Result<JsValue> {
    object(&shared::endpoints(&env)?)
}
