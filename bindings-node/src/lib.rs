//! The native half of the npm package `gestpay`: a thin napi-rs layer over the `gestpay` core.
//!
//! It only converts. Requests and results cross the boundary as JSON text in the core's serde
//! shape (camelCase, absent = no value): `JSON.stringify` / `JSON.parse` on the JS side, serde_json
//! here. That measured 1.7× (parse) to 2.8× (build) faster than napi's `serde_json::Value`
//! conversion, which sets every property through its own N-API call. Each file mirrors one core
//! module. The public JavaScript API (`index.js`, `lib/`) wraps these functions: it turns
//! the structured errors thrown here into `Error` subclasses, redacts secrets in
//! `util.inspect`, and adds the `fetch` transport.
//!
//! Every exported function is `#[napi(catch_unwind)]`: a panic becomes a thrown error with code
//! `internal`, never an abort of the Node process.

pub mod address;
pub mod amount;
pub mod codes;
mod error;
pub mod message;
pub mod payment_page;
pub mod soap;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub(crate) use error::invalid_type;
use napi::Result;

/// Reads a core type from the JSON text of a JS value (`JSON.stringify` on the JS side). A
/// shape error names the JSON path of the offending member (`orderDetails.productDetails[0]`).
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
    serde_json::to_string(value).map_err(|e| error::internal(&e.to_string()))
}
