//! `gestpay::address`: the normalised Address of a model that carries one.

use gestpay::address::Address;
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::s2s::AmazonAddress;
use pyo3::prelude::*;

use crate::errors::{guard, invalid};
use crate::message::{Message, wrap_model};

/// The normalised Address of a `ShippingAddress`, `BillingAddress`, `ShippingDetails` or
/// `AmazonAddress`.
#[pyfunction]
fn address_from<'py>(value: &Bound<'py, Message>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    guard(py, || {
        let kind: String = value.get_type().getattr("_TYPE")?.extract()?;
        let this = value.get();
        let address = match kind.as_str() {
            "ShippingAddress" => Address::from(&this.typed::<ShippingAddress>(py, &kind)?),
            "BillingAddress" => Address::from(&this.typed::<BillingAddress>(py, &kind)?),
            "ShippingDetails" => Address::from(&this.typed::<ShippingDetails>(py, &kind)?),
            "AmazonAddress" => Address::from(&this.typed::<AmazonAddress>(py, &kind)?),
            _ => {
                return Err(invalid(
                    py,
                    "invalid_type",
                    "value",
                    "no address can be read from this type",
                ));
            }
        };
        wrap_model(py, address)
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(address_from, m)?)?;
    Ok(())
}
