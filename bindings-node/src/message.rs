//! `gestpay::message`: the operation-generic functions, dispatched by the exact wire name of
//! the operation (the core's registry of the 19, `gestpay::dynamic::Operation`).

use gestpay_js_core::message as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};
use crate::held::Held;
use crate::soap::{Body, NativeHttp, NativeLimits, NativeOperation, bytes, limits};

/// The operations, in the order of the schema's `x-operations`.
#[napi(catch_unwind)]
pub fn operations() -> Vec<NativeOperation> {
    shared::operations()
        .into_iter()
        .map(NativeOperation::from)
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
    let http = shared::build_request(&operation, &request, &env, &soap, validate);
    http.map(NativeHttp::from).or_throw()
}

/// Checks that `build_request` would accept the request: the documented rules, and the
/// characters XML 1.0 can carry (checked while writing, so the envelope is built and dropped).
#[napi(catch_unwind)]
pub fn validate_request(operation: String, request: String) -> Result<()> {
    shared::validate_request(&operation, &request).or_throw()
}

/// Parses an HTTP response of `operation` (strict: a whole envelope; a fault is an error).
#[napi(catch_unwind)]
pub fn parse_response(
    operation: String,
    status: u16,
    content_type: Option<String>,
    body: Body<'_>,
    limits: Option<NativeLimits>,
) -> Result<Held> {
    let limits = self::limits(limits);
    let content_type = content_type.as_deref();
    let parsed = shared::parse_response(&operation, status, content_type, &bytes(&body), limits);
    Held::root(parsed.or_throw()?)
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
#[napi(catch_unwind)]
pub fn parse_result(
    operation: String,
    body: Body<'_>,
    limits: Option<NativeLimits>,
) -> Result<Held> {
    Held::root(shared::parse_result(&operation, &bytes(&body), self::limits(limits)).or_throw()?)
}

/// Parses a request (the gateway's side): an envelope or the bare wrapper element.
#[napi(catch_unwind)]
pub fn parse_request(operation: String, body: Body<'_>) -> Result<Held> {
    Held::root(shared::parse_request(&operation, &bytes(&body)).or_throw()?)
}

/// The HTTP response (status 200) the gateway sends for a result.
#[napi(catch_unwind)]
pub fn build_response(operation: String, result: String, soap: String) -> Result<NativeHttp> {
    let http = shared::build_response(&operation, &result, &soap);
    http.map(NativeHttp::from).or_throw()
}

/// The success check of a result's outcome fields (the core's `Outcome::ensure_ok`): nothing
/// for `OK`, an error (`declined`, `pending`, `no_result`, `unknown_result`) otherwise.
#[napi(catch_unwind)]
pub fn ensure_ok(
    transaction_result: Option<String>,
    error_code: Option<u32>,
    error_description: Option<String>,
) -> Result<()> {
    shared::ensure_ok(
        transaction_result.as_deref(),
        error_code,
        error_description.as_deref(),
    )
    .or_throw()
}
