//! The `GestPayS2S` payload and the result type of each operation.

use crate::codes::TransactionResult;
use crate::message::{Outcome, Response};
use crate::soap::Operation;

crate::xml_model! {
    #[unknown]
    /// `GestPayS2S`: the payload every WsS2S operation answers with.
    pub struct GestPayS2S {
        /// `TransactionType`.
        pub transaction_type: Option<String> => "TransactionType",
        /// `TransactionResult`: `OK` / `KO` (`XX` pending).
        pub transaction_result: Option<TransactionResult> => "TransactionResult",
        /// `ErrorCode` (`TransactionErrorCode` for callCheckCartaS2S and CallRequestTokenS2S).
        pub error_code: Option<u32> => "ErrorCode" | "TransactionErrorCode",
        /// `ErrorDescription` (`TransactionErrorDescription`).
        pub error_description: Option<String> => "ErrorDescription" | "TransactionErrorDescription",
    }
}

impl Outcome for GestPayS2S {
    fn transaction_result(&self) -> Option<&TransactionResult> {
        self.transaction_result.as_ref()
    }
    fn error_code(&self) -> Option<u32> {
        self.error_code
    }
    fn error_description(&self) -> Option<&str> {
        self.error_description.as_deref()
    }
}

/// Declares the result type of each operation: a `GestPayS2S` payload bound to the operation's
/// names, so that the answer to another operation is refused.
macro_rules! s2s_results {
    ($($ty:ident => $op:literal),* $(,)?) => {$(
        #[doc = concat!("The result of `", $op, "`: a [`GestPayS2S`] payload (dereferences to it).")]
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $ty(pub GestPayS2S);

        impl std::ops::Deref for $ty {
            type Target = GestPayS2S;
            fn deref(&self) -> &GestPayS2S {
                &self.0
            }
        }

        impl std::ops::DerefMut for $ty {
            fn deref_mut(&mut self) -> &mut GestPayS2S {
                &mut self.0
            }
        }

        impl From<GestPayS2S> for $ty {
            fn from(payload: GestPayS2S) -> Self {
                $ty(payload)
            }
        }

        impl crate::xml::XmlModel for $ty {
            fn write_children(&self, w: &mut crate::xml::XmlWriter) -> crate::Result<()> {
                self.0.write_children(w)
            }
            fn read_child<'a>(
                &mut self,
                r: &mut crate::xml::XmlReader<'a>,
                child: &crate::xml::Child<'a>,
            ) -> crate::Result<()> {
                self.0.read_child(r, child)
            }
        }

        impl Response for $ty {
            const OPERATION: Operation = crate::operation!(S2s, $op);
        }

        impl Outcome for $ty {
            fn transaction_result(&self) -> Option<&TransactionResult> {
                self.0.transaction_result()
            }
            fn error_code(&self) -> Option<u32> {
                self.0.error_code()
            }
            fn error_description(&self) -> Option<&str> {
                self.0.error_description()
            }
        }
    )*};
}

s2s_results! {
    CallRefundS2SResult => "callRefundS2S",
    CallReadTrxS2SResult => "callReadTrxS2S",
    CallPagamS2SResult => "callPagamS2S",
    CallDeleteS2SResult => "callDeleteS2S",
    CallSettleS2SResult => "callSettleS2S",
    CallVerifycardS2SResult => "callVerifycardS2S",
    CallCheckCartaS2SResult => "callCheckCartaS2S",
    CallRenounceResult => "callRenounce",
    CallRequestTokenS2SResult => "CallRequestTokenS2S",
    CallDeleteTokenS2SResult => "callDeleteTokenS2S",
    CallUpdateTokenS2SResult => "CallUpdateTokenS2S",
    CallIdealListS2SResult => "CallIdealListS2S",
    CallMyBankListS2SResult => "CallMyBankListS2S",
    CallUpdateCustomParamS2SResult => "CallUpdateCustomParamS2S",
    CallUpdateOrderS2SResult => "CallUpdateOrderS2S",
    CallExchangeRateS2SResult => "callExchangeRateS2S",
    CallDeviceActivationResult => "callDeviceActivation",
}
