//! `gestpay::message`: the operation-generic functions. Every request is built and every result
//! parsed through the core's `Request` / `Response` traits, dispatched by the exact wire name of
//! the operation (the core's list of the 19 operations, as in bindings-node/src/message.rs).

use gestpay::{Request, Response};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{OrThrow, unknown_operation};
use crate::soap::{bytes, http_request, http_response, limits, service_name, soap_version};
use crate::{Result, from_json, object, to_json};

/// Runs `$body` with `$req` / `$res` bound to the request and result types of the operation
/// named `$op`; an unknown name is an `unknown_operation` error. The list of operations is the
/// core's (`gestpay::with_operations!`).
macro_rules! with_operation {
    ($op:expr, |$req:ident, $res:ident| $body:expr) => {{
        gestpay::with_operations!(with_operation [@arms $op, $req, $res, $body;])
    }};
    (@arms $op:expr, $req:ident, $res:ident, $body:expr; $($name:literal => $rq:ty, $rs:ty;)*) => {
        match $op {
            $($name => {
                #[allow(dead_code)]
                type $req = $rq;
                #[allow(dead_code)]
                type $res = $rs;
                $body
            })*
            other => Err(unknown_operation(other)),
        }
    };
}

/// The wire names of the core's list, in its order (the schema's `x-operations`).
macro_rules! names {
    ($($name:literal => $req:ty, $res:ty;)*) => {
        [$($name),*]
    };
}
const NAMES: [&str; 19] = gestpay::with_operations!(names);

/// One operation of the gateway, with its wire names.
#[derive(Debug, Serialize)]
struct OperationInfo {
    name: &'static str,
    service: &'static str,
    action: &'static str,
    path: &'static str,
}

fn operation_info(op: &gestpay::soap::Operation) -> OperationInfo {
    OperationInfo {
        name: op.name,
        service: service_name(op.service),
        action: op.action,
        path: op.service.path(),
    }
}

/// The operations: `{ name, service, action, path }` each.
#[wasm_bindgen]
pub fn operations() -> Result<JsValue> {
    let infos: Vec<OperationInfo> = NAMES
        .iter()
        .filter_map(|name| {
            with_operation!(*name, |Req, Res| Ok(operation_info(
                &<Req as Request>::OPERATION
            )))
            .ok()
        })
        .collect();
    object(&infos)
}

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
    version: gestpay::SoapVersion,
    body: Vec<u8>,
) -> gestpay::HttpRequest {
    let op = R::OPERATION;
    let mut headers = vec![(
        "Content-Type".to_owned(),
        gestpay::soap::content_type(version, op.action),
    )];
    if version == gestpay::SoapVersion::Soap11 {
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
        req.to_envelope(gestpay::SoapVersion::Soap11)
            .map(drop)
            .or_throw()
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

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[wasm_bindgen(js_name = parseResult)]
pub fn parse_result(operation: String, body: JsValue, limits: JsValue) -> Result<String> {
    let limits = self::limits(&limits);
    let body = bytes(&body)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let result = Res::from_xml_with_limits(&body, limits).or_throw()?;
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
