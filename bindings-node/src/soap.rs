//! `gestpay::soap`: limits, the documents handed to parsers, the HTTP message descriptions,
//! SOAP faults, request identification, the operations table and endpoints, as napi shapes.

use gestpay::xml::Limits;
use gestpay_js_core::message::OperationInfo;
use gestpay_js_core::soap::{self as shared, Endpoints, Http, RequestInfo};
use napi::bindgen_prelude::Either;
use napi_derive::napi;

use crate::error::{OrThrow, Result};
use crate::held::Held;

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
    let given = given.unwrap_or_default();
    let size = |v: Option<u32>| v.map(|v| v as usize);
    shared::limits(
        size(given.max_document_bytes),
        size(given.max_depth),
        size(given.max_text_bytes),
    )
}

/// A document handed to a parser: a JS string or the bytes of a `Uint8Array` / `Buffer`.
pub(crate) type Body<'a> = Either<String, &'a [u8]>;

/// The document's bytes; a string's behind a byte-order mark (`shared::text_document`).
pub(crate) fn bytes<'b>(body: &'b Body<'_>) -> std::borrow::Cow<'b, [u8]> {
    match body {
        Either::A(text) => std::borrow::Cow::Owned(shared::text_document(text.clone())),
        Either::B(bytes) => std::borrow::Cow::Borrowed(bytes),
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

impl From<Http> for NativeHttp {
    fn from(http: Http) -> Self {
        NativeHttp {
            method: http.method,
            url: http.url,
            status: http.status,
            headers: http.headers.into_iter().map(|(k, v)| vec![k, v]).collect(),
            body: http.body,
        }
    }
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[napi(catch_unwind)]
pub fn build_fault(fault: String, soap: String) -> Result<NativeHttp> {
    shared::build_fault(&fault, &soap)
        .map(NativeHttp::from)
        .or_throw()
}

/// The SOAP fault in a whole envelope (an error when the document holds none).
#[napi(catch_unwind)]
pub fn parse_fault(body: Body<'_>, limits: Option<NativeLimits>) -> Result<Held> {
    Held::root(shared::parse_fault(&bytes(&body), self::limits(limits)).or_throw()?)
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

impl From<RequestInfo> for NativeRequestInfo {
    fn from(info: RequestInfo) -> Self {
        NativeRequestInfo {
            soap: info.soap.to_owned(),
            service: info.service.map(str::to_owned),
            operation: info.operation,
        }
    }
}

/// Identifies the operation of a request envelope without parsing its fields.
#[napi(catch_unwind)]
pub fn identify_request(body: Body<'_>, limits: Option<NativeLimits>) -> Result<NativeRequestInfo> {
    let info = shared::identify_request(&bytes(&body), self::limits(limits));
    info.map(NativeRequestInfo::from).or_throw()
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

impl From<OperationInfo> for NativeOperation {
    fn from(op: OperationInfo) -> Self {
        NativeOperation {
            name: op.name.to_owned(),
            service: op.service.to_owned(),
            action: op.action.to_owned(),
            path: op.path.to_owned(),
        }
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
    let endpoints = shared::endpoints(&env).map(|e: Endpoints| NativeEndpoints {
        soap_base: e.soap_base,
        pages_base: e.pages_base,
    });
    endpoints.or_throw()
}
