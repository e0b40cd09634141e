//! Nested request models shared by several operations (docs/protocol.md §4).

mod legacy;
mod order_details;
mod payment;
mod s2s_models;
mod shipping;
mod three_ds;

pub use legacy::{
    ConselCustomerInfo, RedBillingInfo, RedCustomInfo, RedCustomerData, RedCustomerInfo, RedItem,
    RedItems, RedShippingInfo,
};
pub use order_details::{
    AccommodationDetail, BillingAddress, CustomerDetail, CustomerSocial, DigitalGiftCardDetails,
    DiscountCode, FraudPrevention, OrderDetails, PassengerDetail, ProductDetail, Recipient,
    ShippingAddress, ShippingLine, TravelTicketDetail,
};
pub use payment::PaymentTypeDetail;
pub use s2s_models::{
    ApplePayRequest, CardData, CardReaderPayments, DeviceProvidedInfo, FullFillmentDetails,
    FullfillmentDetail, GooglePayRequest, Marketplace, MkpSplit, PaymentDeviceDetails, RefMaster,
    RefundProductDetail, TokenizationData,
};
pub use shipping::ShippingDetails;
pub use three_ds::{
    AccountInfo, BuyerDetails, CardHolder, EncryptThreeDsContainer, EncryptTransDetails,
    MerchantRiskIndicator, PreviousTransDetails, ProfileDetails, RecurringTransaction,
    ThreeDsAddress, ThreeDsAuthResult, ThreeDsContainer, TransDetails,
};
