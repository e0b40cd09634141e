//! `Encrypt` (docs/protocol.md §2.1): register the payment and obtain the string that opens the
//! payment page.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Text;
use crate::amount::Amount;
use crate::codes::{Currency, Language, PaymentType};
use crate::cryptdecrypt::EncryptResult;
use crate::custom_info::CustomInfo;
use crate::error::{ErrorCode, Result};
use crate::message::Request;
use crate::models::{
    ConselCustomerInfo, EncryptTransDetails, OrderDetails, PaymentTypeDetail, RedBillingInfo,
    RedCustomInfo, RedCustomerData, RedCustomerInfo, RedItems, RedShippingInfo, ShippingDetails,
};
use crate::secret::Secret;
use crate::soap::Operation;
use crate::validate::Check;
use crate::xml::XmlModel;

crate::xml_model! {
    /// The `Encrypt` request. Build it with [`Encrypt::new`] and the setters, or fill the public
    /// fields; fields are in wire (WSDL) order.
    pub struct Encrypt {
        /// `shopLogin` (30, mandatory): the merchant code.
        pub shop_login: Text => "shopLogin" [max 30],
        /// `uicCode` (mandatory): the currency.
        pub uic_code: Option<Currency> => "uicCode",
        /// `amount` (9, mandatory): at most 2 decimals, none in a currency without a minor unit
        /// (JPY).
        pub amount: Option<Amount> => "amount",
        /// `shopTransactionId` (50, mandatory): the merchant's order id; must be unique for
        /// Amazon Pay (uniqueness is the caller's responsibility: this library keeps no state).
        pub shop_transaction_id: Text => "shopTransactionId" [max 50],
        /// `cardNumber` (digits only, 12 to 20, when given): legacy, not in current docs.
        pub card_number: Option<Secret> => "cardNumber" [max 20],
        /// `expiryMonth` (`01`–`12` when given): legacy.
        pub expiry_month: Option<Secret> => "expiryMonth",
        /// `expiryYear` (two digits when given): legacy.
        pub expiry_year: Option<Secret> => "expiryYear",
        /// `buyerName` (50).
        pub buyer_name: Option<Text> => "buyerName" [max 50],
        /// `buyerEmail` (50).
        pub buyer_email: Option<Text> => "buyerEmail" [max 50],
        /// `languageId`: the payment page's language.
        pub language_id: Option<Language> => "languageId",
        /// `cvv` (3 or 4 digits when given): legacy.
        pub cvv: Option<Secret> => "cvv" [max 4],
        /// `customInfo` (1000): the merchant's parameters.
        pub custom_info: Option<CustomInfo> => "customInfo" [max 1000],
        /// `requestToken` (25): ask for a card token.
        pub request_token: Option<RequestToken> => "requestToken",
        /// `ppSellerProtection`: `1` for PayPal seller protection (needs `shippingDetails`).
        pub pp_seller_protection: Option<Text> => "ppSellerProtection",
        /// `transKey`: present in the 2021 WSDL only; undocumented for Encrypt.
        pub trans_key: Option<Text> => "transKey",
        /// `shippingDetails`.
        pub shipping_details: Option<ShippingDetails> => "shippingDetails",
        /// `paymentTypes/paymentType`: the methods shown; one entry jumps straight to it. Codes of
        /// the table, or marked [`PaymentType::unlisted`].
        pub payment_types: Vec<PaymentType> => "paymentTypes" / "paymentType" [max 25],
        /// `paymentTypeDetail`: MyBank / iDEAL bank preselection.
        pub payment_type_detail: Option<PaymentTypeDetail> => "paymentTypeDetail",
        /// `redFraudPrevention`: legacy ReD fraud screening.
        pub red_fraud_prevention: Option<Text> => "redFraudPrevention",
        /// `Red_CustomerInfo`: legacy.
        pub red_customer_info: Option<RedCustomerInfo> => "Red_CustomerInfo",
        /// `Red_ShippingInfo`: legacy.
        pub red_shipping_info: Option<RedShippingInfo> => "Red_ShippingInfo",
        /// `Red_BillingInfo`: legacy.
        pub red_billing_info: Option<RedBillingInfo> => "Red_BillingInfo",
        /// `Red_CustomerData`: legacy.
        pub red_customer_data: Option<RedCustomerData> => "Red_CustomerData",
        /// `Red_CustomInfo`: legacy.
        pub red_custom_info: Option<RedCustomInfo> => "Red_CustomInfo",
        /// `Red_Items`: legacy.
        pub red_items: Option<RedItems> => "Red_Items",
        /// `Consel_MerchantPro` (3): Consel promo code, needed to offer CONSEL.
        pub consel_merchant_pro: Option<Text> => "Consel_MerchantPro" [max 3],
        /// `Consel_CustomerInfo`.
        pub consel_customer_info: Option<ConselCustomerInfo> => "Consel_CustomerInfo",
        /// `payPalBillingAgreementDescription` (127): non-empty ⇒ PayPal billing agreement.
        pub pay_pal_billing_agreement_description: Option<Text> => "payPalBillingAgreementDescription" [max 127],
        /// `amazonPayBillingAgreementDescription`: Amazon Pay recurring payments.
        pub amazon_pay_billing_agreement_description: Option<AmazonPayBillingAgreement> => "amazonPayBillingAgreementDescription",
        /// `OrderDetails`: Riskified, Klarna and alternative-payment data.
        pub order_details: Option<OrderDetails> => "OrderDetails",
        /// `apikey`: API-key authentication.
        pub api_key: Option<Secret> => "apikey",
        /// `transDetails`: 3-D Secure 2 data.
        pub trans_details: Option<EncryptTransDetails> => "transDetails",
        /// `BancomatPayPhoneNumber`: mandatory for BANCOMATPAY; documented, but in no WSDL, so
        /// its position is a best guess (after `transDetails`).
        pub bancomat_pay_phone_number: Option<Text> => "BancomatPayPhoneNumber",
    }
}

impl Encrypt {
    /// A request with the four mandatory fields.
    pub fn new(
        shop_login: impl AsRef<str>,
        currency: Currency,
        amount: Amount,
        shop_transaction_id: impl AsRef<str>,
    ) -> Self {
        Encrypt {
            shop_login: Text::from(shop_login.as_ref()),
            uic_code: Some(currency),
            amount: Some(amount),
            shop_transaction_id: Text::from(shop_transaction_id.as_ref()),
            ..Encrypt::default()
        }
    }

    /// Restricts the payment page to these methods (one method: the page jumps to it).
    pub fn payment_types(mut self, types: impl IntoIterator<Item = PaymentType>) -> Self {
        self.payment_types = types.into_iter().collect();
        self
    }

    /// Amazon Pay recurring payments: pay now and get a token, or only get a token.
    pub fn amazon_pay_billing_agreement(mut self, agreement: AmazonPayBillingAgreement) -> Self {
        self.amazon_pay_billing_agreement_description = Some(agreement);
        self
    }

    /// The buyer's name and e-mail.
    pub fn buyer(mut self, name: impl AsRef<str>, email: impl AsRef<str>) -> Self {
        self.buyer_name = Some(Text::from(name.as_ref()));
        self.buyer_email = Some(Text::from(email.as_ref()));
        self
    }

    /// The payment page's language.
    pub fn language(mut self, language: Language) -> Self {
        self.language_id = Some(language);
        self
    }

    /// The merchant's custom parameters.
    pub fn custom_info(mut self, info: CustomInfo) -> Self {
        self.custom_info = Some(info);
        self
    }

    /// Asks for a card token.
    pub fn request_token(mut self, token: RequestToken) -> Self {
        self.request_token = Some(token);
        self
    }

    /// The API key, when API-key authentication is enabled in the back office.
    pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Order data (Riskified, Klarna, alternative payments).
    pub fn order_details(mut self, details: OrderDetails) -> Self {
        self.order_details = Some(details);
        self
    }

    /// Shipping data (PayPal seller protection).
    pub fn shipping_details(mut self, details: ShippingDetails) -> Self {
        self.shipping_details = Some(details);
        self
    }

    /// 3-D Secure 2 data.
    pub fn trans_details(mut self, details: EncryptTransDetails) -> Self {
        self.trans_details = Some(details);
        self
    }
}

impl Request for Encrypt {
    const OPERATION: Operation = crate::operation!(CryptDecrypt, "Encrypt");
    type Response = EncryptResult;

    fn validate(&self) -> Result<()> {
        let mut c = Check::new();
        c.nonempty("shopLogin", &self.shop_login);
        c.present("uicCode", self.uic_code.as_ref());
        c.nonempty("shopTransactionId", &self.shop_transaction_id);
        match (self.amount, self.uic_code) {
            (None, _) => c.fail(ErrorCode::MissingField, "amount", "is mandatory"),
            (Some(a), currency) => c.amount("amount", a, currency),
        }
        // The legacy card fields (WSDL only), when given: the card rules of callPagamS2S.
        c.card_number("cardNumber", self.card_number.as_ref(), 20);
        c.expiry_year("expiryYear", self.expiry_year.as_ref());
        c.expiry_month("expiryMonth", self.expiry_month.as_ref());
        c.cvv("cvv", self.cvv.as_ref());
        if let Some(info) = &self.custom_info {
            c.result(info.validate());
        }
        if let Some(token) = &self.request_token {
            c.max("requestToken", Some(&token.format), 25);
            c.nonempty("requestToken", &token.format);
        }
        if let Some(p) = &self.pp_seller_protection {
            if p != "1" {
                c.fail(
                    ErrorCode::InvalidFormat,
                    "ppSellerProtection",
                    "expected `1` when present",
                );
            } else if self.shipping_details.is_none() {
                c.fail(
                    ErrorCode::ConflictingFields,
                    "shippingDetails",
                    "PayPal seller protection (ppSellerProtection) requires shippingDetails",
                );
            }
        }
        // Codes of the table or marked unlisted; the length (25) is the declared rule.
        c.payment_types(&self.payment_types);
        c.max("Consel_MerchantPro", self.consel_merchant_pro.as_deref(), 3);
        c.max(
            "payPalBillingAgreementDescription",
            self.pay_pal_billing_agreement_description.as_deref(),
            127,
        );
        if let Some(agreement) = &self.amazon_pay_billing_agreement_description {
            if let AmazonPayBillingAgreement::Other(_) = agreement {
                c.fail(
                    ErrorCode::InvalidFormat,
                    "amazonPayBillingAgreementDescription",
                    "expected `paynowandrecurring` or `onlyrecurring`",
                );
            }
            let others = !self.payment_types.is_empty()
                && !self.payment_types.contains(&PaymentType::AMAZONPAY);
            if others {
                c.fail(
                    ErrorCode::ConflictingFields,
                    "amazonPayBillingAgreementDescription",
                    "an Amazon Pay billing agreement needs AMAZONPAY among the paymentTypes",
                );
            }
        }
        if let Some(td) = &self.trans_details {
            c.encrypt_trans_details(td, self.uic_code);
        }
        // The declared length rules of every field, nested models included.
        self.check_children(&mut c, "");
        c.finish()
    }
}

/// `requestToken`: ask the gateway for a card token.
///
/// `MASKEDPAN` is the standard token format; any other value names a custom format. The
/// `:FORCED:` prefix asks for a token even when the payment is not authorised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RequestToken {
    /// `MASKEDPAN` or a custom format.
    pub format: String,
    /// `:FORCED:`: return a token even if the transaction is not authorised.
    pub forced: bool,
}

impl RequestToken {
    const FORCED: &'static str = ":FORCED:";

    /// The standard token (`MASKEDPAN`).
    pub fn masked_pan() -> Self {
        RequestToken {
            format: "MASKEDPAN".to_owned(),
            forced: false,
        }
    }

    /// A custom token format.
    pub fn custom(format: impl Into<String>) -> Self {
        RequestToken {
            format: format.into(),
            forced: false,
        }
    }

    /// The same request with `:FORCED:`.
    pub fn forced(mut self) -> Self {
        self.forced = true;
        self
    }

    /// The wire text.
    pub fn to_wire(&self) -> String {
        if self.forced {
            format!("{}{}", Self::FORCED, self.format)
        } else {
            self.format.clone()
        }
    }

    /// Reads the wire text.
    pub fn parse_wire(text: &str) -> Self {
        match text.strip_prefix(Self::FORCED) {
            Some(rest) => RequestToken {
                format: rest.to_owned(),
                forced: true,
            },
            None => RequestToken {
                format: text.to_owned(),
                forced: false,
            },
        }
    }
}

impl crate::xml::XmlText for RequestToken {
    fn to_xml_text(&self) -> Cow<'_, str> {
        self.to_wire().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Ok(RequestToken::parse_wire(&text))
    }
}

crate::xml_text_node!(RequestToken);

impl Serialize for RequestToken {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_wire())
    }
}

impl<'de> Deserialize<'de> for RequestToken {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(RequestToken::parse_wire(&String::deserialize(d)?))
    }
}

/// `amazonPayBillingAgreementDescription`: what an Amazon Pay Encrypt asks for beyond the
/// payment (absent: a plain payment, no token).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AmazonPayBillingAgreement {
    /// `paynowandrecurring`: pay now and return a token for later payments.
    PayNowAndRecurring,
    /// `onlyrecurring`: only return a token.
    OnlyRecurring,
    /// Any other value, kept as read (validation refuses it on requests).
    Other(String),
}

impl AmazonPayBillingAgreement {
    /// The wire text.
    pub fn as_str(&self) -> &str {
        match self {
            AmazonPayBillingAgreement::PayNowAndRecurring => "paynowandrecurring",
            AmazonPayBillingAgreement::OnlyRecurring => "onlyrecurring",
            AmazonPayBillingAgreement::Other(s) => s,
        }
    }

    /// Reads the wire text (case-insensitive for the known values).
    pub fn parse(text: &str) -> Self {
        if text.eq_ignore_ascii_case("paynowandrecurring") {
            AmazonPayBillingAgreement::PayNowAndRecurring
        } else if text.eq_ignore_ascii_case("onlyrecurring") {
            AmazonPayBillingAgreement::OnlyRecurring
        } else {
            AmazonPayBillingAgreement::Other(text.to_owned())
        }
    }
}

impl crate::xml::XmlText for AmazonPayBillingAgreement {
    fn to_xml_text(&self) -> Cow<'_, str> {
        self.as_str().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Ok(AmazonPayBillingAgreement::parse(&text))
    }
}

crate::xml_text_node!(AmazonPayBillingAgreement);

impl Serialize for AmazonPayBillingAgreement {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AmazonPayBillingAgreement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(AmazonPayBillingAgreement::parse(&String::deserialize(d)?))
    }
}
