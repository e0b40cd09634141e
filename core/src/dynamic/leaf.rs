//! A field read one level deep: what a binding's view hands its host language when one field
//! of a message is read. Text, numbers and flags come out as they are; a nested message comes
//! out as its type's name and the keys of its fields that hold a value (the binding makes a view
//! of it, reading those fields when they are read); a list comes out item by item, each one level deep.
//!
//! ```
//! use gestpay::dynamic::{Leaf, Step, leaf_at, model_from_value};
//!
//! # fn main() -> gestpay::Result<()> {
//! let value = serde_json::json!({"productDetails": [{"productCode": "A1"}], "fraudPrevention": {}});
//! let details = model_from_value("OrderDetails", &value)?;
//! let read = |key| leaf_at(details.as_serialize(), &[Step::Key(key)]);
//! let detail = Leaf::Struct { name: "ProductDetail", keys: vec!["productCode"] };
//! assert_eq!(read("productDetails"), Some(Leaf::List(vec![detail])));
//! assert_eq!(read("customerDetail"), None);
//! # Ok(()) }
//! ```

use serde::ser::{self, Impossible, Serialize, Serializer};

use super::value::Step;

/// One field's value, one level deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    /// A value written as JSON `null`.
    Null,
    /// A flag.
    Bool(bool),
    /// A signed number (no message field is a float: money is text).
    Int(i64),
    /// An unsigned number.
    UInt(u64),
    /// Text, amounts and secrets included (as the JSON shape has them).
    Text(String),
    /// A nested message: its type's name in the schema, and the keys of its fields that hold a
    /// value, in order. Read a field with a longer path.
    Struct {
        /// The type's name.
        name: &'static str,
        /// The keys of the fields present.
        keys: Vec<&'static str>,
    },
    /// A list, each item one level deep.
    List(Vec<Leaf>),
    /// A message's fields that hold a value, in order ([`fields_at`]: each one level deep;
    /// [`tree_at`]: whole).
    Object(Vec<(&'static str, Leaf)>),
}

/// Writes the JSON shape of what was read: the same text as serde_json gives of the value
/// itself (a `Struct` read one level deep, which has no fields here, as `{}`).
impl Serialize for Leaf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use ser::{SerializeMap, SerializeSeq};
        match self {
            Leaf::Null => s.serialize_none(),
            Leaf::Bool(b) => s.serialize_bool(*b),
            Leaf::Int(n) => s.serialize_i64(*n),
            Leaf::UInt(n) => s.serialize_u64(*n),
            Leaf::Text(t) => s.serialize_str(t),
            Leaf::Struct { .. } => s.serialize_map(Some(0))?.end(),
            Leaf::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Leaf::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// The value at `path` inside `value`, one level deep; `None` when nothing is there (an
/// absent field, an index past the end). An empty path reads `value` itself. `value` is a
/// message, or one without its type (`&dyn erased_serde::Serialize`).
pub fn leaf_at<T: Serialize + ?Sized>(value: &T, path: &[Step<'_>]) -> Option<Leaf> {
    read(value, path, Depth::Keys)
}

/// The fields of the message at `path` inside `value`, each one level deep, as a
/// [`Leaf::Object`]: a binding's view reads a message's level in one call.
pub fn fields_at<T: Serialize + ?Sized>(value: &T, path: &[Step<'_>]) -> Option<Leaf> {
    read(value, path, Depth::Fields)
}

/// The value at `path` inside `value`, whole: nested messages as [`Leaf::Object`]. Serialized,
/// it is the value's JSON shape (what a binding hands out as plain data).
pub fn tree_at<T: Serialize + ?Sized>(value: &T, path: &[Step<'_>]) -> Option<Leaf> {
    read(value, path, Depth::Whole)
}

fn read<T: Serialize + ?Sized>(value: &T, path: &[Step<'_>], depth: Depth) -> Option<Leaf> {
    value.serialize(Reader { depth, path }).ok().flatten()
}

/// How much of a message is read: its keys ([`leaf_at`]), its fields one level deep
/// ([`fields_at`]), or all of it ([`tree_at`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    Keys,
    Fields,
    Whole,
}

/// The serializer behind [`leaf_at`] and [`tree_at`]: it walks `path` (structs and lists look
/// for their step, passing over the rest unread), then reads what is there, one level or whole
/// (`deep`). One serializer for all of it, so that a message type's serialisation is
/// instantiated once for reading (the read-only WASM module's size). Its only error is a shape
/// no message has (a map, an enum with fields), reported as "nothing there"; `Ok(None)` is "no
/// value at this path".
#[derive(Clone, Copy)]
struct Reader<'p, 'k> {
    depth: Depth,
    path: &'p [Step<'k>],
}

impl Reader<'_, '_> {
    /// A leaf, when the path ends here; a step into a leaf finds nothing.
    fn leaf(self, leaf: impl FnOnce() -> Leaf) -> Out {
        Ok(self.path.is_empty().then(leaf))
    }
}

#[derive(Debug)]
struct NoShape;

impl std::fmt::Display for NoShape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no message field has this shape")
    }
}

impl std::error::Error for NoShape {}

impl ser::Error for NoShape {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NoShape
    }
}

type Out = Result<Option<Leaf>, NoShape>;

/// A struct or a list being read: its items or fields collected (the path ends here), or the
/// one its step names looked for (`Seek`).
enum Parts<'p, 'k> {
    Items(Reader<'p, 'k>, Vec<Leaf>),
    Keys(&'static str, Vec<&'static str>),
    /// The fields, each read to this depth.
    Fields(Depth, Vec<(&'static str, Leaf)>),
    Seek {
        reader: Reader<'p, 'k>,
        index: usize,
        found: Option<Leaf>,
    },
}

impl<'p, 'k> Parts<'p, 'k> {
    fn new(reader: Reader<'p, 'k>, list: bool, name: &'static str, len: usize) -> Self {
        match (reader.path.is_empty(), list, reader.depth) {
            (false, ..) => Parts::Seek {
                reader,
                index: 0,
                found: None,
            },
            (true, true, _) => Parts::Items(reader, Vec::with_capacity(len)),
            (true, false, Depth::Keys) => Parts::Keys(name, Vec::with_capacity(len)),
            (true, false, Depth::Fields) => Parts::Fields(Depth::Keys, Vec::with_capacity(len)),
            (true, false, Depth::Whole) => Parts::Fields(Depth::Whole, Vec::with_capacity(len)),
        }
    }

    /// One field (`key`) or item; `read` reads its value with the reader it is given. Not
    /// generic: only `read` is instantiated per field type (the read-only WASM module's size).
    fn part(
        &mut self,
        key: Option<&'static str>,
        read: &dyn Fn(Reader<'p, 'k>) -> Out,
    ) -> Result<(), NoShape> {
        match self {
            Parts::Items(reader, items) => items.extend(read(*reader)?),
            Parts::Keys(_, keys) => keys.extend(key),
            Parts::Fields(depth, fields) => {
                let reader = Reader {
                    depth: *depth,
                    path: &[],
                };
                if let (Some(key), Some(leaf)) = (key, read(reader)?) {
                    fields.push((key, leaf));
                }
            }
            Parts::Seek {
                reader,
                index,
                found,
            } => {
                let here = match key {
                    Some(key) => Step::Key(key),
                    None => Step::Index(*index),
                };
                *index += 1;
                if found.is_none() && reader.path.first() == Some(&here) {
                    *found = read(Reader {
                        path: &reader.path[1..],
                        ..*reader
                    })?;
                }
            }
        }
        Ok(())
    }

    fn end(self) -> Out {
        Ok(match self {
            Parts::Items(_, items) => Some(Leaf::List(items)),
            Parts::Keys(name, keys) => Some(Leaf::Struct { name, keys }),
            Parts::Fields(_, fields) => Some(Leaf::Object(fields)),
            Parts::Seek { found, .. } => found,
        })
    }
}

impl ser::SerializeSeq for Parts<'_, '_> {
    type Ok = Option<Leaf>;
    type Error = NoShape;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoShape> {
        self.part(None, &|reader| value.serialize(reader))
    }
    fn end(self) -> Out {
        Parts::end(self)
    }
}

impl ser::SerializeStruct for Parts<'_, '_> {
    type Ok = Option<Leaf>;
    type Error = NoShape;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NoShape> {
        self.part(Some(key), &|reader| value.serialize(reader))
    }
    fn end(self) -> Out {
        Parts::end(self)
    }
}

macro_rules! numbers {
    ($($method:ident($ty:ty) => $variant:ident;)*) => {$(
        fn $method(self, v: $ty) -> Out {
            self.leaf(|| Leaf::$variant(v.into()))
        }
    )*};
}

impl<'p, 'k> Serializer for Reader<'p, 'k> {
    type Ok = Option<Leaf>;
    type Error = NoShape;
    type SerializeSeq = Parts<'p, 'k>;
    type SerializeTuple = Impossible<Option<Leaf>, NoShape>;
    type SerializeTupleStruct = Impossible<Option<Leaf>, NoShape>;
    type SerializeTupleVariant = Impossible<Option<Leaf>, NoShape>;
    type SerializeMap = Impossible<Option<Leaf>, NoShape>;
    type SerializeStruct = Parts<'p, 'k>;
    type SerializeStructVariant = Impossible<Option<Leaf>, NoShape>;

    numbers! {
        serialize_i8(i8) => Int; serialize_i16(i16) => Int; serialize_i32(i32) => Int;
        serialize_i64(i64) => Int; serialize_u8(u8) => UInt; serialize_u16(u16) => UInt;
        serialize_u32(u32) => UInt; serialize_u64(u64) => UInt;
    }

    fn serialize_bool(self, v: bool) -> Out {
        self.leaf(|| Leaf::Bool(v))
    }
    fn serialize_f32(self, _: f32) -> Out {
        Err(NoShape)
    }
    fn serialize_f64(self, _: f64) -> Out {
        Err(NoShape)
    }
    fn serialize_char(self, v: char) -> Out {
        self.leaf(|| Leaf::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Out {
        self.leaf(|| Leaf::Text(v.to_owned()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Out {
        Err(NoShape)
    }
    fn serialize_none(self) -> Out {
        self.leaf(|| Leaf::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out {
        self.leaf(|| Leaf::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.leaf(|| Leaf::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        self.leaf(|| Leaf::Text(variant.to_owned()))
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
        Err(NoShape)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Parts<'p, 'k>, NoShape> {
        Ok(Parts::new(self, true, "", len.unwrap_or(0)))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NoShape> {
        Err(NoShape)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NoShape> {
        Err(NoShape)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NoShape> {
        Err(NoShape)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NoShape> {
        Err(NoShape)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Parts<'p, 'k>, NoShape> {
        Ok(Parts::new(self, false, name, len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NoShape> {
        Err(NoShape)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::s2s::GestPayS2S;

    #[test]
    fn reads_one_level() {
        let value: GestPayS2S = crate::dynamic::json::from_json_text(
            r#"{"transactionResult": "OK", "errorCode": 0, "token": "4111",
                "events": [{"eventType": "AUT", "eventId": "b"}]}"#,
            "result",
        )
        .unwrap();
        let read = |path: &[Step<'_>]| leaf_at(&value, path);
        assert_eq!(
            read(&[Step::Key("transactionResult")]),
            Some(Leaf::Text("OK".into()))
        );
        assert_eq!(read(&[Step::Key("errorCode")]), Some(Leaf::UInt(0)));
        assert_eq!(read(&[Step::Key("token")]), Some(Leaf::Text("4111".into())));
        assert_eq!(read(&[Step::Key("authorizationCode")]), None);
        let Some(Leaf::List(items)) = read(&[Step::Key("events")]) else {
            panic!("a list")
        };
        let [Leaf::Struct { name, keys }] = items.as_slice() else {
            panic!("one struct")
        };
        assert_eq!(keys, &["eventType", "eventId"]);
        let path = [Step::Key("events"), Step::Index(0), Step::Key("eventId")];
        assert_eq!(read(&path), Some(Leaf::Text("b".into())));
        assert_eq!(*name, "Event");
        let Some(Leaf::Struct {
            name: "GestPayS2S",
            keys,
        }) = read(&[])
        else {
            panic!("the payload")
        };
        assert_eq!(keys, ["transactionResult", "events", "errorCode", "token"]);
        let tree = tree_at(&value, &[]).unwrap();
        let text = serde_json::to_string(&tree).unwrap();
        assert_eq!(text, serde_json::to_string(&value).unwrap());
        let Some(Leaf::Object(level)) = fields_at(&value, &[]) else {
            panic!("the payload's fields")
        };
        assert_eq!(level.len(), 4);
        assert!(
            matches!(&level[1], ("events", Leaf::List(items)) if matches!(items[..], [Leaf::Struct { .. }]))
        );
        let event = tree_at(&value, &[Step::Key("events"), Step::Index(0)]).unwrap();
        let text = serde_json::to_string(&event).unwrap();
        assert_eq!(text, r#"{"eventType":"AUT","eventId":"b"}"#);
    }
}
