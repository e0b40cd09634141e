//! `gestpay::soap`: environments, SOAP versions, limits, the documents handed to parsers, the
//! HTTP message descriptions, SOAP faults, and request identification.

use gestpay::soap::{Environment, Service, SoapFault};
use gestpay::xml::Limits;
use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::OrThrow;
use crate::{Result, invalid_type, object};

/// `"test"`, `"production"`, or a base URL (`http://127.0.0.1:8480`) for a custom endpoint.
pub(crate) fn environment(env: &str) -> Result<Environment> {
    match env {
        "test" => Ok(Environment::Test),
        "production" => Ok(Environment::Production),
        url if url.starts_with("http://") || url.starts_with("https://") => {
            Ok(Environment::Custom(url.to_owned()))
        }
        _ => Err(invalid_type(
            "env",
            "expected \"test\", \"production\", an http(s) base URL or { custom: url }",
        )),
    }
}

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
    let mut limits = Limits::default();
    if given.is_object() {
        if let Some(v) = limit(given, "maxDocumentBytes") {
            limits.max_document_bytes = v;
        }
        if let Some(v) = limit(given, "maxDepth") {
            limits.max_depth = v;
        }
        if let Some(v) = limit(given, "maxTextBytes") {
            limits.max_text_bytes = v;
        }
    }
    limits
}

/// A document handed to a parser: a JS string (its UTF-8 bytes) or a `Uint8Array`, copied
/// into the module's memory.
pub(crate) fn bytes(body: &JsValue) -> Result<Vec<u8>> {
    if let Some(text) = body.as_string() {
        return Ok(text.into_bytes());
    }
    match body.dyn_ref::<Uint8Array>() {
        Some(array) => Ok(array.to_vec()),
        None => Err(invalid_type("body", "expected a string or a Uint8Array")),
    }
}

/// The SOAP fault in a whole envelope (an error when the document holds none).
#[wasm_bindgen(js_name = parseFault)]
pub fn parse_fault(body: JsValue, limits: JsValue) -> Result<String> {
    let fault = SoapFault::from_envelope(&bytes(&body)?, self::limits(&limits)).or_throw()?;
    crate::to_json(&fault)
}

pub(crate) fn service_name(service: Service) -> &'static str {
    match service {
        Service::CryptDecrypt => "WsCryptDecrypt",
        Service::S2s => "WsS2S",
    }
}

/// The base URLs of an environment.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Endpoints<'a> {
    soap_base: &'a str,
    pages_base: &'a str,
}

/// Where the SOAP services and the browser pages of an environment live.
#[wasm_bindgen]
pub fn endpoints(env: String) -> Result<JsValue> {
    let env = environment(&env)?;
    object(&Endpoints {
        soap_base: env.soap_base(),
        pages_base: env.pages_base(),
    })
}
