//! Values crossing the boundary, one field at a time: a Python argument as the core's JSON
//! shape (what the core's input contract then reads), and a field the core read from its value
//! as a Python object (a nested message becomes a view on the same Rust value, never a copy).

use std::sync::Arc;

use gestpay::ErrorCode;
use gestpay::dynamic::json::InputError;
use gestpay::dynamic::{Leaf, Step};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString,
    PyTuple, PyType,
};
use serde_json::{Map, Number, Value};

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

/// Why a Python value is not JSON: a refusal placed by the core's path rule, or a Python error.
enum Refused {
    Input(InputError),
    /// Nested past the limit: named by the whole value (a cycle's path would be endless).
    TooDeep,
    Python(PyErr),
}

impl From<PyErr> for Refused {
    fn from(e: PyErr) -> Self {
        Refused::Python(e)
    }
}

fn refuse(code: ErrorCode, message: impl Into<String>) -> Refused {
    Refused::Input(InputError::new(code, message))
}

/// A Python value as JSON: `str`, `int`, `bool`, a finite `float`, `None`, `Decimal` (as its
/// exact text), `Secret` (its value: this is what is sent), a message (its JSON shape), any
/// sequence but text and bytes, and any mapping with `str` keys. Anything else is
/// `invalid_type`, nesting deeper than the parsers' depth limit (a cycle included) is
/// `too_deep`, each naming the value's path (`what`, naming the whole value, when it has none).
pub(crate) fn to_json(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    placed(value, what, |e| e)
}

/// [`to_json`] of the value of one field (`key`, a keyword argument's): refusals inside it
/// are named by their path under the key.
pub(crate) fn field_to_json(value: &Bound<'_, PyAny>, key: &str) -> PyResult<Value> {
    placed(value, key, |e| e.at_key(key))
}

fn placed(
    value: &Bound<'_, PyAny>,
    what: &str,
    place: impl FnOnce(InputError) -> InputError,
) -> PyResult<Value> {
    let error = |e: InputError| crate::errors::to_py(value.py(), &e.into_error(what));
    convert(value, 0).map_err(|refused| match refused {
        Refused::Input(e) => error(place(e)),
        Refused::TooDeep => error(InputError::new(
            ErrorCode::TooDeep,
            format!(
                "nested deeper than {} levels (or a value that holds itself)",
                max_depth()
            ),
        )),
        Refused::Python(e) => e,
    })
}

/// A `str` as UTF-8 (a lone surrogate, which UTF-8 cannot carry, is `invalid_type`).
fn utf8(text: &Bound<'_, PyString>) -> Result<String, Refused> {
    match text.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(_) => Err(refuse(ErrorCode::InvalidType, crate::errors::NOT_TEXT)),
    }
}

fn convert(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Refused> {
    let py = value.py();
    // The common shapes first (text, dicts, lists), the rarer ones after.
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(utf8(text)?));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        return object(dict.iter().map(Ok), depth);
    }
    if let Ok(list) = value.cast::<PyList>() {
        return array(list.iter().map(Ok), depth);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return array(tuple.iter().map(Ok), depth);
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
        return Err(refuse(ErrorCode::InvalidType, "an integer out of range"));
    }
    if let Ok(message) = value.cast::<Message>() {
        return Ok(message.get().json(py)?);
    }
    if value.is_instance(secret_type(py)?)? {
        return convert(&value.call_method0("expose")?, depth);
    }
    if value.is_instance(decimal_type(py)?)? {
        let text = py
            .import("builtins")?
            .getattr("format")?
            .call1((value, "f"))?;
        return convert(&text, depth);
    }
    if let Ok(number) = value.cast::<PyFloat>() {
        // JSON has no NaN or infinity: refused, never sent as an absent value.
        return Number::from_f64(number.value())
            .map(Value::Number)
            .ok_or_else(|| {
                refuse(
                    ErrorCode::InvalidType,
                    "a float that is not a finite number",
                )
            });
    }
    // Other mappings and sequences (a MappingProxy, a ChainMap, a range …); bytes are not text.
    if !(value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>()) {
        if let Ok(mapping) = value.cast::<PyMapping>() {
            let items = mapping.items()?;
            return object(items.iter().map(|pair| pair.extract()), depth);
        }
        if let Ok(sequence) = value.cast::<PySequence>() {
            return array(sequence.try_iter()?, depth);
        }
    }
    // The value itself is never quoted: it could be a card number.
    let got = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(refuse(
        ErrorCode::InvalidType,
        format!("expected a JSON-like value or a message, got {got}"),
    ))
}

/// One level deeper, or `too_deep` past the parsers' depth limit (which a value holding itself
/// always reaches).
fn deeper(depth: usize) -> Result<usize, Refused> {
    (depth < max_depth())
        .then_some(depth + 1)
        .ok_or(Refused::TooDeep)
}

/// The parsers' depth limit, which bounds a Python value too.
fn max_depth() -> usize {
    gestpay::xml::Limits::default().max_depth
}

fn object<'py>(
    items: impl Iterator<Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>>,
    depth: usize,
) -> Result<Value, Refused> {
    let depth = deeper(depth)?;
    let mut out = Map::new();
    for pair in items {
        let (key, item) = pair?;
        let Ok(key) = key.cast::<PyString>() else {
            return Err(refuse(
                ErrorCode::InvalidType,
                "a mapping key that is not a str",
            ));
        };
        let key = utf8(key)?;
        match convert(&item, depth) {
            Ok(item) => out.insert(key, item),
            Err(Refused::Input(e)) => return Err(Refused::Input(e.at_key(&key))),
            Err(e) => return Err(e),
        };
    }
    Ok(Value::Object(out))
}

fn array<'py>(
    items: impl Iterator<Item = PyResult<Bound<'py, PyAny>>>,
    depth: usize,
) -> Result<Value, Refused> {
    let depth = deeper(depth)?;
    let mut out = Vec::new();
    for (index, item) in items.enumerate() {
        match convert(&item?, depth) {
            Ok(item) => out.push(item),
            Err(Refused::Input(e)) => return Err(Refused::Input(e.at_index(index))),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::Array(out))
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
