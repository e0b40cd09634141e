//! The WASM half of the ES module package `gestpay-wasm`: a thin wasm-bindgen layer over the
//! `gestpay` core, for browsers (and Node, for the tests).
//!
//! It exports the same native functions as the napi addon of the npm package `gestpay`
//! (bindings-node/src): the same names, the same arguments, the same JSON-text boundary
//! (requests and results cross as JSON text in the core's serde shape: `JSON.stringify` /
//! `JSON.parse` on the JS side, serde_json here) and the same structured error payload. So the
//! public JavaScript API is bindings-node/lib/api.js itself, wrapped around this module by
//! `createApi(native)`; nothing of it is written twice.
//!
//! WebAssembly has no unwinding here (`panic = "abort"` is the only strategy of
//! wasm32-unknown-unknown), so a panic would trap the call. None can happen on bad input: the
//! core reports every problem as an error value, and this layer checks what it is handed
//! (argument shapes, operation names, pair counts) and indexes nothing. The Node suite's random
//! and mutated inputs run against this module too.

pub mod address;
mod amazon_json;
#[cfg(feature = "builders")]
pub mod builders;
pub mod codes;
mod error;
pub mod message;
pub mod page;
pub mod soap;

use js_sys::JSON;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

pub(crate) use error::{Result, internal, invalid_type};

/// Reads a core type from the JSON text of a JS value (`JSON.stringify` on the JS side). A
/// shape error names the JSON path of the offending member (`orderDetails.productDetails[0]`).
#[cfg(feature = "builders")]
pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
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
/// module: through a `serde_json::Value`, whose deserializer is smaller than the text one, and
/// without tracking the path (`serde_path_to_error` doubles each type's code). A shape error
/// names `what`.
#[cfg(not(feature = "builders"))]
pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T> {
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
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| internal(&e.to_string()))
}

/// A small value as a plain JS object (what napi's `#[napi(object)]` gives): its JSON text,
/// parsed by the engine. Members that are `None` are left out, as napi leaves them out.
pub(crate) fn object<T: Serialize>(value: &T) -> Result<JsValue> {
    JSON::parse(&to_json(value)?).map_err(|_| internal("JSON.parse refused the binding's JSON"))
}

/// `Some(value)` as a JS object, `None` as `null` (napi's `Option` return).
pub(crate) fn object_or_null<T: Serialize>(value: Option<T>) -> Result<JsValue> {
    match value {
        Some(value) => object(&value),
        None => Ok(JsValue::NULL),
    }
}
