//! What only the main module has (feature `builders`): building requests and validating them,
//! parsing whole HTTP responses, and the gateway's side (parsing requests, building responses
//! and faults, identifying a request, a callback's query). The read-only module
//! (`gestpay-wasm/read`) leaves these out to stay small (docs/wasm.md, "Two modules").

use gestpay::payment_page::Callback;
use gestpay::soap::{HttpRequest, HttpResponse, SoapFault, SoapVersion};
use gestpay::{Request, Response};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{OrThrow, unknown_operation};
use crate::message::with_operation;
use crate::soap::{bytes, limits, service_name};
use crate::{Result, from_json, internal, invalid_type, object, to_json};

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
    let env = crate::soap::environment(&env)?;
    let version = soap_version(&soap)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let req: Req = from_json(&request, "request")?;
        let http = if validate {
            req.to_http(&env, version).or_throw()?
        } else {
            unchecked_http::<Req>(
                &env,
                version,
                req.to_envelope_unchecked(version).or_throw()?,
            )
        };
        http_request(http)
    })
}

/// The HTTP description of an envelope built without validation, as `to_http` makes it.
fn unchecked_http<R: Request>(
    env: &gestpay::Environment,
    version: SoapVersion,
    body: Vec<u8>,
) -> gestpay::HttpRequest {
    let op = R::OPERATION;
    let mut headers = vec![(
        "Content-Type".to_owned(),
        gestpay::soap::content_type(version, op.action),
    )];
    if version == SoapVersion::Soap11 {
        headers.push(("SOAPAction".to_owned(), format!("\"{}\"", op.action)));
    }
    gestpay::HttpRequest {
        method: "POST".to_owned(),
        url: env.endpoint(op.service),
        headers,
        body,
    }
}

/// Checks that `buildRequest` would accept the request: the documented rules, and the
/// characters XML 1.0 can carry (checked while writing, so the envelope is built and dropped).
#[wasm_bindgen(js_name = validateRequest)]
pub fn validate_request(operation: String, request: String) -> Result<()> {
    with_operation!(operation.as_str(), |Req, Res| {
        let req: Req = from_json(&request, "request")?;
        req.to_envelope(SoapVersion::Soap11).map(drop).or_throw()
    })
}

/// Parses an HTTP response of `operation` (strict: a whole envelope; a fault is an error).
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(
    operation: String,
    status: u16,
    content_type: Option<String>,
    body: JsValue,
    limits: JsValue,
) -> Result<String> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let result = Res::from_http_with_limits(status, content_type.as_deref(), &body, limits)
            .or_throw()?;
        to_json(&result)
    })
}

/// Parses a request (the gateway's side): an envelope or the bare wrapper element.
#[wasm_bindgen(js_name = parseRequest)]
pub fn parse_request(operation: String, body: JsValue) -> Result<String> {
    let body = bytes(&body)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let request = Req::from_xml(&body).or_throw()?;
        to_json(&request)
    })
}

/// The HTTP response (status 200) the gateway sends for a result.
#[wasm_bindgen(js_name = buildResponse)]
pub fn build_response(operation: String, result: String, soap: String) -> Result<JsValue> {
    let version = soap_version(&soap)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let result: Res = from_json(&result, "result")?;
        http_response(result.to_http_response(version).or_throw()?)
    })
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[wasm_bindgen(js_name = buildFault)]
pub fn build_fault(fault: String, soap: String) -> Result<JsValue> {
    let fault: SoapFault = from_json(&fault, "fault")?;
    let version = soap_version(&soap)?;
    http_response(fault.to_http_response(version).or_throw()?)
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

/// The query string the gateway sends for a callback (`a=…&b=…`), URL-encoded.
#[wasm_bindgen(js_name = callbackQuery)]
pub fn callback_query(callback: String) -> Result<String> {
    let callback: Callback = from_json(&callback, "callback")?;
    Ok(callback.to_query())
}

/// `"1.1"` or `"1.2"`.
pub(crate) fn soap_version(soap: &str) -> Result<SoapVersion> {
    match soap {
        "1.1" => Ok(SoapVersion::Soap11),
        "1.2" => Ok(SoapVersion::Soap12),
        _ => Err(invalid_type("soap", "expected \"1.1\" or \"1.2\"")),
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
