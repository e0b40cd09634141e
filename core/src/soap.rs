//! SOAP 1.1 / 1.2 envelopes for both services, the HTTP request description, and SOAP faults.

mod answer;
mod fault;

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use fault::{FaultCode, FaultReason, NS_XML, SoapFault, XmlAttribute, XmlElement};

use crate::error::{Error, ErrorCode, Result};
use crate::xml::{
    Child, Limits, NS_CRYPTDECRYPT, NS_S2S, NS_SOAP11, NS_SOAP12, Ns, XmlModel, XmlReader,
    XmlWriter,
};

/// The SOAP version of an exchange. SOAP 1.1 is what every official sample uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SoapVersion {
    /// SOAP 1.1: `text/xml` and a `SOAPAction` header.
    #[default]
    #[serde(rename = "1.1")]
    Soap11,
    /// SOAP 1.2: `application/soap+xml` with an `action` parameter.
    #[serde(rename = "1.2")]
    Soap12,
}

impl SoapVersion {
    /// `"1.1"` or `"1.2"`, exactly; anything else is `invalid_value` on field `soap`.
    pub fn parse(text: &str) -> Result<SoapVersion> {
        match text {
            "1.1" => Ok(SoapVersion::Soap11),
            "1.2" => Ok(SoapVersion::Soap12),
            _ => Err(Error::invalid(
                ErrorCode::InvalidValue,
                "soap",
                "expected \"1.1\" or \"1.2\"",
            )),
        }
    }

    /// `"1.1"` or `"1.2"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => "1.1",
            SoapVersion::Soap12 => "1.2",
        }
    }

    fn envelope_ns(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => NS_SOAP11,
            SoapVersion::Soap12 => NS_SOAP12,
        }
    }
}

/// Where requests go: the gateway's test or production hosts, or any base URL (a local emulator,
/// a proxy). A custom base is `http(s)://host[:port][/prefix]`; the services' paths are appended
/// (docs/protocol.md §1.1: the base URL may be overridden).
///
/// Build a custom environment with [`Environment::custom`] or [`Environment::parse`], which check
/// the base URL. The variant can also be written directly (`Environment::Custom(url)`), so every
/// place that builds a URL from it — [`Request::to_http`](crate::Request::to_http),
/// [`payment_page_url`](crate::payment_page::payment_page_url),
/// [`three_ds_page_url`](crate::payment_page::three_ds_page_url) — checks it again and answers
/// `invalid_env` (field `env`) for an unusable base.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Environment {
    /// `sandbox.gestpay.net`
    #[default]
    Test,
    /// `ecomms2s.sella.it` for SOAP, `ecomm.sella.it` for the payment page.
    Production,
    /// Everything under one base URL, e.g. `http://127.0.0.1:8080`. See [`Environment::custom`]
    /// for what a usable base is.
    Custom(String),
}

impl Environment {
    /// Reads an environment as the CLI and the bindings take it: exactly `test`, exactly
    /// `production`, or a base URL (checked as [`Environment::custom`] does).
    ///
    /// The names are **case-sensitive**, like every name of this library (operations, JSON
    /// keys): `Test`, `PRODUCTION` or `prod` are refused rather than guessed. Anything else is
    /// `invalid_env` (field `env`).
    ///
    /// ```
    /// use gestpay::Environment;
    /// assert_eq!(Environment::parse("test").unwrap(), Environment::Test);
    /// assert_eq!(
    ///     Environment::parse("http://127.0.0.1:8480/").unwrap(),
    ///     Environment::Custom("http://127.0.0.1:8480/".to_owned())
    /// );
    /// assert_eq!(Environment::parse("Production").unwrap_err().code(), "invalid_env");
    /// assert_eq!(Environment::parse("https://h.example/?x=1").unwrap_err().code(), "invalid_env");
    /// ```
    pub fn parse(text: &str) -> Result<Environment> {
        match text {
            "test" => Ok(Environment::Test),
            "production" => Ok(Environment::Production),
            _ if text.contains("://") => Environment::custom(text),
            _ if text.eq_ignore_ascii_case("test") || text.eq_ignore_ascii_case("production") => {
                Err(invalid_env(
                    "names are case-sensitive: `test` or `production`",
                ))
            }
            _ => Err(invalid_env(
                "expected `test`, `production` or an http(s) base URL",
            )),
        }
    }

    /// A custom environment: every service and page under `base_url`, after checking that the
    /// base is usable — scheme `http` or `https` (any case), a host (a name of letters, digits,
    /// `-`, `_` and `.`, an IPv4 address, or an IPv6 address in brackets), an optional port
    /// (1–65535), an optional path prefix of URL characters (`%` only as `%XX`), and **no**
    /// user info (`user:pass@`), query (`?`) or fragment (`#`), which would break the URLs built
    /// by appending a path. A trailing `/` is fine; the value is kept as given. Else
    /// `invalid_env` (field `env`); the message never repeats the URL (it could hold a
    /// password).
    pub fn custom(base_url: impl Into<String>) -> Result<Environment> {
        let base = base_url.into();
        check_base_url(&base)?;
        Ok(Environment::Custom(base))
    }

    /// Checks that URLs can be built from this environment: always true of `Test` and
    /// `Production`; for `Custom`, the rules of [`Environment::custom`]. Else `invalid_env`.
    pub fn check(&self) -> Result<()> {
        match self {
            Environment::Test | Environment::Production => Ok(()),
            Environment::Custom(base) => check_base_url(base),
        }
    }

    /// The base URL of the SOAP services (trailing `/` removed). Not checked: use it on an
    /// environment from [`parse`](Environment::parse) or [`custom`](Environment::custom), or
    /// after [`check`](Environment::check).
    pub fn soap_base(&self) -> &str {
        match self {
            Environment::Test => "https://sandbox.gestpay.net",
            Environment::Production => "https://ecomms2s.sella.it",
            Environment::Custom(base) => base.trim_end_matches('/'),
        }
    }

    /// The base URL of the browser-facing pages (payment page, 3-D Secure page). Not checked,
    /// as [`soap_base`](Environment::soap_base).
    pub fn pages_base(&self) -> &str {
        match self {
            Environment::Test => "https://sandbox.gestpay.net",
            Environment::Production => "https://ecomm.sella.it",
            Environment::Custom(base) => base.trim_end_matches('/'),
        }
    }

    /// The endpoint URL of a service. Not checked, as [`soap_base`](Environment::soap_base);
    /// [`Request::to_http`](crate::Request::to_http) checks.
    pub fn endpoint(&self, service: Service) -> String {
        format!("{}{}", self.soap_base(), service.path())
    }
}

impl std::str::FromStr for Environment {
    type Err = Error;

    /// [`Environment::parse`].
    fn from_str(text: &str) -> Result<Environment> {
        Environment::parse(text)
    }
}

fn invalid_env(message: &str) -> Error {
    Error::invalid(ErrorCode::InvalidEnv, "env", message)
}

/// The rules of [`Environment::custom`]. Written out rather than with a URL parser: a WHATWG
/// parser (the `url` crate) would accept and silently rewrite what this refuses (backslashes,
/// tabs, `http:host`), and would add IDNA tables to the WASM module.
fn check_base_url(base: &str) -> Result<()> {
    let Some((scheme, rest)) = base.split_once("://") else {
        return Err(invalid_env(
            "expected `test`, `production` or an http(s) base URL",
        ));
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(invalid_env(
            "a custom base URL must start with http:// or https://",
        ));
    }
    if rest.contains('?') {
        return Err(invalid_env("a base URL cannot have a query (`?`)"));
    }
    if rest.contains('#') {
        return Err(invalid_env("a base URL cannot have a fragment (`#`)"));
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.contains('@') {
        return Err(invalid_env(
            "a base URL cannot carry user info (`user:password@`)",
        ));
    }
    check_authority(authority)?;
    check_path(path)
}

/// `host[:port]`, the host a name, an IPv4 address or a bracketed IPv6 address.
fn check_authority(authority: &str) -> Result<()> {
    let (host_ok, port) = if let Some(v6) = authority.strip_prefix('[') {
        let Some((address, after)) = v6.split_once(']') else {
            return Err(invalid_env("an IPv6 host must be closed by `]`"));
        };
        let ok = address.contains(':')
            && address
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        match after {
            "" => (ok, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (ok, Some(port)),
                None => return Err(invalid_env("the base URL has an invalid host")),
            },
        }
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        if host.is_empty() {
            return Err(invalid_env("a base URL needs a host"));
        }
        let ok = !host.starts_with('.')
            && !host.contains("..")
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        (ok, port)
    };
    if !host_ok {
        return Err(invalid_env(
            "the base URL has an invalid host (an internationalised name goes in its xn-- form)",
        ));
    }
    if let Some(port) = port {
        let valid = (1..=5).contains(&port.len())
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
        if !valid {
            return Err(invalid_env(
                "the port of a base URL is a number from 1 to 65535",
            ));
        }
    }
    Ok(())
}

/// The path prefix: RFC 3986 path characters, `%` only as `%XX`.
fn check_path(path: &str) -> Result<()> {
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !hex(i + 1) || !hex(i + 2) {
                return Err(invalid_env("a `%` in a base URL must start a %XX escape"));
            }
            i += 3;
            continue;
        }
        let allowed = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'/' | b'-'
                    | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
            );
        if !allowed {
            return Err(invalid_env(
                "the path of a base URL has a character to percent-encode",
            ));
        }
        i += 1;
    }
    Ok(())
}

/// The two SOAP services of the gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Service {
    /// WsCryptDecrypt: Encrypt and Decrypt.
    CryptDecrypt,
    /// WsS2S: the server-to-server operations.
    S2s,
}

impl Service {
    /// The service's name: `WsCryptDecrypt` or `WsS2S`.
    pub const fn name(self) -> &'static str {
        match self {
            Service::CryptDecrypt => "WsCryptDecrypt",
            Service::S2s => "WsS2S",
        }
    }

    /// The service of this exact name (`WsCryptDecrypt`, `WsS2S`); else `invalid_format` on
    /// `service`.
    pub fn parse(name: &str) -> crate::Result<Service> {
        match name {
            "WsCryptDecrypt" => Ok(Service::CryptDecrypt),
            "WsS2S" => Ok(Service::S2s),
            _ => Err(crate::Error::invalid(
                crate::ErrorCode::InvalidFormat,
                "service",
                "expected `WsCryptDecrypt` or `WsS2S`",
            )),
        }
    }

    /// The target namespace, also the SOAPAction prefix.
    pub const fn namespace(self) -> &'static str {
        match self {
            Service::CryptDecrypt => NS_CRYPTDECRYPT,
            Service::S2s => NS_S2S,
        }
    }

    /// The path of the endpoint (the real case, though IIS ignores it).
    pub const fn path(self) -> &'static str {
        match self {
            Service::CryptDecrypt => "/gestpay/GestPayWS/WsCryptDecrypt.asmx",
            Service::S2s => "/gestpay/gestpayws/WSs2s.asmx",
        }
    }

    /// The root element of the payload inside every result.
    pub const fn payload_root(self) -> &'static str {
        match self {
            Service::CryptDecrypt => "GestPayCryptDecrypt",
            Service::S2s => "GestPayS2S",
        }
    }

    fn ns(self) -> Ns {
        match self {
            Service::CryptDecrypt => Ns::CryptDecrypt,
            Service::S2s => Ns::S2s,
        }
    }
}

/// The wire names of one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operation {
    /// The service it belongs to.
    pub service: Service,
    /// The request wrapper, exact case (`CallRequestTokenS2S`, `callDeleteTokenS2S`).
    pub name: &'static str,
    /// `<name>Response`.
    pub response: &'static str,
    /// `<name>Result`.
    pub result: &'static str,
    /// SOAPAction / `action`: the namespace followed by the name.
    pub action: &'static str,
}

/// Declares the [`Operation`] constant of a service operation (internal: reached as
/// `crate::operation!`).
macro_rules! operation {
    (CryptDecrypt, $name:literal) => {
        $crate::soap::Operation {
            service: $crate::soap::Service::CryptDecrypt,
            name: $name,
            response: concat!($name, "Response"),
            result: concat!($name, "Result"),
            action: concat!("https://ecomm.sella.it/", $name),
        }
    };
    (S2s, $name:literal) => {
        $crate::soap::Operation {
            service: $crate::soap::Service::S2s,
            name: $name,
            response: concat!($name, "Response"),
            result: concat!($name, "Result"),
            action: concat!("https://ecomms2s.sella.it/", $name),
        }
    };
}
pub(crate) use operation;

/// A plain description of an HTTP call for the host language to perform.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// Always `POST`.
    pub method: String,
    /// The endpoint URL.
    pub url: String,
    /// Headers to send (`Content-Type`, and `SOAPAction` for SOAP 1.1).
    pub headers: Vec<(String, String)>,
    /// The envelope, UTF-8.
    pub body: Vec<u8>,
}

impl fmt::Debug for HttpRequest {
    // The body holds API keys and card data: only its size is shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field(
                "body",
                &format_args!("<{} bytes, redacted>", self.body.len()),
            )
            .finish()
    }
}

/// A plain description of an HTTP response, as the gateway (or the emulator) sends it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    /// 200 for results, 500 for faults.
    pub status: u16,
    /// `Content-Type`.
    pub headers: Vec<(String, String)>,
    /// The envelope, UTF-8.
    pub body: Vec<u8>,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field(
                "body",
                &format_args!("<{} bytes, redacted>", self.body.len()),
            )
            .finish()
    }
}

/// The `Content-Type` for a SOAP message of `version` (with the action for SOAP 1.2).
pub fn content_type(version: SoapVersion, action: &str) -> String {
    match version {
        SoapVersion::Soap11 => "text/xml; charset=utf-8".to_owned(),
        SoapVersion::Soap12 => format!("application/soap+xml; charset=utf-8; action=\"{action}\""),
    }
}

/// Writes `<Envelope><Body><wrapper xmlns=ns>…</wrapper></Body></Envelope>` around `body`.
pub(crate) fn write_envelope(
    version: SoapVersion,
    capacity: usize,
    body: impl FnOnce(&mut XmlWriter) -> Result<()>,
) -> Result<Vec<u8>> {
    let mut w = XmlWriter::with_capacity(capacity);
    w.declaration()?;
    let (env, bod, prefix_attr) = match version {
        SoapVersion::Soap11 => ("soap:Envelope", "soap:Body", "xmlns:soap"),
        SoapVersion::Soap12 => ("soap12:Envelope", "soap12:Body", "xmlns:soap12"),
    };
    w.start_with(
        env,
        &[
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xmlns:xsd", "http://www.w3.org/2001/XMLSchema"),
            (prefix_attr, version.envelope_ns()),
        ],
    )?;
    w.start(bod)?;
    body(&mut w)?;
    w.end(bod)?;
    w.end(env)?;
    Ok(w.into_bytes())
}

/// Builds the request envelope of `op` whose wrapper holds `model`'s children.
pub(crate) fn request_envelope<M: XmlModel>(
    op: &Operation,
    version: SoapVersion,
    model: &M,
) -> Result<Vec<u8>> {
    write_envelope(version, 1024, |w| {
        w.start_with(op.name, &[("xmlns", op.service.namespace())])?;
        model.write_children(w)?;
        w.end(op.name)
    })
}

/// Builds the HTTP request description of `op`; `invalid_env` for an unusable custom base.
pub(crate) fn http_request(
    op: &Operation,
    env: &Environment,
    version: SoapVersion,
    body: Vec<u8>,
) -> Result<HttpRequest> {
    env.check()?;
    let mut headers = vec![("Content-Type".to_owned(), content_type(version, op.action))];
    if version == SoapVersion::Soap11 {
        headers.push(("SOAPAction".to_owned(), format!("\"{}\"", op.action)));
    }
    Ok(HttpRequest {
        method: "POST".to_owned(),
        url: env.endpoint(op.service),
        headers,
        body,
    })
}

/// Builds the response envelope of `op` around a payload.
pub(crate) fn response_envelope<M: XmlModel>(
    op: &Operation,
    version: SoapVersion,
    payload: &M,
) -> Result<Vec<u8>> {
    let root = op.service.payload_root();
    write_envelope(version, 1024, |w| {
        w.start_with(op.response, &[("xmlns", op.service.namespace())])?;
        w.start(op.result)?;
        w.start_kept(root, &[("xmlns", "")], payload.own_attributes())?;
        payload.write_children(w)?;
        w.end(root)?;
        w.end(op.result)?;
        w.end(op.response)
    })
}

fn is_envelope(child: &Child<'_>) -> Option<SoapVersion> {
    match (child.ns, child.local) {
        (Ns::Soap11, "Envelope") => Some(SoapVersion::Soap11),
        (Ns::Soap12, "Envelope") => Some(SoapVersion::Soap12),
        _ => None,
    }
}

fn not_soap(root: &Child<'_>) -> Error {
    let what = if root.local.eq_ignore_ascii_case("html") {
        "an HTML page"
    } else {
        "not a SOAP envelope"
    };
    Error::malformed(
        ErrorCode::NotSoap,
        format!(
            "expected a SOAP envelope, got {what} (root element `{}`)",
            root.local
        ),
    )
}

/// Opens the envelope and returns the first element of its Body (header skipped).
fn open_body<'a>(r: &mut XmlReader<'a>) -> Result<(SoapVersion, Option<Child<'a>>)> {
    let root = r.root()?;
    open_body_at(r, &root)
}

/// [`open_body`] once the root element has been read.
fn open_body_at<'a>(
    r: &mut XmlReader<'a>,
    root: &Child<'a>,
) -> Result<(SoapVersion, Option<Child<'a>>)> {
    let version = is_envelope(root).ok_or_else(|| not_soap(root))?;
    if root.empty {
        return Err(Error::malformed(
            ErrorCode::MissingResult,
            "the SOAP envelope is empty",
        ));
    }
    while let Some(child) = r.next_child()? {
        if child.local == "Body" && child.ns == root.ns {
            if child.empty {
                return Ok((version, None));
            }
            return Ok((version, r.next_child()?));
        }
        r.skip(&child)?;
    }
    Err(Error::malformed(
        ErrorCode::MissingResult,
        "the SOAP envelope has no Body",
    ))
}

/// Skips the remaining siblings of the Body content, the Body and the Envelope, then checks
/// that the document ends there.
fn close_body(mut r: XmlReader<'_>) -> Result<()> {
    r.skip_rest()?; // rest of Body
    r.skip_rest()?; // rest of Envelope
    r.finish()
}

/// Parses the request envelope of `op` into its model (the gateway's side of the exchange).
pub(crate) fn parse_request<M: XmlModel>(op: &Operation, body: &[u8], limits: Limits) -> Result<M> {
    let text = crate::charset::to_utf8(body, None, limits)?;
    let mut r = XmlReader::new(&text, limits)?;
    let root = r.root()?;
    parse_request_at(op, r, &root)
}

/// [`parse_request`] once the root element has been read.
fn parse_request_at<'a, M: XmlModel>(
    op: &Operation,
    mut r: XmlReader<'a>,
    root: &Child<'a>,
) -> Result<M> {
    let (_, first) = open_body_at(&mut r, root)?;
    let wrapper = first
        .ok_or_else(|| Error::malformed(ErrorCode::MissingResult, "the SOAP Body is empty"))?;
    if wrapper.local != op.name || !matches!(wrapper.ns, Ns::None) && wrapper.ns != op.service.ns()
    {
        return Err(Error::malformed(
            ErrorCode::UnexpectedOperation,
            format!("expected a `{}` request, got `{}`", op.name, wrapper.local),
        ));
    }
    let mut model = M::default();
    model.read_children(&mut r, &wrapper)?;
    close_body(r)?;
    Ok(model)
}

/// Parses a request given as an envelope or as its bare wrapper element.
pub(crate) fn parse_request_any<M: XmlModel>(
    op: &Operation,
    body: &[u8],
    limits: Limits,
) -> Result<M> {
    let text = crate::charset::to_utf8(body, None, limits)?;
    let mut r = XmlReader::new(&text, limits)?;
    let root = r.root()?;
    if is_envelope(&root).is_some() {
        return parse_request_at(op, r, &root);
    }
    if root.local != op.name {
        return Err(Error::malformed(
            ErrorCode::UnexpectedOperation,
            format!("expected a `{}` request, got `{}`", op.name, root.local),
        ));
    }
    let mut model = M::default();
    model.read_children(&mut r, &root)?;
    r.finish()?;
    Ok(model)
}

/// What a request envelope is, without parsing its fields: for a server that dispatches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInfo {
    /// The SOAP version of the envelope.
    pub version: SoapVersion,
    /// The service whose namespace the wrapper is in (`None` when unqualified).
    pub service: Option<Service>,
    /// The wrapper's local name, i.e. the operation.
    pub operation: String,
}

/// Identifies the operation of a request envelope (charset: see [`to_utf8`]; the XML
/// declaration's, as no Content-Type is given).
pub fn identify_request(body: &[u8], limits: Limits) -> Result<RequestInfo> {
    let text = crate::charset::to_utf8(body, None, limits)?;
    let mut r = XmlReader::new(&text, limits)?;
    let (version, first) = open_body(&mut r)?;
    let wrapper = first
        .ok_or_else(|| Error::malformed(ErrorCode::MissingResult, "the SOAP Body is empty"))?;
    let service = match wrapper.ns {
        Ns::CryptDecrypt => Some(Service::CryptDecrypt),
        Ns::S2s => Some(Service::S2s),
        _ => None,
    };
    Ok(RequestInfo {
        version,
        service,
        operation: wrapper.local.to_owned(),
    })
}

/// How strictly a result document must be wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrapping {
    /// A whole SOAP envelope (what the gateway sends).
    Envelope,
    /// An envelope, or the Response element, the Result element or the bare payload (what the
    /// docs show, or what a back office hands to a browser).
    Any,
}

/// Parses the result payload of `op` from a document.
pub(crate) fn parse_result<M: XmlModel>(
    op: &Operation,
    body: &[u8],
    limits: Limits,
    wrapping: Wrapping,
) -> Result<M> {
    let mut model = M::default();
    parse_into(op, body, None, limits, wrapping, &mut model)?;
    Ok(model)
}

/// [`parse_payload`] reading the payload into `model`, filled where it stands rather than
/// built and moved (results are 1–6 KB structs).
fn parse_into<M: XmlModel>(
    op: &Operation,
    body: &[u8],
    content_type: Option<&str>,
    limits: Limits,
    wrapping: Wrapping,
    model: &mut M,
) -> Result<()> {
    let text = crate::charset::to_utf8(body, content_type, limits)?;
    parse_payload(op, &text, limits, wrapping, &mut |r, el| {
        model.read_children(r, el)
    })
}

/// The model-independent part of [`parse_result`]: the walk down to the payload and the checks
/// after it, with `read` reading the payload. Not generic, so that it exists once in the
/// program rather than once per result type (19 of them; it matters for the WASM module's
/// size).
fn parse_payload<'a>(
    op: &Operation,
    body: &'a [u8],
    limits: Limits,
    wrapping: Wrapping,
    read: &mut dyn FnMut(&mut XmlReader<'a>, &Child<'a>) -> Result<()>,
) -> Result<()> {
    let mut r = XmlReader::new(body, limits)?;
    let root_name = op.service.payload_root();
    // The wrappers opened above the payload, closed after it (one answer each).
    let mut levels: Vec<answer::Level> = Vec::with_capacity(4);
    let root = r.root()?;
    let mut current = None;
    if wrapping == Wrapping::Any && is_envelope(&root).is_none() {
        if root.local.eq_ignore_ascii_case("html") {
            return Err(not_soap(&root));
        }
        current = Some(root);
    }
    if current.is_none() {
        let (_, first) = open_body_at(&mut r, &root)?;
        let first = first
            .ok_or_else(|| Error::malformed(ErrorCode::MissingResult, "the SOAP Body is empty"))?;
        if first.local == "Fault" && matches!(first.ns, Ns::Soap11 | Ns::Soap12) {
            // The fault is read whole (fault.rs), then the rest of the document is checked.
            let mut fault = Box::<SoapFault>::default();
            fault::read_fault(&mut r, &first, &mut fault)?;
            close_body(r)?;
            return Err(Error::Fault(fault));
        }
        levels.push(answer::Level::Envelope(root.ns));
        levels.push(answer::Level::Single("Body"));
        current = Some(first);
    }
    let mut el = current.ok_or_else(|| Error::malformed(ErrorCode::MissingResult, "no result"))?;
    // Walk down Response → Result → payload, accepting to start at any of them.
    if el.local == op.response {
        answer::check_wrapper_ns(op, &el, wrapping)?;
        if el.empty {
            return Err(missing_result(op));
        }
        el = r.next_child()?.ok_or_else(|| missing_result(op))?;
        levels.push(answer::Level::Single(op.response));
    } else if el.local.ends_with("Response")
        || el.local.ends_with("Result") && el.local != op.result
    {
        return Err(unexpected(op, el.local));
    }
    if el.local == op.result {
        answer::check_wrapper_ns(op, &el, wrapping)?;
        if el.empty {
            return Err(missing_result(op));
        }
        el = r.next_child()?.ok_or_else(|| missing_result(op))?;
        levels.push(answer::Level::Single(op.result));
    } else if levels.len() > 2 || wrapping == Wrapping::Envelope {
        return Err(unexpected(op, el.local));
    }
    if el.local != root_name {
        return Err(if el.local.starts_with("GestPay") {
            unexpected(op, el.local)
        } else {
            Error::malformed_at(
                ErrorCode::MissingResult,
                op.result,
                format!("expected the payload `{root_name}`, got `{}`", el.local),
            )
        });
    }
    answer::check_payload_ns(op, &el, wrapping)?;
    read(&mut r, &el)?;
    answer::close_levels(&mut r, &levels)?;
    r.finish()
}

fn missing_result(op: &Operation) -> Error {
    Error::malformed_at(
        ErrorCode::MissingResult,
        op.result,
        format!("`{}` is missing or empty", op.result),
    )
}

fn unexpected(op: &Operation, got: &str) -> Error {
    Error::malformed(
        ErrorCode::UnexpectedOperation,
        format!("expected the answer to `{}`, got `{got}`", op.name),
    )
}

/// Parses an HTTP response of `op`: 200 with the result, or a SOAP fault (usually with 500).
pub(crate) fn parse_http_result<M: XmlModel>(
    op: &Operation,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    limits: Limits,
) -> Result<M> {
    if let Some(ct) = content_type {
        let ct = ct.to_ascii_lowercase();
        if ct.contains("html") || ct.contains("json") {
            return Err(Error::malformed(
                ErrorCode::NotSoap,
                format!("HTTP {status} with Content-Type `{ct}` instead of a SOAP envelope"),
            ));
        }
    }
    let mut model = M::default();
    let parsed = parse_into(
        op,
        body,
        content_type,
        limits,
        Wrapping::Envelope,
        &mut model,
    );
    http_outcome(status, parsed)?;
    Ok(model)
}

/// The answer of [`parse_http_result`] from the HTTP status and the envelope's parse (not
/// generic, for the reason of [`parse_payload`]).
fn http_outcome(status: u16, parsed: Result<()>) -> Result<()> {
    match parsed {
        Ok(()) if status == 200 => Ok(()),
        Ok(()) => Err(Error::malformed(
            ErrorCode::HttpStatus,
            format!("HTTP status {status} with a result envelope"),
        )),
        Err(Error::Fault(mut f)) => {
            f.http_status = Some(status);
            Err(Error::Fault(f))
        }
        Err(e) if status == 200 => Err(e),
        Err(e) => Err(Error::malformed(
            ErrorCode::HttpStatus,
            format!("HTTP status {status} without a usable SOAP answer ({e})"),
        )),
    }
}

fn content_type_plain(version: SoapVersion) -> String {
    match version {
        SoapVersion::Soap11 => "text/xml; charset=utf-8".to_owned(),
        SoapVersion::Soap12 => "application/soap+xml; charset=utf-8".to_owned(),
    }
}

/// The SOAP version of a document's envelope, `None` when its root is not a SOAP envelope (a
/// bare payload, the Response element): what the CLI's `parse --with-envelope-info` reports.
/// Only the root element is read (charset as [`to_utf8`]).
pub fn envelope_version(
    body: &[u8],
    content_type: Option<&str>,
    limits: Limits,
) -> Result<Option<SoapVersion>> {
    let text = crate::charset::to_utf8(body, content_type, limits)?;
    let mut r = XmlReader::new(&text, limits)?;
    Ok(is_envelope(&r.root()?))
}

/// A body as UTF-8, decoded per its declared charset: the `charset` of `content_type` (the
/// HTTP header, when the body came with one), else the XML declaration's `encoding`; a
/// byte-order mark wins over both; UTF-8 when nothing is declared. Borrowed when no decoding
/// is needed. A transcoded document loses its XML declaration (it would name the old charset).
/// `unsupported_charset` for a charset this library cannot decode, `invalid_encoding` for
/// bytes that are not valid in it. The parsers do this themselves; a server that hands a
/// request body to them with its Content-Type (the emulator) calls it first.
pub fn to_utf8<'a>(
    body: &'a [u8],
    content_type: Option<&str>,
    limits: Limits,
) -> Result<Cow<'a, [u8]>> {
    crate::charset::to_utf8(body, content_type, limits)
}

/// The HTTP response of a result envelope (status 200).
pub(crate) fn http_response(version: SoapVersion, body: Vec<u8>) -> HttpResponse {
    HttpResponse {
        status: 200,
        headers: vec![("Content-Type".to_owned(), content_type_plain(version))],
        body,
    }
}
