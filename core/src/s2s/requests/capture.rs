//! The calls on an existing transaction (docs/protocol.md §3.2–§3.5): settle, delete, refund,
//! read.
//!
//! Each takes a [`TransactionRef`] in its constructor: the gateway's id (unique, preferred), the
//! merchant's id (only if unique), or both. The public fields are the two optional ids, so a
//! request read back from the wire keeps exactly what was sent.

use super::*;
use crate::Text;
use crate::amount::Amount;
use crate::codes::Currency;
use crate::models::{
    FullFillmentDetails, PaymentDeviceDetails, ProductDetail, RefundProductDetail,
};

crate::xml_model! {
    /// `callSettleS2S`: the financial confirmation (capture) of an authorisation, for M.O.T.O.
    /// profiles with separate authorisation and settlement. Partial settlement is allowed.
    ///
    /// **Note the names** of the ids here: `shopTransID` and `bankTransID`.
    pub struct CallSettleS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `uicCode` (mandatory): the currency.
        pub uic_code: Option<Currency> => "uicCode",
        /// `amount` (9, mandatory): the amount to settle.
        pub amount: Option<Amount> => "amount",
        /// `shopTransID` (50): the merchant's id; this or `bankTransID`.
        pub shop_trans_id: Option<Text> => "shopTransID" [max 50],
        /// `bankTransID` (18): the gateway's id; this or `shopTransID`.
        pub bank_trans_id: Option<Text> => "bankTransID" [max 18],
        /// `settlementID` (20): an optional settlement identifier.
        pub settlement_id: Option<Text> => "settlementID" [max 20],
        /// `FullFillment`: the fulfilment (shipping) data; required with Axerve Guaranteed
        /// Payment (Riskified).
        pub full_fillment: Option<FullFillmentDetails> => "FullFillment",
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
        /// `paymentDeviceDetails`: card-present terminal (undocumented).
        pub payment_device_details: Option<PaymentDeviceDetails> => "paymentDeviceDetails",
    }
}

impl CallSettleS2S {
    /// Settles `amount` of the transaction `transaction`.
    pub fn new(
        shop_login: impl AsRef<str>,
        transaction: TransactionRef,
        currency: Currency,
        amount: Amount,
    ) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallSettleS2S {
            shop_login: Text::from(shop_login.as_ref()),
            uic_code: Some(currency),
            amount: Some(amount),
            shop_trans_id: shop,
            bank_trans_id: bank,
            ..CallSettleS2S::default()
        }
    }

    /// An optional settlement identifier.
    pub fn settlement_id(mut self, id: impl AsRef<str>) -> Self {
        self.settlement_id = Some(Text::from(id.as_ref()));
        self
    }

    /// The fulfilment data (Riskified).
    pub fn full_fillment(mut self, details: FullFillmentDetails) -> Self {
        self.full_fillment = Some(details);
        self
    }
}

s2s_request!(
    CallSettleS2S,
    "callSettleS2S",
    CallSettleS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.present("uicCode", req.uic_code.as_ref());
        match req.amount {
            None => c.fail(ErrorCode::MissingField, "amount", "is mandatory"),
            Some(a) => c.amount("amount", a, req.uic_code),
        }
        check_transaction_ids(
            &mut c,
            ("shopTransID", req.shop_trans_id.as_deref()),
            ("bankTransID", req.bank_trans_id.as_deref()),
        );
    }
);

crate::xml_model! {
    /// `callDeleteS2S`: cancels an authorisation that was not settled (M.O.T.O. with separate
    /// phases).
    pub struct CallDeleteS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50): the merchant's id; this or `bankTransactionId`.
        pub shop_transaction_id: Option<Text> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (18): the gateway's id; this or `shopTransactionId`.
        pub bank_transaction_id: Option<Text> => "bankTransactionId" [max 18],
        /// `CancelReason` (50): free text; mandatory for Riskified users.
        pub cancel_reason: Option<Text> => "CancelReason" [max 50],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
        /// `paymentDeviceDetails`: card-present terminal (undocumented).
        pub payment_device_details: Option<PaymentDeviceDetails> => "paymentDeviceDetails",
    }
}

impl CallDeleteS2S {
    /// Cancels the authorisation `transaction`.
    pub fn new(shop_login: impl AsRef<str>, transaction: TransactionRef) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallDeleteS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: shop,
            bank_transaction_id: bank,
            ..CallDeleteS2S::default()
        }
    }

    /// Why (free text; mandatory with Axerve Guaranteed Payment).
    pub fn cancel_reason(mut self, reason: impl AsRef<str>) -> Self {
        self.cancel_reason = Some(Text::from(reason.as_ref()));
        self
    }
}

s2s_request!(
    CallDeleteS2S,
    "callDeleteS2S",
    CallDeleteS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        check_transaction_ids(
            &mut c,
            ("shopTransactionId", req.shop_transaction_id.as_deref()),
            ("bankTransactionId", req.bank_transaction_id.as_deref()),
        );
    }
);

crate::xml_model! {
    /// `callRefundS2S`: a full or partial refund of a settled transaction.
    pub struct CallRefundS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `uicCode` (mandatory): the currency.
        pub uic_code: Option<Currency> => "uicCode",
        /// `amount` (9, mandatory): the amount to refund.
        pub amount: Option<Amount> => "amount",
        /// `shopTransactionId` (50): the merchant's id; this or `bankTransactionId`.
        pub shop_transaction_id: Option<Text> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (18): the gateway's id; this or `shopTransactionId`.
        pub bank_transaction_id: Option<Text> => "bankTransactionId" [max 18],
        /// `settlementID` (20): an optional settlement identifier.
        pub settlement_id: Option<Text> => "settlementID" [max 20],
        /// `OrderDetail` (**singular**): the refunded products (Klarna).
        pub order_detail: Option<RefundProductDetail> => "OrderDetail",
        /// `RefundReason` (50): free text, used by fraud protection.
        pub refund_reason: Option<Text> => "RefundReason" [max 50],
        /// `chargeBackFraud` (`Y`/`N`, or `0`): `Y` = a chargeback for fraud.
        pub charge_back_fraud: Option<Text> => "chargeBackFraud" [max 1],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
        /// `paymentDeviceDetails`: card-present terminal (undocumented).
        pub payment_device_details: Option<PaymentDeviceDetails> => "paymentDeviceDetails",
    }
}

impl CallRefundS2S {
    /// Refunds `amount` of the transaction `transaction`.
    pub fn new(
        shop_login: impl AsRef<str>,
        transaction: TransactionRef,
        currency: Currency,
        amount: Amount,
    ) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallRefundS2S {
            shop_login: Text::from(shop_login.as_ref()),
            uic_code: Some(currency),
            amount: Some(amount),
            shop_transaction_id: shop,
            bank_transaction_id: bank,
            ..CallRefundS2S::default()
        }
    }

    /// Why (free text, used by fraud protection).
    pub fn reason(mut self, reason: impl AsRef<str>) -> Self {
        self.refund_reason = Some(Text::from(reason.as_ref()));
        self
    }

    /// Marks the refund as a chargeback for fraud (`chargeBackFraud` `Y`/`N`).
    pub fn charge_back_fraud(mut self, fraud: bool) -> Self {
        self.charge_back_fraud = Some(yes_no(fraud));
        self
    }

    /// An optional settlement identifier.
    pub fn settlement_id(mut self, id: impl AsRef<str>) -> Self {
        self.settlement_id = Some(Text::from(id.as_ref()));
        self
    }

    /// The refunded products (Klarna): `OrderDetail/ProductDetails/ProductDetail`.
    pub fn products(mut self, products: impl IntoIterator<Item = ProductDetail>) -> Self {
        self.order_detail = Some(RefundProductDetail {
            product_details: products.into_iter().collect(),
        });
        self
    }
}

s2s_request!(
    CallRefundS2S,
    "callRefundS2S",
    CallRefundS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.present("uicCode", req.uic_code.as_ref());
        match req.amount {
            None => c.fail(ErrorCode::MissingField, "amount", "is mandatory"),
            Some(a) => c.amount("amount", a, req.uic_code),
        }
        check_transaction_ids(
            &mut c,
            ("shopTransactionId", req.shop_transaction_id.as_deref()),
            ("bankTransactionId", req.bank_transaction_id.as_deref()),
        );
        check_yes_no(&mut c, "chargeBackFraud", req.charge_back_fraud.as_deref());
    }
);

crate::xml_model! {
    /// `callReadTrxS2S`: reads a transaction's state, history (`Events`) and, for Amazon Pay,
    /// the addresses chosen in Amazon's widgets.
    pub struct CallReadTrxS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50): the merchant's id; this or `bankTransactionId`.
        pub shop_transaction_id: Option<Text> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (18): the gateway's id; this or `shopTransactionId`.
        pub bank_transaction_id: Option<Text> => "bankTransactionId" [max 18],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
        /// `paymentDeviceDetails`: card-present terminal (undocumented).
        pub payment_device_details: Option<PaymentDeviceDetails> => "paymentDeviceDetails",
    }
}

impl CallReadTrxS2S {
    /// Reads the transaction `transaction`.
    pub fn new(shop_login: impl AsRef<str>, transaction: TransactionRef) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallReadTrxS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: shop,
            bank_transaction_id: bank,
            ..CallReadTrxS2S::default()
        }
    }

    /// Reads by the gateway's id (`BankTransactionID` of the payment result): always unique.
    pub fn by_bank_transaction_id(shop_login: impl AsRef<str>, id: impl AsRef<str>) -> Self {
        Self::new(shop_login, TransactionRef::bank(id))
    }

    /// Reads by the merchant's id: works only if the shop never reused it.
    pub fn by_shop_transaction_id(shop_login: impl AsRef<str>, id: impl AsRef<str>) -> Self {
        Self::new(shop_login, TransactionRef::shop(id))
    }
}

api_key_setter!(CallSettleS2S, CallDeleteS2S, CallRefundS2S, CallReadTrxS2S);

s2s_request!(
    CallReadTrxS2S,
    "callReadTrxS2S",
    CallReadTrxS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        check_transaction_ids(
            &mut c,
            ("shopTransactionId", req.shop_transaction_id.as_deref()),
            ("bankTransactionId", req.bank_transaction_id.as_deref()),
        );
    }
);
