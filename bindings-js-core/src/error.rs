//! The structured error of every native function: a JSON object that bindings-js-core/lib/errors.js
//! turns into `InvalidRequestError`, `MalformedResponseError`, `SoapFaultError` or
//! `DeclinedError` (all `GestpayError`s with `code`, `field` and `message`). Each binding throws
//! its text ([`Payload`]'s `Display`) as its own error type, so both throw it byte for byte.
//!
//! Payload: `{"gestpay": 1, "kind", "code", "field", "message"}` plus `fault` for a SOAP fault.
//! `kind` is `invalid_request`, `malformed_response`, `soap_fault`, `declined` or `internal`.

use std::fmt;

use gestpay::Error;
use gestpay::soap::SoapFault;
use serde::Serialize;

/// The result of every shared function.
pub type Result<T> = std::result::Result<T, Payload>;

/// A structured error; its `Display` is the JSON text a binding throws. Boxed: one pointer, as
/// cheap to pass up through `?` as a JS error handle (the WASM module's size).
#[derive(Debug, Clone, PartialEq)]
pub struct Payload(Box<Members>);

/// The payload's members, in the order of its JSON text. Written by serde_json from this
/// struct (no JSON tree: the read-only WASM module has no JSON reader or tree).
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Members {
    code: &'static str,
    field: Option<String>,
    gestpay: u8,
    kind: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fault: Option<SoapFault>,
}

impl Payload {
    fn new(kind: &'static str, code: &'static str, field: Option<&str>, message: String) -> Self {
        Payload(Box::new(Members {
            code,
            field: field.map(str::to_owned),
            gestpay: 1,
            kind,
            message,
            fault: None,
        }))
    }

    /// `kind` (`invalid_request`, `malformed_response`, `soap_fault`, `declined`, `pending`,
    /// `internal`).
    pub fn kind(&self) -> &'static str {
        self.0.kind
    }

    /// The stable error code.
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The field or argument it names, if any.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }
}

impl fmt::Display for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Strings, numbers and a fault of strings: serde_json cannot fail on these.
        let text = serde_json::to_string(&self.0).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

/// So that wasm-bindgen's `JsError: From<E: Error>` takes it with `?`.
impl std::error::Error for Payload {}

/// A core error, structured.
impl From<Error> for Payload {
    fn from(err: Error) -> Self {
        // One name per kind of error, the core's.
        let mut payload = Payload::new(err.kind(), err.code(), err.field(), err.to_string());
        if let Error::Fault(fault) = err {
            payload.0.fault = Some(*fault);
        }
        payload
    }
}

/// The caller handed a value of the wrong shape (binding-level code `invalid_type`); `field`
/// is the JSON path of the member, or the name of the argument.
pub fn invalid_type(field: &str, message: &str) -> Payload {
    let message = format!("invalid request: {field}: {message} [invalid_type]");
    Payload::new("invalid_request", "invalid_type", Some(field), message)
}

/// A failure of a binding itself (a bug): code `internal`.
pub fn internal(message: &str) -> Payload {
    let message = format!("internal error in the gestpay binding: {message}");
    Payload::new("internal", "internal", None, message)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The JSON text both bindings throw, pinned: bindings-js-core/lib/errors.js reads it.
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
        assert_eq!(payload.kind(), "invalid_request");
        assert!(payload.to_string().contains(r#""gestpay":1"#));
        assert!(!payload.to_string().contains("fault"));
    }
}
