//! Every named message type chosen at run time, and reading a value *inside* one without
//! copying the rest: what lets a binding hand out objects backed by the core's own values,
//! converting a field only when it is read.
//!
//! ```
//! use gestpay::dynamic::{Step, model_from_value, serialize_at};
//!
//! # fn main() -> gestpay::Result<()> {
//! let value = serde_json::json!({"productDetails": [{"productCode": "A1", "quantity": "2"}]});
//! let details = model_from_value("OrderDetails", &value)?;
//! let path = [Step::Key("productDetails"), Step::Index(0), Step::Key("productCode")];
//! let code = serialize_at(details.as_serialize(), &path, serde_json::value::Serializer);
//! assert_eq!(code.unwrap(), Some(serde_json::json!("A1")));
//! # Ok(()) }
//! ```

use std::fmt;

use serde::ser::{self, Serialize, Serializer};
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

/// Serialises, into `target`, only the value found at `path` inside `value`: the fields and
/// items on the way are passed over without being converted. `Ok(None)` when nothing is there
/// (an absent field, an index past the end, a step into a leaf). An empty path serialises
/// `value` itself.
pub fn serialize_at<S: Serializer>(
    value: &dyn erased_serde::Serialize,
    path: &[Step<'_>],
    target: S,
) -> std::result::Result<Option<S::Ok>, S::Error> {
    if path.is_empty() {
        return erased_serde::serialize(value, target).map(Some);
    }
    erased_serde::serialize(value, At { path, target })
}

/// [`serialize_at`] on a typed value.
fn descend<T: Serialize + ?Sized, S: Serializer>(
    value: &T,
    path: &[Step<'_>],
    target: S,
) -> std::result::Result<Option<S::Ok>, S::Error> {
    if path.is_empty() {
        value.serialize(target).map(Some)
    } else {
        value.serialize(At { path, target })
    }
}

/// The serializer that walks a non-empty path: structs and lists look for their step, every
/// other shape answers "not here".
struct At<'p, 'k, S> {
    path: &'p [Step<'k>],
    target: S,
}

/// Walking a struct or a list: the step's value once found (`found`), every other one skipped.
struct Walk<'p, 'k, S: Serializer> {
    rest: &'p [Step<'k>],
    step: Step<'k>,
    index: usize,
    target: Option<S>,
    found: Option<S::Ok>,
}

impl<'p, 'k, S: Serializer> Walk<'p, 'k, S> {
    fn new(at: At<'p, 'k, S>) -> Self {
        Walk {
            rest: &at.path[1..],
            step: at.path[0],
            index: 0,
            target: Some(at.target),
            found: None,
        }
    }

    fn visit<T: Serialize + ?Sized>(
        &mut self,
        here: Step<'_>,
        value: &T,
    ) -> std::result::Result<(), S::Error> {
        if here == self.step
            && let Some(target) = self.target.take()
        {
            self.found = descend(value, self.rest, target)?;
        }
        Ok(())
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> std::result::Result<(), S::Error> {
        let here = Step::Index(self.index);
        self.index += 1;
        self.visit(here, value)
    }
}

macro_rules! not_here {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> std::result::Result<Self::Ok, Self::Error> {
            Ok(None)
        }
    )*};
}

impl<'p, 'k, S: Serializer> Serializer for At<'p, 'k, S> {
    type Ok = Option<S::Ok>;
    type Error = S::Error;
    type SerializeSeq = Walk<'p, 'k, S>;
    type SerializeTuple = Walk<'p, 'k, S>;
    type SerializeTupleStruct = Walk<'p, 'k, S>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, S::Error>;
    type SerializeMap = ser::Impossible<Self::Ok, S::Error>;
    type SerializeStruct = Walk<'p, 'k, S>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, S::Error>;

    not_here! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(
        self,
        value: &T,
    ) -> std::result::Result<Self::Ok, S::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> std::result::Result<Self::Ok, S::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> std::result::Result<Self::Ok, S::Error> {
        Ok(None)
    }
    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Self::SerializeSeq, S::Error> {
        Ok(Walk::new(self))
    }
    fn serialize_tuple(self, _: usize) -> std::result::Result<Self::SerializeTuple, S::Error> {
        Ok(Walk::new(self))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Walk::new(self))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, S::Error> {
        Err(ser::Error::custom("no message type is an enum with fields"))
    }
    fn serialize_map(self, _: Option<usize>) -> std::result::Result<Self::SerializeMap, S::Error> {
        Err(ser::Error::custom("no message type is a map"))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStruct, S::Error> {
        Ok(Walk::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, S::Error> {
        Err(ser::Error::custom("no message type is an enum with fields"))
    }
}

impl<S: Serializer> ser::SerializeStruct for Walk<'_, '_, S> {
    type Ok = Option<S::Ok>;
    type Error = S::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> std::result::Result<(), S::Error> {
        self.visit(Step::Key(key), value)
    }
    fn end(self) -> std::result::Result<Self::Ok, S::Error> {
        Ok(self.found)
    }
}

macro_rules! walk_items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<S: Serializer> ser::$trait for Walk<'_, '_, S> {
            type Ok = Option<S::Ok>;
            type Error = S::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> std::result::Result<(), S::Error> {
                self.item(value)
            }
            fn end(self) -> std::result::Result<Self::Ok, S::Error> {
                Ok(self.found)
            }
        }
    )*};
}

walk_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);
