//! The WASM half of the ES module package `gestpay-wasm`: a thin wasm-bindgen layer over the
//! `gestpay` core, for browsers (and Node, for the tests).
//!
//! It exports the same native functions as the napi addon of the npm package `gestpay`
//! (bindings-node/src): the same names, the same arguments, the same JSON-text boundary
//! (requests and results cross as JSON text in the core's serde shape: `JSON.stringify` /
//! `JSON.parse` on the JS side, serde_json here) and the same structured error payload. What
//! each function does is written once, in `gestpay-js-core` (bindings-js-core/); here are the
//! `#[wasm_bindgen]` signatures and the reading of JS values. The public JavaScript API is
//! bindings-js-core/lib itself, bundled over this module (its import `#native`) by esbuild.
//!
//! Errors are the shared crate's `Payload`, thrown as a JS `Error` whose message is its JSON
//! text ([`Thrown`]).
//!
//! WebAssembly has no unwinding here (`panic = "abort"` is the only strategy of
//! wasm32-unknown-unknown), so a panic would trap the call. None can happen on bad input: the
//! core reports every problem as an error value, and these layers check what they are handed
//! (argument shapes, operation names, pair counts) and index nothing. The Node suite's random
//! and mutated inputs run against this module too.

pub mod address;
#[cfg(feature = "builders")]
pub mod builders;
pub mod codes;
pub mod held;
pub mod message;
pub mod page;
pub mod soap;

use gestpay_js_core::{Payload, internal, to_json};
use js_sys::JSON;
use serde::Serialize;
use wasm_bindgen::{JsError, JsValue};

/// What an export throws: the shared error payload, as a JS `Error` whose message is its JSON
/// text. A type of this crate, because `From<Payload> for JsValue` is not ours to write; of the
/// payload's layout, so that passing it up costs nothing, and converted once, in wasm-bindgen's
/// return glue (the read-only module's size).
#[derive(Debug)]
pub struct Thrown(Payload);

impl From<Payload> for Thrown {
    fn from(payload: Payload) -> Self {
        Thrown(payload)
    }
}

impl From<Thrown> for JsValue {
    fn from(thrown: Thrown) -> Self {
        JsError::new(&thrown.0.to_string()).into()
    }
}

/// The result type of every exported function: an `Err` is thrown as a JS `Error`.
pub(crate) type Result<T> = std::result::Result<T, Thrown>;

/// A small value as a plain JS object (what napi's `#[napi(object)]` gives): its JSON text,
/// parsed by the engine. Members that are `None` are left out, as napi leaves them out.
pub(crate) fn object<T: Serialize>(value: &T) -> Result<JsValue> {
    let refused = |_| Thrown(internal("JSON.parse refused the binding's JSON"));
    JSON::parse(&to_json(value)?).map_err(refused)
}
