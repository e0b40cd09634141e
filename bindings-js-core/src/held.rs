//! Parsed messages held by the native side: what a JS view (the message objects of the API)
//! reads its fields from, one at a time, when they are read. A parse converts nothing to JS;
//! a field crosses the boundary when it is read, once (the view keeps it).
//!
//! A [`Held`] is a root value (a result, a request, a derived value such as `AmazonAddresses`)
//! shared by `Arc`, and a path inside it: `result.orderReferenceDetails` is a `Held` on the
//! same root, not a copy.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use gestpay::dynamic::{Leaf, Step, fields_at, leaf_at, tree_at};
use gestpay::s2s::GestPayS2S;
use serde::Serialize;

use crate::{Result, internal};

/// A value the native side can hold: any message type of the core, read through its own
/// serialisation (typed: not through `erased_serde`, whose instantiations would double the
/// read-only WASM module's serialisation code). Not `Debug`: the vtable would bring every
/// message type's `Debug` into that module.
pub trait Readable: Any + Send + Sync {
    /// [`leaf_at`], [`fields_at`] or [`tree_at`] on the value.
    fn read(&self, path: &[Step<'_>], how: How) -> Option<Leaf>;
    /// The value, to downcast.
    fn as_any(&self) -> &dyn Any;
}

impl<T: Serialize + Any + Send + Sync> Readable for T {
    fn read(&self, path: &[Step<'_>], how: How) -> Option<Leaf> {
        // With the builders, every message type's `erased_serde` serialisation is there
        // already (the registry's `as_serialize`): reading through it adds no typed copy.
        #[cfg(feature = "builders")]
        let value = self as &dyn erased_serde::Serialize;
        #[cfg(not(feature = "builders"))]
        let value = self;
        how.read(value, path)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// How much a read takes.
#[derive(Debug, Clone, Copy)]
pub enum How {
    /// One field, nested messages by their keys ([`leaf_at`]).
    Leaf,
    /// A message's fields, each as [`How::Leaf`] reads it ([`fields_at`]).
    Fields,
    /// All of it ([`tree_at`]).
    Tree,
}

impl How {
    fn read<T: Serialize + ?Sized>(self, value: &T, path: &[Step<'_>]) -> Option<Leaf> {
        match self {
            How::Leaf => leaf_at(value, path),
            How::Fields => fields_at(value, path),
            How::Tree => tree_at(value, path),
        }
    }
}

/// The value a view reads from.
pub enum Root {
    /// A value of a concrete type (results of the read-only module, derived values).
    Value(Box<dyn Readable>),
    /// A request of the registry.
    #[cfg(feature = "builders")]
    Request(Box<dyn gestpay::dynamic::AnyRequest>),
    /// A result of the registry.
    #[cfg(feature = "builders")]
    Result(Box<dyn gestpay::dynamic::AnyResult>),
}

impl fmt::Debug for Root {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value is never shown: it may hold secrets, and is not ours to format here.
        f.write_str("Root(..)")
    }
}

impl Root {
    fn read(&self, path: &[Step<'_>], how: How) -> Option<Leaf> {
        #[cfg(feature = "builders")]
        let read = |value: &dyn erased_serde::Serialize| how.read(value, path);
        match self {
            Root::Value(v) => v.read(path, how),
            #[cfg(feature = "builders")]
            Root::Request(r) => read(r.as_serialize()),
            #[cfg(feature = "builders")]
            Root::Result(r) => read(r.as_serialize()),
        }
    }

    /// The typed value, to downcast (a WsS2S result of the registry: its `GestPayS2S`).
    fn any(&self) -> Option<&dyn Any> {
        match self {
            Root::Value(v) => Some(v.as_any()),
            #[cfg(feature = "builders")]
            Root::Request(_) => None,
            #[cfg(feature = "builders")]
            Root::Result(r) => Some(r.payload().map_or(r.as_any(), |p| p as &dyn Any)),
        }
    }
}

/// One step of a held path (the JS side hands keys as strings).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Owned {
    Key(Box<str>),
    Index(usize),
}

/// A view's native half: a root value and a path inside it.
#[derive(Debug, Clone)]
pub struct Held {
    root: Arc<Root>,
    path: Vec<Owned>,
}

/// A field as read: a leaf value, a nested message (held, with its type's name), or a list.
#[derive(Debug)]
pub enum Item {
    /// JSON `null`.
    Null,
    /// A flag.
    Bool(bool),
    /// A number (no message field is a float).
    Number(i64),
    /// An unsigned number.
    Unsigned(u64),
    /// Text (amounts and secrets included: the values stay plain data).
    Text(String),
    /// A nested message, its type's name and the keys of its fields that hold a value.
    Message(Held, &'static str, Vec<&'static str>),
    /// A list.
    List(Vec<Item>),
}

impl Held {
    /// Holds `value` at its root.
    pub fn new(root: Root) -> Held {
        Held {
            root: Arc::new(root),
            path: Vec::new(),
        }
    }

    /// Holds a value of a concrete type at its root.
    pub fn value<T: Readable>(value: T) -> Held {
        Held::new(Root::Value(Box::new(value)))
    }

    fn steps(&self) -> Vec<Step<'_>> {
        (self.path.iter())
            .map(|s| match s {
                Owned::Key(k) => Step::Key(k),
                Owned::Index(i) => Step::Index(*i),
            })
            .collect()
    }

    fn at(&self, step: Owned) -> Held {
        let mut path = self.path.clone();
        path.push(step);
        Held {
            root: Arc::clone(&self.root),
            path,
        }
    }

    /// The name of the held value's type (`GestPayS2S`, `AmazonAddresses`), and the keys of
    /// its fields that hold a value, in order.
    pub fn shape(&self) -> Result<(&'static str, Vec<&'static str>)> {
        match self.root.read(&self.steps(), How::Leaf) {
            Some(Leaf::Struct { name, keys }) => Ok((name, keys)),
            _ => Err(internal("a held value is not a message")),
        }
    }

    /// The field `key`, one level deep; `None` when absent.
    pub fn read(&self, key: &str) -> Option<Item> {
        let mut steps = self.steps();
        steps.push(Step::Key(key));
        let leaf = self.root.read(&steps, How::Leaf)?;
        Some(self.item(leaf, Owned::Key(key.into())))
    }

    /// Every field that holds a value, in the order of [`shape`](Held::shape)'s keys, each
    /// one level deep: a view's whole level in one read.
    pub fn fields(&self) -> Vec<Item> {
        match self.root.read(&self.steps(), How::Fields) {
            Some(Leaf::Object(fields)) => (fields.into_iter())
                .map(|(key, leaf)| self.item(leaf, Owned::Key(key.into())))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn item(&self, leaf: Leaf, step: Owned) -> Item {
        match leaf {
            // `leaf_at` reads one level: a whole object comes only from `tree_at`.
            Leaf::Null | Leaf::Object(_) => Item::Null,
            Leaf::Bool(b) => Item::Bool(b),
            Leaf::Int(n) => Item::Number(n),
            Leaf::UInt(n) => Item::Unsigned(n),
            Leaf::Text(t) => Item::Text(t),
            Leaf::Struct { name, keys } => Item::Message(self.at(step), name, keys),
            Leaf::List(items) => {
                let list = self.at(step);
                let items = items.into_iter().enumerate();
                Item::List(items.map(|(i, l)| list.item(l, Owned::Index(i))).collect())
            }
        }
    }

    /// The held value in the core's JSON shape, as text (`toJSON`, and what a builder reads).
    pub fn to_json(&self) -> Result<String> {
        // Through the tree of what is read (gestpay::dynamic::tree_at) rather than a serializer
        // of its own: every message type's serialisation is instantiated once, for the reader
        // (the read-only WASM module's size).
        match self.root.read(&self.steps(), How::Tree) {
            Some(tree) => crate::to_json(&tree),
            None => Err(internal("a held value cannot be written as JSON")),
        }
    }

    /// The root's typed value, when this is the root.
    pub fn root_as<T: Any>(&self) -> Option<&T> {
        if !self.path.is_empty() {
            return None;
        }
        self.root.any()?.downcast_ref::<T>()
    }

    /// The `GestPayS2S` payload held at the root (a WsS2S result), if that is what this is.
    pub fn payload(&self) -> Option<&GestPayS2S> {
        self.root_as::<GestPayS2S>()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_lists_and_nested_messages() {
        let payload: GestPayS2S = gestpay::dynamic::json::from_json_text(
            r#"{"transactionResult": "OK", "errorCode": 7,
                "events": [{"eventType": "AUT", "eventId": "e1"}]}"#,
            "result",
        )
        .unwrap();
        let held = Held::value(payload);
        let (name, keys) = held.shape().unwrap();
        assert_eq!((name, keys.len()), ("GestPayS2S", 3));
        let fields = held.fields();
        assert_eq!(fields.len(), 3);
        assert!(matches!(fields.first(), Some(Item::Text(t)) if t == "OK"));
        assert!(matches!(held.read("transactionResult"), Some(Item::Text(t)) if t == "OK"));
        assert!(matches!(held.read("errorCode"), Some(Item::Unsigned(7))));
        assert!(held.read("token").is_none());
        assert!(held.read("noSuchField").is_none());
        let Some(Item::List(events)) = held.read("events") else {
            panic!("a list")
        };
        let [Item::Message(event, "Event", keys)] = events.as_slice() else {
            panic!("one Event")
        };
        assert_eq!(keys, &["eventType", "eventId"]);
        assert!(matches!(event.read("eventId"), Some(Item::Text(t)) if t == "e1"));
        assert_eq!(
            event.to_json().unwrap(),
            r#"{"eventType":"AUT","eventId":"e1"}"#
        );
        assert!(event.payload().is_none());
        assert!(held.payload().is_some());
    }
}
