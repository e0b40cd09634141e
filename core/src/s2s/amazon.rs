//! Amazon Pay's `OrderReferenceDetails` (docs/protocol.md §5.5), returned by callReadTrxS2S for
//! transactions paid with Amazon Pay: the shipping address chosen in Amazon's address book, the
//! billing address of the wallet's payment method, the buyer, the order total and the state of
//! the order reference.
//!
//! The element mirrors Amazon's own `OrderReferenceDetails`, so every child Amazon documents is
//! modelled even where the gateway's example shows fewer (`AddressLine3`, `County`, `District`,
//! the status' reason, the buyer's phone); anything else is kept as an unknown element.
//! Timestamps are ISO 8601 text, kept as received.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Text;
use crate::address::Address;
use crate::amount::Amount;
use crate::error::{Error, ErrorCode, Result};
use crate::xml::{Child, XmlField, XmlReader, XmlText, XmlWriter};

crate::xml_model! {
    #[unknown]
    /// `OrderReferenceDetails`: Amazon Pay's order reference, as Amazon returned it to the
    /// gateway. Use [`addresses`](OrderReferenceDetails::addresses) (or
    /// `GestPayS2S::amazon_addresses`) for the normalised shipping and billing addresses.
    pub struct OrderReferenceDetails {
        /// `OrderReferenceStatus`: the state of the order reference.
        pub order_reference_status: Option<OrderReferenceStatus> => "OrderReferenceStatus",
        /// `OrderLanguage`: e.g. `it-IT`.
        pub order_language: Option<Text> => "OrderLanguage",
        /// `Destination`: where the goods go (the address chosen in the AddressBook widget).
        pub destination: Option<Destination> => "Destination",
        /// `ExpirationTimestamp`: ISO 8601 UTC.
        pub expiration_timestamp: Option<Text> => "ExpirationTimestamp",
        /// `IdList`: ids of the authorisations, billing agreements … attached (texts of the
        /// children, usually `member`).
        pub id_list: IdList => "IdList",
        /// `SellerOrderAttributes`: the merchant's own order data.
        pub seller_order_attributes: Option<SellerOrderAttributes> => "SellerOrderAttributes",
        /// `OrderTotal`: currency and amount of the order.
        pub order_total: Option<OrderTotal> => "OrderTotal",
        /// `Buyer`: `Name`, `Email`, `Phone` (not the gateway's top-level `Buyer`).
        pub buyer: Option<AmazonBuyer> => "Buyer",
        /// `ReleaseEnvironment`: `Live` or `Sandbox`.
        pub release_environment: Option<Text> => "ReleaseEnvironment",
        /// `AmazonOrderReferenceId`: e.g. `S02-0319513-4657042`.
        pub amazon_order_reference_id: Option<Text> => "AmazonOrderReferenceId",
        /// `CreationTimestamp`: ISO 8601 UTC.
        pub creation_timestamp: Option<Text> => "CreationTimestamp",
        /// `BillingAddress`: the billing address of the wallet's payment method.
        pub billing_address: Option<AmazonBillingAddress> => "BillingAddress",
        /// `RequestPaymentAuthorization`: `true` / `false`, as text (see
        /// [`requests_payment_authorization`](OrderReferenceDetails::requests_payment_authorization)).
        pub request_payment_authorization: Option<Text> => "RequestPaymentAuthorization",
    }
}

crate::xml_model! {
    #[unknown]
    /// `OrderReferenceStatus`: the state of the order reference, and why it changed.
    pub struct OrderReferenceStatus {
        /// `State`: `Draft`, `Open`, `Suspended`, `Canceled`, `Closed` (other values kept).
        pub state: Option<OrderReferenceState> => "State",
        /// `LastUpdateTimestamp`: ISO 8601 UTC.
        pub last_update_timestamp: Option<Text> => "LastUpdateTimestamp",
        /// `ReasonCode`: why the state changed (e.g. `InvalidPaymentMethod`, `Expired`).
        pub reason_code: Option<Text> => "ReasonCode",
        /// `ReasonDescription`: the reason, in words.
        pub reason_description: Option<Text> => "ReasonDescription",
    }
}

crate::xml_model! {
    #[unknown]
    /// `Destination`: the shipping destination.
    pub struct Destination {
        /// `DestinationType`: `Physical`.
        pub destination_type: Option<Text> => "DestinationType",
        /// `PhysicalDestination`: the shipping address.
        pub physical_destination: Option<AmazonAddress> => "PhysicalDestination",
    }
}

crate::xml_model! {
    #[unknown]
    /// Amazon's `Address` type (`PhysicalDestination`, `PhysicalAddress`). Convert it with
    /// [`Address::from`] for a normalised address (empty parts become `None`).
    pub struct AmazonAddress {
        /// `Name`: the addressee.
        pub name: Option<Text> => "Name",
        /// `AddressLine1`.
        pub address_line1: Option<Text> => "AddressLine1",
        /// `AddressLine2`.
        pub address_line2: Option<Text> => "AddressLine2",
        /// `AddressLine3`.
        pub address_line3: Option<Text> => "AddressLine3",
        /// `City`.
        pub city: Option<Text> => "City",
        /// `County`.
        pub county: Option<Text> => "County",
        /// `District`.
        pub district: Option<Text> => "District",
        /// `StateOrRegion`: e.g. the Italian province (`BI`).
        pub state_or_region: Option<Text> => "StateOrRegion",
        /// `PostalCode`.
        pub postal_code: Option<Text> => "PostalCode",
        /// `CountryCode`: ISO 3166 alpha-2.
        pub country_code: Option<Text> => "CountryCode",
        /// `Phone`.
        pub phone: Option<Text> => "Phone",
    }
}

crate::xml_model! {
    #[unknown]
    /// `SellerOrderAttributes`: the merchant's data attached to the order reference.
    pub struct SellerOrderAttributes {
        /// `SellerOrderId`: the merchant's order id.
        pub seller_order_id: Option<Text> => "SellerOrderId",
        /// `StoreName`: the store's name shown to the buyer.
        pub store_name: Option<Text> => "StoreName",
        /// `CustomInformation`: free text.
        pub custom_information: Option<Text> => "CustomInformation",
        /// `SellerNote`: the note shown to the buyer.
        pub seller_note: Option<Text> => "SellerNote",
    }
}

crate::xml_model! {
    #[unknown]
    /// `OrderTotal`: the order's total.
    pub struct OrderTotal {
        /// `CurrencyCode`: ISO 4217 alpha (`EUR`), as text.
        pub currency_code: Option<Text> => "CurrencyCode",
        /// `Amount`: exact decimal.
        pub amount: Option<Amount> => "Amount",
    }
}

crate::xml_model! {
    #[unknown]
    /// `OrderReferenceDetails/Buyer`: the Amazon account holder (children `Name`, `Email`,
    /// `Phone`, unlike the gateway's top-level `Buyer`).
    pub struct AmazonBuyer {
        /// `Name`.
        pub name: Option<Text> => "Name",
        /// `Email`.
        pub email: Option<Text> => "Email",
        /// `Phone`.
        pub phone: Option<Text> => "Phone",
    }
}

crate::xml_model! {
    #[unknown]
    /// `OrderReferenceDetails/BillingAddress`: the billing address of the payment method.
    pub struct AmazonBillingAddress {
        /// `AddressType`: `Physical`.
        pub address_type: Option<Text> => "AddressType",
        /// `PhysicalAddress`: the address.
        pub physical_address: Option<AmazonAddress> => "PhysicalAddress",
    }
}

/// The state of an Amazon order reference (`OrderReferenceStatus/State`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OrderReferenceState {
    /// `Draft`: not confirmed yet.
    Draft,
    /// `Open`: confirmed; authorisations can be requested.
    Open,
    /// `Suspended`: a problem with the payment method; no authorisation possible for now.
    Suspended,
    /// `Canceled`: cancelled (one `l`, as Amazon spells it).
    Canceled,
    /// `Closed`: no more authorisations possible.
    Closed,
    /// A value this version of the library does not know, kept as received.
    Other(String),
}

impl OrderReferenceState {
    /// The documented states, in Amazon's order (every variant but `Other`).
    pub const KNOWN: [OrderReferenceState; 5] = [
        OrderReferenceState::Draft,
        OrderReferenceState::Open,
        OrderReferenceState::Suspended,
        OrderReferenceState::Canceled,
        OrderReferenceState::Closed,
    ];

    /// The value as written on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            OrderReferenceState::Draft => "Draft",
            OrderReferenceState::Open => "Open",
            OrderReferenceState::Suspended => "Suspended",
            OrderReferenceState::Canceled => "Canceled",
            OrderReferenceState::Closed => "Closed",
            OrderReferenceState::Other(value) => value,
        }
    }

    /// True for every variant but `Other`.
    pub fn is_known(&self) -> bool {
        !matches!(self, OrderReferenceState::Other(_))
    }
}

impl From<&str> for OrderReferenceState {
    fn from(value: &str) -> Self {
        match value {
            "Draft" => OrderReferenceState::Draft,
            "Open" => OrderReferenceState::Open,
            "Suspended" => OrderReferenceState::Suspended,
            "Canceled" => OrderReferenceState::Canceled,
            "Closed" => OrderReferenceState::Closed,
            other => OrderReferenceState::Other(other.to_owned()),
        }
    }
}

impl fmt::Display for OrderReferenceState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for OrderReferenceState {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderReferenceState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(d).map(|s| OrderReferenceState::from(s.as_str()))
    }
}

impl XmlText for OrderReferenceState {
    fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
        self.as_str().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Ok(OrderReferenceState::from(text.trim()))
    }
    fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> std::result::Result<Self, String> {
        Ok(OrderReferenceState::from(text.trim()))
    }
}

crate::xml_text_node!(OrderReferenceState);

/// `IdList`: the texts of its children (Amazon writes them as `<member>`), in order. Children
/// of any name are read; they are written back as `member`. Empty children are left out, and an
/// empty list is not written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct IdList(pub Vec<String>);

impl std::ops::Deref for IdList {
    type Target = Vec<String>;
    fn deref(&self) -> &Vec<String> {
        &self.0
    }
}

impl crate::xml::Absent for IdList {
    fn is_absent(&self) -> bool {
        self.0.is_empty()
    }
}

impl XmlField for IdList {
    fn write_field(
        &self,
        w: &mut XmlWriter,
        name: &'static str,
        _: Option<&'static str>,
    ) -> Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        w.start(name)?;
        for id in &self.0 {
            w.text_element("member", id)?;
        }
        w.end(name)
    }

    fn read_field<'a>(
        &mut self,
        r: &mut XmlReader<'a>,
        child: &Child<'a>,
        _: Option<&'static str>,
    ) -> Result<()> {
        if child.empty {
            return Ok(());
        }
        const MAX_IDS: usize = 1024;
        while let Some(c) = r.next_child()? {
            let text = r.read_all_text(&c)?;
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if self.0.len() >= MAX_IDS {
                return Err(Error::malformed_at(
                    ErrorCode::TooLarge,
                    "IdList",
                    format!("more than {MAX_IDS} ids"),
                ));
            }
            self.0.push(text.to_owned());
        }
        Ok(())
    }

    fn check_field(
        &self,
        _: &mut crate::validate::Check,
        _: &str,
        _: &str,
        _: Option<&str>,
        _: Option<usize>,
    ) {
    }
}

/// The answer to "where do I ship, and whom do I bill" for an Amazon Pay transaction (from
/// callReadTrxS2S, step 4 of the Amazon Pay flow): see `GestPayS2S::amazon_addresses`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AmazonAddresses {
    /// Where to ship: `Destination/PhysicalDestination`, normalised (absent when the answer has
    /// none or an empty one — e.g. non-shippable goods with the address widget disabled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Address>,
    /// Whom to bill: `BillingAddress/PhysicalAddress`, normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<Address>,
    /// The buyer's name: Amazon's `Buyer/Name`, else the gateway's `Buyer/BuyerName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// The buyer's e-mail: Amazon's `Buyer/Email`, else the gateway's `Buyer/BuyerEmail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// The buyer's phone: Amazon's `Buyer/Phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_phone: Option<String>,
}

impl OrderReferenceDetails {
    /// The shipping and billing addresses and the buyer, normalised (empty parts are `None`).
    pub fn addresses(&self) -> AmazonAddresses {
        let address = |a: Option<&AmazonAddress>| a.map(Address::from).filter(|a| !a.is_empty());
        let buyer = self.buyer.as_ref();
        AmazonAddresses {
            shipping: address(
                self.destination
                    .as_ref()
                    .and_then(|d| d.physical_destination.as_ref()),
            ),
            billing: address(
                self.billing_address
                    .as_ref()
                    .and_then(|b| b.physical_address.as_ref()),
            ),
            buyer_name: crate::address::clean(buyer.and_then(|b| b.name.as_deref())),
            buyer_email: crate::address::clean(buyer.and_then(|b| b.email.as_deref())),
            buyer_phone: crate::address::clean(buyer.and_then(|b| b.phone.as_deref())),
        }
    }

    /// The state of the order reference, when sent.
    pub fn state(&self) -> Option<&OrderReferenceState> {
        self.order_reference_status.as_ref()?.state.as_ref()
    }

    /// `RequestPaymentAuthorization` as a boolean (`true`/`false`, any case), when sent and
    /// valid.
    pub fn requests_payment_authorization(&self) -> Option<bool> {
        let text = self.request_payment_authorization.as_deref()?.trim();
        if text.eq_ignore_ascii_case("true") {
            Some(true)
        } else if text.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            None
        }
    }
}
