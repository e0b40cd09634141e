//! `callPagamS2S` (docs/protocol.md §3.1, §5.2–§5.7, §6.3): the server-to-server
//! authorisation.

use super::*;
use crate::Text;
use crate::amount::Amount;
use crate::codes::{Currency, Language, PaymentType};
use crate::cryptdecrypt::RequestToken;
use crate::custom_info::CustomInfo;
use crate::models::{
    ApplePayRequest, CardReaderPayments, GooglePayRequest, Marketplace, OrderDetails,
    PaymentDeviceDetails, RedBillingInfo, RedCustomInfo, RedCustomerData, RedCustomerInfo,
    RedItems, RedShippingInfo, ShippingDetails, TransDetails,
};

/// The `transDetails/type` values the documentation allows in `callPagamS2S` (empty = the
/// Axerve rule decides).
const S2S_TRANS_DETAILS_TYPES: &[&str] = &["01F", "01N", "03F", "03N", "08", "09", "EC", "NPA"];

crate::xml_model! {
    /// `callPagamS2S`: a server-to-server payment (authorisation, and settlement too unless the
    /// M.O.T.O. profile separates them).
    ///
    /// Exactly one payment means per call:
    ///
    /// * card data: `cardNumber` + `expiryMonth` + `expiryYear` (+ `cvv`) — [`card`](Self::card);
    /// * a token: `tokenValue` (a card token, a PayPal billing agreement, a SEPA pre-approval, an
    ///   Amazon Pay billing agreement) — [`token`](Self::token),
    ///   [`amazon_pay_recurring`](Self::amazon_pay_recurring);
    /// * an Amazon Pay order reference: `paymentTypes` = `AMAZONPAY` and `transKey` = the Amazon
    ///   Order Reference Id — [`amazon_pay_order_reference`](Self::amazon_pay_order_reference);
    /// * `applePay` or `googlePay`.
    ///
    /// The second call of a 3-D Secure payment adds `transKey` (the `TransactionKey` of the first
    /// result) and `PARes` — [`three_ds_second_call`](Self::three_ds_second_call); it may repeat
    /// the card or token of the first call or carry neither.
    ///
    /// Fields are in wire (WSDL) order. Undocumented legacy elements (`cof`, `min`, `IDEA`,
    /// `subMerchantId`, the ReD blocks, card-present data, `marketPlace`) are modelled so that
    /// nothing the schema allows is lost, but are not needed.
    pub struct CallPagamS2S {
        /// `shopLogin` (30, mandatory): the merchant code.
        pub shop_login: Text => "shopLogin" [max 30],
        /// `uicCode` (mandatory): the currency.
        pub uic_code: Option<Currency> => "uicCode",
        /// `amount` (9, mandatory): at most 2 decimals (none in a currency without a minor unit,
        /// such as JPY), `.` as separator.
        pub amount: Option<Amount> => "amount",
        /// `shopTransactionId` (50, mandatory): the merchant's order id; must be unique for
        /// Amazon Pay.
        pub shop_transaction_id: Text => "shopTransactionId" [max 50],
        /// `cardNumber` (50, secret): card data, with `expiryMonth` and `expiryYear`; excludes
        /// `tokenValue`. Digits only, at least 12.
        pub card_number: Option<Secret> => "cardNumber" [max 50],
        /// `expiryMonth` (2 digits, `01`–`12`, secret).
        pub expiry_month: Option<Secret> => "expiryMonth",
        /// `expiryYear` (2 digits, secret).
        pub expiry_year: Option<Secret> => "expiryYear",
        /// `buyerName` (50).
        pub buyer_name: Option<Text> => "buyerName" [max 50],
        /// `buyerEmail` (50): the prefix `:NOSEND:` stores the address without e-mailing the
        /// buyer.
        pub buyer_email: Option<Text> => "buyerEmail" [max 50],
        /// `languageId`: the language of the e-mails to the buyer.
        pub language_id: Option<Language> => "languageId",
        /// `cvv` (3 or 4 digits, secret): must be enabled in the profile ("CVV field handling").
        pub cvv: Option<Secret> => "cvv" [max 4],
        /// `cof`: undocumented (2022 schema only; probably "credential on file").
        pub cof: Option<Text> => "cof",
        /// `min`: undocumented legacy.
        pub min: Option<Text> => "min",
        /// `transKey`: the `TransactionKey` of the first call (3-D Secure second call), or the
        /// Amazon Order Reference Id (`S02-0319513-4657042`) with `paymentTypes` `AMAZONPAY`.
        /// Free text: the docs' "numeric 18" does not fit Amazon's ids.
        pub trans_key: Option<Text> => "transKey",
        /// `PARes` (4096, secret): the issuer's 3-D Secure answer (second call).
        pub pa_res: Option<Secret> => "PARes" [max 4096],
        /// `customInfo` (1000): the merchant's custom parameters.
        pub custom_info: Option<CustomInfo> => "customInfo" [max 1000],
        /// `IDEA`: undocumented legacy.
        pub idea: Option<Text> => "IDEA",
        /// `requestToken` (25): ask for a card token (`MASKEDPAN`, a custom format, `:FORCED:`).
        pub request_token: Option<RequestToken> => "requestToken",
        /// `tokenValue` (25, secret): a token instead of card data (card token, PayPal or Amazon
        /// Pay billing agreement, SEPA pre-approval).
        pub token_value: Option<Secret> => "tokenValue" [max 25],
        /// `executionDate` (`yyyymmdd`): SEPA charge date, moved to the next working day if
        /// needed. (The docs' length 7 is a typo.)
        pub execution_date: Option<Text> => "executionDate" [max 8],
        /// `clientIP` (45): the buyer's IP address; mandatory with Axerve Guaranteed Payment
        /// (Riskified), PayPal "one click" billing agreements and AMEX non-EUR enhanced
        /// authorisation.
        pub client_ip: Option<Text> => "clientIP" [max 45],
        /// `itemType` (250): `digital` or `physical` (`physical` ⇒ fill `shippingDetails`).
        pub item_type: Option<Text> => "itemType" [max 250],
        /// `recurrent` (5): `true` / `false`, a recurring payment.
        pub recurrent: Option<Text> => "recurrent" [max 5],
        /// `subMerchantId`: undocumented.
        pub sub_merchant_id: Option<Text> => "subMerchantId",
        /// `ppSellerProtection`: undocumented for S2S (`1` = PayPal seller protection in
        /// Encrypt).
        pub pp_seller_protection: Option<Text> => "ppSellerProtection",
        /// `paymentTypes/paymentType` (25 each): `AMAZONPAY` for an Amazon Pay order reference
        /// or billing agreement. Codes of the table, or marked [`PaymentType::unlisted`].
        pub payment_types: Vec<PaymentType> => "paymentTypes" / "paymentType" [max 25],
        /// `paymentDeviceDetails`: card-present terminal (undocumented).
        pub payment_device_details: Option<PaymentDeviceDetails> => "paymentDeviceDetails",
        /// `shippingDetails`: PayPal seller protection, physical goods.
        pub shipping_details: Option<ShippingDetails> => "shippingDetails",
        /// `redFraudPrevention`: legacy ReD fraud screening.
        pub red_fraud_prevention: Option<Text> => "redFraudPrevention",
        /// `Red_CustomerInfo`: legacy ReD.
        pub red_customer_info: Option<RedCustomerInfo> => "Red_CustomerInfo",
        /// `Red_ShippingInfo`: legacy ReD.
        pub red_shipping_info: Option<RedShippingInfo> => "Red_ShippingInfo",
        /// `Red_BillingInfo`: legacy ReD.
        pub red_billing_info: Option<RedBillingInfo> => "Red_BillingInfo",
        /// `Red_CustomerData`: legacy ReD.
        pub red_customer_data: Option<RedCustomerData> => "Red_CustomerData",
        /// `Red_CustomInfo`: legacy ReD.
        pub red_custom_info: Option<RedCustomInfo> => "Red_CustomInfo",
        /// `Red_Items`: legacy ReD.
        pub red_items: Option<RedItems> => "Red_Items",
        /// `applePay`: an Apple Pay payment (no card or token data with it).
        pub apple_pay: Option<ApplePayRequest> => "applePay",
        /// `cardReaderPayments`: card-present (mPOS) data (undocumented).
        pub card_reader_payments: Option<CardReaderPayments> => "cardReaderPayments",
        /// `googlePay`: a Google Pay payment (undocumented).
        pub google_pay: Option<GooglePayRequest> => "googlePay",
        /// `OrderDetails`: Riskified, Klarna and other order data.
        pub order_details: Option<OrderDetails> => "OrderDetails",
        /// `apikey` (secret): API-key authentication.
        pub api_key: Option<Secret> => "apikey",
        /// `transDetails`: 3-D Secure 2 data.
        pub trans_details: Option<TransDetails> => "transDetails",
        /// `marketPlace`: marketplace split (2022 schema only, undocumented).
        pub market_place: Option<Marketplace> => "marketPlace",
    }
}

impl CallPagamS2S {
    /// A payment with the four mandatory fields; add the payment means with [`card`](Self::card),
    /// [`token`](Self::token), [`amazon_pay_order_reference`](Self::amazon_pay_order_reference),
    /// [`apple_pay`](Self::apple_pay) … .
    pub fn new(
        shop_login: impl AsRef<str>,
        currency: Currency,
        amount: Amount,
        shop_transaction_id: impl AsRef<str>,
    ) -> Self {
        CallPagamS2S {
            shop_login: Text::from(shop_login.as_ref()),
            uic_code: Some(currency),
            amount: Some(amount),
            shop_transaction_id: Text::from(shop_transaction_id.as_ref()),
            ..CallPagamS2S::default()
        }
    }

    /// Pays with card data: number, 2-digit expiry month and year.
    pub fn card(
        mut self,
        number: impl Into<Secret>,
        expiry_month: impl Into<Secret>,
        expiry_year: impl Into<Secret>,
    ) -> Self {
        self.card_number = Some(number.into());
        self.expiry_month = Some(expiry_month.into());
        self.expiry_year = Some(expiry_year.into());
        self
    }

    /// The card's CVV (when CVV handling is enabled in the profile).
    pub fn cvv(mut self, cvv: impl Into<Secret>) -> Self {
        self.cvv = Some(cvv.into());
        self
    }

    /// Pays with a token (`tokenValue`) instead of card data: a card token, a PayPal billing
    /// agreement, a SEPA pre-approval.
    pub fn token(mut self, value: impl Into<Secret>) -> Self {
        self.token_value = Some(value.into());
        self
    }

    /// Pays with Amazon Pay, the buyer having chosen address and wallet in Amazon's widgets:
    /// `paymentTypes` = `AMAZONPAY` and `transKey` = the Amazon Order Reference Id
    /// (`S02-0319513-4657042`). `shopTransactionId` must be unique.
    pub fn amazon_pay_order_reference(mut self, order_reference_id: impl AsRef<str>) -> Self {
        self.payment_types = vec![PaymentType::AMAZONPAY];
        self.trans_key = Some(Text::from(order_reference_id.as_ref()));
        self
    }

    /// A recurring Amazon Pay charge: `paymentTypes` = `AMAZONPAY` and `tokenValue` = the token
    /// of the billing agreement (returned by an Encrypt with
    /// `amazonPayBillingAgreementDescription`).
    pub fn amazon_pay_recurring(mut self, billing_agreement_token: impl Into<Secret>) -> Self {
        self.payment_types = vec![PaymentType::AMAZONPAY];
        self.token_value = Some(billing_agreement_token.into());
        self
    }

    /// The second call of a 3-D Secure payment (docs/protocol.md §6.3): the `TransactionKey` of
    /// the first result and the `PaRes` the issuer's page returned. Send it with the same shop
    /// login, currency, amount and shop transaction id as the first call.
    pub fn three_ds_second_call(
        mut self,
        trans_key: impl AsRef<str>,
        pares: impl Into<Secret>,
    ) -> Self {
        self.trans_key = Some(Text::from(trans_key.as_ref()));
        self.pa_res = Some(pares.into());
        self
    }

    /// Pays with Apple Pay.
    pub fn apple_pay(mut self, apple_pay: ApplePayRequest) -> Self {
        self.apple_pay = Some(apple_pay);
        self
    }

    /// Pays with Google Pay.
    pub fn google_pay(mut self, google_pay: GooglePayRequest) -> Self {
        self.google_pay = Some(google_pay);
        self
    }

    /// The buyer's name and e-mail (prefix the e-mail with `:NOSEND:` to store it without
    /// mailing the buyer).
    pub fn buyer(mut self, name: impl AsRef<str>, email: impl AsRef<str>) -> Self {
        self.buyer_name = Some(Text::from(name.as_ref()));
        self.buyer_email = Some(Text::from(email.as_ref()));
        self
    }

    /// The language of the e-mails to the buyer.
    pub fn language(mut self, language: Language) -> Self {
        self.language_id = Some(language);
        self
    }

    /// The merchant's custom parameters.
    pub fn custom_info(mut self, info: CustomInfo) -> Self {
        self.custom_info = Some(info);
        self
    }

    /// Asks for a card token in the result (`TOKEN`).
    pub fn request_token(mut self, token: RequestToken) -> Self {
        self.request_token = Some(token);
        self
    }

    /// Restricts the method (`AMAZONPAY` …).
    pub fn payment_types(mut self, types: impl IntoIterator<Item = PaymentType>) -> Self {
        self.payment_types = types.into_iter().collect();
        self
    }

    /// The buyer's IP address.
    pub fn client_ip(mut self, ip: impl AsRef<str>) -> Self {
        self.client_ip = Some(Text::from(ip.as_ref()));
        self
    }

    /// Marks the payment as recurring (`recurrent` = `true`/`false`).
    pub fn recurrent(mut self, recurrent: bool) -> Self {
        self.recurrent = Some(Text::const_new(if recurrent { "true" } else { "false" }));
        self
    }

    /// SEPA: the charge date, `yyyymmdd`.
    pub fn execution_date(mut self, date: impl AsRef<str>) -> Self {
        self.execution_date = Some(Text::from(date.as_ref()));
        self
    }

    /// `digital` or `physical` goods.
    pub fn item_type(mut self, item_type: impl AsRef<str>) -> Self {
        self.item_type = Some(Text::from(item_type.as_ref()));
        self
    }

    /// Shipping data.
    pub fn shipping_details(mut self, details: ShippingDetails) -> Self {
        self.shipping_details = Some(details);
        self
    }

    /// Order data (Riskified, Klarna …).
    pub fn order_details(mut self, details: OrderDetails) -> Self {
        self.order_details = Some(details);
        self
    }

    /// 3-D Secure 2 data.
    pub fn trans_details(mut self, details: TransDetails) -> Self {
        self.trans_details = Some(details);
        self
    }

    /// The card data fields, for the shared card rules.
    fn card_fields(&self) -> CardFields<'_> {
        [
            ("cardNumber", self.card_number.as_ref()),
            ("expiryMonth", self.expiry_month.as_ref()),
            ("expiryYear", self.expiry_year.as_ref()),
        ]
    }

    /// Exactly one payment means, or the 3-D Secure second call (see the type's docs).
    fn check_payment_means(&self, c: &mut Check) {
        const ALTERNATIVES: &str = "a payment means is mandatory: card data, tokenValue, \
            applePay, googlePay, Amazon Pay (AMAZONPAY + transKey) or transKey + PARes (3-D \
            Secure)";
        let card = self.card_fields();
        let has_card = has_card_data(&card);
        let has_token = is_set_secret(self.token_value.as_ref());
        let has_trans_key = is_set(self.trans_key.as_deref());
        let has_pares = is_set_secret(self.pa_res.as_ref());
        let amazon = self.payment_types.contains(&PaymentType::AMAZONPAY);
        let means = [
            ("cardNumber", has_card),
            ("tokenValue", has_token),
            ("transKey", amazon && has_trans_key && !has_pares),
            ("applePay", self.apple_pay.is_some()),
            ("googlePay", self.google_pay.is_some()),
        ];
        let mut given = means.iter().filter(|(_, on)| *on).map(|(f, _)| *f);
        match (given.next(), given.next()) {
            (Some("cardNumber"), Some("tokenValue")) => c.fail(
                ErrorCode::ConflictingFields,
                "tokenValue",
                "card data XOR token: send cardNumber/expiryMonth/expiryYear or tokenValue, not both",
            ),
            (Some(first), Some(second)) => c.fail(
                ErrorCode::ConflictingFields,
                second,
                format!("exactly one payment means per call: {second} cannot go with {first}"),
            ),
            (None, _) if !(has_trans_key && has_pares) => {
                c.fail(ErrorCode::MissingField, "cardNumber", ALTERNATIVES)
            }
            _ => {}
        }
        if has_pares && !has_trans_key {
            c.fail(
                ErrorCode::MissingField,
                "transKey",
                "PARes (3-D Secure second call) needs the transKey of the first call",
            );
        }
        if has_card {
            check_card_complete(c, &card);
        }
    }
}

api_key_setter!(CallPagamS2S);

s2s_request!(
    CallPagamS2S,
    "callPagamS2S",
    CallPagamS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.present("uicCode", req.uic_code.as_ref());
        match req.amount {
            None => c.fail(ErrorCode::MissingField, "amount", "is mandatory"),
            Some(a) => c.amount("amount", a, req.uic_code),
        }
        c.nonempty("shopTransactionId", &req.shop_transaction_id);
        req.check_payment_means(&mut c);
        check_card_formats(&mut c, &req.card_fields(), 50, ("cvv", req.cvv.as_ref()));
        if let Some(info) = &req.custom_info {
            c.result(info.validate());
        }
        if let Some(token) = &req.request_token {
            c.nonempty("requestToken", &token.format);
            c.max("requestToken", Some(&token.format), 25);
        }
        if let Some(date) = req.execution_date.as_deref()
            && (date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()))
        {
            c.fail(
                ErrorCode::InvalidFormat,
                "executionDate",
                "expected a date as yyyymmdd (8 digits)",
            );
        }
        if let Some(item) = req.item_type.as_deref()
            && !item.eq_ignore_ascii_case("digital")
            && !item.eq_ignore_ascii_case("physical")
        {
            c.fail(
                ErrorCode::InvalidFormat,
                "itemType",
                "expected `digital` or `physical`",
            );
        }
        c.one_of("recurrent", req.recurrent.as_deref(), &["true", "false"]);
        // Codes of the table or marked unlisted; the length (25) is the declared rule.
        c.payment_types(&req.payment_types);
        if let Some(td) = &req.trans_details {
            c.one_of(
                "transDetails/type",
                td.r#type.as_deref(),
                S2S_TRANS_DETAILS_TYPES,
            );
            c.amount_text(
                "transDetails/authenticationAmount",
                td.authentication_amount.as_deref(),
                req.uic_code,
            );
        }
    }
);
