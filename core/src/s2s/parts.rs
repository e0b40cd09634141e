//! The repeated containers of a `GestPayS2S` payload (docs/protocol.md §4.21, §4.22): the
//! transaction history (`Events/event`), the bank lists (`BankList/Bank`) and the exchange rates
//! (`ExchangeRates/ExchangeRate`), with the exact decimal-comma [`Rate`].

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Text;
use crate::amount::Amount;
use crate::codes::{Currency, EventType};
use crate::error::{Error, ErrorCode, Result};
use crate::xml::{Child, XmlNode, XmlReader, XmlText, XmlWriter};

crate::xml_model! {
    #[unknown]
    /// `Events/event`: one step of a transaction's history (callReadTrxS2S).
    pub struct Event {
        /// `eventtype`: `AUT`, `MOV`, `PRE`, `CAN`, `REQ`, `STO` (open: other values are kept).
        pub event_type: Option<EventType> => "eventtype",
        /// `eventamount`: the amount of the event (decimal point).
        pub event_amount: Option<Amount> => "eventamount",
        /// `eventdate`: `dd/MM/yy HH:mm:ss` (`19/08/16 16:13:14`), kept as text.
        pub event_date: Option<Text> => "eventdate",
        /// `eventARN`: the acquirer reference number.
        pub event_arn: Option<Text> => "eventARN",
        /// `eventID`: the event's unique id.
        pub event_id: Option<Text> => "eventID",
        /// `eventReferred`: the id of the event a refund refers to (REST API; not seen in SOAP
        /// examples).
        pub event_referred: Option<Text> => "eventReferred",
    }
}

crate::xml_model! {
    #[unknown]
    /// `BankList/Bank`: one bank offered by iDEAL or MyBank (CallIdealListS2S,
    /// CallMyBankListS2S). Its code preselects the bank in `Encrypt/paymentTypeDetail`.
    pub struct Bank {
        /// `BankCode`: text, leading zeros matter (`0001`).
        pub bank_code: Option<Text> => "BankCode",
        /// `BankName`: the bank's display name.
        pub bank_name: Option<Text> => "BankName",
    }
}

crate::xml_model! {
    #[unknown]
    /// `ExchangeRates/ExchangeRate`: the rate of one day (callExchangeRateS2S). Note that the
    /// rate itself is a child with the same name as this entry, `ExchangeRate`.
    pub struct ExchangeRateEntry {
        /// `UICCode`: the currency's UIC code (`1` = USD); the JSON shows the ISO code when known.
        pub uic_code: Option<Currency> => "UICCode",
        /// `ISOCode`: ISO 4217 alpha (`USD`).
        pub iso_code: Option<Text> => "ISOCode",
        /// `NumericISOCode`: ISO 4217 numeric (`840`), as text (leading zeros matter).
        pub numeric_iso_code: Option<Text> => "NumericISOCode",
        /// `ExchangeRate`: the rate applied when crediting the merchant in EUR, an exact
        /// decimal written with a decimal comma (`1,0617`).
        pub exchange_rate: Option<Rate> => "ExchangeRate",
        /// `CreditDate`: the day the rate applies to, `DD/MM/YYYY`, kept as text with its
        /// `DateFormat` attribute.
        pub credit_date: Option<CreditDate> => "CreditDate",
    }
}

/// An exchange rate: an exact decimal (never a float), written by the gateway with a decimal
/// comma (`1,0617`).
///
/// The text is kept as received and written back unchanged; [`value`](Rate::value) gives the
/// exact number. Parsing accepts a decimal comma or a decimal point; when a comma is present,
/// dots are taken as thousands separators (`17.000,50`). Equality, ordering and hashing compare
/// values (`1,50 == 1.5`).
#[derive(Clone)]
pub struct Rate {
    text: String,
    value: Amount,
}

impl Rate {
    /// Parses `1,0617`, `1.0617`, `17.000,50`: digits with one decimal separator, at most 9
    /// decimals and 18 digits. Surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Result<Rate> {
        let text = text.trim();
        let bad = || {
            Error::invalid(
                ErrorCode::InvalidFormat,
                "ExchangeRate",
                "expected a decimal number such as `1,0617`",
            )
        };
        let canonical = if text.contains(',') {
            let (int, frac) = text.rsplit_once(',').ok_or_else(bad)?;
            if !valid_thousands(int) {
                return Err(bad());
            }
            format!("{}.{frac}", int.replace('.', ""))
        } else {
            text.to_owned()
        };
        let value = Amount::parse(&canonical).map_err(|_| bad())?;
        Ok(Rate {
            text: text.to_owned(),
            value,
        })
    }

    /// The rate as an exact decimal.
    pub fn value(&self) -> Amount {
        self.value
    }

    /// The text as received (or as built by [`from_value`](Rate::from_value)).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The rate written with a decimal point (`1.0617`).
    pub fn to_decimal_point(&self) -> String {
        self.value.to_string()
    }

    /// A rate of `value`, written the gateway's way (decimal comma).
    pub fn from_value(value: Amount) -> Rate {
        Rate {
            text: value.to_string().replace('.', ","),
            value,
        }
    }
}

/// True for digits optionally grouped by dots in threes (`17.000`), or plain digits.
fn valid_thousands(int: &str) -> bool {
    if !int.contains('.') {
        return true;
    }
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

impl FromStr for Rate {
    type Err = Error;
    fn from_str(text: &str) -> Result<Rate> {
        Rate::parse(text)
    }
}

impl From<Amount> for Rate {
    fn from(value: Amount) -> Rate {
        Rate::from_value(value)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rate({})", self.text)
    }
}

impl PartialEq for Rate {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for Rate {}

impl Hash for Rate {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Rate::parse(&text).map_err(|e| serde::de::Error::custom(e.to_string()))
    }
}

impl XmlText for Rate {
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
        self.text.as_str().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Self::from_xml_cow(text.into())
    }
    fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> std::result::Result<Self, String> {
        Rate::parse(&text).map_err(|_| "expected a decimal number such as `1,0617`".to_owned())
    }
}

crate::xml_text_node!(Rate);

/// `CreditDate`: the day a rate applies to, as text, with the format the gateway declares in an
/// attribute: `<CreditDate DateFormat="DD/MM/YYYY">19/04/2016</CreditDate>` (the only attribute
/// documented in any payload). Both are kept and written back as read: a date without the
/// attribute stays without it.
///
/// [`CreditDate::from`] a `&str` declares the documented format, as the gateway does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditDate {
    /// The date as text (`DD/MM/YYYY`).
    pub date: String,
    /// The attribute `DateFormat`; absent when the element carried none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<DateFormat>,
}

impl CreditDate {
    /// The format the gateway declares.
    pub const FORMAT: &'static str = "DD/MM/YYYY";

    /// The date as text.
    pub fn as_str(&self) -> &str {
        &self.date
    }
}

impl fmt::Display for CreditDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.date)
    }
}

impl From<&str> for CreditDate {
    /// A date in the documented format, declared as the gateway declares it.
    fn from(text: &str) -> Self {
        CreditDate {
            date: text.to_owned(),
            date_format: Some(DateFormat::DdMmYyyy),
        }
    }
}

impl XmlNode for CreditDate {
    fn write_node(&self, w: &mut XmlWriter, name: &'static str) -> Result<()> {
        match &self.date_format {
            Some(format) => {
                w.text_element_with(name, &[("DateFormat", format.as_str())], &self.date)
            }
            None => w.text_element(name, &self.date),
        }
    }
    fn read_node<'a>(r: &mut XmlReader<'a>, child: &Child<'a>) -> Result<Option<Self>> {
        let date_format = r
            .attributes(child)?
            .into_iter()
            .find(|a| a.name == "DateFormat")
            .map(|a| DateFormat::from(a.value.as_str()));
        let date: Option<String> = crate::xml::read_text_node(r, child)?;
        Ok(match (date, date_format) {
            (None, None) => None,
            (date, date_format) => Some(CreditDate {
                date: date.unwrap_or_default(),
                date_format,
            }),
        })
    }
    fn owns_attribute(name: &str) -> bool {
        name == "DateFormat"
    }
}

/// The `DateFormat` attribute of `CreditDate`: the documented `DD/MM/YYYY`, or any other
/// value, kept as received.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DateFormat {
    /// `DD/MM/YYYY`: day, month, four-digit year.
    DdMmYyyy,
    /// A value this version of the library does not know, kept as received.
    Other(String),
}

impl DateFormat {
    /// The value as written on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            DateFormat::DdMmYyyy => CreditDate::FORMAT,
            DateFormat::Other(value) => value,
        }
    }

    /// True for every variant but `Other`.
    pub fn is_known(&self) -> bool {
        !matches!(self, DateFormat::Other(_))
    }
}

impl From<&str> for DateFormat {
    fn from(value: &str) -> Self {
        match value {
            CreditDate::FORMAT => DateFormat::DdMmYyyy,
            other => DateFormat::Other(other.to_owned()),
        }
    }
}

impl fmt::Display for DateFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DateFormat {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DateFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(DateFormat::from(String::deserialize(d)?.as_str()))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DateFormat {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("DateFormat")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::schema::string(
            "The format `CreditDate` declares (`DD/MM/YYYY`); other values are kept.",
            &[CreditDate::FORMAT],
            None,
        )
    }
}
