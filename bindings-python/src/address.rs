//! `gestpay::address`: the normalised Address, and Amazon Pay's addresses of a result.

use gestpay::address::Address;
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::s2s::{AmazonAddress, GestPayS2S};
use pyo3::prelude::*;

use crate::errors::{guard, invalid};
use crate::messages::{from_py, to_py};

/// Where to ship and whom to bill for an Amazon Pay transaction, from a `GestPayS2S` result
/// (callReadTrxS2S); `None` when it carries no `OrderReferenceDetails`.
#[pyfunction]
fn amazon_addresses<'py>(
    py: Python<'py>,
    result: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    guard(py, || {
        let payload: GestPayS2S = from_py(result, "GestPayS2S")?;
        payload
            .amazon_addresses()
            .map(|a| to_py(py, &a))
            .transpose()
    })
}

/// The normalised Address of a `ShippingAddress`, `BillingAddress`, `ShippingDetails` or
/// `AmazonAddress`.
#[pyfunction]
fn address_from<'py>(
    py: Python<'py>,
    kind: &str,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let address = match kind {
            "ShippingAddress" => Address::from(&from_py::<ShippingAddress>(value, kind)?),
            "BillingAddress" => Address::from(&from_py::<BillingAddress>(value, kind)?),
            "ShippingDetails" => Address::from(&from_py::<ShippingDetails>(value, kind)?),
            "AmazonAddress" => Address::from(&from_py::<AmazonAddress>(value, kind)?),
            _ => {
                return Err(invalid(
                    py,
                    "invalid_format",
                    "kind",
                    "not a type with an address",
                ));
            }
        };
        to_py(py, &address)
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(amazon_addresses, m)?)?;
    m.add_function(wrap_pyfunction!(address_from, m)?)?;
    Ok(())
}
