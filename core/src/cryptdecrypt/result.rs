//! The `GestPayCryptDecrypt` payloads of Encrypt and Decrypt (docs/protocol.md §2.2, §2.4).

use crate::Text;
use crate::amount::Amount;
use crate::codes::{Currency, RiskResponseCode, TransactionResult};
use crate::custom_info::ReturnedCustomInfo;
use crate::message::{Outcome, Response};
use crate::payload::{Buyer, Risk, ThreeDs, Vbv};
use crate::secret::Secret;
use crate::soap::Operation;

crate::xml_model! {
    #[unknown]
    /// The result of `Encrypt`.
    pub struct EncryptResult {
        /// `TransactionType`: `ENCRYPT`.
        pub transaction_type: Option<Text> => "TransactionType",
        /// `TransactionResult`: `OK` / `KO`.
        pub transaction_result: Option<TransactionResult> => "TransactionResult",
        /// `CryptDecryptString`: parameter `b` of the payment page; present when OK.
        pub crypt_decrypt_string: Option<Text> => "CryptDecryptString",
        /// `ErrorCode`: `0` when OK.
        pub error_code: Option<u32> => "ErrorCode",
        /// `ErrorDescription`: localised text.
        pub error_description: Option<Text> => "ErrorDescription",
    }
}

impl Response for EncryptResult {
    const OPERATION: Operation = crate::operation!(CryptDecrypt, "Encrypt");
}

crate::xml_model! {
    #[unknown]
    /// The result of `Decrypt`: the outcome of the payment made on the payment page.
    pub struct DecryptResult {
        /// `TransactionType`: `DECRYPT`.
        pub transaction_type: Option<Text> => "TransactionType",
        /// `TransactionResult`: `OK`, `KO`, or `XX` (pending).
        pub transaction_result: Option<TransactionResult> => "TransactionResult",
        /// `ShopTransactionID` (50): the merchant's id (note the capital D).
        pub shop_transaction_id: Option<Text> => "ShopTransactionID" | "shopTransactionID",
        /// `BankTransactionID`: the gateway's id; keep it for settle, refund, read.
        pub bank_transaction_id: Option<Text> => "BankTransactionID",
        /// `AuthorizationCode` (6): text, leading zeros matter.
        pub authorization_code: Option<Text> => "AuthorizationCode",
        /// `Currency`: UIC code.
        pub currency: Option<Currency> => "Currency",
        /// `Amount`.
        pub amount: Option<Amount> => "Amount",
        /// `Country` (30): the card issuer's country, as text (`ITALIA`).
        pub country: Option<Text> => "Country",
        /// `CustomInfo` (1000): the parameters configured to be returned, values decoded.
        pub custom_info: Option<ReturnedCustomInfo> => "CustomInfo",
        /// `Buyer`: `BuyerName`, `BuyerEmail`.
        pub buyer: Option<Buyer> => "Buyer",
        /// `TDLevel`: 3-D Secure level, `FULL` / `HALF` / empty.
        pub td_level: Option<Text> => "TDLevel",
        /// `ErrorCode`: `0` = OK.
        pub error_code: Option<u32> => "ErrorCode",
        /// `ErrorDescription` (255): localised.
        pub error_description: Option<Text> => "ErrorDescription",
        /// `AlertCode`: risk rule violated (`0`/empty: none).
        pub alert_code: Option<u32> => "AlertCode",
        /// `AlertDescription`.
        pub alert_description: Option<Text> => "AlertDescription",
        /// `CVVPresent`: `Y` / `N`.
        pub cvv_present: Option<Text> => "CVVPresent",
        /// `MaskedPAN`: the masked card number (not a payment token).
        pub masked_pan: Option<Text> => "MaskedPAN",
        /// `PaymentMethod` (100): circuit or method used.
        pub payment_method: Option<Text> => "PaymentMethod",
        /// `TOKEN` (25): the card token, when `requestToken` was sent.
        pub token: Option<Secret> => "TOKEN",
        /// `ProductType`: `Credit` / `Debit`.
        pub product_type: Option<Text> => "ProductType",
        /// `TokenExpiryMonth`.
        pub token_expiry_month: Option<Secret> => "TokenExpiryMonth",
        /// `TokenExpiryYear`.
        pub token_expiry_year: Option<Secret> => "TokenExpiryYear",
        /// `TransactionKey` (18): 3-D transaction key (S2S only).
        pub transaction_key: Option<Text> => "TransactionKey",
        /// `VbV`: flag text here; a container in callPagamS2S (both read).
        pub vbv: Option<Vbv> => "VbV",
        /// `VbVRisp`: encrypted 3-D Secure string (flat shape).
        pub vbv_risp: Option<Text> => "VbVRisp",
        /// `VbVBuyer`: `OK` enrolled / `KO` not (flat shape).
        pub vbv_buyer: Option<Text> => "VbVBuyer",
        /// `VbVFlag`: 3-D Secure status (flat shape).
        pub vbv_flag: Option<Text> => "VbVFlag",
        /// `RiskResponseCode`: Riskified result (flat shape).
        pub risk_response_code: Option<RiskResponseCode> => "RiskResponseCode",
        /// `RiskResponseDescription` (flat shape).
        pub risk_response_description: Option<Text> => "RiskResponseDescription",
        /// `RISK`: the same, nested (as callReadTrxS2S sends it).
        pub risk: Option<Risk> => "RISK",
        /// `ThreeDS`: the 3-D Secure 2 outcome.
        pub three_ds: Option<ThreeDs> => "ThreeDS",
        /// `AVSResultCode`: address verification (third-party sources only).
        pub avs_result_code: Option<Text> => "AVSResultCode",
        /// `AVSResultDescription`.
        pub avs_result_description: Option<Text> => "AVSResultDescription",
    }
}

impl Response for DecryptResult {
    const OPERATION: Operation = crate::operation!(CryptDecrypt, "Decrypt");
}

crate::payload::card_result_accessors!(DecryptResult);

macro_rules! outcome {
    ($($ty:ty),*) => {$(
        impl Outcome for $ty {
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
    )*};
}

outcome!(EncryptResult, DecryptResult);
