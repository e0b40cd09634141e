//! `gestpay::soap`: environments, SOAP versions and SOAP faults (built and parsed).

use gestpay::soap::{Service, SoapFault};
use gestpay::xml::Limits;
use gestpay::{Environment, SoapVersion};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{core, guard, invalid, text};
use crate::messages::{HttpResponseTuple, from_py, response_tuple, to_py};

/// `test`, `production`, or a base URL (`http://127.0.0.1:8480`, a proxy): the core's
/// `Environment::parse` (exact names; `invalid_env` otherwise).
pub(crate) fn environment(py: Python<'_>, env: &str) -> PyResult<Environment> {
    core(py, Environment::parse(env))
}

/// `1.1` or `1.2`.
pub(crate) fn soap_version(py: Python<'_>, soap: &str) -> PyResult<SoapVersion> {
    core(py, SoapVersion::parse(soap))
}

pub(crate) fn version_name(version: SoapVersion) -> &'static str {
    version.as_str()
}

/// The endpoint URL of a service (`WsCryptDecrypt` or `WsS2S`) in an environment.
#[pyfunction]
fn endpoint(
    py: Python<'_>,
    env: &Bound<'_, PyString>,
    service: &Bound<'_, PyString>,
) -> PyResult<String> {
    guard(py, || {
        let env = text(env, "env")?;
        let service = match text(service, "service")?.as_ref() {
            "WsCryptDecrypt" => Service::CryptDecrypt,
            "WsS2S" => Service::S2s,
            _ => {
                return Err(invalid(
                    py,
                    "invalid_format",
                    "service",
                    "expected `WsCryptDecrypt` or `WsS2S`",
                ));
            }
        };
        Ok(environment(py, &env)?.endpoint(service))
    })
}

/// The envelope of a SOAP fault (the gateway's side).
#[pyfunction]
fn fault_envelope<'py>(
    py: Python<'py>,
    fault: &Bound<'py, PyAny>,
    soap: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let version = soap_version(py, &text(soap, "soap")?)?;
        let fault: SoapFault = from_py(fault, "SoapFault")?;
        let body = core(py, fault.to_envelope(version))?;
        Ok(PyBytes::new(py, &body))
    })
}

/// The HTTP response of a SOAP fault: `(500, headers, body)`.
#[pyfunction]
fn fault_http_response<'py>(
    py: Python<'py>,
    fault: &Bound<'py, PyAny>,
    soap: &Bound<'py, PyString>,
) -> PyResult<HttpResponseTuple<'py>> {
    guard(py, || {
        let version = soap_version(py, &text(soap, "soap")?)?;
        let fault: SoapFault = from_py(fault, "SoapFault")?;
        let http = core(py, fault.to_http_response(version))?;
        Ok(response_tuple(py, http))
    })
}

/// Parses the SOAP fault of an envelope (`MalformedResponseError` when it holds none).
#[pyfunction]
fn parse_fault<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        to_py(
            py,
            &core(py, SoapFault::from_envelope(body, Limits::default()))?,
        )
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(endpoint, m)?)?;
    m.add_function(wrap_pyfunction!(fault_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(fault_http_response, m)?)?;
    m.add_function(wrap_pyfunction!(parse_fault, m)?)?;
    Ok(())
}
