//! Values crossing the boundary, one field at a time: a Python argument as the core's JSON
//! shape (what the core's input contract then reads), and a field of a core value as a Python
//! object (a nested message becomes a view on the same Rust value, never a copy).

use std::sync::Arc;

use gestpay::dynamic::Step;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde::ser::{self, Impossible, Serialize, Serializer};
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

/// A field read from a core value, as a Python object: text as `str`, numbers as `int`, lists
/// as tuples, and a nested message as a view (`Message`) on the same root at `path`.
pub(crate) struct ToPy<'a, 'py> {
    pub(crate) py: Python<'py>,
    pub(crate) root: &'a Arc<Root>,
    pub(crate) path: Vec<Step<'static>>,
}

/// A Python error carried through serde.
#[derive(Debug)]
pub(crate) struct PyFail(pub(crate) Option<PyErr>);

impl std::fmt::Display for PyFail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("conversion to Python failed")
    }
}

impl std::error::Error for PyFail {}

impl ser::Error for PyFail {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        PyFail(None)
    }
}

impl From<PyErr> for PyFail {
    fn from(e: PyErr) -> Self {
        PyFail(Some(e))
    }
}

type Out = std::result::Result<Py<PyAny>, PyFail>;

fn object<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> Out {
    value.into_py_any(py).map_err(|e| PyFail(Some(e)))
}

/// Collects the items of a list, each read at its own index.
pub(crate) struct Items<'a, 'py> {
    at: ToPy<'a, 'py>,
    items: Vec<Py<PyAny>>,
}

impl ser::SerializeSeq for Items<'_, '_> {
    type Ok = Py<PyAny>;
    type Error = PyFail;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PyFail> {
        let mut path = self.at.path.clone();
        path.push(Step::Index(self.items.len()));
        let item = value.serialize(ToPy {
            py: self.at.py,
            root: self.at.root,
            path,
        })?;
        self.items.push(item);
        Ok(())
    }
    fn end(self) -> Out {
        object(self.at.py, PyTuple::new(self.at.py, self.items)?)
    }
}

/// A struct is not converted: the view made by `serialize_struct` reads its fields on demand.
pub(crate) struct View(Py<PyAny>);

impl ser::SerializeStruct for View {
    type Ok = Py<PyAny>;
    type Error = PyFail;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        _: &T,
    ) -> Result<(), PyFail> {
        Ok(())
    }
    fn end(self) -> Out {
        Ok(self.0)
    }
}

macro_rules! scalars {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method(self, v: $ty) -> Out {
            object(self.py, v)
        }
    )*};
}

impl<'a, 'py> Serializer for ToPy<'a, 'py> {
    type Ok = Py<PyAny>;
    type Error = PyFail;
    type SerializeSeq = Items<'a, 'py>;
    type SerializeTuple = Impossible<Py<PyAny>, PyFail>;
    type SerializeTupleStruct = Impossible<Py<PyAny>, PyFail>;
    type SerializeTupleVariant = Impossible<Py<PyAny>, PyFail>;
    type SerializeMap = Impossible<Py<PyAny>, PyFail>;
    type SerializeStruct = View;
    type SerializeStructVariant = Impossible<Py<PyAny>, PyFail>;

    scalars! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str);
    }

    fn serialize_bytes(self, v: &[u8]) -> Out {
        object(self.py, v)
    }
    fn serialize_none(self) -> Out {
        Ok(self.py.None())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out {
        Ok(self.py.None())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        Ok(self.py.None())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        object(self.py, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Out {
        Err(PyFail(None))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'a, 'py>, PyFail> {
        Ok(Items {
            at: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, PyFail> {
        Err(PyFail(None))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, PyFail> {
        Err(PyFail(None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, PyFail> {
        Err(PyFail(None))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, PyFail> {
        Err(PyFail(None))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<View, PyFail> {
        let class = class_of(self.py, name)?;
        let view = Message::view(self.root.clone(), self.path);
        Ok(View(crate::message::instance(&class, view)?.unbind()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, PyFail> {
        Err(PyFail(None))
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
