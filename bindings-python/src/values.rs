//! Values crossing the boundary, one field at a time: a Python argument as the core's JSON
//! shape (what the core's input contract then reads), and a field the core read from its value
//! as a Python object (a nested message becomes a view on the same Rust value, never a copy).

use std::sync::Arc;

use gestpay::dynamic::{Leaf, Step};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

use crate::errors::invalid;
use crate::message::{Message, Root};

/// `gestpay._secret.Secret` and `decimal.Decimal`, looked up once.
static SECRET: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// Every message class by its type name (`ShippingDetails`), registered by `gestpay._models`.
pub(crate) static CLASSES: PyOnceLock<Py<PyDict>> = PyOnceLock::new();

pub(crate) fn secret_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    SECRET.import(py, "gestpay._secret", "Secret")
}

pub(crate) fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

fn wrong_type(py: Python<'_>, field: &str, value: &Bound<'_, PyAny>) -> PyErr {
    // The value itself is never quoted: it could be a card number.
    let got = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    invalid(
        py,
        "invalid_type",
        field,
        &format!("expected a JSON-like value or a message, got {got}"),
    )
}

/// A Python value as JSON: `str`, `int`, `bool`, `float`, `None`, `Decimal` (as its exact
/// text), `Secret` (its value: this is what is sent), a message (its JSON shape), lists and
/// tuples, and dicts with `str` keys. Anything else is `invalid_type` naming `field`.
pub(crate) fn to_json(value: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    let py = value.py();
    // The common shapes first (text, dicts, lists), the rarer ones after.
    if let Ok(text) = value.cast_exact::<PyString>() {
        return Ok(Value::String(
            crate::errors::text(text, field)?.into_owned(),
        ));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut out = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(invalid(
                    py,
                    "invalid_type",
                    field,
                    "a dict key that is not a str",
                ));
            };
            let key = crate::errors::text(key, field)?.into_owned();
            let item = to_json(&item, &key)?;
            out.insert(key, item);
        }
        return Ok(Value::Object(out));
    }
    if let Ok(list) = value.cast::<PyList>() {
        return list
            .iter()
            .map(|item| to_json(&item, field))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return tuple
            .iter()
            .map(|item| to_json(&item, field))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(
            crate::errors::text(text, field)?.into_owned(),
        ));
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if value.cast::<PyInt>().is_ok() {
        if let Ok(n) = value.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        return Err(invalid(
            py,
            "invalid_type",
            field,
            "an integer out of range",
        ));
    }
    if let Ok(message) = value.cast::<Message>() {
        return message.get().json(py);
    }
    if value.is_instance(secret_type(py)?)? {
        return to_json(&value.call_method0("expose")?, field);
    }
    if value.is_instance(decimal_type(py)?)? {
        let text = py
            .import("builtins")?
            .getattr("format")?
            .call1((value, "f"))?;
        return to_json(&text, field);
    }
    if let Ok(number) = value.cast::<PyFloat>() {
        return Ok(Number::from_f64(number.value()).map_or(Value::Null, Value::Number));
    }
    Err(wrong_type(py, field, value))
}

/// A field read by the core (`leaf_at`, one level deep) as a Python object: text as `str`,
/// numbers as `int`, lists as tuples, and a nested message as a view (`Message`) on the same
/// root at `path`, never a copy.
pub(crate) fn leaf_to_py(
    py: Python<'_>,
    root: &Arc<Root>,
    path: &mut Vec<Step<'static>>,
    leaf: Leaf,
) -> PyResult<Py<PyAny>> {
    match leaf {
        Leaf::Null => Ok(py.None()),
        Leaf::Bool(b) => b.into_py_any(py),
        Leaf::Int(n) => n.into_py_any(py),
        Leaf::UInt(n) => n.into_py_any(py),
        Leaf::Text(text) => text.into_py_any(py),
        Leaf::Struct { name, .. } => {
            let view = Message::view(root.clone(), path.clone());
            Ok(crate::message::instance(&class_of(py, name)?, view)?.unbind())
        }
        Leaf::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                path.push(Step::Index(index));
                let item = leaf_to_py(py, root, path, item);
                path.pop();
                out.push(item?);
            }
            PyTuple::new(py, out)?.into_py_any(py)
        }
        // `leaf_at` reads one level: a message's fields come as `Struct`, never as `Object`.
        Leaf::Object(_) => Err(crate::errors::internal(py)),
    }
}

/// The Python class of a message type.
pub(crate) fn class_of<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    let classes = CLASSES
        .get(py)
        .ok_or_else(|| crate::errors::internal(py))?
        .bind(py);
    match classes.get_item(name)? {
        Some(class) => Ok(class.cast_into::<PyType>()?),
        None => Err(crate::errors::internal(py)),
    }
}
