//! The core's [`gestpay::Error`] as a structured JS error: an `Error` whose message is a JSON
//! object that bindings-node/lib/errors.js turns into `InvalidRequestError`,
//! `MalformedResponseError`, `SoapFaultError` or `DeclinedError` (all `GestpayError`s with
//! `code`, `field` and `message`) — the payload of the napi addon, byte for byte.
//!
//! Payload: `{"gestpay": 1, "kind", "code", "field", "message"}` plus `fault` for a SOAP fault.
//! `kind` is `invalid_request`, `malformed_response`, `soap_fault`, `declined` or `internal`.

use gestpay::Error;
use serde_json::{Value, json};
use wasm_bindgen::JsError;

/// The result type of every exported function: an `Err` is thrown as a JS `Error`.
pub(crate) type Result<T> = std::result::Result<T, JsError>;

fn raise(payload: Value) -> JsError {
    JsError::new(&payload.to_string())
}

/// A core error, structured.
pub(crate) fn core(err: Error) -> JsError {
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
    if let (Error::Fault(fault), Value::Object(members)) = (&err, &mut payload) {
        let fault = serde_json::to_value(fault.as_ref()).unwrap_or(Value::Null);
        members.insert("fault".to_owned(), fault);
    }
    raise(payload)
}

/// The caller handed a value of the wrong shape (binding-level code `invalid_type`); `field`
/// is the JSON path of the member, or the name of the argument.
pub(crate) fn invalid_type(field: &str, message: &str) -> JsError {
    raise(json!({
        "gestpay": 1,
        "kind": "invalid_request",
        "code": "invalid_type",
        "field": field,
        "message": format!("invalid request: {field}: {message} [invalid_type]"),
    }))
}

/// An operation name that is none of the 19 (binding-level code `unknown_operation`).
pub(crate) fn unknown_operation(name: &str) -> JsError {
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
pub(crate) fn internal(message: &str) -> JsError {
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
    /// `Err(core error)` → structured JS error.
    fn or_throw(self) -> Result<T>;
}

impl<T> OrThrow<T> for gestpay::Result<T> {
    fn or_throw(self) -> Result<T> {
        self.map_err(core)
    }
}
