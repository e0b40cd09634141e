//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback.
//!
//! The callback rule is the core's (core/src/payment_page.rs): a raw URL or query is form
//! decoded, a mapping is taken as decoded, URLs are written with `+` as `%2B`. One thing is
//! Python's own: a `str` may hold a lone surrogate (`"\ud800"`, or `surrogateescape`'d bytes),
//! which is not Unicode text. Extracting it as `&str` would raise `UnicodeEncodeError`; here it
//! is an `InvalidRequestError` with code `invalid_callback` instead.

use std::borrow::Cow;
use std::fmt::Write as _;

use gestpay::codes::PaymentType;
use gestpay::payment_page::{self as page, Callback};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{core, guard, invalid, text};
use crate::message::{Message, wrap_model};

const NOT_UNICODE: &str = "contains a lone surrogate, which is not Unicode text";

/// A `str` that goes into a URL, as UTF-8; a lone surrogate is `invalid_callback` on `field`.
fn url_text<'a>(value: &'a Bound<'_, PyString>, field: &str) -> PyResult<Cow<'a, str>> {
    value
        .to_cow()
        .map_err(|_| invalid(value.py(), "invalid_callback", field, NOT_UNICODE))
}

/// A raw URL or query as UTF-8. A lone surrogate is written as the bytes `surrogatepass` gives
/// it (`%ED%A0%80` for U+D800): bytes that are not UTF-8, so the core's rule applies to them as
/// to any such bytes (`invalid_callback` naming `a` or `b`; ignored in another parameter).
fn raw_text<'a>(value: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = value.to_cow() {
        return Ok(text);
    }
    let bytes = value.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes = bytes.cast::<PyBytes>()?;
    let mut out = String::with_capacity(bytes.as_bytes().len());
    for chunk in bytes.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    Ok(Cow::Owned(out))
}

/// `pagam.aspx?a=<shop login>&b=<encrypted string>[&paymentType=<code>]`.
#[pyfunction]
#[pyo3(signature = (env, shop_login, crypt_decrypt_string, payment_type=None))]
fn payment_page_url(
    py: Python<'_>,
    env: &Bound<'_, PyString>,
    shop_login: &Bound<'_, PyString>,
    crypt_decrypt_string: &Bound<'_, PyString>,
    payment_type: Option<&Bound<'_, PyString>>,
) -> PyResult<String> {
    guard(py, || {
        let shop_login = url_text(shop_login, "shop_login")?;
        let crypt_decrypt_string = url_text(crypt_decrypt_string, "crypt_decrypt_string")?;
        let payment_type = match payment_type {
            Some(pt) => Some(PaymentType::from(url_text(pt, "payment_type")?.as_ref())),
            None => None,
        };
        let url = page::payment_page_url(
            &core(py, gestpay::Environment::parse(&text(env, "env")?))?,
            &shop_login,
            &crypt_decrypt_string,
            payment_type.as_ref(),
        );
        core(py, url)
    })
}

/// `pagam3d.aspx?a=<shop login>&b=<VbVRisp>&c=<return URL>`.
#[pyfunction]
fn three_ds_page_url(
    py: Python<'_>,
    env: &Bound<'_, PyString>,
    shop_login: &Bound<'_, PyString>,
    vbv_risp: &Bound<'_, PyString>,
    return_url: &Bound<'_, PyString>,
) -> PyResult<String> {
    guard(py, || {
        let url = page::three_ds_page_url(
            &core(py, gestpay::Environment::parse(&text(env, "env")?))?,
            &url_text(shop_login, "shop_login")?,
            &url_text(vbv_risp, "vbv_risp")?,
            &url_text(return_url, "return_url")?,
        );
        core(py, url)
    })
}

/// The callback from a URL or a query string: `{"shopLogin", "encryptedString"}`.
#[pyfunction]
fn parse_callback<'py>(
    py: Python<'py>,
    url_or_query: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let input = raw_text(url_or_query)?;
        wrap_model(py, core(py, Callback::parse(&input))?)
    })
}

/// The callback from decoded query pairs (every value of every key, as a framework has them),
/// taken as they are. A lone surrogate in `a` or `b` is `invalid_callback`; a name or another
/// parameter that is not Unicode text cannot be `a` or `b`, and is ignored.
#[pyfunction]
fn callback_from_pairs<'py>(
    py: Python<'py>,
    pairs: Vec<(Bound<'py, PyString>, Bound<'py, PyString>)>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let mut decoded: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::with_capacity(pairs.len());
        for (key, value) in &pairs {
            let Ok(key) = key.to_cow() else { continue };
            match value.to_cow() {
                Ok(value) => decoded.push((key, value)),
                Err(_) if key == "a" || key == "b" => {
                    return Err(invalid(py, "invalid_callback", &key, NOT_UNICODE));
                }
                Err(_) => {}
            }
        }
        wrap_model(py, core(py, Callback::from_decoded_pairs(decoded))?)
    })
}

/// The query string the gateway sends (`a=…&b=…`): `+` as `%2B`, a space as `%20`.
#[pyfunction]
fn callback_query(callback: &Bound<'_, Message>) -> PyResult<String> {
    let py = callback.py();
    guard(py, || {
        Ok(callback.get().typed::<Callback>(py, "Callback")?.to_query())
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
