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
//! What each function does is written once, in `gestpay-js-core` (bindings-js-core/), shared
//! with the WASM module; here are the `#[napi]` signatures, the `#[napi(object)]` shapes, and
//! the mapping of its error payload to `napi::Error`.
//!
//! Every exported function is `#[napi(catch_unwind)]`: a panic becomes a thrown error with code
//! `internal`, never an abort of the Node process.

pub mod address;
pub mod amount;
pub mod codes;
mod error;
pub mod held;
pub mod message;
pub mod payment_page;
pub mod soap;
