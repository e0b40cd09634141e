//! Models used only by WsS2S operations (docs/protocol.md §4.8, §4.9, §4.14, §4.15, §4.19):
//! wallets, card-present data, marketplace splits, settlement fulfilment and refund products.

use crate::Secret;
use crate::Text;
use crate::models::ProductDetail;

crate::xml_model! {
    /// `applePay` (type `ApplePayRequest`): an Apple Pay payment; no card or token data is sent with it.
    ///
    /// The G-only `PKPaymentToken` element (an anonymous type of unknown content, between
    /// `applePayPKPaymentToken` and `onlinePaymentCryptogram`) is not modelled; send the token
    /// as JSON text in `applePayPKPaymentToken`.
    pub struct ApplePayRequest {
        /// `applePayPKPaymentToken`: the Apple Pay payment token as UTF-8 JSON text (secret).
        pub apple_pay_pk_payment_token: Option<Secret> => "applePayPKPaymentToken",
        /// `onlinePaymentCryptogram`: the payment cryptogram (secret).
        pub online_payment_cryptogram: Option<Secret> => "onlinePaymentCryptogram",
        /// `eciIndicator`: electronic commerce indicator.
        pub eci_indicator: Option<Text> => "eciIndicator",
        /// `requestToken`: asks for a token of the card (as `callPagamS2S/requestToken`).
        pub request_token: Option<Text> => "requestToken",
        /// `token`: a token value (secret).
        pub token: Option<Secret> => "token",
    }
}

crate::xml_model! {
    /// `googlePay` (type `GooglePayRequest`): a Google Pay payment (undocumented).
    pub struct GooglePayRequest {
        /// `tokenizationData`: the Google Pay payment token.
        pub tokenization_data: Option<TokenizationData> => "tokenizationData",
    }
}

crate::xml_model! {
    /// `tokenizationData` (type `TokenizationData`): the token of a Google Pay payment.
    pub struct TokenizationData {
        /// `token`: the Google Pay payment token (secret).
        pub token: Option<Secret> => "token",
    }
}

crate::xml_model! {
    /// `paymentDeviceDetails` (type `PaymentDeviceDetails`): the card-present terminal (undocumented).
    pub struct PaymentDeviceDetails {
        /// `TerminalId`: terminal id.
        pub terminal_id: Option<Text> => "TerminalId",
    }
}

crate::xml_model! {
    /// `cardReaderPayments` (type `CardReaderPayments`): a card read by an mPOS reader (undocumented).
    pub struct CardReaderPayments {
        /// `deviceName`: the reader's name.
        pub device_name: Option<Text> => "deviceName",
        /// `deviceProvidedInfo`: what the reader read.
        pub device_provided_info: Option<DeviceProvidedInfo> => "deviceProvidedInfo",
        /// `buyerSignature`: the buyer's signature.
        pub buyer_signature: Option<Text> => "buyerSignature",
    }
}

crate::xml_model! {
    /// `deviceProvidedInfo` (type `DeviceProvidedInfo`): the reader's output.
    pub struct DeviceProvidedInfo {
        /// `deviceID`: the reader's id.
        pub device_id: Option<Text> => "deviceID",
        /// `ksn`: key serial number of the encrypted card data (secret).
        pub ksn: Option<Secret> => "ksn",
        /// `cardData`: the card tracks.
        pub card_data: Option<CardData> => "cardData",
    }
}

crate::xml_model! {
    /// `cardData` (type `CardData`): the magnetic tracks read from the card.
    pub struct CardData {
        /// `track1`: track 1 (secret).
        pub track1: Option<Secret> => "track1",
        /// `track2`: track 2 (secret).
        pub track2: Option<Secret> => "track2",
        /// `cardHolderName`: cardholder name.
        pub card_holder_name: Option<Text> => "cardHolderName",
    }
}

crate::xml_model! {
    /// `marketPlace` (type `Marketplace`, undocumented): marketplace split payment.
    pub struct Marketplace {
        /// `mkpType`: marketplace operation type.
        pub mkp_type: Option<Text> => "mkpType",
        /// `mkpRefMaster`: reference to the master payment.
        pub mkp_ref_master: Option<RefMaster> => "mkpRefMaster",
        /// `mkpSplits/mkpSplit*`: the splits among sub-merchants.
        pub mkp_splits: Vec<MkpSplit> => "mkpSplits" / "mkpSplit",
    }
}

crate::xml_model! {
    /// `mkpRefMaster` (type `RefMaster`): the master payment of a marketplace split.
    pub struct RefMaster {
        /// `mkpBankId`: bank transaction id of the master payment.
        pub mkp_bank_id: Option<Text> => "mkpBankId",
        /// `mkpPaymentId`: payment id of the master payment.
        pub mkp_payment_id: Option<Text> => "mkpPaymentId",
    }
}

crate::xml_model! {
    /// `mkpSplit` (type `MkpSplit`): one share of a marketplace split.
    pub struct MkpSplit {
        /// `mkpSubMerchant`: the sub-merchant.
        pub mkp_sub_merchant: Option<Text> => "mkpSubMerchant",
    }
}

crate::xml_model! {
    /// `FullFillment` of `callSettleS2S` (type `FullFillmentDetails`): what was shipped (Riskified, Klarna).
    pub struct FullFillmentDetails {
        /// `FullFillmentlst/FullfillmentDetail*`: the fulfilments (spellings as in the schema).
        pub full_fillment_lst: Vec<FullfillmentDetail> => "FullFillmentlst" / "FullfillmentDetail",
    }
}

crate::xml_model! {
    /// `FullfillmentDetail` (type `FullfillmentDetail`): one fulfilment.
    pub struct FullfillmentDetail {
        /// `Status`: `success`, `cancelled`, `error` or `failure`.
        pub status: Option<Text> => "Status",
        /// `ProductDetails`*: the products, each element one product, repeated directly (no wrapper).
        pub product_details: Vec<ProductDetail> => "ProductDetails",
        /// `TrackingCompany`: the carrier.
        pub tracking_company: Option<Text> => "TrackingCompany",
        /// `TrackingNumbers`: tracking numbers.
        pub tracking_numbers: Option<Text> => "TrackingNumbers",
        /// `TrackingUrls`: tracking URLs.
        pub tracking_urls: Option<Text> => "TrackingUrls",
        /// `Message`: a message about the fulfilment.
        pub message: Option<Text> => "Message",
        /// `Receipt`: receipt data.
        pub receipt: Option<Text> => "Receipt",
    }
}

crate::xml_model! {
    /// `OrderDetail` of `callRefundS2S` (type `RefundProductDetail`): the products refunded (Klarna).
    pub struct RefundProductDetail {
        /// `ProductDetails/ProductDetail*`: the products refunded.
        pub product_details: Vec<ProductDetail> => "ProductDetails" / "ProductDetail",
    }
}
