//! What the two JavaScript bindings share: the napi addon of the npm package `gestpay`
//! (bindings-node) and the wasm-bindgen module of `gestpay-wasm` (bindings-wasm) export the same
//! native functions, with the same arguments, the same JSON-text boundary (requests and results
//! cross as JSON text in the core's serde shape) and the same structured error payload. Each of
//! them is written here once, as plain Rust over strings and bytes returning
//! `Result<T, Payload>`; the bindings keep only their attributes, the conversion of JS values,
//! and the mapping of [`Payload`] to their own error type. So a fix (a secret kept out of an
//! error message, say) is made once.
//!
//! Feature `builders` (the Node addon, the main WASM module): building and validating requests,
//! the gateway's side, JSON paths in shape errors. Without it: the read-only WASM module's part.

pub mod address;
mod amazon_json;
pub mod codes;
mod error;
pub mod message;
pub mod page;
pub mod soap;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::{Payload, Result, internal, invalid_type, unknown_operation};

/// The core, for [`with_operation!`]'s expansion in another crate.
#[doc(hidden)]
pub use gestpay as __gestpay;

/// Reads a core type from the JSON text of a JS value (`JSON.stringify` on the JS side). A
/// shape error names the JSON path of the offending member (`orderDetails.productDetails[0]`).
#[cfg(feature = "builders")]
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let mut field = if path == "." { what.to_owned() } else { path };
        let message = without_position(e.into_inner());
        // "missing field `code`" is about the member, not its parent object.
        if let Some(member) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            field = if field == what {
                member.to_owned()
            } else {
                format!("{field}.{member}")
            };
        }
        invalid_type(&field, &message)
    })?;
    de.end()
        .map_err(|e| invalid_type(what, &format!("not one JSON value: {e}")))?;
    Ok(value)
}

/// Reads a small core type (a currency) from the JSON text of a JS value, in the read-only
/// WASM module: through a `serde_json::Value`, whose deserializer is smaller than the text one,
/// and without tracking the path (`serde_path_to_error` doubles each type's code). A shape
/// error names `what`.
#[cfg(not(feature = "builders"))]
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| invalid_type(what, &without_position(e)))?;
    serde_json::from_value(value).map_err(|e| invalid_type(what, &without_position(e)))
}

/// serde_json's message without its ` at line 1 column 61` (the text is ours, not the user's)
/// and without the offending value (`invalid type: integer `4111…`, expected a string`): the
/// value may be a card number.
fn without_position(e: serde_json::Error) -> String {
    let mut message = e.to_string();
    if let Some(at) = message.rfind(" at line ").filter(|_| e.line() > 0) {
        message.truncate(at);
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let mut out = String::with_capacity(message.len());
        let mut quoted = false;
        for c in message.chars() {
            if c == '`' {
                quoted = !quoted;
            } else if !quoted {
                out.push(c);
            }
        }
        return out.replace(" ,", ",");
    }
    message
}

/// The JSON text of a core value (`JSON.parse` on the JS side).
pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| internal(&e.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn shape_errors_name_the_member_and_never_show_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Card {
            number: String,
        }
        let err = from_json::<Card>(r#"{"number": 4111111111111111}"#, "request").unwrap_err();
        let text = err.to_string();
        assert!(!text.contains("4111"), "{text}");
        assert_eq!(err.value()["code"], "invalid_type");
        #[cfg(feature = "builders")]
        assert_eq!(err.value()["field"], "number");
        let err = from_json::<Card>("{}", "request").unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }
}
