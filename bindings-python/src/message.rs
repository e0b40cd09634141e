//! Messages as Python objects backed by the core's own values.
//!
//! A `Message` holds a root value of the core (a request, a result or a named model, shared
//! by `Arc`) and a path inside it: a parsed result is one Rust value, and `result.buyer` is a
//! view on the same value, not a copy. Each attribute is a `Field` descriptor; the first one
//! read has the core read the message's level in one pass (`gestpay::dynamic::fields_at`:
//! every field one level deep, nested messages as views), kept on the object.
//! Building goes the other way: keyword arguments or a dict become the core's JSON shape, which
//! the core's input contract reads into its typed value (every check is the core's).

use std::sync::Arc;

use gestpay::dynamic::{
    AnyModel, AnyRequest, AnyResult, Leaf, Operation, Step, fields_at, model_from_value, tree_at,
};
use gestpay::s2s::GestPayS2S;
use gestpay::{Environment, Outcome, SoapVersion};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyString, PyType};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::errors::{core, guard, internal, invalid, text};
use crate::values::{CLASSES, class_of, field_to_json, leaf_to_py, to_json};

/// The value a message object reads from.
#[derive(Debug)]
pub(crate) enum Root {
    Request(Box<dyn AnyRequest>),
    Result(Box<dyn AnyResult>),
    Model(Box<dyn AnyModel>),
}

impl Root {
    fn serialize(&self) -> &dyn erased_serde::Serialize {
        match self {
            Root::Request(r) => r.as_serialize(),
            Root::Result(r) => r.as_serialize(),
            Root::Model(m) => m.as_serialize(),
        }
    }
}

/// Base class of every message class (`gestpay.Model`).
#[pyclass(subclass, frozen, module = "gestpay._gestpay")]
pub(crate) struct Message {
    root: Arc<Root>,
    path: Vec<Step<'static>>,
    /// The fields of this level that hold a value, by JSON key, read in one pass at the
    /// first attribute read (nested messages as views).
    level: PyOnceLock<Py<PyDict>>,
    /// Amounts and secrets read so far (by their `Field`): each is converted once.
    cache: PyOnceLock<Py<PyDict>>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The root's own Debug redacts its secrets; the cache holds Python objects.
        f.debug_struct("Message")
            .field("root", &self.root)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// A value on its way to becoming a `Message` (the one argument of `Message.__new__`).
#[pyclass(frozen, module = "gestpay._gestpay")]
#[derive(Debug)]
pub(crate) struct Raw(Arc<Root>, Vec<Step<'static>>);

impl Message {
    pub(crate) fn view(root: Arc<Root>, path: Vec<Step<'static>>) -> Raw {
        Raw(root, path)
    }

    /// The value at this message's path into `target`: a root straight from its type, a
    /// nested message through the core's reader (`tree_at`).
    fn serialize<S: serde::Serializer>(&self, py: Python<'_>, target: S) -> PyResult<S::Ok> {
        let done = if self.path.is_empty() {
            erased_serde::serialize(self.root.serialize(), target).ok()
        } else {
            let tree = tree_at(self.root.serialize(), &self.path).ok_or_else(|| internal(py))?;
            serde::Serialize::serialize(&tree, target).ok()
        };
        done.ok_or_else(|| internal(py))
    }

    /// The JSON shape of the value at this message's path.
    pub(crate) fn json(&self, py: Python<'_>) -> PyResult<Value> {
        self.serialize(py, serde_json::value::Serializer)
    }

    /// The value at this message's path as a core type (through its JSON shape: for the
    /// helpers that need a typed value of a nested model).
    pub(crate) fn typed<T: DeserializeOwned>(&self, py: Python<'_>, what: &str) -> PyResult<T> {
        core(
            py,
            gestpay::dynamic::json::from_json_value(&self.json(py)?, what),
        )
    }

    fn request(&self, py: Python<'_>) -> PyResult<&dyn AnyRequest> {
        match (&*self.root, self.path.is_empty()) {
            (Root::Request(r), true) => Ok(r.as_ref()),
            _ => Err(internal(py)),
        }
    }

    fn result(&self, py: Python<'_>) -> PyResult<&dyn AnyResult> {
        match (&*self.root, self.path.is_empty()) {
            (Root::Result(r), true) => Ok(r.as_ref()),
            _ => Err(internal(py)),
        }
    }

    /// The root value itself (a message's derived values are read on the typed value).
    fn root_any(&self) -> Option<&dyn std::any::Any> {
        match (&*self.root, self.path.is_empty()) {
            (Root::Result(r), true) => {
                Some(r.payload().map_or(r.as_any(), |p| p as &dyn std::any::Any))
            }
            (Root::Model(m), true) => Some(m.as_any()),
            _ => None,
        }
    }

    /// The `GestPayS2S` payload of a WsS2S result, or a `GestPayS2S` itself.
    fn payload(&self) -> Option<&GestPayS2S> {
        self.root_any()?.downcast_ref::<GestPayS2S>()
    }

    /// The outcome of a result, a `GestPayS2S` payload, an EncryptResult or a DecryptResult.
    fn outcome(&self) -> Option<&dyn Outcome> {
        use gestpay::cryptdecrypt::{DecryptResult, EncryptResult};
        let any = self.root_any()?;
        if let Some(v) = any.downcast_ref::<GestPayS2S>() {
            return Some(v);
        }
        if let Some(v) = any.downcast_ref::<EncryptResult>() {
            return Some(v);
        }
        any.downcast_ref::<DecryptResult>()
            .map(|v| v as &dyn Outcome)
    }
}

#[pymethods]
impl Message {
    #[new]
    fn new(raw: &Bound<'_, Raw>) -> Message {
        let raw = raw.get();
        Message {
            root: raw.0.clone(),
            path: raw.1.clone(),
            level: PyOnceLock::new(),
            cache: PyOnceLock::new(),
        }
    }

    /// The core's JSON shape: camelCase keys, amounts and secrets as strings, absent values
    /// left out. Secrets are exposed: this is what is sent.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || self.serialize(py, pythonize::Pythonizer::new(py)))
    }

    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let py = slf.py();
        if !slf.get_type().is(other.get_type()) {
            return Ok(false);
        }
        let other = other.cast::<Message>()?;
        Ok(slf.get().json(py)? == other.get().json(py)?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<u64> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.json(py)?.to_string().hash(&mut hasher);
        Ok(hasher.finish())
    }
}

/// Makes an instance of a message class (`Message.__new__(class, raw)`).
pub(crate) fn instance<'py>(class: &Bound<'py, PyType>, raw: Raw) -> PyResult<Bound<'py, PyAny>> {
    static NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = class.py();
    let new = NEW.get_or_try_init(py, || {
        py.get_type::<Message>()
            .getattr("__new__")
            .map(Bound::unbind)
    })?;
    new.bind(py).call1((class, Bound::new(py, raw)?))
}

fn wrap<'py>(class: &Bound<'py, PyType>, root: Root) -> PyResult<Bound<'py, PyAny>> {
    instance(class, Raw(Arc::new(root), Vec::new()))
}

/// A core value that is not an operation's message (Address, Callback, SoapFault …) as an
/// instance of its class.
pub(crate) fn wrap_model<'py>(
    py: Python<'py>,
    value: impl AnyModel + 'static,
) -> PyResult<Bound<'py, PyAny>> {
    let class = class_of(py, value.type_name())?;
    wrap(&class, Root::Model(Box::new(value)))
}

/// A descriptor reading one field of a message: `key` in the JSON shape, `default` when the
/// field is absent, `convert` (`Decimal`, `Secret`) applied to the value read.
#[pyclass(frozen, module = "gestpay._gestpay")]
#[derive(Debug)]
pub(crate) struct Field {
    key: &'static str,
    default: Py<PyAny>,
    convert: Option<Py<PyAny>>,
}

#[pymethods]
impl Field {
    #[new]
    #[pyo3(signature = (key, default, convert=None))]
    fn new(key: String, default: Py<PyAny>, convert: Option<Py<PyAny>>) -> Field {
        // A field table is made once per class at import: its keys live as long as the module.
        Field {
            key: Box::leak(key.into_boxed_str()),
            default,
            convert,
        }
    }

    fn __get__(
        slf: &Bound<'_, Self>,
        obj: Option<&Bound<'_, PyAny>>,
        _owner: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let field = slf.get();
        let Some(obj) = obj else {
            return Ok(slf.clone().into_any().unbind());
        };
        let message = obj.cast::<Message>()?.get();
        let level = message
            .level
            .get_or_try_init(py, || message.read_level(py))?
            .bind(py);
        let value = match level.get_item(field.key)? {
            None => return Ok(field.default.clone_ref(py)),
            Some(value) => value,
        };
        let Some(convert) = field.convert.as_ref().filter(|_| !value.is_none()) else {
            return Ok(value.unbind());
        };
        let cache = message
            .cache
            .get_or_init(py, || PyDict::new(py).unbind())
            .bind(py);
        if let Some(converted) = cache.get_item(slf)? {
            return Ok(converted.unbind());
        }
        let converted = convert.call1(py, (value,))?;
        cache.set_item(slf, &converted)?;
        Ok(converted)
    }
}

impl Message {
    /// Every field of this level that holds a value, read by the core in one pass
    /// (`fields_at`), as Python objects by JSON key.
    fn read_level(&self, py: Python<'_>) -> PyResult<Py<PyDict>> {
        guard(py, || {
            let Some(Leaf::Object(fields)) = fields_at(self.root.serialize(), &self.path) else {
                return Err(internal(py));
            };
            let level = PyDict::new(py);
            let mut path = self.path.clone();
            for (key, leaf) in fields {
                path.push(Step::Key(key));
                let value = leaf_to_py(py, &self.root, &mut path, leaf)?;
                path.pop();
                level.set_item(key, value)?;
            }
            Ok(level.unbind())
        })
    }
}

/// What a class is: `_KIND` (`request`, `result` or `model`) and `_TYPE` (the operation's wire
/// name, or the type's name).
fn kind_of(class: &Bound<'_, PyType>) -> PyResult<(String, String)> {
    Ok((
        class.getattr("_KIND")?.extract()?,
        class.getattr("_TYPE")?.extract()?,
    ))
}

/// The core's typed value of `class` from its JSON shape, read with the input contract.
fn root_from(py: Python<'_>, class: &Bound<'_, PyType>, value: &Value) -> PyResult<Root> {
    let (kind, name) = kind_of(class)?;
    Ok(match kind.as_str() {
        "request" => Root::Request(core(
            py,
            Operation::from_name(&name).and_then(|op| op.request_from_value(value)),
        )?),
        "result" => Root::Result(core(
            py,
            Operation::from_name(&name).and_then(|op| op.result_from_value(value)),
        )?),
        _ => Root::Model(core(py, model_from_value(&name, value))?),
    })
}

/// `Class(**kwargs)`: each keyword is an attribute of the class (`_KEYS`: attribute → JSON
/// key); `None` leaves a field out. An unknown keyword is `unknown_field`.
#[pyfunction]
#[pyo3(signature = (class, kwargs=None))]
fn build<'py>(class: &Bound<'py, PyType>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Raw> {
    let py = class.py();
    guard(py, || {
        let keys = class.getattr("_KEYS")?;
        let keys = keys.cast::<PyDict>()?;
        let mut object = Map::new();
        for (attr, value) in kwargs.into_iter().flat_map(|k| k.iter()) {
            let Some(key) = keys.get_item(&attr)? else {
                let attr: String = attr
                    .cast::<PyString>()
                    .map(|a| a.to_string_lossy().chars().take(64).collect::<String>())
                    .unwrap_or_default();
                let name = class.name()?;
                return Err(invalid(
                    py,
                    "unknown_field",
                    &attr,
                    &format!("{name} has no attribute of this name"),
                ));
            };
            if value.is_none() {
                continue;
            }
            let key: String = key.extract()?;
            let json = field_to_json(&value, &key)?;
            object.insert(key, json);
        }
        Ok(Raw(
            Arc::new(root_from(py, class, &Value::Object(object))?),
            Vec::new(),
        ))
    })
}

/// `Class.from_dict(data)`: the core's JSON shape (camelCase keys), read with the input contract.
#[pyfunction]
fn from_dict<'py>(
    class: &Bound<'py, PyType>,
    data: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    guard(py, || {
        let value = to_json(data, "data")?;
        wrap(class, root_from(py, class, &value)?)
    })
}

fn operation(py: Python<'_>, class: &Bound<'_, PyType>) -> PyResult<Operation> {
    core(py, Operation::from_name(&kind_of(class)?.1))
}

fn soap(py: Python<'_>, soap: &Bound<'_, PyString>) -> PyResult<SoapVersion> {
    core(py, SoapVersion::parse(&text(soap, "soap")?))
}

/// `(method, url, headers, body)`.
type HttpRequestTuple<'py> = (String, String, Vec<(String, String)>, Bound<'py, PyBytes>);
/// `(status, headers, body)`.
pub(crate) type HttpResponseTuple<'py> = (u16, Vec<(String, String)>, Bound<'py, PyBytes>);

fn request_tuple(py: Python<'_>, http: gestpay::HttpRequest) -> HttpRequestTuple<'_> {
    let body = PyBytes::new(py, &http.body);
    (http.method, http.url, http.headers, body)
}

pub(crate) fn response_tuple(py: Python<'_>, http: gestpay::HttpResponse) -> HttpResponseTuple<'_> {
    (http.status, http.headers, PyBytes::new(py, &http.body))
}

/// The HTTP call of a request (validated): `(method, url, headers, body)`.
#[pyfunction]
fn to_http<'py>(
    message: &Bound<'py, Message>,
    env: &Bound<'py, PyString>,
    version: &Bound<'py, PyString>,
) -> PyResult<HttpRequestTuple<'py>> {
    let py = message.py();
    guard(py, || {
        let env = core(py, Environment::parse(&text(env, "env")?))?;
        let http = core(
            py,
            message.get().request(py)?.to_http(&env, soap(py, version)?),
        )?;
        Ok(request_tuple(py, http))
    })
}

/// The SOAP envelope of a request, validated unless `validate` is false.
#[pyfunction]
fn request_envelope<'py>(
    message: &Bound<'py, Message>,
    version: &Bound<'py, PyString>,
    validate: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = message.py();
    guard(py, || {
        let request = message.get().request(py)?;
        let version = soap(py, version)?;
        let body = if validate {
            request.to_envelope(version)
        } else {
            request.to_envelope_unchecked(version)
        };
        Ok(PyBytes::new(py, &core(py, body)?))
    })
}

/// Checks a request against the documented rules.
#[pyfunction]
fn validate(message: &Bound<'_, Message>) -> PyResult<()> {
    let py = message.py();
    guard(py, || core(py, message.get().request(py)?.validate()))
}

/// Parses a request of `class` (the gateway's side): a whole envelope, or with `lenient` also
/// the bare wrapper element the docs show.
#[pyfunction]
fn parse_request<'py>(
    class: &Bound<'py, PyType>,
    body: &[u8],
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    guard(py, || {
        let op = operation(py, class)?;
        let request = if lenient {
            op.parse_request(body)
        } else {
            op.parse_request_envelope(body)
        };
        wrap(class, Root::Request(core(py, request)?))
    })
}

/// Parses a result of `class`: with a status, strictly as an HTTP response (a fault raises
/// `SoapFaultError`); else a whole envelope, or with `lenient` also the Response or Result
/// element or the bare payload.
#[pyfunction]
#[pyo3(signature = (class, body, lenient, status=None, content_type=None))]
fn parse_result<'py>(
    class: &Bound<'py, PyType>,
    body: &[u8],
    lenient: bool,
    status: Option<u16>,
    content_type: Option<Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    guard(py, || {
        let op = operation(py, class)?;
        // A lone surrogate (a header byte kept by `surrogateescape`) reads as U+FFFD: the core
        // decides as for any other odd header.
        let content_type = content_type.as_ref().map(|ct| ct.to_string_lossy());
        let result = match status {
            Some(status) => op.parse_result(body, Some((status, content_type.as_deref()))),
            None if lenient => op.parse_result(body, None),
            None => op.parse_result_envelope(body),
        };
        wrap(class, Root::Result(core(py, result)?))
    })
}

/// The response envelope of a result (the gateway's side).
#[pyfunction]
fn result_envelope<'py>(
    message: &Bound<'py, Message>,
    version: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = message.py();
    guard(py, || {
        let body = core(
            py,
            message.get().result(py)?.to_envelope(soap(py, version)?),
        )?;
        Ok(PyBytes::new(py, &body))
    })
}

/// The HTTP response the gateway sends for a result: `(200, headers, body)`.
#[pyfunction]
fn result_http_response<'py>(
    message: &Bound<'py, Message>,
    version: &Bound<'py, PyString>,
) -> PyResult<HttpResponseTuple<'py>> {
    let py = message.py();
    guard(py, || {
        let http = core(
            py,
            message
                .get()
                .result(py)?
                .to_http_response(soap(py, version)?),
        )?;
        Ok(response_tuple(py, http))
    })
}

/// The success check (the core's `Outcome::ensure_ok`): `None` for `OK`, else the exception.
#[pyfunction]
fn ensure_ok(message: &Bound<'_, Message>) -> PyResult<()> {
    let py = message.py();
    guard(py, || {
        let outcome = message.get().outcome().ok_or_else(|| internal(py))?;
        core(py, outcome.ensure_ok())
    })
}

/// The English description of the result's error code from the documented table.
#[pyfunction]
fn known_error_description(message: &Bound<'_, Message>) -> PyResult<Option<&'static str>> {
    let py = message.py();
    guard(py, || {
        Ok(message
            .get()
            .outcome()
            .ok_or_else(|| internal(py))?
            .known_error_description())
    })
}

/// Where to ship and whom to bill for an Amazon Pay transaction (callReadTrxS2S).
#[pyfunction]
fn amazon_addresses<'py>(message: &Bound<'py, Message>) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = message.py();
    guard(py, || {
        let payload = message.get().payload().ok_or_else(|| internal(py))?;
        payload
            .amazon_addresses()
            .map(|a| wrap_model(py, a))
            .transpose()
    })
}

/// The card token of a `GestPayS2S` payload, whichever element carried it.
#[pyfunction]
fn token_value(message: &Bound<'_, Message>) -> PyResult<Option<String>> {
    let py = message.py();
    guard(py, || {
        let payload = message.get().payload().ok_or_else(|| internal(py))?;
        Ok(payload.token_value().map(|t| t.expose().to_owned()))
    })
}

/// The HTTP call (validated) of a request given by operation name and the core's JSON shape.
#[pyfunction]
fn build_request<'py>(
    py: Python<'py>,
    operation: &Bound<'py, PyString>,
    request: &Bound<'py, PyAny>,
    env: &Bound<'py, PyString>,
    version: &Bound<'py, PyString>,
) -> PyResult<HttpRequestTuple<'py>> {
    guard(py, || {
        let op = core(py, Operation::from_name(&text(operation, "operation")?))?;
        let env = core(py, Environment::parse(&text(env, "env")?))?;
        let request = core(py, op.request_from_value(&to_json(request, "request")?))?;
        let http = core(py, request.to_http(&env, soap(py, version)?))?;
        Ok(request_tuple(py, http))
    })
}

/// Checks a request given by operation name and the core's JSON shape.
#[pyfunction]
fn validate_request(
    py: Python<'_>,
    operation: &Bound<'_, PyString>,
    request: &Bound<'_, PyAny>,
) -> PyResult<()> {
    guard(py, || {
        let op = core(py, Operation::from_name(&text(operation, "operation")?))?;
        let request = core(py, op.request_from_value(&to_json(request, "request")?))?;
        core(py, request.validate())
    })
}

/// Registers the message classes by type name, so that nested values get their class (again
/// on a reload of the module: the new classes replace the old ones).
#[pyfunction]
fn register_classes(py: Python<'_>, classes: Bound<'_, PyDict>) -> PyResult<()> {
    match CLASSES.get(py) {
        Some(known) => known.bind(py).update(classes.as_mapping()),
        None => CLASSES.set(py, classes.unbind()).map_err(|_| internal(py)),
    }
}

/// Every operation: `(wire name, service, SOAPAction, request type, result type)`.
#[pyfunction]
fn operations() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    Operation::all()
        .map(|op| {
            (
                op.name(),
                op.service().name(),
                op.wire().action,
                op.request_type(),
                op.result_type(),
            )
        })
        .collect()
}

/// Parses a request envelope of any operation (the gateway's side) into its class.
#[pyfunction]
fn parse_any_request<'py>(py: Python<'py>, body: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let request = core(py, gestpay::dynamic::parse_any_request(body))?;
        let class = class_of(py, request.operation().request_type())?;
        wrap(&class, Root::Request(request))
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Message>()?;
    m.add_class::<Raw>()?;
    m.add_class::<Field>()?;
    m.add_function(wrap_pyfunction!(build, m)?)?;
    m.add_function(wrap_pyfunction!(from_dict, m)?)?;
    m.add_function(wrap_pyfunction!(to_http, m)?)?;
    m.add_function(wrap_pyfunction!(request_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(parse_request, m)?)?;
    m.add_function(wrap_pyfunction!(parse_result, m)?)?;
    m.add_function(wrap_pyfunction!(result_envelope, m)?)?;
    m.add_function(wrap_pyfunction!(result_http_response, m)?)?;
    m.add_function(wrap_pyfunction!(ensure_ok, m)?)?;
    m.add_function(wrap_pyfunction!(known_error_description, m)?)?;
    m.add_function(wrap_pyfunction!(amazon_addresses, m)?)?;
    m.add_function(wrap_pyfunction!(token_value, m)?)?;
    m.add_function(wrap_pyfunction!(register_classes, m)?)?;
    m.add_function(wrap_pyfunction!(build_request, m)?)?;
    m.add_function(wrap_pyfunction!(validate_request, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(parse_any_request, m)?)?;
    Ok(())
}
