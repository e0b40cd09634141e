//! The core's [`gestpay::Error`] as a structured napi error: the message is a JSON object that
//! `lib/errors.js` turns into `InvalidRequestError`, `MalformedResponseError`, `SoapFaultError`
//! or `DeclinedError` (all `GestpayError`s with `code`, `field` and `message`).
//!
//! Payload: `{"gestpay": 1, "kind", "code", "field", "message"}` plus `fault` for a SOAP fault.
//! `kind` is `invalid_request`, `malformed_response`, `soap_fault`, `declined` or `internal`.

use gestpay::Error;
use serde_json::{Value, json};

/// The result type of every native function.
pub(crate) use napi::Result;

fn raise(payload: Value) -> napi::Error {
    napi::Error::new(napi::Status::GenericFailure, payload.to_string())
}

/// A core error, structured.
pub(crate) fn core(err: Error) -> napi::Error {
    let kind = match &err {
        Error::InvalidRequest { .. } => "invalid_request",
        Error::MalformedResponse { .. } => "malformed_response",
        Error::Fault(_) => "soap_fault",
        Error::Declined(_) => "declined",
        _ => "internal",
    };
    let mut payload = json!({
        "gestpay": 1,
        "kind": kind,
        "code": err.code(),
        "field": err.field(),
        "message": err.to_string(),
    });
    if let Error::Fault(fault) = &err {
        payload["fault"] = serde_json::to_value(fault.as_ref()).unwrap_or(Value::Null);
    }
    raise(payload)
}

/// The caller handed a value of the wrong shape (binding-level code `invalid_type`); `field`
/// is the JSON path of the member, or the name of the argument.
pub(crate) fn invalid_type(field: &str, message: &str) -> napi::Error {
    raise(json!({
        "gestpay": 1,
        "kind": "invalid_request",
        "code": "invalid_type",
        "field": field,
        "message": format!("invalid request: {field}: {message} [invalid_type]"),
    }))
}

/// An operation name that is none of the 19 (binding-level code `unknown_operation`).
pub(crate) fn unknown_operation(name: &str) -> napi::Error {
    let shown: String = name.chars().take(64).collect();
    raise(json!({
        "gestpay": 1,
        "kind": "invalid_request",
        "code": "unknown_operation",
        "field": "operation",
        "message": format!(
            "invalid request: operation: no operation named `{shown}` (the names are the exact \
             wire names, e.g. `Encrypt`, `callReadTrxS2S`, `CallRequestTokenS2S`) [unknown_operation]"
        ),
    }))
}

/// A failure of this binding itself (a bug): code `internal`.
pub(crate) fn internal(message: &str) -> napi::Error {
    raise(json!({
        "gestpay": 1,
        "kind": "internal",
        "code": "internal",
        "field": null,
        "message": format!("internal error in the gestpay binding: {message}"),
    }))
}

/// Maps a core result.
pub(crate) trait OrThrow<T> {
    /// `Err(core error)` → structured napi error.
    fn or_throw(self) -> Result<T>;
}

impl<T> OrThrow<T> for gestpay::Result<T> {
    fn or_throw(self) -> Result<T> {
        self.map_err(core)
    }
}
