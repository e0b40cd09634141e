//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback.

use gestpay::codes::PaymentType;
use gestpay::payment_page::{self as page, Callback};
use pyo3::prelude::*;

use crate::errors::{core, guard};
use crate::messages::{from_py, to_py};
use crate::soap::environment;

/// `pagam.aspx?a=<shop login>&b=<encrypted string>[&paymentType=<code>]`.
#[pyfunction]
#[pyo3(signature = (env, shop_login, crypt_decrypt_string, payment_type=None))]
fn payment_page_url(
    py: Python<'_>,
    env: &str,
    shop_login: &str,
    crypt_decrypt_string: &str,
    payment_type: Option<&str>,
) -> PyResult<String> {
    guard(py, || {
        let payment_type = payment_type.map(PaymentType::from);
        let url = page::payment_page_url(
            &environment(py, env)?,
            shop_login,
            crypt_decrypt_string,
            payment_type.as_ref(),
        );
        core(py, url)
    })
}

/// `pagam3d.aspx?a=<shop login>&b=<VbVRisp>&c=<return URL>`.
#[pyfunction]
fn three_ds_page_url(
    py: Python<'_>,
    env: &str,
    shop_login: &str,
    vbv_risp: &str,
    return_url: &str,
) -> PyResult<String> {
    guard(py, || {
        let url = page::three_ds_page_url(&environment(py, env)?, shop_login, vbv_risp, return_url);
        core(py, url)
    })
}

/// The callback from a URL or a query string: `{"shopLogin", "encryptedString"}`.
#[pyfunction]
fn parse_callback<'py>(py: Python<'py>, url_or_query: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || to_py(py, &core(py, Callback::parse(url_or_query))?))
}

/// The callback from decoded query pairs (every value of every key, as a framework has them).
#[pyfunction]
fn callback_from_pairs(py: Python<'_>, pairs: Vec<(String, String)>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || to_py(py, &core(py, Callback::from_pairs(pairs))?))
}

/// The query string the gateway sends (`a=…&b=…`).
#[pyfunction]
fn callback_query(py: Python<'_>, callback: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        Ok(from_py::<Callback>(callback, "Callback")?.to_query())
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(payment_page_url, m)?)?;
    m.add_function(wrap_pyfunction!(three_ds_page_url, m)?)?;
    m.add_function(wrap_pyfunction!(parse_callback, m)?)?;
    m.add_function(wrap_pyfunction!(callback_from_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(callback_query, m)?)?;
    Ok(())
}
