//! `gestpay::message`: build and parse any of the 19 operations, on both sides of the exchange.
//!
//! Every function takes the operation's exact wire name (`Encrypt`, `callReadTrxS2S`,
//! `CallRequestTokenS2S`, …) and dispatches to the core's request and result types through
//! [`dispatch`]. Requests and results cross the boundary as the core's camelCase JSON shape.

use gestpay::soap::{Service, identify_request as identify};
use gestpay::xml::Limits;
use gestpay::{HttpRequest, HttpResponse, Request, Response};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::{core, guard, internal, invalid, text};
use crate::soap::{environment, soap_version, version_name};

/// What to do with the request and result types of one operation.
trait Visit<'py> {
    type Out;
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned;
}

macro_rules! registry {
    ($($name:literal => $req:ty, $res:ty;)*) => {
        /// Every operation: wire name, service, SOAPAction.
        const OPERATIONS: &[(&str, Service, &str)] = &[
            $(($name, <$req as Request>::OPERATION.service, <$req as Request>::OPERATION.action),)*
        ];

        /// Calls `v` with the types of the operation named `op`.
        fn dispatch<'py, V: Visit<'py>>(py: Python<'py>, op: &str, v: V) -> PyResult<V::Out> {
            match op {
                $($name => v.visit::<$req, $res>(py),)*
                // The core's error for a name that is none of the wire names.
                _ => Err(core(py, gestpay::dynamic::Operation::from_name(op).map(drop))
                    .err()
                    .unwrap_or_else(|| internal(py))),
            }
        }
    };
}

gestpay::with_operations!(registry);

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
pub(crate) fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
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

struct BuildRequest<'a, 'py> {
    request: &'a Bound<'py, PyAny>,
    env: gestpay::Environment,
    soap: gestpay::SoapVersion,
}

impl<'py> Visit<'py> for BuildRequest<'_, 'py> {
    type Out = HttpRequestTuple<'py>;
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        let req: R = from_py(self.request, "request")?;
        Ok(request_tuple(
            py,
            core(py, req.to_http(&self.env, self.soap))?,
        ))
    }
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
        let operation = text(operation, "operation")?;
        let v = BuildRequest {
            request,
            env: environment(py, &text(env, "env")?)?,
            soap: soap_version(py, &text(soap, "soap")?)?,
        };
        dispatch(py, &operation, v)
    })
}

struct RequestEnvelope<'a, 'py> {
    request: &'a Bound<'py, PyAny>,
    soap: gestpay::SoapVersion,
    validate: bool,
}

impl<'py> Visit<'py> for RequestEnvelope<'_, 'py> {
    type Out = Bound<'py, PyBytes>;
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        let req: R = from_py(self.request, "request")?;
        let body = if self.validate {
            req.to_envelope(self.soap)
        } else {
            req.to_envelope_unchecked(self.soap)
        };
        Ok(PyBytes::new(py, &core(py, body)?))
    }
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
        let operation = text(operation, "operation")?;
        let v = RequestEnvelope {
            request,
            soap: soap_version(py, &text(soap, "soap")?)?,
            validate,
        };
        dispatch(py, &operation, v)
    })
}

struct Validate<'a, 'py>(&'a Bound<'py, PyAny>);

impl<'py> Visit<'py> for Validate<'_, 'py> {
    type Out = ();
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<()>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        let req: R = from_py(self.0, "request")?;
        core(py, req.validate())
    }
}

/// Checks a request against the documented rules.
#[pyfunction]
fn validate_request(
    py: Python<'_>,
    operation: &Bound<'_, PyString>,
    request: &Bound<'_, PyAny>,
) -> PyResult<()> {
    guard(py, || {
        let operation = text(operation, "operation")?;
        dispatch(py, &operation, Validate(request))
    })
}

/// Which side of an operation a value is.
#[derive(Clone, Copy)]
enum Side {
    Request,
    Result,
}

struct Parse<'a> {
    body: &'a [u8],
    side: Side,
    lenient: bool,
}

impl<'py> Visit<'py> for Parse<'_> {
    type Out = Bound<'py, PyAny>;
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        match (self.side, self.lenient) {
            (Side::Request, false) => to_py(py, &core(py, R::from_envelope(self.body))?),
            (Side::Request, true) => to_py(py, &core(py, R::from_xml(self.body))?),
            (Side::Result, false) => to_py(py, &core(py, T::from_envelope(self.body))?),
            (Side::Result, true) => to_py(py, &core(py, T::from_xml(self.body))?),
        }
    }
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
        dispatch(
            py,
            &text(operation, "operation")?,
            Parse {
                body,
                side: Side::Request,
                lenient,
            },
        )
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
        dispatch(
            py,
            &text(operation, "operation")?,
            Parse {
                body,
                side: Side::Result,
                lenient,
            },
        )
    })
}

struct ParseHttp<'a> {
    status: u16,
    content_type: Option<&'a str>,
    body: &'a [u8],
}

impl<'py> Visit<'py> for ParseHttp<'_> {
    type Out = Bound<'py, PyAny>;
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        let result = T::from_http(self.status, self.content_type, self.body);
        to_py(py, &core(py, result)?)
    }
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
        // A lone surrogate (a header byte kept by `surrogateescape`) reads as U+FFFD, and the
        // core decides as for any other odd header (an HTML type is `not_soap`, a charset it
        // cannot decode a malformed response).
        let content_type = content_type.as_ref().map(|ct| ct.to_string_lossy());
        dispatch(
            py,
            &text(operation, "operation")?,
            ParseHttp {
                status,
                content_type: content_type.as_deref(),
                body,
            },
        )
    })
}

struct BuildResult<'a, 'py> {
    result: &'a Bound<'py, PyAny>,
    soap: gestpay::SoapVersion,
    http: bool,
}

impl<'py> Visit<'py> for BuildResult<'_, 'py> {
    type Out = (Option<HttpResponseTuple<'py>>, Option<Bound<'py, PyBytes>>);
    fn visit<R, T>(self, py: Python<'py>) -> PyResult<Self::Out>
    where
        R: Request + Serialize + DeserializeOwned,
        T: Response + Serialize + DeserializeOwned,
    {
        let result: T = from_py(self.result, "result")?;
        if self.http {
            let http = core(py, result.to_http_response(self.soap))?;
            Ok((Some(response_tuple(py, http)), None))
        } else {
            let body = core(py, result.to_envelope(self.soap))?;
            Ok((None, Some(PyBytes::new(py, &body))))
        }
    }
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
        let operation = text(operation, "operation")?;
        let v = BuildResult {
            result,
            soap: soap_version(py, &text(soap, "soap")?)?,
            http: false,
        };
        dispatch(py, &operation, v)?.1.ok_or_else(|| internal(py))
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
        let operation = text(operation, "operation")?;
        let v = BuildResult {
            result,
            soap: soap_version(py, &text(soap, "soap")?)?,
            http: true,
        };
        dispatch(py, &operation, v)?.0.ok_or_else(|| internal(py))
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
    OPERATIONS
        .iter()
        .map(|&(name, service, action)| (name, service_name(service), action))
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
