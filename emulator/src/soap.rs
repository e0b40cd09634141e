//! Routing: the two SOAP endpoints (paths matched without case, as IIS does), their WSDLs, and
//! the browser pages. SOAP requests are identified, checked like ASMX checks them (SOAPAction),
//! and handed to the operation's handler; anything malformed gets a SOAP fault.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{Extensions, HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use gestpay::soap::{RequestInfo, Service, identify_request};
use gestpay::xml::Limits;
use gestpay::{Error, HttpResponse, SoapFault, SoapVersion};

use crate::App;
use crate::auth::Call;
use crate::scenario::{self, Transport};

// The repository's one copy of the WSDLs (docs/wsdl/README.md says what each is).
const CRYPTDECRYPT_WSDL: &str = include_str!("../../docs/wsdl/WSCryptDecrypt.reconstructed.wsdl");
const S2S_WSDL: &str = include_str!("../../docs/wsdl/WSs2s.wsdl");

/// What every handler returns: the gateway's answer, or a SOAP fault.
pub(crate) type Answer = Result<HttpResponse, Box<SoapFault>>;

/// A `soap:Client` (sender) fault.
pub(crate) fn client_fault(version: SoapVersion, reason: impl Into<String>) -> Box<SoapFault> {
    Box::new(SoapFault {
        version,
        code: match version {
            SoapVersion::Soap11 => "soap:Client".into(),
            SoapVersion::Soap12 => "soap12:Sender".into(),
        },
        reason: reason.into(),
        ..SoapFault::default()
    })
}

/// The `soap:Client` fault of a request the emulator cannot read, as ASMX words it. The core's
/// errors about documents say "malformed response" (a client parses responses): here the
/// document is a request, and the text says so.
pub(crate) fn unreadable_request(version: SoapVersion, e: &Error) -> Box<SoapFault> {
    let text = match e {
        Error::MalformedResponse {
            code,
            field,
            message,
        } => {
            let at = field
                .as_deref()
                .map(|f| format!(" (at {f})"))
                .unwrap_or_default();
            format!("malformed request: {message} [{code}]{at}")
        }
        other => other.to_string(),
    };
    client_fault(
        version,
        format!("Server was unable to read request. {text}"),
    )
}

/// A `soap:Server` (receiver) fault.
pub(crate) fn server_fault(version: SoapVersion, reason: impl Into<String>) -> Box<SoapFault> {
    let mut fault = client_fault(version, reason);
    fault.code = match version {
        SoapVersion::Soap11 => "soap:Server".into(),
        SoapVersion::Soap12 => "soap12:Receiver".into(),
    };
    fault
}

fn into_response(answer: HttpResponse) -> Response {
    let mut response = (
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK),
        answer.body,
    )
        .into_response();
    for (k, v) in answer.headers {
        if let (Ok(name), Ok(value)) = (
            header::HeaderName::try_from(k),
            header::HeaderValue::try_from(v),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

fn fault_response(fault: &SoapFault) -> Response {
    match fault.to_http_response(fault.version) {
        Ok(r) => into_response(r),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Every request lands here.
pub(crate) async fn dispatch(
    State(app): State<App>,
    method: Method,
    uri: Uri,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    extensions: Extensions,
    body: Bytes,
) -> Response {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_canonical());
    let path = uri.path().to_ascii_lowercase();
    let service = match path.as_str() {
        "/gestpay/gestpayws/wscryptdecrypt.asmx" => Some(Service::CryptDecrypt),
        "/gestpay/gestpayws/wss2s.asmx" => Some(Service::S2s),
        _ => None,
    };
    if let Some(service) = service {
        if method == Method::GET {
            return wsdl(service, query.as_deref());
        }
        if method == Method::POST {
            return soap_call(&app, service, &headers, &body, peer).await;
        }
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    if path.starts_with("/emulator/") {
        return crate::control::handle(&app, &method, &path, query.as_deref(), &body);
    }
    crate::pages::handle(&app, &method, &path, query.as_deref(), &body)
}

fn wsdl(service: Service, query: Option<&str>) -> Response {
    if !query.is_some_and(|q| q.eq_ignore_ascii_case("wsdl")) {
        return (
            StatusCode::OK,
            "This is an emulated Axerve (Gestpay) web service. Append ?wsdl for its description.",
        )
            .into_response();
    }
    let text = match service {
        Service::CryptDecrypt => CRYPTDECRYPT_WSDL,
        Service::S2s => S2S_WSDL,
    };
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], text).into_response()
}

async fn soap_call(
    app: &App,
    service: Service,
    headers: &HeaderMap,
    body: &[u8],
    peer: Option<std::net::IpAddr>,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let guessed = if content_type.contains("soap+xml") {
        SoapVersion::Soap12
    } else {
        SoapVersion::Soap11
    };
    // The body in the charset its Content-Type (or XML declaration) names, as UTF-8 for the
    // parsers (a client such as PHP's SoapClient may send ISO-8859-1).
    let decoded = match gestpay::soap::to_utf8(body, Some(content_type), Limits::default()) {
        Ok(decoded) => decoded,
        Err(e) => return fault_response(&unreadable_request(guessed, &e)),
    };
    let body: &[u8] = &decoded;
    let info = match identify_request(body, Limits::default()) {
        Ok(info) => info,
        Err(e) => return fault_response(&unreadable_request(guessed, &e)),
    };
    if let Err(fault) = check_action(&info, service, headers, content_type) {
        return fault_response(&fault);
    }
    if info.service != Some(service) {
        // The right operation name in another service's namespace (or none): ASMX does not
        // know the element.
        return fault_response(&client_fault(
            info.version,
            format!(
                "Server did not recognize the request element {}. Expected a request in the namespace {}.",
                info.operation,
                service.namespace()
            ),
        ));
    }
    let scenario = scenario::shop_transaction_id(body).and_then(|id| scenario::transport(&id));
    if scenario == Some(Transport::Fault) {
        return fault_response(&server_fault(
            info.version,
            "Server was unable to process request. ---> System.Exception: emulated gateway failure (scenario FAULT-)",
        ));
    }
    let call = Call {
        app,
        version: info.version,
        peer,
    };
    let answer = match service {
        Service::CryptDecrypt => crate::cryptdecrypt::handle(&call, &info, body),
        Service::S2s => crate::s2s::handle(&call, &info, body),
    };
    if scenario == Some(Transport::Slow) {
        // Processed at once, answered late: a client that times out cannot know what happened.
        tokio::time::sleep(app.config().slow_delay).await;
    }
    match answer {
        Ok(response) => into_response(response),
        Err(fault) => fault_response(&fault),
    }
}

/// ASMX dispatches SOAP 1.1 on the SOAPAction header and SOAP 1.2 on the `action` parameter:
/// both must name the operation in the body, in the service's namespace.
fn check_action(
    info: &RequestInfo,
    service: Service,
    headers: &HeaderMap,
    content_type: &str,
) -> Result<(), Box<SoapFault>> {
    let expected = format!("{}{}", service.namespace(), info.operation);
    let sent = match info.version {
        SoapVersion::Soap11 => headers
            .get("soapaction")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().trim_matches('"').to_owned()),
        SoapVersion::Soap12 => content_type
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("action="))
            .map(|a| a.trim_matches('"').to_owned())
            .next(),
    };
    match (info.version, sent) {
        (_, Some(action)) if action == expected => Ok(()),
        (SoapVersion::Soap12, None) => Ok(()),
        (_, action) => Err(client_fault(
            info.version,
            format!(
                "Server did not recognize the value of HTTP Header SOAPAction: {}.",
                action.unwrap_or_default()
            ),
        )),
    }
}
