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

s2s_request!(CallReadTrxS2S, "callReadTrxS2S", CallReadTrxS2SResult, |req, c| {
    c.nonempty("shopLogin", &req.shop_login);
    if req.shop_transaction_id.is_none() && req.bank_transaction_id.is_none() {
        c.fail(
            crate::ErrorCode::MissingField,
            "bankTransactionId",
            "one of shopTransactionId and bankTransactionId is mandatory",
        );
    }
});
