//! `gestpay::soap`: endpoints, request identification and SOAP faults (built and parsed).

use gestpay::soap::{Service, SoapFault, identify_request as identify};
use gestpay::xml::Limits;
use gestpay::{Environment, SoapVersion};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{core, guard, text};
use crate::message::{HttpResponseTuple, Message, response_tuple, wrap_model};

/// The endpoint URL of a service (`WsCryptDecrypt` or `WsS2S`) in an environment (`test`,
/// `production` or a base URL).
#[pyfunction]
fn endpoint(
    py: Python<'_>,
    env: &Bound<'_, PyString>,
    service: &Bound<'_, PyString>,
) -> PyResult<String> {
    guard(py, || {
        let env = core(py, Environment::parse(&text(env, "env")?))?;
        Ok(env.endpoint(core(py, Service::parse(&text(service, "service")?))?))
    })
}

/// What a request envelope is, without reading its fields: `(soap version, service or None,
/// operation)`, for a server that dispatches.
#[pyfunction]
fn identify_request(
    py: Python<'_>,
    body: &[u8],
) -> PyResult<(&'static str, Option<&'static str>, String)> {
    guard(py, || {
        let info = core(py, identify(body, Limits::default()))?;
        Ok((
            info.version.as_str(),
            info.service.map(Service::name),
            info.operation,
        ))
    })
}

/// The fault of a `SoapFault` message and the SOAP version to write it in (its own unless
/// `soap` is given).
fn fault_of(
    py: Python<'_>,
    fault: &Bound<'_, Message>,
    soap: Option<&Bound<'_, PyString>>,
) -> PyResult<(SoapFault, SoapVersion)> {
    let fault: SoapFault = fault.get().typed(py, "SoapFault")?;
    let version = match soap {
        Some(soap) => core(py, SoapVersion::parse(&text(soap, "soap")?))?,
        None => fault.version,
    };
    Ok((fault, version))
}

/// The envelope of a SOAP fault (the gateway's side).
#[pyfunction]
#[pyo3(signature = (fault, soap=None))]
fn fault_envelope<'py>(
    fault: &Bound<'py, Message>,
    soap: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = fault.py();
    guard(py, || {
        let (fault, version) = fault_of(py, fault, soap)?;
        Ok(PyBytes::new(py, &core(py, fault.to_envelope(version))?))
    })
}

/// The HTTP response of a SOAP fault: `(500, headers, body)`.
#[pyfunction]
#[pyo3(signature = (fault, soap=None))]
fn fault_http_response<'py>(
    fault: &Bound<'py, Message>,
    soap: Option<&Bound<'py, PyString>>,
) -> PyResult<HttpResponseTuple<'py>> {
    let py = fault.py();
    guard(py, || {
        let (fault, version) = fault_of(py, fault, soap)?;
        Ok(response_tuple(
            py,
            core(py, fault.to_http_response(version))?,
        ))
    })
}

/// Parses the SOAP fault of an envelope (`MalformedResponseError` when it holds none).
#[pyfunction]
fn parse_fault<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        wrap_model(
            py,
            core(py, SoapFault::from_envelope(body, Limits::default()))?,
        )
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(endpoint, m)?)?;
    m.add_function(wrap_pyfunction!(identify_request, m)?)?;
    m.add_function(wrap_pyfunction!(fault_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(fault_http_response, m)?)?;
    m.add_function(wrap_pyfunction!(parse_fault, m)?)?;
    Ok(())
}
