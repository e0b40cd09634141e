//! `gestpay::soap`: environments, SOAP versions, limits, the documents handed to parsers, the
//! HTTP message descriptions, SOAP faults, and request identification.

use gestpay::soap::{Environment, HttpRequest, HttpResponse, Service, SoapFault, SoapVersion};
use gestpay::xml::Limits;
use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::OrThrow;
use crate::{Result, from_json, internal, invalid_type, object};

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

/// `"1.1"` or `"1.2"`.
pub(crate) fn soap_version(soap: &str) -> Result<SoapVersion> {
    match soap {
        "1.1" => Ok(SoapVersion::Soap11),
        "1.2" => Ok(SoapVersion::Soap12),
        _ => Err(invalid_type("soap", "expected \"1.1\" or \"1.2\"")),
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

/// An HTTP message description: a request (`method`, `url`) or a response (`status`).
/// Headers are `[name, value]` pairs in order; the body is the envelope's UTF-8 text.
#[derive(Debug, Serialize)]
struct Http {
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    headers: Vec<(String, String)>,
    body: String,
}

fn text(body: Vec<u8>) -> Result<String> {
    String::from_utf8(body).map_err(|e| internal(&e.to_string()))
}

pub(crate) fn http_request(req: HttpRequest) -> Result<JsValue> {
    object(&Http {
        method: Some(req.method),
        url: Some(req.url),
        status: None,
        headers: req.headers,
        body: text(req.body)?,
    })
}

pub(crate) fn http_response(res: HttpResponse) -> Result<JsValue> {
    object(&Http {
        method: None,
        url: None,
        status: Some(res.status),
        headers: res.headers,
        body: text(res.body)?,
    })
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[wasm_bindgen(js_name = buildFault)]
pub fn build_fault(fault: String, soap: String) -> Result<JsValue> {
    let fault: SoapFault = from_json(&fault, "fault")?;
    let version = soap_version(&soap)?;
    http_response(fault.to_http_response(version).or_throw()?)
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

/// What a request envelope is (SOAP version, service, operation), for a server that dispatches.
#[derive(Debug, Serialize)]
struct RequestInfo {
    soap: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    service: Option<&'static str>,
    operation: String,
}

/// Identifies the operation of a request envelope without parsing its fields.
#[wasm_bindgen(js_name = identifyRequest)]
pub fn identify_request(body: JsValue, limits: JsValue) -> Result<JsValue> {
    let body = bytes(&body)?;
    let info = gestpay::soap::identify_request(&body, self::limits(&limits)).or_throw()?;
    object(&RequestInfo {
        soap: match info.version {
            SoapVersion::Soap11 => "1.1",
            SoapVersion::Soap12 => "1.2",
        },
        service: info.service.map(service_name),
        operation: info.operation,
    })
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
