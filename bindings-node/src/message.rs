//! `gestpay::message`: the operation-generic functions. Every request is built and every result
//! parsed through the core's `Request` / `Response` traits, dispatched by the exact wire name of
//! the operation (a macro over the 19 operations, like `tests/corpus.rs`).

use gestpay::{Request, Response};
use napi::Result;
use napi_derive::napi;

use crate::error::{OrThrow, unknown_operation};
use crate::soap::{Body, NativeHttp, NativeLimits, NativeOperation, bytes, limits};
use crate::{from_json, to_json};

/// Runs `$body` with `$req` / `$res` bound to the request and result types of the operation
/// named `$op`; an unknown name is an `unknown_operation` error.
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

/// The operations, in the order of the schema's `x-operations`.
#[napi(catch_unwind)]
pub fn operations() -> Vec<NativeOperation> {
    let names = [
        "Encrypt",
        "Decrypt",
        "callRefundS2S",
        "callReadTrxS2S",
        "callPagamS2S",
        "callDeleteS2S",
        "callSettleS2S",
        "callVerifycardS2S",
        "callCheckCartaS2S",
        "callRenounce",
        "CallRequestTokenS2S",
        "callDeleteTokenS2S",
        "CallUpdateTokenS2S",
        "CallIdealListS2S",
        "CallMyBankListS2S",
        "CallUpdateCustomParamS2S",
        "CallUpdateOrderS2S",
        "callExchangeRateS2S",
        "callDeviceActivation",
    ];
    names
        .iter()
        .filter_map(|name| {
            with_operation!(*name, |Req, Res| Ok::<_, napi::Error>(
                crate::soap::operation_info(&<Req as Request>::OPERATION)
            ))
            .ok()
        })
        .collect()
}

/// The HTTP call of a request: validated (unless `validate` is false) and built as `soap`
/// for the endpoint of `env`.
#[napi(catch_unwind)]
pub fn build_request(
    operation: String,
    request: String,
    env: String,
    soap: String,
    validate: bool,
) -> Result<NativeHttp> {
    let env = crate::soap::environment(&env)?;
    let version = crate::soap::soap_version(&soap)?;
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
        crate::soap::http_request(http)
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

/// Checks that `build_request` would accept the request: the documented rules, and the
/// characters XML 1.0 can carry (checked while writing, so the envelope is built and dropped).
#[napi(catch_unwind)]
pub fn validate_request(operation: String, request: String) -> Result<()> {
    with_operation!(operation.as_str(), |Req, Res| {
        let req: Req = from_json(&request, "request")?;
        req.to_envelope(gestpay::SoapVersion::Soap11)
            .map(drop)
            .or_throw()
    })
}

/// Parses an HTTP response of `operation` (strict: a whole envelope; a fault is an error).
#[napi(catch_unwind)]
pub fn parse_response(
    operation: String,
    status: u16,
    content_type: Option<String>,
    body: Body<'_>,
    limits: Option<NativeLimits>,
) -> Result<String> {
    let limits = self::limits(limits);
    with_operation!(operation.as_str(), |Req, Res| {
        let result =
            Res::from_http_with_limits(status, content_type.as_deref(), bytes(&body), limits)
                .or_throw()?;
        to_json(&result)
    })
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[napi(catch_unwind)]
pub fn parse_result(
    operation: String,
    body: Body<'_>,
    limits: Option<NativeLimits>,
) -> Result<String> {
    let limits = self::limits(limits);
    with_operation!(operation.as_str(), |Req, Res| {
        let result = Res::from_xml_with_limits(bytes(&body), limits).or_throw()?;
        to_json(&result)
    })
}

/// Parses a request (the gateway's side): an envelope or the bare wrapper element.
#[napi(catch_unwind)]
pub fn parse_request(operation: String, body: Body<'_>) -> Result<String> {
    with_operation!(operation.as_str(), |Req, Res| {
        let request = Req::from_xml(bytes(&body)).or_throw()?;
        to_json(&request)
    })
}

/// The HTTP response (status 200) the gateway sends for a result.
#[napi(catch_unwind)]
pub fn build_response(operation: String, result: String, soap: String) -> Result<NativeHttp> {
    let version = crate::soap::soap_version(&soap)?;
    with_operation!(operation.as_str(), |Req, Res| {
        let result: Res = from_json(&result, "result")?;
        crate::soap::http_response(result.to_http_response(version).or_throw()?)
    })
}
