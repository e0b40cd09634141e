//! `gestpay._gestpay`: the native half of the Python package `gestpay`.
//!
//! A thin layer over the sans-IO core: it converts between Python objects and the core's serde
//! JSON shape (with `pythonize`) and calls the core. One file per core module; no protocol logic
//! lives here. The typed Python API (dataclasses, exceptions, transports) is in
//! `python/gestpay/`, which calls these functions.
//!
//! Every function runs its body under [`errors::guard`]: a core error becomes the matching
//! `gestpay.errors` exception, and a panic (a bug) becomes a `GestpayError` with code
//! `internal` instead of reaching Python.

mod address;
mod codes;
mod errors;
mod messages;
mod payment_page;
mod soap;

use pyo3::prelude::*;

#[pymodule]
fn _gestpay(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
    messages::register(m)?;
    soap::register(m)?;
    payment_page::register(m)?;
    address::register(m)?;
    codes::register(m)?;
    Ok(())
}
