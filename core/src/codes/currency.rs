//! [`Currency`]: the gateway's UIC currency codes (`uicCode`), mapped to ISO 4217.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// One row of `currency_codes.csv` (plus its exponent from `currency_exponents.csv`).
struct Row {
    uic: u16,
    alpha: &'static str,
    numeric: u16,
    description: &'static str,
    exponent: u8,
}

/// A currency as the gateway identifies it: by its UIC code (Banca d'Italia), e.g. `242` for the
/// euro, in `uicCode`/`Currency` elements.
///
/// The type is open: any UIC code can be held, known or not. Every code listed in
/// `currency_codes.csv` has an associated constant named after its ISO 4217 alphabetic code
/// ([`Currency::EUR`], [`Currency::USD`], …), and [`iso_alpha`](Currency::iso_alpha),
/// [`iso_numeric`](Currency::iso_numeric), [`description`](Currency::description) and
/// [`exponent`](Currency::exponent) come from that table.
///
/// `Debug`/`Display` show `EUR (242)` for a known code and `UIC 999` otherwise. JSON: the ISO
/// alphabetic code when known (`"EUR"`), else the UIC code as a decimal string (`"999"`); reading
/// accepts an ISO alphabetic code (any case), a decimal UIC string or an integer UIC code. On the
/// wire the value is the UIC code in decimal.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(u16);

include!(concat!(env!("OUT_DIR"), "/codes_currency.rs"));

impl Currency {
    /// The currency with this UIC code, known or not.
    pub const fn from_uic(code: u16) -> Currency {
        Currency(code)
    }

    /// The UIC code (the value of `uicCode` on the wire).
    pub const fn uic_code(self) -> u16 {
        self.0
    }

    /// The known currency with this ISO 4217 alphabetic code, ignoring ASCII case.
    pub fn from_iso_alpha(code: &str) -> Option<Currency> {
        ROWS.iter()
            .find(|r| r.alpha.eq_ignore_ascii_case(code))
            .map(|r| Currency(r.uic))
    }

    /// The known currency with this ISO 4217 numeric code (`978` → EUR).
    pub fn from_iso_numeric(code: u16) -> Option<Currency> {
        ROWS.iter()
            .find(|r| r.numeric == code)
            .map(|r| Currency(r.uic))
    }

    /// The ISO 4217 alphabetic code, when the UIC code is known.
    pub fn iso_alpha(self) -> Option<&'static str> {
        self.row().map(|r| r.alpha)
    }

    /// The ISO 4217 numeric code, when the UIC code is known.
    pub fn iso_numeric(self) -> Option<u16> {
        self.row().map(|r| r.numeric)
    }

    /// The name of the currency as the gateway documents it, when the UIC code is known.
    pub fn description(self) -> Option<&'static str> {
        self.row().map(|r| r.description)
    }

    /// True when the UIC code is in the table.
    pub fn is_known(self) -> bool {
        self.row().is_some()
    }

    /// The number of decimals of the ISO 4217 minor unit (`0` for JPY, `2` for EUR). Unknown
    /// codes are assumed to have 2.
    pub fn exponent(self) -> u8 {
        self.row().map_or(2, |r| r.exponent)
    }

    /// Every known currency, in the order of the table (by ISO alphabetic code).
    pub fn all() -> &'static [Currency] {
        ALL
    }

    fn row(self) -> Option<&'static Row> {
        ROWS.binary_search_by_key(&self.0, |r| r.uic)
            .ok()
            .map(|i| &ROWS[i])
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.iso_alpha() {
            Some(alpha) => write!(f, "{alpha} ({})", self.0),
            None => write!(f, "UIC {}", self.0),
        }
    }
}

impl From<u16> for Currency {
    fn from(code: u16) -> Self {
        Currency(code)
    }
}

impl From<Currency> for u16 {
    fn from(currency: Currency) -> Self {
        currency.0
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.iso_alpha() {
            Some(alpha) => s.serialize_str(alpha),
            None => s.collect_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CurrencyVisitor)
    }
}

struct CurrencyVisitor;

/// What a currency code is, as error messages say it.
pub(super) const EXPECTED: &str =
    "expected an ISO 4217 alphabetic currency code or a numeric UIC code";

impl Visitor<'_> for CurrencyVisitor {
    type Value = Currency;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&EXPECTED["expected ".len()..])
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Currency, E> {
        u16::try_from(v)
            .map(Currency)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Currency, E> {
        u16::try_from(v)
            .map(Currency)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Currency, E> {
        Currency::lookup(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// A decimal UIC code, surrounding whitespace allowed.
fn parse_uic(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl crate::xml::XmlText for Currency {
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
        self.0.to_string().into()
    }
    fn from_xml_text(text: String) -> Result<Self, String> {
        Self::from_xml_cow(text.into())
    }
    fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> Result<Self, String> {
        parse_uic(&text)
            .map(Currency)
            .ok_or_else(|| "expected a numeric UIC currency code".to_owned())
    }
}

crate::xml_text_node!(Currency);
