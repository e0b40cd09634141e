//! Core errors and binding failures as the exceptions of `gestpay.errors`.
//!
//! The exception classes are Python classes (so that they carry typed attributes and a
//! `SoapFault` dataclass); this module builds them through `gestpay.errors._from_core`.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gestpay::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};

/// `gestpay.errors._from_core`, looked up once.
static FACTORY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Builds an exception of `gestpay.errors`: `kind` picks the class (`invalid_request`,
/// `malformed_response`, `soap_fault`, `declined`, `pending`, `internal`), `extra` carries the
/// fault, the decline or the pending outcome.
fn exception(
    py: Python<'_>,
    kind: &str,
    text: &str,
    code: &str,
    field: Option<&str>,
    message: &str,
    extra: Option<Bound<'_, PyAny>>,
) -> PyErr {
    let factory = match FACTORY.get_or_try_init(py, || {
        py.import("gestpay.errors")?
            .getattr("_from_core")
            .map(Bound::unbind)
    }) {
        Ok(f) => f.bind(py),
        Err(e) => return e,
    };
    match factory.call1((kind, text, code, field, message, extra)) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// A core error as the matching exception.
pub(crate) fn to_py(py: Python<'_>, err: &Error) -> PyErr {
    let text = err.to_string();
    let code = err.code();
    let field = err.field();
    match err {
        Error::InvalidRequest { message, .. } => {
            exception(py, "invalid_request", &text, code, field, message, None)
        }
        Error::MalformedResponse { message, .. } => {
            exception(py, "malformed_response", &text, code, field, message, None)
        }
        Error::Fault(fault) => match crate::message::wrap_model(py, fault.as_ref().clone()) {
            Ok(extra) => exception(
                py,
                "soap_fault",
                &text,
                code,
                field,
                &fault.reason,
                Some(extra),
            ),
            Err(_) => internal(py),
        },
        Error::Declined(declined) | Error::Pending(declined) => {
            let extra = PyDict::new(py);
            let filled = extra
                .set_item("errorCode", declined.error_code)
                .and_then(|()| extra.set_item("description", declined.description.as_deref()))
                .and_then(|()| extra.set_item("knownDescription", declined.known_description));
            match filled {
                Ok(()) => exception(
                    py,
                    err.kind(),
                    &text,
                    code,
                    field,
                    &text,
                    Some(extra.into_any()),
                ),
                Err(e) => e,
            }
        }
        _ => exception(py, "gestpay", &text, code, field, &text, None),
    }
}

/// A failure of the binding itself (a panic in the core, a value that cannot be converted):
/// never shows the panic payload, which could quote input.
pub(crate) fn internal(py: Python<'_>) -> PyErr {
    let message = "internal error in the gestpay binding (a bug: please report it)";
    exception(py, "internal", message, "internal", None, message, None)
}

/// An invalid argument of the binding (not of the core): an unknown operation, a bad `env`.
pub(crate) fn invalid(py: Python<'_>, code: &str, field: &str, message: &str) -> PyErr {
    let text = format!("invalid request: {field}: {message} [{code}]");
    exception(
        py,
        "invalid_request",
        &text,
        code,
        Some(field),
        message,
        None,
    )
}

/// A `str` argument as UTF-8 text. A `str` may hold a lone surrogate (`"\ud800"`, or a byte
/// kept by `surrogateescape`), which UTF-8 cannot carry: pyo3's own `&str` extraction would
/// raise a bare `UnicodeEncodeError`; here it is `InvalidRequestError` with code
/// `invalid_type` naming the argument (`field`), and the value is never quoted.
pub(crate) fn text<'a>(value: &'a Bound<'_, PyString>, field: &str) -> PyResult<Cow<'a, str>> {
    value
        .to_cow()
        .map_err(|_| invalid(value.py(), "invalid_type", field, NOT_TEXT))
}

/// Why a `str` with a lone surrogate is refused.
pub(crate) const NOT_TEXT: &str =
    "expected text, got a str with a lone surrogate (not Unicode text)";

/// A core result, or the exception it maps to.
pub(crate) fn core<T>(py: Python<'_>, result: gestpay::Result<T>) -> PyResult<T> {
    result.map_err(|e| to_py(py, &e))
}

/// Runs `f`, turning a panic into a `GestpayError` (code `internal`) instead of letting it
/// reach Python.
pub(crate) fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(internal(py)))
}
