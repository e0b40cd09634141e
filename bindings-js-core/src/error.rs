//! The structured error of every native function: a JSON object that bindings-node/lib/errors.js
//! turns into `InvalidRequestError`, `MalformedResponseError`, `SoapFaultError` or
//! `DeclinedError` (all `GestpayError`s with `code`, `field` and `message`). Each binding throws
//! its text ([`Payload`]'s `Display`) as its own error type, so both throw it byte for byte.
//!
//! Payload: `{"gestpay": 1, "kind", "code", "field", "message"}` plus `fault` for a SOAP fault.
//! `kind` is `invalid_request`, `malformed_response`, `soap_fault`, `declined` or `internal`.

use std::fmt;

use gestpay::Error;
use serde_json::{Map, Value};

/// The result of every shared function.
pub type Result<T> = std::result::Result<T, Payload>;

/// A structured error; its `Display` is the JSON text a binding throws. Boxed: one pointer, as
/// cheap to pass up through `?` as a JS error handle (the WASM module's size).
#[derive(Debug, Clone, PartialEq)]
pub struct Payload(Box<Value>);

impl Payload {
    /// The JSON object.
    pub fn value(&self) -> &Value {
        &self.0
    }
}

impl fmt::Display for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// So that wasm-bindgen's `JsError: From<E: Error>` takes it with `?`.
impl std::error::Error for Payload {}

/// The payload's members, in one place: every error is built here (one copy of the map's code
/// in the WASM module, rather than one per kind of error).
fn payload(kind: &str, code: &str, field: Option<&str>, message: String) -> Map<String, Value> {
    let mut members = Map::new();
    members.insert("gestpay".to_owned(), Value::from(1));
    members.insert("kind".to_owned(), Value::from(kind));
    members.insert("code".to_owned(), Value::from(code));
    members.insert("field".to_owned(), field.map_or(Value::Null, Value::from));
    members.insert("message".to_owned(), Value::from(message));
    members
}

/// A core error, structured.
impl From<Error> for Payload {
    fn from(err: Error) -> Self {
        // One name per kind of error, the core's.
        let mut members = payload(err.kind(), err.code(), err.field(), err.to_string());
        if let Error::Fault(fault) = &err {
            // Through the JSON text, with the serialiser `parseFault` uses and the core's JSON
            // reader: a serialiser to a `Value` would cost the read-only WASM module its size.
            let fault = serde_json::to_string(fault.as_ref())
                .ok()
                .and_then(|text| gestpay::dynamic::json::parse_json(&text, "fault").ok())
                .unwrap_or(Value::Null);
            members.insert("fault".to_owned(), fault);
        }
        Payload(Box::new(Value::Object(members)))
    }
}

impl From<Map<String, Value>> for Payload {
    fn from(members: Map<String, Value>) -> Self {
        Payload(Box::new(Value::Object(members)))
    }
}

/// The caller handed a value of the wrong shape (binding-level code `invalid_type`); `field`
/// is the JSON path of the member, or the name of the argument.
pub fn invalid_type(field: &str, message: &str) -> Payload {
    let message = format!("invalid request: {field}: {message} [invalid_type]");
    payload("invalid_request", "invalid_type", Some(field), message).into()
}

/// A failure of a binding itself (a bug): code `internal`.
pub fn internal(message: &str) -> Payload {
    let message = format!("internal error in the gestpay binding: {message}");
    payload("internal", "internal", None, message).into()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The JSON text both bindings throw, pinned: bindings-node/lib/errors.js reads it.
    #[test]
    fn payload_text() {
        assert_eq!(
            invalid_type("env", "expected x").to_string(),
            r#"{"code":"invalid_type","field":"env","gestpay":1,"kind":"invalid_request","message":"invalid request: env: expected x [invalid_type]"}"#
        );
        assert_eq!(
            internal("oops").to_string(),
            r#"{"code":"internal","field":null,"gestpay":1,"kind":"internal","message":"internal error in the gestpay binding: oops"}"#
        );
    }

    #[test]
    fn core_errors_keep_kind_code_field_and_fault() {
        let err = gestpay::payment_page::Callback::parse("a=&b=").unwrap_err();
        let payload = Payload::from(err);
        assert_eq!(payload.value()["kind"], "invalid_request");
        assert_eq!(payload.value()["gestpay"], 1);
        assert!(payload.value().get("fault").is_none());
    }
}
