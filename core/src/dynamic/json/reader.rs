//! The input contract over serde_json's deserializers: JSON text read straight into the type
//! (no JSON tree between: serde_json scans the text), or a JSON value (the Python binding's).
//! This adapter hands the type's visitors what serde_json finds, with errors that know their
//! path ([`InputError`]) and the contract's refusals (a struct is never read from an array; an
//! enum is a string or an object of one member).
//!
//! Everything is read with `deserialize_any`, so serde_json never judges a value's type itself
//! (its messages would quote the value, and a value may be a card number): the type's own
//! visitor does, with the contract's value-free messages. serde_json's visitors take serde_json's
//! error type, so an error the type raises is set aside in the [`Stash`] and serde_json carries a
//! placeholder back up to where the adapter takes the real error out again. A key written twice
//! is refused by the type's derived visitor (every object of the core's shape is a struct that
//! denies unknown fields, so there is no other kind of object to read).

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use super::{InputError, Step};
use crate::error::ErrorCode;

/// The error a type raised while serde_json was between it and the adapter.
type Stash = RefCell<Option<InputError>>;

type De<T> = std::result::Result<T, InputError>;

/// Reads `T` from a JSON value.
pub(super) fn read_value<T: de::DeserializeOwned>(value: &serde_json::Value) -> De<T> {
    let stash = Stash::default();
    T::deserialize(Contract {
        de: value,
        stash: &stash,
    })
}

/// Reads `T` from the text (after its byte-order mark, if any) and checks nothing follows it.
pub(super) fn read_text<T: de::DeserializeOwned>(text: &str) -> De<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut json = serde_json::Deserializer::from_str(text);
    let stash = Stash::default();
    let value = T::deserialize(Contract {
        de: &mut json,
        stash: &stash,
    })?;
    json.end().map_err(|e| recover(&stash, e))?;
    Ok(value)
}

/// The type's error if it raised one, else serde_json's own (a syntax error: its messages name
/// what was expected and where, never the input's text).
fn recover<E: fmt::Display>(stash: &Stash, e: E) -> InputError {
    stash.borrow_mut().take().unwrap_or_else(|| {
        InputError::new(ErrorCode::InvalidJson, super::bounded(&e.to_string(), 160))
    })
}

/// Sets the type's error aside and gives serde_json a placeholder to carry.
fn keep<T, E: de::Error>(stash: &Stash, result: De<T>) -> std::result::Result<T, E> {
    result.map_err(|e| {
        *stash.borrow_mut() = Some(e);
        E::custom("see the stash")
    })
}

/// serde_json's deserializer (of text or of a value, or one of its parts) seen through the
/// contract.
struct Contract<'s, D> {
    de: D,
    stash: &'s Stash,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Any,
    Struct,
    Enum,
}

impl<'s, D> Contract<'s, D> {
    /// Has serde_json's deserializer (`how`: its `deserialize_any` or `deserialize_option`) visit
    /// the type's visitor through [`Visit`] in `mode`.
    fn visit<'de, V: Visitor<'de>>(
        self,
        inner: V,
        mode: Mode,
        how: impl FnOnce(D, Visit<'s, V>) -> std::result::Result<V::Value, D::Error>,
    ) -> De<V::Value>
    where
        D: Deserializer<'de>,
    {
        let stash = self.stash;
        how(self.de, Visit { inner, stash, mode }).map_err(|e| recover(stash, e))
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Contract<'_, D> {
    type Error = InputError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> De<V::Value> {
        self.visit(visitor, Mode::Any, D::deserialize_any)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> De<V::Value> {
        self.visit(visitor, Mode::Any, D::deserialize_option)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> De<V::Value> {
        self.visit(visitor, Mode::Struct, D::deserialize_any)
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
        self.visit(visitor, Mode::Enum, D::deserialize_any)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// The type's visitor behind serde_json's: what serde_json found, handed on in the contract's
/// terms.
struct Visit<'s, V> {
    inner: V,
    stash: &'s Stash,
    mode: Mode,
}

impl<'de, V: Visitor<'de>> Visit<'_, V> {
    /// A scalar: an enum's string is its variant's name; anything else goes to the type, which
    /// refuses what it cannot take.
    fn scalar<E: de::Error>(
        self,
        found: de::Unexpected<'_>,
        pass: impl FnOnce(V) -> De<V::Value>,
    ) -> std::result::Result<V::Value, E> {
        let result = match self.mode {
            Mode::Enum => Err(de::Error::invalid_type(found, &self.inner)),
            _ => pass(self.inner),
        };
        keep(self.stash, result)
    }

    fn text<E: de::Error>(self, v: &str) -> std::result::Result<V::Value, E> {
        let result = match self.mode {
            Mode::Enum => self.inner.visit_enum(v.into_deserializer()),
            _ => self.inner.visit_str(v),
        };
        keep(self.stash, result)
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Visit<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Bool(v), |inner| inner.visit_bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Signed(v), |inner| inner.visit_i64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Unsigned(v), |inner| inner.visit_u64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Float(v), |inner| inner.visit_f64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<V::Value, E> {
        self.text(v)
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Unit, |inner| inner.visit_unit())
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<V::Value, E> {
        self.scalar(de::Unexpected::Option, |inner| inner.visit_none())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<V::Value, D::Error> {
        let stash = self.stash;
        keep(stash, self.inner.visit_some(Contract { de: d, stash }))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> std::result::Result<V::Value, A::Error> {
        let result = match self.mode {
            // Fields by position (a JSON array) are not a way to write a request.
            Mode::Struct | Mode::Enum => {
                Err(de::Error::invalid_type(de::Unexpected::Seq, &self.inner))
            }
            Mode::Any => self.inner.visit_seq(Seq {
                seq,
                stash: self.stash,
                index: 0,
            }),
        };
        keep(self.stash, result)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> std::result::Result<V::Value, A::Error> {
        let mut map = Map {
            map,
            stash: self.stash,
            key: None,
        };
        let result = match self.mode {
            Mode::Enum => match map.next_key_text() {
                Ok(Some(variant)) => self.inner.visit_enum(OneMember { map, variant }),
                Ok(None) => Err(de::Error::invalid_type(de::Unexpected::Map, &self.inner)),
                Err(e) => Err(e),
            },
            _ => self.inner.visit_map(map),
        };
        keep(self.stash, result)
    }
}

/// The type's seed behind serde_json's.
struct Seed<'s, T> {
    inner: T,
    stash: &'s Stash,
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, T> {
    type Value = T::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<T::Value, D::Error> {
        keep(
            self.stash,
            self.inner.deserialize(Contract {
                de: d,
                stash: self.stash,
            }),
        )
    }
}

struct Seq<'s, A> {
    seq: A,
    stash: &'s Stash,
    index: usize,
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Seq<'_, A> {
    type Error = InputError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> De<Option<T::Value>> {
        let index = self.index;
        self.index += 1;
        let stash = self.stash;
        self.seq
            .next_element_seed(Seed { inner: seed, stash })
            .map_err(|e| recover(stash, e).at(Step::Index(index)))
    }
}

struct Map<'s, A> {
    map: A,
    stash: &'s Stash,
    /// The key whose value is read next, for the path of its errors.
    key: Option<String>,
}

impl<'de, A: de::MapAccess<'de>> Map<'_, A> {
    fn next_key_text(&mut self) -> De<Option<String>> {
        let stash = self.stash;
        self.map.next_key::<String>().map_err(|e| recover(stash, e))
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Map<'_, A> {
    type Error = InputError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> De<Option<K::Value>> {
        let Some(key) = self.next_key_text()? else {
            return Ok(None);
        };
        // An unknown key names itself (InputError::unknown_field): nothing to add here.
        let field = seed.deserialize(key.as_str().into_deserializer())?;
        self.key = Some(key);
        Ok(Some(field))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> De<V::Value> {
        let key = self.key.take().unwrap_or_default();
        let stash = self.stash;
        self.map
            .next_value_seed(Seed { inner: seed, stash })
            .map_err(|e| recover(stash, e).at(Step::Key(key)))
    }
}

/// An enum written as an object of one member: the key names the variant.
struct OneMember<'s, A> {
    map: Map<'s, A>,
    variant: String,
}

impl<'de, 's, A: de::MapAccess<'de>> de::EnumAccess<'de> for OneMember<'s, A> {
    type Error = InputError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(mut self, seed: V) -> De<(V::Value, Self)> {
        let variant = seed.deserialize(self.variant.as_str().into_deserializer())?;
        self.map.key = Some(std::mem::take(&mut self.variant));
        Ok((variant, self))
    }
}

impl<'de, A: de::MapAccess<'de>> OneMember<'_, A> {
    /// The member's value, then no other member.
    fn value<T: DeserializeSeed<'de>>(mut self, seed: T) -> De<T::Value> {
        let value = de::MapAccess::next_value_seed(&mut self.map, seed)?;
        match self.map.next_key_text()? {
            None => Ok(value),
            Some(_) => Err(InputError::new(
                ErrorCode::InvalidType,
                "expected an object of one member",
            )),
        }
    }
}

impl<'de, A: de::MapAccess<'de>> de::VariantAccess<'de> for OneMember<'_, A> {
    type Error = InputError;

    fn unit_variant(self) -> De<()> {
        self.value(PhantomData::<()>)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> De<T::Value> {
        self.value(seed)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> De<V::Value> {
        self.value(AnyOf(visitor))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> De<V::Value> {
        self.value(AnyOf(visitor))
    }
}

/// A visitor used as a seed: the value read with `deserialize_any`.
struct AnyOf<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for AnyOf<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<V::Value, D::Error> {
        d.deserialize_any(self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::dynamic::Operation;

    fn error(text: &str) -> crate::Error {
        let op = Operation::from_name("callPagamS2S").unwrap();
        op.request_from_json(text).err().unwrap()
    }

    #[test]
    fn a_syntax_error_names_the_whole_request_even_when_nested() {
        let e = error(r#"{"shopLogin": "G", "customInfo": [{"key": "a", "value": }]}"#);
        assert_eq!((e.code(), e.field()), ("invalid_json", Some("request")));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_never_quoted() {
        let e = error(
            r#"{"shopLogin": "G", "uicCode": "EUR", "amount": "1.00", "cardNumber": 4111111111111111}"#,
        );
        assert_eq!((e.code(), e.field()), ("invalid_type", Some("cardNumber")));
        assert!(!e.to_string().contains("4111"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_trailing_text_refused() {
        let op = Operation::from_name("callReadTrxS2S").unwrap();
        assert!(
            op.request_from_json("\u{feff}{\"shopLogin\": \"G\", \"bankTransactionId\": \"7\"}")
                .is_ok()
        );
        let e = op
            .request_from_json(r#"{"shopLogin": "G"} {}"#)
            .err()
            .unwrap();
        assert_eq!(e.code(), "invalid_json");
    }
}
