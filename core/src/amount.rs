//! Exact decimal amounts in integer minor units. No floats anywhere.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::codes::Currency;
use crate::error::{Error, ErrorCode, Result};

/// Largest number of decimals an [`Amount`] can carry.
pub const MAX_EXPONENT: u8 = 9;

/// An exact, non-negative decimal amount: an integer count of minor units and the number of
/// decimals they stand for.
///
/// `Amount::from_minor(10_000, Currency::EUR)` is `100.00`; `Amount::from_minor(500,
/// Currency::JPY)` is `500`. Parsed amounts keep the decimals they were written with (`1245.6`
/// stays `1245.6` on the wire); equality, ordering and hashing compare values, so `1245.6 ==
/// 1245.60`. [`to_minor_units`](Amount::to_minor_units) converts to a currency's minor unit.
/// Rendered with `.` and no thousands separator, as the gateway expects.
#[derive(Clone, Copy)]
pub struct Amount {
    minor: u64,
    exponent: u8,
}

impl Amount {
    /// `minor` units of `currency` (cents for EUR, yen for JPY).
    pub fn from_minor(minor: u64, currency: Currency) -> Amount {
        Amount {
            minor,
            exponent: currency.exponent(),
        }
    }

    /// `minor` units with `exponent` decimals (`from_minor_exponent(12345, 2)` is `123.45`).
    pub fn from_minor_exponent(minor: u64, exponent: u8) -> Result<Amount> {
        if exponent > MAX_EXPONENT {
            return Err(Error::invalid(
                ErrorCode::InvalidAmount,
                "amount",
                format!("at most {MAX_EXPONENT} decimals"),
            ));
        }
        Ok(Amount { minor, exponent })
    }

    /// Parses `123`, `123.4`, `123.45`: digits, an optional `.` and decimals. No sign, no
    /// exponent, no thousands separator, no spaces.
    pub fn parse(text: &str) -> Result<Amount> {
        text.parse()
    }

    /// The amount and its currency as a merchant reads them: `49.90 EUR` (`500 JPY`; `12.00 UIC
    /// 999` for a currency the tables lack). For people and logs; the wire takes `to_string()`.
    pub fn in_currency(self, currency: Currency) -> impl fmt::Display {
        struct Money(Amount, Currency);
        impl fmt::Display for Money {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.1.iso_alpha() {
                    Some(alpha) => write!(f, "{} {alpha}", self.0),
                    None => write!(f, "{} UIC {}", self.0, self.1.uic_code()),
                }
            }
        }
        Money(self, currency)
    }

    /// The integer count of units of 10^-exponent.
    pub fn minor(self) -> u64 {
        self.minor
    }

    /// The number of decimals.
    pub fn exponent(self) -> u8 {
        self.exponent
    }

    /// The amount in minor units of `currency`, if it can be expressed exactly there
    /// (`12.345` EUR cannot; `100.50` JPY cannot).
    pub fn to_minor_units(self, currency: Currency) -> Result<u64> {
        self.rescale(currency.exponent())
            .map(|a| a.minor)
            .ok_or_else(|| {
                Error::invalid(
                    ErrorCode::InvalidAmount,
                    "amount",
                    format!(
                        "not exact in {} with {} decimals",
                        currency,
                        currency.exponent()
                    ),
                )
            })
    }

    /// The same value with `exponent` decimals, when exact and representable.
    pub fn rescale(self, exponent: u8) -> Option<Amount> {
        if exponent > MAX_EXPONENT {
            return None;
        }
        match exponent.cmp(&self.exponent) {
            Ordering::Equal => Some(self),
            Ordering::Greater => {
                let factor = 10u64.checked_pow(u32::from(exponent - self.exponent))?;
                Some(Amount {
                    minor: self.minor.checked_mul(factor)?,
                    exponent,
                })
            }
            Ordering::Less => {
                let factor = 10u64.pow(u32::from(self.exponent - exponent));
                self.minor.is_multiple_of(factor).then(|| Amount {
                    minor: self.minor / factor,
                    exponent,
                })
            }
        }
    }

    /// The smallest-exponent form of the value (`1.50` → `1.5`, `2.00` → `2`).
    fn normalized(self) -> Amount {
        let mut a = self;
        while a.exponent > 0 && a.minor.is_multiple_of(10) {
            a.minor /= 10;
            a.exponent -= 1;
        }
        a
    }

    /// True for zero.
    pub fn is_zero(self) -> bool {
        self.minor == 0
    }
}

impl FromStr for Amount {
    type Err = Error;

    fn from_str(text: &str) -> Result<Amount> {
        let bad = |why: &str| Error::invalid(ErrorCode::InvalidAmount, "amount", why.to_owned());
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, f),
            None => (text, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("expected digits with an optional `.` and decimals"));
        }
        if text.contains('.') && frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("expected digits after the decimal point"));
        }
        if frac.len() > usize::from(MAX_EXPONENT) {
            return Err(bad("too many decimals"));
        }
        let digits = int.trim_start_matches('0').len() + frac.len();
        if digits > 18 {
            return Err(bad("too many digits"));
        }
        let mut minor: u64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(b - b'0')))
                .ok_or_else(|| bad("too large"))?;
        }
        // frac.len() <= MAX_EXPONENT (9), so the cast cannot truncate.
        Ok(Amount {
            minor,
            exponent: frac.len() as u8,
        })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exponent == 0 {
            return write!(f, "{}", self.minor);
        }
        let factor = 10u64.pow(u32::from(self.exponent));
        write!(
            f,
            "{}.{:0width$}",
            self.minor / factor,
            self.minor % factor,
            width = usize::from(self.exponent)
        )
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({self})")
    }
}

impl PartialEq for Amount {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Amount {}

impl Hash for Amount {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let n = self.normalized();
        n.minor.hash(state);
        n.exponent.hash(state);
    }
}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Amount {
    fn cmp(&self, other: &Self) -> Ordering {
        // Compare as u128 at the larger exponent: exact for every representable value.
        let e = self.exponent.max(other.exponent);
        let scale = |a: &Amount| u128::from(a.minor) * 10u128.pow(u32::from(e - a.exponent));
        scale(self).cmp(&scale(other))
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An amount is read from a JSON string only (`"10.00"`): a JSON number may already have lost
/// digits to binary floating point. Anything else is `invalid_amount`, the amount's one code.
impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct AmountVisitor;
        fn refuse<E: serde::de::Error>(found: &str) -> E {
            E::custom(Error::invalid(
                ErrorCode::InvalidAmount,
                "amount",
                format!("an amount is a decimal string such as \"10.00\", not {found}"),
            ))
        }
        impl serde::de::Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string such as \"10.00\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Amount, E> {
                text.parse().map_err(|e: Error| E::custom(e))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<Amount, E> {
                Err(refuse("a JSON number"))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<Amount, E> {
                Err(refuse("a JSON number"))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<Amount, E> {
                Err(refuse("a JSON number"))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> std::result::Result<Amount, E> {
                Err(refuse("a boolean"))
            }
        }
        d.deserialize_str(AmountVisitor)
    }
}

impl crate::xml::XmlText for Amount {
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
        self.to_string().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Self::from_xml_cow(text.into())
    }
    fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> std::result::Result<Self, String> {
        text.trim()
            .parse()
            .map_err(|_| "expected a decimal amount with `.` as separator".to_owned())
    }
}

crate::xml_text_node!(Amount);
