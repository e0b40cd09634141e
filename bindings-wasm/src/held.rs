//! The native half of a message view (bindings-js-core/lib/view.js): a parsed value held in the
//! module's memory, read one field at a time when the JS side reads it
//! (`gestpay_js_core::held`). The JS wrapper is freed by the garbage collector
//! (`wasm-bindgen --weak-refs`, scripts/build.sh), as a napi object is.

use gestpay_js_core::held::{self as shared, Item};
use js_sys::Array;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Result, Thrown};

/// A parsed message, or a message inside one, and its type's name.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Held {
    inner: shared::Held,
    name: &'static str,
    keys: Vec<&'static str>,
}

impl Held {
    /// Holds a value at its root.
    pub(crate) fn root(inner: shared::Held) -> Result<Held> {
        let (name, keys) = inner.shape().map_err(Thrown)?;
        Ok(Held { inner, name, keys })
    }

    /// `Some` root as a `Held`, `None` as `null` (napi's `Option` return).
    pub(crate) fn root_or_null(inner: Option<shared::Held>) -> Result<JsValue> {
        match inner {
            Some(inner) => Held::root(inner).map(JsValue::from),
            None => Ok(JsValue::NULL),
        }
    }

    pub(crate) fn inner(&self) -> &shared::Held {
        &self.inner
    }
}

/// A field as JS sees it. Numbers are codes and counts, never money (amounts are text).
fn js(item: Item) -> JsValue {
    match item {
        Item::Null => JsValue::NULL,
        Item::Bool(b) => JsValue::from_bool(b),
        Item::Number(n) => JsValue::from_f64(n as f64),
        Item::Unsigned(n) => JsValue::from_f64(n as f64),
        Item::Text(t) => JsValue::from_str(&t),
        Item::Message(inner, name, keys) => JsValue::from(Held { inner, name, keys }),
        Item::List(items) => items.into_iter().map(js).collect::<Array>().into(),
    }
}

#[wasm_bindgen]
impl Held {
    /// The name of the value's type in the schema (`GestPayS2S`, `AmazonAddresses`).
    #[wasm_bindgen(getter = typeName)]
    pub fn type_name(&self) -> String {
        self.name.to_owned()
    }

    /// The keys of the fields that hold a value, in order.
    #[wasm_bindgen(getter)]
    pub fn keys(&self) -> Array {
        self.keys.iter().map(|k| JsValue::from_str(k)).collect()
    }

    /// The field `key` (its JSON key), one level deep; `undefined` when absent.
    pub fn read(&self, key: &str) -> JsValue {
        self.inner.read(key).map_or(JsValue::UNDEFINED, js)
    }

    /// The value of every key of `keys`, in order (the view's whole level in one call).
    pub fn fields(&self) -> Array {
        self.inner.fields().into_iter().map(js).collect()
    }

    /// The value in the core's JSON shape, as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String> {
        self.inner.to_json().map_err(Thrown)
    }
}
