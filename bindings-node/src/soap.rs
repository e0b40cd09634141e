//! `gestpay::soap`: environments, SOAP versions, limits, the HTTP message descriptions, SOAP
//! faults, and the operations table.

use gestpay::soap::{Environment, HttpRequest, HttpResponse, Service, SoapFault, SoapVersion};
use gestpay::xml::Limits;
use napi::Result;
use napi::bindgen_prelude::Either;
use napi_derive::napi;

use crate::error::{OrThrow, invalid_type};
use crate::from_json;

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

/// Parser limits; members left out keep the core's defaults.
#[napi(object)]
#[derive(Debug, Clone, Default)]
pub struct NativeLimits {
    /// Largest accepted document, in bytes.
    pub max_document_bytes: Option<u32>,
    /// Deepest accepted element nesting.
    pub max_depth: Option<u32>,
    /// Largest accepted text of one element, in bytes.
    pub max_text_bytes: Option<u32>,
}

pub(crate) fn limits(given: Option<NativeLimits>) -> Limits {
    let mut limits = Limits::default();
    if let Some(given) = given {
        if let Some(v) = given.max_document_bytes {
            limits.max_document_bytes = v as usize;
        }
        if let Some(v) = given.max_depth {
            limits.max_depth = v as usize;
        }
        if let Some(v) = given.max_text_bytes {
            limits.max_text_bytes = v as usize;
        }
    }
    limits
}

/// A document handed to a parser: a JS string or the bytes of a `Uint8Array` / `Buffer`.
pub(crate) type Body<'a> = Either<String, &'a [u8]>;

pub(crate) fn bytes<'b>(body: &'b Body<'_>) -> &'b [u8] {
    match body {
        Either::A(text) => text.as_bytes(),
        Either::B(bytes) => bytes,
    }
}

/// An HTTP message description: a request (`method`, `url`) or a response (`status`).
/// Headers are `[name, value]` pairs in order; the body is the envelope's UTF-8 text.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeHttp {
    /// `POST` (requests).
    pub method: Option<String>,
    /// The endpoint (requests).
    pub url: Option<String>,
    /// 200 or 500 (responses).
    pub status: Option<u16>,
    /// `[name, value]` pairs.
    pub headers: Vec<Vec<String>>,
    /// The envelope.
    pub body: String,
}

fn text(body: Vec<u8>) -> Result<String> {
    String::from_utf8(body).map_err(|e| crate::error::internal(&e.to_string()))
}

fn pairs(headers: Vec<(String, String)>) -> Vec<Vec<String>> {
    headers.into_iter().map(|(k, v)| vec![k, v]).collect()
}

pub(crate) fn http_request(req: HttpRequest) -> Result<NativeHttp> {
    Ok(NativeHttp {
        method: Some(req.method),
        url: Some(req.url),
        status: None,
        headers: pairs(req.headers),
        body: text(req.body)?,
    })
}

pub(crate) fn http_response(res: HttpResponse) -> Result<NativeHttp> {
    Ok(NativeHttp {
        method: None,
        url: None,
        status: Some(res.status),
        headers: pairs(res.headers),
        body: text(res.body)?,
    })
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[napi(catch_unwind)]
pub fn build_fault(fault: String, soap: String) -> Result<NativeHttp> {
    let fault: SoapFault = from_json(&fault, "fault")?;
    let version = soap_version(&soap)?;
    http_response(fault.to_http_response(version).or_throw()?)
}

/// The SOAP fault in a whole envelope (an error when the document holds none).
#[napi(catch_unwind)]
pub fn parse_fault(body: Body<'_>, limits: Option<NativeLimits>) -> Result<String> {
    let fault = SoapFault::from_envelope(bytes(&body), self::limits(limits)).or_throw()?;
    crate::to_json(&fault)
}

/// What a request envelope is (SOAP version, service, operation), for a server that dispatches.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeRequestInfo {
    /// `"1.1"` or `"1.2"`.
    pub soap: String,
    /// `"WsCryptDecrypt"`, `"WsS2S"`, or absent when the wrapper is unqualified.
    pub service: Option<String>,
    /// The wrapper's local name.
    pub operation: String,
}

fn service_name(service: Service) -> &'static str {
    match service {
        Service::CryptDecrypt => "WsCryptDecrypt",
        Service::S2s => "WsS2S",
    }
}

/// Identifies the operation of a request envelope without parsing its fields.
#[napi(catch_unwind)]
pub fn identify_request(body: Body<'_>, limits: Option<NativeLimits>) -> Result<NativeRequestInfo> {
    let info = gestpay::soap::identify_request(bytes(&body), self::limits(limits)).or_throw()?;
    Ok(NativeRequestInfo {
        soap: match info.version {
            SoapVersion::Soap11 => "1.1",
            SoapVersion::Soap12 => "1.2",
        }
        .to_owned(),
        service: info.service.map(|s| service_name(s).to_owned()),
        operation: info.operation,
    })
}

/// One operation of the gateway, with its wire names.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeOperation {
    /// The exact wire name (`Encrypt`, `callReadTrxS2S`, `CallRequestTokenS2S`).
    pub name: String,
    /// `"WsCryptDecrypt"` or `"WsS2S"`.
    pub service: String,
    /// The SOAPAction.
    pub action: String,
    /// The endpoint path.
    pub path: String,
}

pub(crate) fn operation_info(op: &gestpay::soap::Operation) -> NativeOperation {
    NativeOperation {
        name: op.name.to_owned(),
        service: service_name(op.service).to_owned(),
        action: op.action.to_owned(),
        path: op.service.path().to_owned(),
    }
}

/// The base URL of the SOAP services and of the browser pages of an environment.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct NativeEndpoints {
    /// Where WsCryptDecrypt and WsS2S live.
    pub soap_base: String,
    /// Where the payment page and the 3-D Secure page live.
    pub pages_base: String,
}

/// The base URLs of an environment.
#[napi(catch_unwind)]
pub fn endpoints(env: String) -> Result<NativeEndpoints> {
    let env = environment(&env)?;
    Ok(NativeEndpoints {
        soap_base: env.soap_base().to_owned(),
        pages_base: env.pages_base().to_owned(),
    })
}
