//! `gestpay::soap`: environments, SOAP versions, limits, the HTTP message descriptions, SOAP
//! faults, request identification and the operations table.

use gestpay::soap::{Environment, Service, SoapFault, SoapVersion};
#[cfg(feature = "builders")]
use gestpay::soap::{HttpRequest, HttpResponse};
use gestpay::xml::Limits;
use serde::Serialize;

use crate::Result;

/// `"test"`, `"production"`, or a base URL (`http://127.0.0.1:8480`) for a custom endpoint:
/// the core's `Environment::parse` (exact names; `invalid_env` otherwise).
pub fn environment(env: &str) -> Result<Environment> {
    Ok(Environment::parse(env)?)
}

/// `"1.1"` or `"1.2"`.
pub fn soap_version(soap: &str) -> Result<SoapVersion> {
    Ok(SoapVersion::parse(soap)?)
}

/// Parser limits from the members of a JS limits object (`maxDocumentBytes`, `maxDepth`,
/// `maxTextBytes`, as each binding reads them); `None` keeps the core's default.
pub fn limits(
    max_document_bytes: Option<usize>,
    max_depth: Option<usize>,
    max_text_bytes: Option<usize>,
) -> Limits {
    let mut limits = Limits::default();
    if let Some(v) = max_document_bytes {
        limits.max_document_bytes = v;
    }
    if let Some(v) = max_depth {
        limits.max_depth = v;
    }
    if let Some(v) = max_text_bytes {
        limits.max_text_bytes = v;
    }
    limits
}

/// An HTTP message description: a request (`method`, `url`) or a response (`status`).
/// Headers are `[name, value]` pairs in order; the body is the envelope's UTF-8 text.
#[cfg(feature = "builders")]
#[derive(Debug, Clone, Serialize)]
pub struct Http {
    /// `POST` (requests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The endpoint (requests).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// 200 or 500 (responses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// `[name, value]` pairs.
    pub headers: Vec<(String, String)>,
    /// The envelope.
    pub body: String,
}

#[cfg(feature = "builders")]
fn text(body: Vec<u8>) -> Result<String> {
    String::from_utf8(body).map_err(|e| crate::internal(&e.to_string()))
}

/// The description of a request.
#[cfg(feature = "builders")]
pub fn http_request(req: HttpRequest) -> Result<Http> {
    Ok(Http {
        method: Some(req.method),
        url: Some(req.url),
        status: None,
        headers: req.headers,
        body: text(req.body)?,
    })
}

/// The description of a response.
#[cfg(feature = "builders")]
pub fn http_response(res: HttpResponse) -> Result<Http> {
    Ok(Http {
        method: None,
        url: None,
        status: Some(res.status),
        headers: res.headers,
        body: text(res.body)?,
    })
}

/// The HTTP response (status 500) of a SOAP fault, as the gateway sends it.
#[cfg(feature = "builders")]
pub fn build_fault(fault: &str, soap: &str) -> Result<Http> {
    let fault: SoapFault = crate::from_json(fault, "fault")?;
    let version = soap_version(soap)?;
    http_response(fault.to_http_response(version)?)
}

/// The SOAP fault in a whole envelope (an error when the document holds none).
pub fn parse_fault(body: &[u8], limits: Limits) -> Result<crate::held::Held> {
    Ok(crate::held::Held::value(SoapFault::from_envelope(
        body, limits,
    )?))
}

/// `"WsCryptDecrypt"` or `"WsS2S"`.
pub fn service_name(service: Service) -> &'static str {
    match service {
        Service::CryptDecrypt => "WsCryptDecrypt",
        Service::S2s => "WsS2S",
    }
}

/// What a request envelope is (SOAP version, service, operation), for a server that dispatches.
#[cfg(feature = "builders")]
#[derive(Debug, Clone, Serialize)]
pub struct RequestInfo {
    /// `"1.1"` or `"1.2"`.
    pub soap: &'static str,
    /// `"WsCryptDecrypt"`, `"WsS2S"`, or absent when the wrapper is unqualified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<&'static str>,
    /// The wrapper's local name.
    pub operation: String,
}

/// Identifies the operation of a request envelope without parsing its fields.
#[cfg(feature = "builders")]
pub fn identify_request(body: &[u8], limits: Limits) -> Result<RequestInfo> {
    let info = gestpay::soap::identify_request(body, limits)?;
    Ok(RequestInfo {
        soap: match info.version {
            SoapVersion::Soap11 => "1.1",
            SoapVersion::Soap12 => "1.2",
        },
        service: info.service.map(service_name),
        operation: info.operation,
    })
}

/// The base URLs of an environment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    /// Where WsCryptDecrypt and WsS2S live.
    pub soap_base: String,
    /// Where the payment page and the 3-D Secure page live.
    pub pages_base: String,
}

/// Where the SOAP services and the browser pages of an environment live.
pub fn endpoints(env: &str) -> Result<Endpoints> {
    let env = environment(env)?;
    Ok(Endpoints {
        soap_base: env.soap_base().to_owned(),
        pages_base: env.pages_base().to_owned(),
    })
}

/// A document handed over as a JS string is text already: its UTF-8 bytes behind a byte-order
/// mark, which the core takes over any charset the XML declaration names (else a document
/// declaring `ISO-8859-1` would be decoded a second time).
pub fn text_document(text: String) -> Vec<u8> {
    if text.starts_with('\u{FEFF}') {
        return text.into_bytes();
    }
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice("\u{FEFF}".as_bytes());
    out.extend_from_slice(text.as_bytes());
    out
}
