//! `gestpay::message`: build and parse any of the 19 operations, on both sides of the exchange.
//!
//! Every function takes the operation's exact wire name (`Encrypt`, `callReadTrxS2S`,
//! `CallRequestTokenS2S`, …), found in the core's registry (`gestpay::dynamic::Operation`).
//! Requests and results cross the boundary as the core's camelCase JSON shape.

use gestpay::dynamic::{AnyRequest, AnyResult, Operation};
use gestpay::soap::{Service, identify_request as identify};
use gestpay::xml::Limits;
use gestpay::{HttpRequest, HttpResponse};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{core, guard, internal, invalid, text};
use crate::soap::{environment, soap_version, version_name};

/// The operation named by a Python `str` (exact wire name), or the core's `unknown_operation`.
fn find_operation(py: Python<'_>, name: &Bound<'_, PyString>) -> PyResult<Operation> {
    core(py, Operation::from_name(&text(name, "operation")?))
}

/// A request of `op` from a Python dict, read with the core's input contract.
fn read_request(op: Operation, obj: &Bound<'_, PyAny>) -> PyResult<Box<dyn AnyRequest>> {
    core(
        obj.py(),
        op.request_from_value(&json_value(obj, "request")?),
    )
}

/// A result of `op` from a Python dict (the gateway's side).
fn read_result(op: Operation, obj: &Bound<'_, PyAny>) -> PyResult<Box<dyn AnyResult>> {
    core(obj.py(), op.result_from_value(&json_value(obj, "result")?))
}

/// A Python value (dict/list/str/int) as a core type, with the core's input contract
/// (`gestpay::dynamic::json`: unknown keys, wrong types and bad values name their JSON path),
/// or `InvalidRequestError`.
pub(crate) fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let py = obj.py();
    let value = json_value(obj, what)?;
    core(py, gestpay::dynamic::json::from_json_value(&value, what))
}

/// A Python value as JSON: dicts with `str` keys, lists and tuples, `str`, `int`, `float`,
/// `bool` and `None`. Anything else (a `Decimal`, bytes, a set) is `invalid_type` naming `what`.
pub(crate) fn json_value(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<serde_json::Value> {
    pythonize::depythonize(obj).map_err(|_| {
        invalid(
            obj.py(),
            "invalid_type",
            what,
            "expected JSON-like values (dict with str keys, list, str, int, float, bool, None)",
        )
    })
}

/// A core value as Python dicts, lists, strings and ints.
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|_| internal(py))
}

/// `(method, url, headers, body)`.
type HttpRequestTuple<'py> = (String, String, Vec<(String, String)>, Bound<'py, PyBytes>);
/// `(status, headers, body)`.
pub(crate) type HttpResponseTuple<'py> = (u16, Vec<(String, String)>, Bound<'py, PyBytes>);

fn request_tuple(py: Python<'_>, http: HttpRequest) -> HttpRequestTuple<'_> {
    let body = PyBytes::new(py, &http.body);
    (http.method, http.url, http.headers, body)
}

pub(crate) fn response_tuple(py: Python<'_>, http: HttpResponse) -> HttpResponseTuple<'_> {
    let body = PyBytes::new(py, &http.body);
    (http.status, http.headers, body)
}

/// The HTTP call of a request (validated): `(method, url, headers, body)`.
#[pyfunction]
fn build_request<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    request: &Bound<'py, PyAny>,
    env: &Bound<'py, PyString>,
    soap: &Bound<'py, PyString>,
) -> PyResult<HttpRequestTuple<'py>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let env = environment(py, &text(env, "env")?)?;
        let soap = soap_version(py, &text(soap, "soap")?)?;
        let http = core(py, read_request(op, request)?.to_http(&env, soap))?;
        Ok(request_tuple(py, http))
    })
}

/// The SOAP envelope of a request, validated unless `validate` is false.
#[pyfunction]
fn request_envelope<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    request: &Bound<'py, PyAny>,
    soap: &Bound<'py, PyString>,
    validate: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let soap = soap_version(py, &text(soap, "soap")?)?;
        let req = read_request(op, request)?;
        let body = if validate {
            req.to_envelope(soap)
        } else {
            req.to_envelope_unchecked(soap)
        };
        Ok(PyBytes::new(py, &core(py, body)?))
    })
}

/// Checks a request against the documented rules.
#[pyfunction]
fn validate_request(
    py: Python<'_>,
    operation: &Bound<'_, PyString>,
    request: &Bound<'_, PyAny>,
) -> PyResult<()> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        core(py, read_request(op, request)?.validate())
    })
}

/// Parses a request (the gateway's side): a whole envelope, or with `lenient` also the bare
/// wrapper element the docs show.
#[pyfunction]
fn parse_request<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    body: &[u8],
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let req = if lenient {
            op.parse_request(body)
        } else {
            op.parse_request_envelope(body)
        };
        to_py(py, core(py, req)?.as_serialize())
    })
}

/// Parses a result: a whole envelope (a fault raises `SoapFaultError`), or with `lenient` also
/// the Response or Result element or the bare payload.
#[pyfunction]
fn parse_result<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    body: &[u8],
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let res = if lenient {
            op.parse_result(body, None)
        } else {
            op.parse_result_envelope(body)
        };
        to_py(py, core(py, res)?.as_serialize())
    })
}

/// Parses an HTTP response: `200` with the result envelope, or a SOAP fault.
#[pyfunction]
#[pyo3(signature = (operation, status, content_type, body))]
fn parse_http_result<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    status: u16,
    content_type: Option<Bound<'py, PyString>>,
    body: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        // A lone surrogate (a header byte kept by `surrogateescape`) reads as U+FFFD, and the
        // core decides as for any other odd header (an HTML type is `not_soap`, a charset it
        // cannot decode a malformed response).
        let content_type = content_type.as_ref().map(|ct| ct.to_string_lossy());
        let res = op.parse_result(body, Some((status, content_type.as_deref())));
        to_py(py, core(py, res)?.as_serialize())
    })
}

/// The response envelope of a result (the gateway's side).
#[pyfunction]
fn result_envelope<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    result: &Bound<'py, PyAny>,
    soap: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyBytes>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let soap = soap_version(py, &text(soap, "soap")?)?;
        let body = core(py, read_result(op, result)?.to_envelope(soap))?;
        Ok(PyBytes::new(py, &body))
    })
}

/// The HTTP response the gateway sends for a result: `(200, headers, body)`.
#[pyfunction]
fn result_http_response<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    result: &Bound<'py, PyAny>,
    soap: &Bound<'py, PyString>,
) -> PyResult<HttpResponseTuple<'py>> {
    guard(py, || {
        let op = find_operation(py, operation)?;
        let soap = soap_version(py, &text(soap, "soap")?)?;
        let http = core(py, read_result(op, result)?.to_http_response(soap))?;
        Ok(response_tuple(py, http))
    })
}

fn service_name(service: Service) -> &'static str {
    match service {
        Service::CryptDecrypt => "WsCryptDecrypt",
        Service::S2s => "WsS2S",
    }
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
            version_name(info.version),
            info.service.map(service_name),
            info.operation,
        ))
    })
}

/// Every operation: `(wire name, service, SOAPAction)`.
#[pyfunction]
fn operations() -> Vec<(&'static str, &'static str, &'static str)> {
    Operation::all()
        .map(|op| (op.name(), service_name(op.service()), op.wire().action))
        .collect()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(build_request, m)?)?;
    m.add_function(wrap_pyfunction!(request_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(validate_request, m)?)?;
    m.add_function(wrap_pyfunction!(parse_request, m)?)?;
    m.add_function(wrap_pyfunction!(parse_result, m)?)?;
    m.add_function(wrap_pyfunction!(parse_http_result, m)?)?;
    m.add_function(wrap_pyfunction!(result_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(result_http_response, m)?)?;
    m.add_function(wrap_pyfunction!(identify_request, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    Ok(())
}
