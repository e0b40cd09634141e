//! Values crossing the boundary, one field at a time: Python arguments read by the core's
//! input contract straight from the Python objects (`PyTree`), and a field of a core value as a
//! Python object (a nested message becomes a view on the same Rust value, never a copy).

use std::sync::Arc;

use gestpay::dynamic::Step;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde::ser::{self, Impossible, Serialize, Serializer};
use gestpay::ErrorCode;
use gestpay::dynamic::json::{InputTree, Node, Refused};
use serde_json::Value;
use std::borrow::Cow;

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

/// Python values as the tree the core's input contract reads (`gestpay::dynamic::json`): `str`,
/// `int`, `bool`, `float`, `None`, dicts with `str` keys, lists and tuples as in JSON; a
/// `Decimal` as its exact text, a `Secret` as its value (this is what is sent), a message as its
/// JSON shape. Anything else is refused with `invalid_type`.
pub(crate) enum PyTree<'py> {
    Py(Bound<'py, PyAny>),
    /// A message object given as a value: its JSON shape.
    Json(Value),
    /// Keyword arguments, already keyed by the JSON shape's names.
    Fields(Vec<(String, PyTree<'py>)>),
}

fn refuse(code: ErrorCode, message: impl Into<String>) -> Refused {
    Refused { code, message: message.into() }
}

fn not_text() -> Refused {
    refuse(ErrorCode::InvalidType, "expected text, got a str with a lone surrogate (not Unicode text)")
}

impl<'py> PyTree<'py> {
    fn py_node<'a>(value: &'a Bound<'py, PyAny>) -> Result<Node<'a, Self>, Refused> {
        let py = value.py();
        let fail = |_| refuse(ErrorCode::InvalidType, "the value could not be read");
        if let Ok(text) = value.cast::<PyString>() {
            return text.to_cow().map(Node::Str).map_err(|_| not_text());
        }
        if let Ok(dict) = value.cast::<PyDict>() {
            let mut members = Vec::with_capacity(dict.len());
            for (key, item) in dict.iter() {
                let Ok(key) = key.cast::<PyString>() else {
                    return Err(refuse(ErrorCode::InvalidType, "a dict key that is not a str"));
                };
                let key = key.to_cow().map_err(|_| not_text())?.into_owned();
                members.push((Cow::Owned(key), PyTree::Py(item)));
            }
            // In key order, as a JSON object is read: the first error is the same in every
            // language whatever the order the keys were written in.
            members.sort_by(|a: &(Cow<'_, str>, _), b| a.0.cmp(&b.0));
            return Ok(Node::Map(members));
        }
        if let Ok(list) = value.cast::<PyList>() {
            return Ok(Node::Seq(list.iter().map(PyTree::Py).collect()));
        }
        if let Ok(tuple) = value.cast::<PyTuple>() {
            return Ok(Node::Seq(tuple.iter().map(PyTree::Py).collect()));
        }
        if let Ok(flag) = value.cast::<PyBool>() {
            return Ok(Node::Bool(flag.is_true()));
        }
        if value.is_none() {
            return Ok(Node::Null);
        }
        if value.cast::<PyInt>().is_ok() {
            if let Ok(n) = value.extract::<u64>() {
                return Ok(Node::Unsigned(n));
            }
            return match value.extract::<i64>() {
                Ok(n) => Ok(Node::Signed(n)),
                Err(_) => Err(refuse(ErrorCode::InvalidType, "an integer out of range")),
            };
        }
        if let Ok(number) = value.cast::<PyFloat>() {
            return Ok(Node::Float(number.value()));
        }
        let text = if value.is_instance(secret_type(py).map_err(fail)?).map_err(fail)? {
            value.call_method0("expose").map_err(fail)?
        } else if value.is_instance(decimal_type(py).map_err(fail)?).map_err(fail)? {
            let format = py.import("builtins").and_then(|b| b.getattr("format")).map_err(fail)?;
            format.call1((value, "f")).map_err(fail)?
        } else {
            let got = value.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            // The value itself is never quoted: it could be a card number.
            return Err(refuse(ErrorCode::InvalidType, format!("expected a JSON-like value or a message, got {got}")));
        };
        let text = text.cast_into::<PyString>().map_err(|_| refuse(ErrorCode::InvalidType, "expected a str value"))?;
        Ok(Node::Str(Cow::Owned(text.to_cow().map_err(|_| not_text())?.into_owned())))
    }
}

impl InputTree for PyTree<'_> {
    fn read(&self) -> Result<Node<'_, Self>, Refused> {
        match self {
            PyTree::Py(value) => {
                if let Ok(message) = value.cast::<Message>() {
                    let json = message.get().json(value.py()).map_err(|_| refuse(ErrorCode::InvalidType, "the message could not be read"))?;
                    return PyTree::Json(json).read().map(own);
                }
                PyTree::py_node(value)
            }
            PyTree::Json(value) => Ok(match value {
                Value::Array(items) => Node::Seq(items.iter().map(|v| PyTree::Json(v.clone())).collect()),
                Value::Object(members) => Node::Map(
                    members.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), PyTree::Json(v.clone()))).collect(),
                ),
                Value::String(text) => Node::Str(Cow::Borrowed(text)),
                Value::Bool(b) => Node::Bool(*b),
                Value::Null => Node::Null,
                Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => Node::Unsigned(u),
                    (None, Some(i)) => Node::Signed(i),
                    _ => Node::Float(n.as_f64().unwrap_or(f64::NAN)),
                },
            }),
            PyTree::Fields(fields) => Ok(Node::Map(
                fields.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), v.shallow())).collect(),
            )),
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, PyTree::Py(value) if value.is_none())
    }
}

impl<'py> PyTree<'py> {
    /// The same node, for a parent that hands its children out.
    fn shallow(&self) -> PyTree<'py> {
        match self {
            PyTree::Py(value) => PyTree::Py(value.clone()),
            PyTree::Json(value) => PyTree::Json(value.clone()),
            PyTree::Fields(fields) => PyTree::Fields(fields.iter().map(|(k, v)| (k.clone(), v.shallow())).collect()),
        }
    }
}

/// A node read from a temporary tree, made independent of it.
fn own<'a, 'py>(node: Node<'_, PyTree<'py>>) -> Node<'a, PyTree<'py>> {
    match node {
        Node::Null => Node::Null,
        Node::Bool(b) => Node::Bool(b),
        Node::Unsigned(n) => Node::Unsigned(n),
        Node::Signed(n) => Node::Signed(n),
        Node::Float(f) => Node::Float(f),
        Node::Str(s) => Node::Str(Cow::Owned(s.into_owned())),
        Node::Seq(items) => Node::Seq(items),
        Node::Map(members) => Node::Map(members.into_iter().map(|(k, v)| (Cow::Owned(k.into_owned()), v)).collect()),
    }
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
