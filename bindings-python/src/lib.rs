//! `gestpay._gestpay`: the native half of the Python package `gestpay`.
//!
//! A thin layer over the sans-IO core: message objects are backed by the core's own values
//! (`message.rs`), fields are converted when read (`values.rs`), and every rule is the core's.
//! The typed Python API (classes, exceptions, transports) is in `python/gestpay/`.
//!
//! Every function runs its body under [`errors::guard`]: a core error becomes the matching
//! `gestpay.errors` exception, and a panic (a bug) becomes a `GestpayError` with code
//! `internal` instead of reaching Python.

mod address;
mod codes;
mod errors;
mod message;
mod payment_page;
mod soap;
mod values;

use pyo3::prelude::*;

#[pymodule]
fn _gestpay(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
    message::register(m)?;
    soap::register(m)?;
    payment_page::register(m)?;
    address::register(m)?;
    codes::register(m)?;
    Ok(())
}
