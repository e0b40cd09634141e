//! [`Language`]: the language of the payment page (`languageId`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A payment-page language as the gateway numbers it (`1` = Italian, `2` = English, …).
///
/// The type is open: any id can be held, known or not. Every row of `language_codes.csv` has an
/// associated constant ([`Language::ITALIAN`], [`Language::ENGLISH`], …).
///
/// `Debug`/`Display` show `English (2)` for a known id and `language 9` otherwise. JSON and the
/// wire carry the id as an integer.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language(u8);

include!(concat!(env!("OUT_DIR"), "/codes_language.rs"));

impl Language {
    /// The language with this id, known or not.
    pub const fn from_id(id: u8) -> Language {
        Language(id)
    }

    /// The numeric id (the value on the wire).
    pub const fn id(self) -> u8 {
        self.0
    }

    /// The English name of the language, when the id is known.
    pub fn name(self) -> Option<&'static str> {
        self.row().map(|r| r.1)
    }

    /// The ISO 639-1 code (`"it"`, `"en"`, …), when the id is known.
    pub fn iso_639_1(self) -> Option<&'static str> {
        self.row().map(|r| r.2)
    }

    /// The known language with this ISO 639-1 code, ignoring ASCII case.
    pub fn from_iso_639_1(code: &str) -> Option<Language> {
        ROWS.iter()
            .find(|r| r.2.eq_ignore_ascii_case(code.trim()))
            .map(|r| Language(r.0))
    }

    /// True when the id is in the table.
    pub fn is_known(self) -> bool {
        self.row().is_some()
    }

    /// Every known language, in the order of the table.
    pub fn all() -> &'static [Language] {
        ALL
    }

    fn row(self) -> Option<&'static (u8, &'static str, &'static str)> {
        ROWS.binary_search_by_key(&self.0, |r| r.0)
            .ok()
            .map(|i| &ROWS[i])
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{name} ({})", self.0),
            None => write!(f, "language {}", self.0),
        }
    }
}

impl From<u8> for Language {
    fn from(id: u8) -> Self {
        Language(id)
    }
}

impl From<Language> for u8 {
    fn from(language: Language) -> Self {
        language.0
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

/// A language id of the table only: an id the gateway does not list is refused
/// (`invalid_value`), as a request could not carry it.
impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = u64::deserialize(d)?;
        u8::try_from(id)
            .ok()
            .map(Language)
            .filter(|l| l.is_known())
            .ok_or_else(|| {
                serde::de::Error::invalid_value(
                    serde::de::Unexpected::Unsigned(id),
                    &"a language id of the gateway's table (1 to 5)",
                )
            })
    }
}

impl crate::xml::XmlText for Language {
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
        self.0.to_string().into()
    }
    fn from_xml_text(text: String) -> Result<Self, String> {
        Self::from_xml_cow(text.into())
    }
    fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err("expected a numeric language id".to_owned());
        }
        text.parse()
            .map(Language)
            .map_err(|_| "expected a numeric language id".to_owned())
    }
}

crate::xml_text_node!(Language);
