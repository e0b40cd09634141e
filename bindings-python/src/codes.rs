//! `gestpay::codes`: the code tables as the core's rows (currencies, languages, payment types,
//! the open enums' meanings) and the error and alert descriptions. Every lookup rule is the
//! core's; rows cross as dicts in its camelCase shape.

use gestpay::codes::{
    ALERT_CODES, Currency, ERROR_CODES, Language, PaymentType, alert_description, code_table,
    error_description, transaction_type_of,
};
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde::Serialize;

use crate::errors::{core, guard, internal, text};

fn rows<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|_| internal(py))
}

/// A currency by ISO 4217 alphabetic code or UIC code (`Currency::lookup`).
#[pyfunction]
fn currency<'py>(py: Python<'py>, code: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        rows(
            py,
            &Currency::lookup(&text(code, "code")?).map(Currency::info),
        )
    })
}

/// A known currency by ISO 4217 numeric code (`978` → EUR).
#[pyfunction]
fn currency_by_iso_numeric(py: Python<'_>, code: u16) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || {
        rows(py, &Currency::from_iso_numeric(code).map(Currency::info))
    })
}

/// A language by gateway id (known or not), or with `iso` a known one by ISO 639-1 code.
#[pyfunction]
#[pyo3(signature = (id, iso=None))]
fn language<'py>(
    py: Python<'py>,
    id: u8,
    iso: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || match iso {
        Some(iso) => rows(
            py,
            &Language::from_iso_639_1(&text(iso, "code")?).map(Language::info),
        ),
        None => rows(py, &Language::from_id(id).info()),
    })
}

/// A payment type code with its description, known or not.
#[pyfunction]
fn payment_type<'py>(py: Python<'py>, code: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        rows(py, &PaymentType::from(text(code, "code")?.as_ref()).info())
    })
}

/// A whole table: `currencies`, `languages`, `paymentTypes`, `errors`, `alerts`, or an open
/// enum by type name (`TransactionState`).
#[pyfunction]
fn table<'py>(py: Python<'py>, name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || match text(name, "table")?.as_ref() {
        "currencies" => rows(
            py,
            &Currency::all().iter().map(|c| c.info()).collect::<Vec<_>>(),
        ),
        "languages" => rows(
            py,
            &Language::all().iter().map(|l| l.info()).collect::<Vec<_>>(),
        ),
        "paymentTypes" => rows(
            py,
            &PaymentType::all()
                .iter()
                .map(PaymentType::info)
                .collect::<Vec<_>>(),
        ),
        "errors" => rows(py, ERROR_CODES),
        "alerts" => rows(py, ALERT_CODES),
        other => rows(py, &core(py, code_table(other))?),
    })
}

/// The documented meaning of a value of an open enum (`TransactionState`, `MOV`).
#[pyfunction]
fn describe(
    py: Python<'_>,
    table: &Bound<'_, PyString>,
    value: &Bound<'_, PyString>,
) -> PyResult<Option<&'static str>> {
    guard(py, || {
        core(
            py,
            gestpay::codes::describe(&text(table, "table")?, &text(value, "value")?),
        )
    })
}

/// The description of an `ErrorCode`, or of an `AlertCode` with `alert`.
#[pyfunction]
#[pyo3(signature = (code, alert=false))]
fn code_description(code: u32, alert: bool) -> Option<&'static str> {
    if alert {
        alert_description(code)
    } else {
        error_description(code)
    }
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[pyfunction(name = "transaction_type_of")]
fn transaction_type(operation: &Bound<'_, PyString>) -> PyResult<Option<&'static str>> {
    Ok(transaction_type_of(&text(operation, "operation")?))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(currency, m)?)?;
    m.add_function(wrap_pyfunction!(currency_by_iso_numeric, m)?)?;
    m.add_function(wrap_pyfunction!(language, m)?)?;
    m.add_function(wrap_pyfunction!(payment_type, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(describe, m)?)?;
    m.add_function(wrap_pyfunction!(code_description, m)?)?;
    m.add_function(wrap_pyfunction!(transaction_type, m)?)?;
    Ok(())
}
