//! The native half of a message view (`lib/view.js`): a parsed value held here, read one field
//! at a time when the JS side reads it (`gestpay_js_core::held`).

use gestpay_js_core::held::{self as shared, Item};
use napi::bindgen_prelude::{Either, Either5, Either6, Null, Undefined};
use napi_derive::napi;

use crate::error::{OrThrow, Result};

/// A parsed message, or a message inside one, and its type's name.
#[napi]
#[derive(Debug)]
pub struct Held {
    inner: shared::Held,
    name: &'static str,
    keys: Vec<&'static str>,
}

/// A field as JS sees it: null, a flag, a number, text, a nested message, or a list of those.
type Leaf = Either5<Null, bool, i64, String, Held>;
type Field = Either6<Null, bool, i64, String, Held, Vec<Leaf>>;

fn number(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn leaf(item: Item) -> Leaf {
    match item {
        Item::Null | Item::List(_) => Either5::A(Null),
        Item::Bool(b) => Either5::B(b),
        Item::Number(n) => Either5::C(n),
        Item::Unsigned(n) => Either5::C(number(n)),
        Item::Text(t) => Either5::D(t),
        Item::Message(inner, name, keys) => Either5::E(Held { inner, name, keys }),
    }
}

fn field(item: Item) -> Field {
    match item {
        Item::List(items) => Either6::F(items.into_iter().map(leaf).collect()),
        item => match leaf(item) {
            Either5::A(n) => Either6::A(n),
            Either5::B(b) => Either6::B(b),
            Either5::C(n) => Either6::C(n),
            Either5::D(t) => Either6::D(t),
            Either5::E(h) => Either6::E(h),
        },
    }
}

impl Held {
    /// Holds a value at its root.
    pub(crate) fn root(inner: shared::Held) -> Result<Held> {
        let (name, keys) = inner.shape().or_throw()?;
        Ok(Held { inner, name, keys })
    }

    pub(crate) fn inner(&self) -> &shared::Held {
        &self.inner
    }
}

#[napi]
impl Held {
    /// The name of the value's type in the schema (`GestPayS2S`, `AmazonAddresses`).
    #[napi(getter)]
    pub fn type_name(&self) -> &'static str {
        self.name
    }

    /// The keys of the fields that hold a value, in order.
    #[napi(getter)]
    pub fn keys(&self) -> Vec<&'static str> {
        self.keys.clone()
    }

    /// The field `key` (its JSON key), one level deep; `undefined` when absent (napi writes
    /// `None` as `null`).
    #[napi(catch_unwind)]
    pub fn read(&self, key: String) -> Either<Field, Undefined> {
        let Some(item) = self.inner.read(&key) else {
            return Either::B(());
        };
        Either::A(field(item))
    }

    /// The value of every key of `keys`, in order (the view's whole level in one call).
    #[napi(catch_unwind)]
    pub fn fields(&self) -> Vec<Field> {
        self.inner.fields().into_iter().map(field).collect()
    }

    /// The value in the core's JSON shape, as JSON text.
    #[napi(catch_unwind)]
    pub fn to_json(&self) -> Result<String> {
        self.inner.to_json().or_throw()
    }
}
