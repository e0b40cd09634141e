//! The remaining calls (docs/protocol.md §3.12, §3.14): the Riskified order update, and three
//! operations the gateway never documented — `CallUpdateCustomParamS2S`, `callRenounce`,
//! `callDeviceActivation`. Their shapes are certain (every WSDL source agrees); their meaning
//! and results are not: treat them as unstable.

use serde::{Deserialize, Serialize};

use super::*;
use crate::Text;
use crate::models::OrderDetails;
use crate::xml::{Child, XmlReader, XmlWriter};

crate::xml_model! {
    /// `CallUpdateOrderS2S` (capital `C`): sends changed order data (a new shipping address …)
    /// for a new review. Axerve Guaranteed Payment (Riskified) users only.
    pub struct CallUpdateOrderS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50): the merchant's id; this or `bankTransactionId`.
        pub shop_transaction_id: Option<Text> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (50 here, per the docs): the gateway's id; this or
        /// `shopTransactionId`.
        pub bank_transaction_id: Option<Text> => "bankTransactionId" [max 50],
        /// `OrderDetails` (mandatory, not empty): the updated order data.
        pub order_details: Option<OrderDetails> => "OrderDetails",
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallUpdateOrderS2S {
    /// Updates the order data of `transaction`.
    pub fn new(
        shop_login: impl AsRef<str>,
        transaction: TransactionRef,
        order_details: OrderDetails,
    ) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallUpdateOrderS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: shop,
            bank_transaction_id: bank,
            order_details: Some(order_details),
            api_key: None,
        }
    }
}

s2s_request!(
    CallUpdateOrderS2S,
    "CallUpdateOrderS2S",
    CallUpdateOrderS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        check_transaction_ids(
            &mut c,
            ("shopTransactionId", req.shop_transaction_id.as_deref()),
            ("bankTransactionId", req.bank_transaction_id.as_deref()),
        );
        if req
            .order_details
            .as_ref()
            .is_none_or(|d| *d == OrderDetails::default())
        {
            c.fail(
                ErrorCode::MissingField,
                "OrderDetails",
                "is mandatory: the updated order data",
            );
        }
    }
);

crate::xml_model! {
    /// `CallUpdateCustomParamS2S` (capital `C`): **undocumented by the gateway** — presumably
    /// updates one custom parameter of an existing transaction. No docs, no example; the result
    /// is parsed as a generic `GestPayS2S`.
    pub struct CallUpdateCustomParamS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50): the merchant's id; this or `bankTransactionId`.
        pub shop_transaction_id: Option<Text> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (18): the gateway's id; this or `shopTransactionId`.
        pub bank_transaction_id: Option<Text> => "bankTransactionId" [max 18],
        /// `paramName` (mandatory): the custom parameter's name.
        pub param_name: Text => "paramName",
        /// `paramValue`: its new value.
        pub param_value: Option<Text> => "paramValue",
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallUpdateCustomParamS2S {
    /// Sets the custom parameter `name` of `transaction` to `value` (undocumented operation).
    pub fn new(
        shop_login: impl AsRef<str>,
        transaction: TransactionRef,
        name: impl AsRef<str>,
        value: impl AsRef<str>,
    ) -> Self {
        let (shop, bank) = transaction.into_ids();
        CallUpdateCustomParamS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: shop,
            bank_transaction_id: bank,
            param_name: Text::from(name.as_ref()),
            param_value: Some(Text::from(value.as_ref())),
            api_key: None,
        }
    }
}

api_key_setter!(CallUpdateOrderS2S, CallUpdateCustomParamS2S);

s2s_request!(
    CallUpdateCustomParamS2S,
    "CallUpdateCustomParamS2S",
    CallUpdateCustomParamS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        check_transaction_ids(
            &mut c,
            ("shopTransactionId", req.shop_transaction_id.as_deref()),
            ("bankTransactionId", req.bank_transaction_id.as_deref()),
        );
        c.nonempty("paramName", &req.param_name);
    }
);

/// `callRenounce`: **undocumented by the gateway**, purpose unknown. The wrapper has no
/// children at all (`<callRenounce xmlns="https://ecomms2s.sella.it/"/>`): no shop login, no
/// API key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CallRenounce {}

impl CallRenounce {
    /// The (empty) request.
    pub fn new() -> Self {
        CallRenounce {}
    }
}

impl XmlModel for CallRenounce {
    fn write_children(&self, _: &mut XmlWriter) -> Result<()> {
        Ok(())
    }

    fn read_child<'a>(
        &mut self,
        r: &mut XmlReader<'a>,
        child: &Child<'a>,
        _: &mut crate::xml::Seen,
    ) -> Result<()> {
        r.skip(child)
    }
}

s2s_request!(
    CallRenounce,
    "callRenounce",
    CallRenounceResult,
    |_req, c| {}
);

crate::xml_model! {
    /// `callDeviceActivation`: **undocumented by the gateway** — presumably activates a
    /// card-reader (mPOS) terminal (cf. `paymentDeviceDetails/TerminalId`). Its only element is
    /// `terminalId`; there is no `shopLogin` and no `apikey`.
    pub struct CallDeviceActivation {
        /// `terminalId` (mandatory): the terminal to activate.
        pub terminal_id: Text => "terminalId",
    }
}

impl CallDeviceActivation {
    /// Activates `terminal_id` (undocumented operation).
    pub fn new(terminal_id: impl AsRef<str>) -> Self {
        CallDeviceActivation {
            terminal_id: Text::from(terminal_id.as_ref()),
        }
    }
}

s2s_request!(
    CallDeviceActivation,
    "callDeviceActivation",
    CallDeviceActivationResult,
    |req, c| {
        c.nonempty("terminalId", &req.terminal_id);
    }
);
