//! [`PaymentType`]: the payment methods of `paymentTypes/paymentType` and `PaymentMethod`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A payment method code (`CREDITCARD`, `PAYPAL`, `S2PALI`, …).
///
/// The type is open: any string can be held. Every row of `payment_type_codes.csv` — including
/// historical, removed and example-only codes, see [`status`](PaymentType::status) — has an
/// associated constant named after the code ([`PaymentType::PAYPAL`],
/// [`PaymentType::S2PALI`], …); a few cryptic codes also have readable aliases
/// ([`PaymentType::ALIPAY`], [`PaymentType::AMAZON_PAY`], …).
///
/// # Codes the table lacks
///
/// Request validation (`paymentTypes/paymentType` of Encrypt and callPagamS2S) accepts the codes
/// of the table (docs/protocol.md §4.11: "values in `codes/payment_type_codes.csv`") and refuses
/// any other with `invalid_format` — most often a typo (`PAYPALL`, `paypal`) that the gateway
/// would not show. When the gateway has a method the table does not list yet, say so
/// explicitly:
///
/// * in Rust, [`PaymentType::unlisted("NEWTYPE")`](PaymentType::unlisted);
/// * in JSON (the CLI, Python, Node, WASM), the string `"unlisted:NEWTYPE"`.
///
/// Both are sent as `NEWTYPE` on the wire. A code of the table given as unlisted is simply that
/// code. [`PaymentType::new`] reads the `unlisted:` spelling too; results and parsed requests
/// keep whatever code they carry, listed or not (only requests are validated).
///
/// `Debug` shows the value as held (`unlisted:NEWTYPE`), `Display` the wire code. JSON carries
/// the code as a string (`"unlisted:NEWTYPE"` for an unlisted one); the wire, the code alone.
/// Equality, ordering and hashing compare the wire codes.
#[derive(Clone)]
pub struct PaymentType(Cow<'static, str>);

/// The mark of an unlisted code in JSON and in [`PaymentType::new`]: `unlisted:NEWTYPE`.
const UNLISTED_PREFIX: &str = PaymentType::UNLISTED_PREFIX;

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

    /// The JSON (and [`PaymentType::new`]) spelling of a code the table lacks:
    /// `unlisted:NEWTYPE`.
    pub const UNLISTED_PREFIX: &'static str = "unlisted:";

    /// A payment type with this code, known or not. A known code borrows the static string;
    /// `unlisted:CODE` is [`PaymentType::unlisted`]`("CODE")`.
    pub fn new(code: impl Into<String>) -> PaymentType {
        let code = code.into();
        if let Some(rest) = code.strip_prefix(UNLISTED_PREFIX) {
            return PaymentType::unlisted(rest);
        }
        match row(&code) {
            Some(r) => PaymentType(Cow::Borrowed(r.0)),
            None => PaymentType(Cow::Owned(code)),
        }
    }

    /// A code the table does not list, which request validation then accepts (see the type's
    /// docs): for a method the gateway added after this library's table. A code of the table is
    /// returned as the known code.
    pub fn unlisted(code: impl Into<String>) -> PaymentType {
        let code = code.into();
        let code = code.trim_start_matches(UNLISTED_PREFIX);
        match row(code) {
            Some(r) => PaymentType(Cow::Borrowed(r.0)),
            None => PaymentType(Cow::Owned(format!("{UNLISTED_PREFIX}{code}"))),
        }
    }

    /// The code, as written on the wire (without the `unlisted:` mark).
    pub fn as_str(&self) -> &str {
        self.0.strip_prefix(UNLISTED_PREFIX).unwrap_or(&self.0)
    }

    /// True for a code made with [`PaymentType::unlisted`] (or spelled `unlisted:CODE`).
    pub fn is_unlisted(&self) -> bool {
        self.0.starts_with(UNLISTED_PREFIX)
    }

    /// True when request validation accepts the code: a code of the table, or one marked
    /// [`unlisted`](PaymentType::unlisted).
    pub fn is_accepted(&self) -> bool {
        self.is_unlisted() || self.is_known()
    }

    /// The documented name of the payment method, when the code is known.
    pub fn description(&self) -> Option<&'static str> {
        row(self.as_str()).map(|r| r.1)
    }

    /// The status of the code in the documentation (`listed`, `commented-out`,
    /// `used-in-examples-not-in-table`, `removed-2021`, `third-party-only`, …), when known.
    pub fn status(&self) -> Option<&'static str> {
        row(self.as_str()).map(|r| r.2)
    }

    /// True when the code is in the table.
    pub fn is_known(&self) -> bool {
        !self.is_unlisted() && row(&self.0).is_some()
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

impl PartialEq for PaymentType {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for PaymentType {}

impl Hash for PaymentType {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for PaymentType {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PaymentType {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for PaymentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for PaymentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
        self.as_str()
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
        Cow::Borrowed(self.as_str())
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
