//! `gestpay::codes`: currencies, languages, payment types, the open enums' descriptions and
//! the error and alert tables. Rows cross as dicts in the core's camelCase style.

use gestpay::codes::{
    ALERT_CODES, AuthenticationLevel, Currency, ERROR_CODES, EventType, Language, PaymentType,
    RiskResponseCode, TransDetailsType, TransactionResult, TransactionState, alert_description,
    error_description, transaction_type_of,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{guard, invalid, text};

fn currency_row(py: Python<'_>, c: Currency) -> PyResult<Bound<'_, PyDict>> {
    let row = PyDict::new(py);
    row.set_item("uicCode", c.uic_code())?;
    row.set_item("isoAlpha", c.iso_alpha())?;
    row.set_item("isoNumeric", c.iso_numeric())?;
    row.set_item("description", c.description())?;
    row.set_item("exponent", c.exponent())?;
    row.set_item("known", c.is_known())?;
    Ok(row)
}

/// A currency by ISO 4217 alphabetic code (any case) or UIC code as text; `None` when the
/// alphabetic code is unknown (an unknown UIC code is still a currency, `known` false).
#[pyfunction]
fn currency<'py>(
    py: Python<'py>,
    code: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    guard(py, || {
        let code = text(code, "code")?;
        let text = code.trim();
        let found = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse::<u16>().ok().map(Currency::from_uic)
        } else {
            Currency::from_iso_alpha(text)
        };
        found.map(|c| currency_row(py, c)).transpose()
    })
}

/// A known currency by ISO 4217 numeric code (`978` → EUR).
#[pyfunction]
fn currency_by_iso_numeric(py: Python<'_>, code: u16) -> PyResult<Option<Bound<'_, PyDict>>> {
    guard(py, || {
        Currency::from_iso_numeric(code)
            .map(|c| currency_row(py, c))
            .transpose()
    })
}

/// Every known currency.
#[pyfunction]
fn currencies(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    guard(py, || {
        Currency::all()
            .iter()
            .map(|&c| currency_row(py, c))
            .collect()
    })
}

fn language_row(py: Python<'_>, l: Language) -> PyResult<Bound<'_, PyDict>> {
    let row = PyDict::new(py);
    row.set_item("id", l.id())?;
    row.set_item("name", l.name())?;
    row.set_item("iso6391", l.iso_639_1())?;
    row.set_item("known", l.is_known())?;
    Ok(row)
}

/// A language by its gateway id (`1` Italian …), known or not.
#[pyfunction]
fn language(py: Python<'_>, id: u8) -> PyResult<Bound<'_, PyDict>> {
    guard(py, || language_row(py, Language::from_id(id)))
}

/// A known language by ISO 639-1 code (`it`, `en` …).
#[pyfunction]
fn language_by_iso<'py>(
    py: Python<'py>,
    code: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    guard(py, || {
        Language::from_iso_639_1(&text(code, "code")?)
            .map(|l| language_row(py, l))
            .transpose()
    })
}

/// Every known language.
#[pyfunction]
fn languages(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    guard(py, || {
        Language::all()
            .iter()
            .map(|&l| language_row(py, l))
            .collect()
    })
}

fn payment_type_row<'py>(py: Python<'py>, p: &PaymentType) -> PyResult<Bound<'py, PyDict>> {
    let row = PyDict::new(py);
    row.set_item("code", p.as_str())?;
    row.set_item("description", p.description())?;
    row.set_item("status", p.status())?;
    row.set_item("known", p.is_known())?;
    Ok(row)
}

/// A payment type code (`AMAZONPAY` …) with its description, known or not.
#[pyfunction]
fn payment_type<'py>(py: Python<'py>, code: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        payment_type_row(py, &PaymentType::from(text(code, "code")?.as_ref()))
    })
}

/// Every known payment type.
#[pyfunction]
fn payment_types(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    guard(py, || {
        PaymentType::all()
            .iter()
            .map(|p| payment_type_row(py, p))
            .collect()
    })
}

/// The documented description of a gateway `ErrorCode`.
#[pyfunction(name = "error_description")]
fn error_text(code: u32) -> Option<&'static str> {
    error_description(code)
}

/// The documented description of an alert code.
#[pyfunction(name = "alert_description")]
fn alert_text(code: u32) -> Option<&'static str> {
    alert_description(code)
}

/// The whole error table: `(code, description)` pairs in code order.
#[pyfunction]
fn error_codes() -> Vec<(u32, &'static str)> {
    ERROR_CODES.to_vec()
}

/// The whole alert table.
#[pyfunction]
fn alert_codes() -> Vec<(u32, &'static str)> {
    ALERT_CODES.to_vec()
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
#[pyfunction(name = "transaction_type_of")]
fn transaction_type(operation: &Bound<'_, PyString>) -> PyResult<Option<&'static str>> {
    Ok(transaction_type_of(&text(operation, "operation")?))
}

macro_rules! open_enums {
    ($($name:literal => $ty:ty),* $(,)?) => {
        /// The documented meaning of a value of an open enum (`TransactionResult`, …).
        #[pyfunction]
        fn describe(
            py: Python<'_>,
            table: &Bound<'_, PyString>,
            value: &Bound<'_, PyString>,
        ) -> PyResult<Option<&'static str>> {
            let table = text(table, "table")?;
            let value = text(value, "value")?;
            match table.as_ref() {
                $($name => Ok(<$ty>::from(value.as_ref()).description()),)*
                _ => Err(invalid(py, "invalid_format", "table", "not a code table")),
            }
        }

        /// Every known value of an open enum, with its description.
        #[pyfunction]
        fn known_values(
            py: Python<'_>,
            table: &Bound<'_, PyString>,
        ) -> PyResult<Vec<(String, Option<&'static str>)>> {
            match text(table, "table")?.as_ref() {
                $($name => Ok(<$ty>::all().iter().map(|v| (v.as_str().to_owned(), v.description())).collect()),)*
                _ => Err(invalid(py, "invalid_format", "table", "not a code table")),
            }
        }
    };
}

open_enums! {
    "TransactionResult" => TransactionResult,
    "TransactionState" => TransactionState,
    "EventType" => EventType,
    "RiskResponseCode" => RiskResponseCode,
    "AuthenticationLevel" => AuthenticationLevel,
    "TransDetailsType" => TransDetailsType,
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(currency, m)?)?;
    m.add_function(wrap_pyfunction!(currency_by_iso_numeric, m)?)?;
    m.add_function(wrap_pyfunction!(currencies, m)?)?;
    m.add_function(wrap_pyfunction!(language, m)?)?;
    m.add_function(wrap_pyfunction!(language_by_iso, m)?)?;
    m.add_function(wrap_pyfunction!(languages, m)?)?;
    m.add_function(wrap_pyfunction!(payment_type, m)?)?;
    m.add_function(wrap_pyfunction!(payment_types, m)?)?;
    m.add_function(wrap_pyfunction!(error_text, m)?)?;
    m.add_function(wrap_pyfunction!(alert_text, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(alert_codes, m)?)?;
    m.add_function(wrap_pyfunction!(transaction_type, m)?)?;
    m.add_function(wrap_pyfunction!(describe, m)?)?;
    m.add_function(wrap_pyfunction!(known_values, m)?)?;
    Ok(())
}
