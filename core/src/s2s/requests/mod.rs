//! The requests of the 17 WsS2S operations, fields in WSDL wire order (PROTOCOL.md §3).

use super::result::*;
use crate::error::Result;
use crate::message::Request;
use crate::secret::Secret;
use crate::soap::Operation;
use crate::validate::Check;
use crate::xml::XmlModel;

/// Implements [`Request`] for an operation's request type: the wire names, the result type, and
/// validation = the declared field rules plus the operation's own rules (`extra`).
macro_rules! s2s_request {
    ($ty:ident, $op:literal, $result:ident, |$self:ident, $c:ident| $extra:block) => {
        impl Request for $ty {
            const OPERATION: Operation = crate::operation!(S2s, $op);
            type Response = $result;

            fn validate(&self) -> Result<()> {
                let mut $c = Check::new();
                XmlModel::check_children(self, &mut $c, "");
                let $self = self;
                $extra
                $c.finish()
            }
        }
    };
}

crate::xml_model! {
    /// `callReadTrxS2S`: read a transaction's state (and Amazon Pay's addresses).
    pub struct CallReadTrxS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `shopTransactionId` (50): this or `bankTransactionId`.
        pub shop_transaction_id: Option<String> => "shopTransactionId" [max 50],
        /// `bankTransactionId` (18): this or `shopTransactionId`.
        pub bank_transaction_id: Option<String> => "bankTransactionId" [max 18],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallReadTrxS2S,
    "callReadTrxS2S",
    CallReadTrxS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        if req.shop_transaction_id.is_none() && req.bank_transaction_id.is_none() {
            c.fail(
                crate::ErrorCode::MissingField,
                "bankTransactionId",
                "one of shopTransactionId and bankTransactionId is mandatory",
            );
        }
    }
);

// Placeholders, to be completed with every field in wire order (PROTOCOL.md §3).

crate::xml_model! {
    /// `callRefundS2S`.
    pub struct CallRefundS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallRefundS2S,
    "callRefundS2S",
    CallRefundS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callPagamS2S`.
    pub struct CallPagamS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallPagamS2S,
    "callPagamS2S",
    CallPagamS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callDeleteS2S`.
    pub struct CallDeleteS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallDeleteS2S,
    "callDeleteS2S",
    CallDeleteS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callSettleS2S`.
    pub struct CallSettleS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallSettleS2S,
    "callSettleS2S",
    CallSettleS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callVerifycardS2S`.
    pub struct CallVerifycardS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallVerifycardS2S,
    "callVerifycardS2S",
    CallVerifycardS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callCheckCartaS2S`.
    pub struct CallCheckCartaS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallCheckCartaS2S,
    "callCheckCartaS2S",
    CallCheckCartaS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callRenounce`.
    pub struct CallRenounce {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallRenounce,
    "callRenounce",
    CallRenounceResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallRequestTokenS2S`.
    pub struct CallRequestTokenS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallRequestTokenS2S,
    "CallRequestTokenS2S",
    CallRequestTokenS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callDeleteTokenS2S`.
    pub struct CallDeleteTokenS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallDeleteTokenS2S,
    "callDeleteTokenS2S",
    CallDeleteTokenS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallUpdateTokenS2S`.
    pub struct CallUpdateTokenS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallUpdateTokenS2S,
    "CallUpdateTokenS2S",
    CallUpdateTokenS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallIdealListS2S`.
    pub struct CallIdealListS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallIdealListS2S,
    "CallIdealListS2S",
    CallIdealListS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallMyBankListS2S`.
    pub struct CallMyBankListS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallMyBankListS2S,
    "CallMyBankListS2S",
    CallMyBankListS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallUpdateCustomParamS2S`.
    pub struct CallUpdateCustomParamS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallUpdateCustomParamS2S,
    "CallUpdateCustomParamS2S",
    CallUpdateCustomParamS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallUpdateOrderS2S`.
    pub struct CallUpdateOrderS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallUpdateOrderS2S,
    "CallUpdateOrderS2S",
    CallUpdateOrderS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callExchangeRateS2S`.
    pub struct CallExchangeRateS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallExchangeRateS2S,
    "callExchangeRateS2S",
    CallExchangeRateS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `callDeviceActivation`.
    pub struct CallDeviceActivation {
        /// `shopLogin` (30, mandatory).
        pub shop_login: String => "shopLogin" [max 30],
        /// `apikey`.
        pub api_key: Option<Secret> => "apikey",
    }
}

s2s_request!(
    CallDeviceActivation,
    "callDeviceActivation",
    CallDeviceActivationResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);
