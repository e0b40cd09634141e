//! Every named message type chosen at run time, and the path of a value *inside* one: what lets
//! a binding hand out objects backed by the core's own values, each field read (by
//! [`leaf_at`](super::leaf_at)) only when it is read.

use std::fmt;

use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};

/// A value of one of the named message types ([`MODEL_NAMES`]) held without its type.
pub trait AnyModel: fmt::Debug + Send + Sync {
    /// The type's name, as in the schema (`ShippingDetails`).
    fn type_name(&self) -> &'static str;
    /// The value as a serde value, for any serializer.
    fn as_serialize(&self) -> &dyn erased_serde::Serialize;
    /// The value itself, to downcast to its type.
    fn as_any(&self) -> &dyn std::any::Any;
}

macro_rules! models {
    ($($name:ident => $path:path),* $(,)?) => {
        /// The name of every message type that is not an operation's request or result: the
        /// nested models, and the values the core derives (`Address`, `AmazonAddresses`,
        /// `Callback`, `SoapFault` and its parts).
        pub const MODEL_NAMES: &[&str] = &[$(stringify!($name)),*];

        $(
            impl AnyModel for $path {
                fn type_name(&self) -> &'static str {
                    stringify!($name)
                }
                fn as_serialize(&self) -> &dyn erased_serde::Serialize {
                    self
                }
                fn as_any(&self) -> &dyn std::any::Any {
                    self
                }
            }
        )*

        /// A value of the named type from the core's JSON shape, read with the input contract
        /// ([`json`](super::json)); an unknown name is `unknown_field` on `type`.
        pub fn model_from_value(type_name: &str, value: &Value) -> Result<Box<dyn AnyModel>> {
            match type_name {
                $(stringify!($name) => Ok(Box::new(super::json::from_json_value::<$path>(value, type_name)?)),)*
                _ => Err(Error::invalid(
                    ErrorCode::UnknownField,
                    "type",
                    "no message type has this name",
                )),
            }
        }
    };
}

models! {
    AccommodationDetail => crate::models::AccommodationDetail,
    AccountInfo => crate::models::AccountInfo,
    Address => crate::address::Address,
    AmazonAddress => crate::s2s::AmazonAddress,
    AmazonAddresses => crate::s2s::AmazonAddresses,
    AmazonBillingAddress => crate::s2s::AmazonBillingAddress,
    AmazonBuyer => crate::s2s::AmazonBuyer,
    ApplePayRequest => crate::models::ApplePayRequest,
    AuthenticationResult => crate::payload::AuthenticationResult,
    Bank => crate::s2s::Bank,
    BillingAddress => crate::models::BillingAddress,
    Buyer => crate::payload::Buyer,
    BuyerDetails => crate::models::BuyerDetails,
    Callback => crate::payment_page::Callback,
    CardData => crate::models::CardData,
    CardHolder => crate::models::CardHolder,
    CardReaderPayments => crate::models::CardReaderPayments,
    ChildAttributes => crate::xml::ChildAttributes,
    ConselCustomerInfo => crate::models::ConselCustomerInfo,
    CreditDate => crate::s2s::CreditDate,
    CustomParameter => crate::custom_info::CustomParameter,
    CustomerDetail => crate::models::CustomerDetail,
    CustomerSocial => crate::models::CustomerSocial,
    Destination => crate::s2s::Destination,
    DeviceProvidedInfo => crate::models::DeviceProvidedInfo,
    DigitalGiftCardDetails => crate::models::DigitalGiftCardDetails,
    DiscountCode => crate::models::DiscountCode,
    EncryptThreeDsContainer => crate::models::EncryptThreeDsContainer,
    EncryptTransDetails => crate::models::EncryptTransDetails,
    Event => crate::s2s::Event,
    ExchangeRateEntry => crate::s2s::ExchangeRateEntry,
    FaultCode => crate::soap::FaultCode,
    FaultReason => crate::soap::FaultReason,
    FraudPrevention => crate::models::FraudPrevention,
    FullFillmentDetails => crate::models::FullFillmentDetails,
    FullfillmentDetail => crate::models::FullfillmentDetail,
    GestPayS2S => crate::s2s::GestPayS2S,
    GooglePayRequest => crate::models::GooglePayRequest,
    InAppChallenge => crate::payload::InAppChallenge,
    KeptAttribute => crate::xml::KeptAttribute,
    Marketplace => crate::models::Marketplace,
    MerchantRiskIndicator => crate::models::MerchantRiskIndicator,
    MkpSplit => crate::models::MkpSplit,
    OrderDetails => crate::models::OrderDetails,
    OrderReferenceDetails => crate::s2s::OrderReferenceDetails,
    OrderReferenceStatus => crate::s2s::OrderReferenceStatus,
    OrderTotal => crate::s2s::OrderTotal,
    PassengerDetail => crate::models::PassengerDetail,
    PaymentDeviceDetails => crate::models::PaymentDeviceDetails,
    PaymentTypeDetail => crate::models::PaymentTypeDetail,
    PreviousTransDetails => crate::models::PreviousTransDetails,
    ProductDetail => crate::models::ProductDetail,
    ProfileDetails => crate::models::ProfileDetails,
    Recipient => crate::models::Recipient,
    RecurringTransaction => crate::models::RecurringTransaction,
    RedBillingInfo => crate::models::RedBillingInfo,
    RedCustomInfo => crate::models::RedCustomInfo,
    RedCustomerData => crate::models::RedCustomerData,
    RedCustomerInfo => crate::models::RedCustomerInfo,
    RedItem => crate::models::RedItem,
    RedItems => crate::models::RedItems,
    RedShippingInfo => crate::models::RedShippingInfo,
    RefMaster => crate::models::RefMaster,
    RefundProductDetail => crate::models::RefundProductDetail,
    Risk => crate::payload::Risk,
    SellerOrderAttributes => crate::s2s::SellerOrderAttributes,
    ShippingAddress => crate::models::ShippingAddress,
    ShippingDetails => crate::models::ShippingDetails,
    ShippingLine => crate::models::ShippingLine,
    SoapFault => crate::soap::SoapFault,
    ThreeDs => crate::payload::ThreeDs,
    ThreeDsAddress => crate::models::ThreeDsAddress,
    ThreeDsAuthResult => crate::models::ThreeDsAuthResult,
    ThreeDsContainer => crate::models::ThreeDsContainer,
    ThreeDsTransDetailsResult => crate::payload::ThreeDsTransDetailsResult,
    TokenizationData => crate::models::TokenizationData,
    TransDetails => crate::models::TransDetails,
    TravelTicketDetail => crate::models::TravelTicketDetail,
    UnknownElement => crate::xml::UnknownElement,
    Vbv => crate::payload::Vbv,
    XmlAttribute => crate::soap::XmlAttribute,
    XmlElement => crate::soap::XmlElement,
}

/// One step into a value: a field by its JSON key, or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The field with this key (camelCase, as in the JSON shape).
    Key(&'a str),
    /// The item at this index.
    Index(usize),
}
