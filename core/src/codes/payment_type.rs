//! [`PaymentType`]: the payment methods of `paymentTypes/paymentType` and `PaymentMethod`.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A payment method code (`CREDITCARD`, `PAYPAL`, `S2PALI`, …).
///
/// The type is open: any string can be held. Every row of `payment_type_codes.csv` — including
/// historical, removed and example-only codes, see [`status`](PaymentType::status) — has an
/// associated constant named after the code ([`PaymentType::PAYPAL`],
/// [`PaymentType::S2PALI`], …); a few cryptic codes also have readable aliases
/// ([`PaymentType::ALIPAY`], [`PaymentType::AMAZON_PAY`], …).
///
/// `Debug`/`Display` show the code. JSON and the wire carry the code as a string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaymentType(Cow<'static, str>);

include!(concat!(env!("OUT_DIR"), "/codes_payment_type.rs"));

impl PaymentType {
    /// Amazon Pay (alias of [`PaymentType::AMAZONPAY`]).
    pub const AMAZON_PAY: PaymentType = PaymentType::AMAZONPAY;
    /// Alipay (alias of [`PaymentType::S2PALI`]).
    pub const ALIPAY: PaymentType = PaymentType::S2PALI;
    /// SEPA Direct Debit (alias of [`PaymentType::SEPADD`]).
    pub const SEPA_DIRECT_DEBIT: PaymentType = PaymentType::SEPADD;
    /// Credit cards (alias of [`PaymentType::CREDITCARD`]).
    pub const CREDIT_CARD: PaymentType = PaymentType::CREDITCARD;

    /// A payment type with this code, known or not. A known code borrows the static string.
    pub fn new(code: impl Into<String>) -> PaymentType {
        let code = code.into();
        match row(&code) {
            Some(r) => PaymentType(Cow::Borrowed(r.0)),
            None => PaymentType(Cow::Owned(code)),
        }
    }

    /// The code, as written on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The documented name of the payment method, when the code is known.
    pub fn description(&self) -> Option<&'static str> {
        row(&self.0).map(|r| r.1)
    }

    /// The status of the code in the documentation (`listed`, `commented-out`,
    /// `used-in-examples-not-in-table`, `removed-2021`, `third-party-only`, …), when known.
    pub fn status(&self) -> Option<&'static str> {
        row(&self.0).map(|r| r.2)
    }

    /// True when the code is in the table.
    pub fn is_known(&self) -> bool {
        row(&self.0).is_some()
    }

    /// Every known payment type, in the order of the table.
    pub fn all() -> &'static [PaymentType] {
        &ALL
    }
}

fn row(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    ROWS.binary_search_by(|r| r.0.cmp(code))
        .ok()
        .map(|i| &ROWS[i])
}

impl fmt::Debug for PaymentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for PaymentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for PaymentType {
    fn from(code: &str) -> Self {
        PaymentType::new(code)
    }
}

impl From<String> for PaymentType {
    fn from(code: String) -> Self {
        PaymentType::new(code)
    }
}

impl std::str::FromStr for PaymentType {
    type Err = std::convert::Infallible;
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Ok(PaymentType::new(code))
    }
}

impl AsRef<str> for PaymentType {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for PaymentType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PaymentType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(PaymentType::new)
    }
}

impl crate::xml::XmlText for PaymentType {
    fn to_xml_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }
    fn from_xml_text(text: String) -> Result<Self, String> {
        let trimmed = text.trim();
        Ok(if trimmed.len() == text.len() {
            PaymentType::new(text)
        } else {
            PaymentType::new(trimmed)
        })
    }
}

crate::xml_text_node!(PaymentType);
