//! The shared structured error ([`gestpay_js_core::Payload`], bindings-js-core/src/error.rs) as
//! a napi error: its JSON text is the message, which `lib/errors.js` turns into
//! `InvalidRequestError`, `MalformedResponseError`, `SoapFaultError` or `DeclinedError`.

use gestpay_js_core::Payload;

/// The result type of every native function.
pub(crate) use napi::Result;

fn throw(payload: Payload) -> napi::Error {
    napi::Error::new(napi::Status::GenericFailure, payload.to_string())
}

/// Maps a shared result (a local trait: `From<Payload> for napi::Error` is not ours to write).
pub(crate) trait OrThrow<T> {
    /// `Err(payload)` → structured napi error.
    fn or_throw(self) -> Result<T>;
}

impl<T> OrThrow<T> for gestpay_js_core::Result<T> {
    fn or_throw(self) -> Result<T> {
        self.map_err(throw)
    }
}
