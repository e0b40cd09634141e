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
pub mod codes;
mod error;
pub mod held;
pub mod message;
pub mod page;
pub mod soap;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::{Payload, Result, internal, invalid_type};

/// Reads a core type from the JSON text of a JS value (`JSON.stringify` on the JS side), with
/// the core's input contract (`gestpay::dynamic::json`): unknown keys, wrong types and bad values
/// are errors naming the JSON path, and no message holds a value.
pub fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    Ok(gestpay::dynamic::json::from_json_text(text, what)?)
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
        assert_eq!(err.code(), "invalid_type");
        assert_eq!(err.field(), Some("number"));
        let err = from_json::<Card>("{}", "request").unwrap_err();
        assert_eq!(err.code(), "missing_field");
        assert_eq!(err.field(), Some("number"));
    }
}
