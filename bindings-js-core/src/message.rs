//! `gestpay::message`: the operation-generic functions, over the core's registry of the 19
//! operations by exact wire name (`gestpay::dynamic::Operation`).

use gestpay::Response;
use gestpay::cryptdecrypt::{DecryptResult, EncryptResult};
use gestpay::dynamic::Operation;
use gestpay::xml::Limits;
use serde::Serialize;
#[cfg(feature = "builders")]
use {
    crate::soap::{Http, environment, http_request, http_response, soap_version},
    gestpay::SoapVersion,
};

use crate::Result;
use crate::held::Held;
#[cfg(feature = "builders")]
use crate::held::Root;
use crate::soap::service_name;

/// One operation of the gateway, with its wire names.
#[derive(Debug, Clone, Serialize)]
pub struct OperationInfo {
    /// The exact wire name (`Encrypt`, `callReadTrxS2S`, `CallRequestTokenS2S`).
    pub name: &'static str,
    /// `"WsCryptDecrypt"` or `"WsS2S"`.
    pub service: &'static str,
    /// The SOAPAction.
    pub action: &'static str,
    /// The endpoint path.
    pub path: &'static str,
}

/// The operations, in the order of the schema's `x-operations`.
pub fn operations() -> Vec<OperationInfo> {
    Operation::all()
        .map(|op| OperationInfo {
            name: op.name(),
            service: service_name(op.service()),
            action: op.wire().action,
            path: op.service().path(),
        })
        .collect()
}

/// Parses a result given as an envelope, the Response or Result element, or the bare payload.
pub fn parse_result(operation: &str, body: &[u8], limits: Limits) -> Result<Held> {
    let op = Operation::from_name(operation)?;
    // The 17 WsS2S results are one payload (their types are `serde(transparent)` wrappers of
    // it): parsed by one function rather than 17 instances of the generic one, and without the
    // registry's result objects (their writers), for the read-only WASM module's size
    // (docs/wasm.md).
    if op.service() == gestpay::soap::Service::S2s {
        let result = gestpay::s2s::GestPayS2S::from_xml_for(op.wire(), body, limits)?;
        return Ok(Held::value(result));
    }
    Ok(match op.name() {
        "Encrypt" => Held::value(EncryptResult::from_xml_with_limits(body, limits)?),
        _ => Held::value(DecryptResult::from_xml_with_limits(body, limits)?),
    })
}

/// The success check of a result, from its outcome fields (`transactionResult`, `errorCode`,
/// `errorDescription`): the core's `Outcome::ensure_ok`, so that `assertOk` applies the rule
/// every language applies. `Ok` only for `OK`; `KO` is `declined` (kind `declined`), `XX`
/// `pending` (kind `pending`), a missing or empty result `no_result`, any other
/// `unknown_result` (these two of kind `malformed_response`, field `TransactionResult`). In the
/// read-only module too.
pub fn ensure_ok(
    transaction_result: Option<&str>,
    error_code: Option<u32>,
    error_description: Option<&str>,
) -> Result<()> {
    use gestpay::Outcome;
    let outcome =
        gestpay::message::OutcomeFields::new(transaction_result, error_code, error_description);
    Ok(outcome.ensure_ok()?)
}

/// The HTTP call of a request: validated (unless `validate` is false) and built as `soap`
/// for the endpoint of `env`.
#[cfg(feature = "builders")]
pub fn build_request(
    operation: &str,
    request: &str,
    env: &str,
    soap: &str,
    validate: bool,
) -> Result<Http> {
    let env = environment(env)?;
    let version = soap_version(soap)?;
    let req = Operation::from_name(operation)?.request_from_json(request)?;
    http_request(if validate {
        req.to_http(&env, version)?
    } else {
        req.to_http_unchecked(&env, version)?
    })
}

/// Checks that `buildRequest` would accept the request: the documented rules, and the
/// characters XML 1.0 can carry (checked while writing, so the envelope is built and dropped).
#[cfg(feature = "builders")]
pub fn validate_request(operation: &str, request: &str) -> Result<()> {
    let req = Operation::from_name(operation)?.request_from_json(request)?;
    Ok(req.to_envelope(SoapVersion::Soap11).map(drop)?)
}

/// Parses an HTTP response of `operation` (strict: a whole envelope; a fault is an error).
#[cfg(feature = "builders")]
pub fn parse_response(
    operation: &str,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    limits: Limits,
) -> Result<Held> {
    let result = Operation::from_name(operation)?.parse_result_with_limits(
        body,
        Some((status, content_type)),
        limits,
    )?;
    Ok(Held::new(Root::Result(result)))
}

/// Parses a request (the gateway's side): an envelope or the bare wrapper element.
#[cfg(feature = "builders")]
pub fn parse_request(operation: &str, body: &[u8]) -> Result<Held> {
    let request = Operation::from_name(operation)?.parse_request(body)?;
    Ok(Held::new(Root::Request(request)))
}

/// The HTTP response (status 200) the gateway sends for a result.
#[cfg(feature = "builders")]
pub fn build_response(operation: &str, result: &str, soap: &str) -> Result<Http> {
    let version = soap_version(soap)?;
    let result = Operation::from_name(operation)?.result_from_json(result)?;
    http_response(result.to_http_response(version)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn ensure_ok_passes_only_ok() {
        assert!(ensure_ok(Some("OK"), None, None).is_ok());
        for (result, kind, code) in [
            (Some("KO"), "declined", "declined"),
            (Some("XX"), "pending", "pending"),
            (None, "malformed_response", "no_result"),
            (Some(""), "malformed_response", "no_result"),
            (Some("ok"), "malformed_response", "unknown_result"),
        ] {
            let err = ensure_ok(result, Some(1142), Some("x")).unwrap_err();
            assert_eq!(err.kind(), kind, "{result:?}");
            assert_eq!(err.code(), code, "{result:?}");
        }
    }
}
