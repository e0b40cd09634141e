//! The JSON input contract: how every caller (the CLI, the Node and WASM bindings through JSON
//! text, the Python binding through a `serde_json::Value`) hands the core a request or a result.
//!
//! * The text is one JSON value; a leading byte-order mark is ignored; a key written twice in one
//!   object is `duplicate_field`; bad JSON is `invalid_json`.
//! * Objects are read against the type: a key the type does not have is `unknown_field` naming
//!   the key's JSON path (`customInfo[0].valu`), with a hint when it is another spelling of a
//!   known key (`apikey` → `apiKey`); a value of the wrong JSON type is `invalid_type`; a value
//!   of the right type that the field cannot take is the field's own rule (`invalid_amount`,
//!   `invalid_value`, …). A struct is never read from an array.
//! * No message contains a value, and every message is bounded: the key of an unknown field is
//!   cut to 64 characters.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};

/// The longest key or detail quoted in a message, in characters.
const MAX_QUOTED: usize = 64;

mod text;

/// Reads `T` from JSON text (see the module docs). `what` names the whole value in errors that
/// concern it (`request`). The text is read straight into the type (no JSON tree between).
pub fn from_json_text<T: de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    text::read(text).map_err(|e| e.into_error(what))
}

/// Reads `T` from a JSON value with the contract of [`from_json_text`].
pub fn from_json_value<T: de::DeserializeOwned>(value: &Value, what: &str) -> Result<T> {
    T::deserialize(ValueDe(value)).map_err(|e| e.into_error(what))
}

/// Where a value of the core's JSON shape is read from: JSON text or a JSON value.
pub trait JsonSource: Copy {
    /// Reads `T` with the input contract; `what` names the whole value in errors.
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T>;
}

impl JsonSource for &str {
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T> {
        from_json_text(self, what)
    }
}

impl JsonSource for &Value {
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T> {
        from_json_value(self, what)
    }
}

/// At most `max` characters of `text`, with `…` when cut.
fn bounded(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// One step of a JSON path.
#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// An error met while reading a value, before it knows its path.
#[derive(Debug)]
pub(crate) struct InputError {
    code: ErrorCode,
    /// Innermost step last once complete (steps are pushed on the way up, then reversed).
    path: Vec<Step>,
    message: String,
}

impl InputError {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        InputError {
            code,
            path: Vec::new(),
            message: message.into(),
        }
    }

    fn at(mut self, step: Step) -> Self {
        self.path.push(step);
        self
    }

    fn into_error(self, what: &str) -> Error {
        let mut field = String::new();
        for step in self.path.iter().rev() {
            match step {
                Step::Key(k) if field.is_empty() => field.push_str(&bounded(k, MAX_QUOTED)),
                Step::Key(k) => {
                    field.push('.');
                    field.push_str(&bounded(k, MAX_QUOTED));
                }
                Step::Index(i) => field.push_str(&format!("[{i}]")),
            }
        }
        if field.is_empty() || self.code == ErrorCode::InvalidJson {
            field = what.to_owned();
        }
        Error::invalid(self.code, field, self.message)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// What a JSON value is, without the value itself.
fn kind(unexpected: &de::Unexpected<'_>) -> &'static str {
    use de::Unexpected as U;
    match unexpected {
        U::Bool(_) => "a boolean",
        U::Unsigned(_) | U::Signed(_) => "an integer",
        U::Float(_) => "a number with a fraction",
        U::Char(_) | U::Str(_) => "a string",
        U::Bytes(_) => "bytes",
        U::Unit | U::Option => "null",
        U::Seq => "an array",
        U::Map => "an object",
        _ => "another kind of value",
    }
}

impl de::Error for InputError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // The core's own types (amounts, codes …) refuse a value with a core `Error`, whose text
        // ends in `[code]`: keep that code and its message; anything else is `invalid_value`.
        let text = msg.to_string();
        if let Some((head, code)) = text
            .strip_suffix(']')
            .and_then(|t| t.rsplit_once(" ["))
            .and_then(|(head, code)| Some((head, ErrorCode::from_name(code)?)))
        {
            let message = head
                .strip_prefix("invalid request: ")
                .and_then(|m| m.split_once(": ").map(|(_, m)| m))
                .unwrap_or(head);
            return InputError::new(code, bounded(message, 200));
        }
        InputError::new(ErrorCode::InvalidValue, bounded(&text, 200))
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        InputError::new(
            ErrorCode::InvalidType,
            format!("expected {expected}, found {}", kind(&unexpected)),
        )
    }

    fn invalid_value(_unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        InputError::new(ErrorCode::InvalidValue, format!("expected {expected}"))
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        InputError::new(
            ErrorCode::InvalidValue,
            format!("expected {expected}, found {len} items"),
        )
    }

    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        InputError::new(
            ErrorCode::InvalidValue,
            format!("expected one of {}", bounded(&expected.join(", "), 200)),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let folded = |s: &str| s.replace(['_', '-'], "").to_ascii_lowercase();
        let hint = expected
            .iter()
            .find(|known| folded(known) == folded(field))
            .map(|known| format!(" (did you mean `{known}`?)"))
            .unwrap_or_default();
        InputError::new(
            ErrorCode::UnknownField,
            format!("this type has no such field{hint}"),
        )
        .at(Step::Key(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        InputError::new(ErrorCode::MissingField, "the field is required")
            .at(Step::Key(field.to_owned()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        InputError::new(ErrorCode::DuplicateField, "the field is given twice")
            .at(Step::Key(field.to_owned()))
    }
}

/// A deserializer over a borrowed JSON value, with [`InputError`]s that know their path.
struct ValueDe<'a>(&'a Value);

type De<T> = std::result::Result<T, InputError>;

impl<'de, 'a> Deserializer<'de> for ValueDe<'a> {
    type Error = InputError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> De<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
                index: 0,
            }),
            Value::Object(members) => visitor.visit_map(MapDe {
                members: members.iter(),
                pending: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> De<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> De<V::Value> {
        // Fields by position (a JSON array) are not a way to write a request.
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> De<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> De<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(members) if members.len() == 1 => {
                let (variant, value) = members.iter().next().ok_or_else(|| {
                    InputError::new(ErrorCode::InvalidType, "expected one member")
                })?;
                visitor.visit_enum(EnumDe { variant, value })
            }
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Signed(0),
        Value::String(_) => de::Unexpected::Str(""),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct SeqDe<'a> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'de, 'a> de::SeqAccess<'de> for SeqDe<'a> {
    type Error = InputError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> De<Option<T::Value>> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDe(item))
            .map(Some)
            .map_err(|e| e.at(Step::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'a> {
    members: serde_json::map::Iter<'a>,
    pending: Option<(&'a String, &'a Value)>,
}

impl<'de, 'a> de::MapAccess<'de> for MapDe<'a> {
    type Error = InputError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> De<Option<K::Value>> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        // An unknown key names itself (InputError::unknown_field): nothing to add here.
        seed.deserialize(key.as_str().into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> De<V::Value> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| InputError::new(ErrorCode::InvalidType, "a value without its key"))?;
        seed.deserialize(ValueDe(value))
            .map_err(|e| e.at(Step::Key(key.clone())))
    }
}

struct EnumDe<'a> {
    variant: &'a String,
    value: &'a Value,
}

impl<'de, 'a> de::EnumAccess<'de> for EnumDe<'a> {
    type Error = InputError;
    type Variant = ValueVariant<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> De<(V::Value, Self::Variant)> {
        let variant = seed.deserialize(self.variant.as_str().into_deserializer())?;
        Ok((variant, ValueVariant(self.value, self.variant)))
    }
}

struct ValueVariant<'a>(&'a Value, &'a String);

impl<'de, 'a> de::VariantAccess<'de> for ValueVariant<'a> {
    type Error = InputError;

    fn unit_variant(self) -> De<()> {
        match self.0 {
            Value::Null => Ok(()),
            other => Err(de::Error::invalid_type(unexpected(other), &"null")),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> De<T::Value> {
        seed.deserialize(ValueDe(self.0))
            .map_err(|e| e.at(Step::Key(self.1.clone())))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> De<V::Value> {
        ValueDe(self.0)
            .deserialize_any(visitor)
            .map_err(|e| e.at(Step::Key(self.1.clone())))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> De<V::Value> {
        ValueDe(self.0)
            .deserialize_any(visitor)
            .map_err(|e| e.at(Step::Key(self.1.clone())))
    }
}
