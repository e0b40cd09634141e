//! The `GestPayS2S` payload every WsS2S operation answers with (docs/protocol.md §3, §4b), and
//! the result type of each operation.
//!
//! One payload type serves the 17 operations: each fills the fields it documents and omits the
//! others. Fields are read by name in any order; the spellings the sources disagree on for one
//! element are all read (D9: `shopTransactionID`, `TransKey`, `BuyerType`, `VBV`), each element
//! once. Distinct elements have distinct fields, even where operations use them for the same
//! thing (D12: `TOKEN` in `token`, `Token` in `mixed_case_token`; D13: `ErrorCode` in
//! `error_code`, `TransactionErrorCode` in `transaction_error_code`), with accessors that
//! answer whichever came ([`Outcome::error_code`], [`GestPayS2S::token_value`]). The flat and
//! nested shapes of `VbV` and of the Riskified outcome are both kept (D10, D11), with accessors
//! that merge them. Elements this version does not know are kept whole in `unknown`, never an
//! error. Dates and timestamps stay text.

use crate::amount::Amount;
use crate::codes::{Currency, EventType, RiskResponseCode, TransactionResult, TransactionState};
use crate::custom_info::ReturnedCustomInfo;
use crate::message::{Outcome, Response};
use crate::payload::{Buyer, Risk, ThreeDs, Vbv};
use crate::secret::Secret;
use crate::soap::Operation;

use super::amazon::{AmazonAddresses, OrderReferenceDetails};
use super::parts::{Bank, Event, ExchangeRateEntry};
use crate::Text;

crate::xml_model! {
    #[unknown]
    /// `GestPayS2S`: the payload every WsS2S operation answers with.
    ///
    /// Which fields are present depends on the operation and on the merchant's profile (Back
    /// Office "Fields & Parameters"); every field is optional.
    pub struct GestPayS2S {
        /// `TransactionType`: `PAGAM`, `QUERYTX`, `Settle`, `CHECKCARD`, … (one per operation).
        pub transaction_type: Option<Text> => "TransactionType",
        /// `TransactionResult`: `OK` / `KO` (`XX` pending, asynchronous methods).
        pub transaction_result: Option<TransactionResult> => "TransactionResult",
        /// `TransactionState` (callReadTrxS2S): `AUT`, `MOV`, `CAN`, `STO`, `PRE` (open).
        pub transaction_state: Option<TransactionState> => "TransactionState",
        /// `ShopTransactionID`: the merchant's id, echoed (`shopTransactionID` read too).
        pub shop_transaction_id: Option<Text> => "ShopTransactionID" | "shopTransactionID",
        /// `BankTransactionID`: the gateway's id; keep it for settle, refund, delete, read.
        pub bank_transaction_id: Option<Text> => "BankTransactionID",
        /// `AuthorizationCode`: text, leading zeros matter (`008152`).
        pub authorization_code: Option<Text> => "AuthorizationCode",
        /// `Currency`: UIC code.
        pub currency: Option<Currency> => "Currency",
        /// `Amount`.
        pub amount: Option<Amount> => "Amount",
        /// `Country`: the card issuer's country, as text (`ITALIA`).
        pub country: Option<Text> => "Country",
        /// `Company` (callReadTrxS2S, callVerifycardS2S): the card company or method
        /// (`MASTERCARD SECURECODE`, `AMAZONPAY`).
        pub company: Option<Text> => "Company",
        /// `Buyer`: `BuyerName`, `BuyerEmail` (`BuyerType`, the docs table's name, read too).
        pub buyer: Option<Buyer> => "Buyer" | "BuyerType",
        /// `CustomInfo`: the custom parameters configured to be returned, values decoded.
        pub custom_info: Option<ReturnedCustomInfo> => "CustomInfo",
        /// `TDLevel`: 3-D Secure level, `FULL` / `HALF` / empty.
        pub td_level: Option<Text> => "TDLevel",
        /// `Events/event*` (callReadTrxS2S): the transaction's history, oldest first; always a
        /// list (empty when the element is absent or empty).
        pub events: Vec<Event> => "Events" / "event",
        /// `ErrorCode`: `0` = success, `8006` = 3-D Secure authentication required. The outcome
        /// of every operation but two, which answer `TransactionErrorCode`; read
        /// [`Outcome::error_code`] for whichever came.
        pub error_code: Option<u32> => "ErrorCode",
        /// `ErrorDescription`: localised text, often Italian; key on the code.
        pub error_description: Option<Text> => "ErrorDescription",
        /// `TransactionErrorCode`: the outcome as callCheckCartaS2S and CallRequestTokenS2S
        /// name it (D13); a distinct element, kept apart from `ErrorCode`.
        pub transaction_error_code: Option<u32> => "TransactionErrorCode",
        /// `TransactionErrorDescription`: its description (callCheckCartaS2S,
        /// CallRequestTokenS2S).
        pub transaction_error_description: Option<Text> => "TransactionErrorDescription",
        /// `AlertCode`: risk rule violated (empty: none).
        pub alert_code: Option<u32> => "AlertCode",
        /// `AlertDescription`.
        pub alert_description: Option<Text> => "AlertDescription",
        /// `TransactionKey` (callPagamS2S, 3-D Secure): send it back as `transKey` (`TransKey`
        /// read too).
        pub transaction_key: Option<Text> => "TransactionKey" | "TransKey",
        /// `VbV`: 3-D Secure information, container (callPagamS2S) or flag text; see
        /// [`vbv_risp`](GestPayS2S::vbv_risp) (`VBV` read too).
        pub vbv: Option<Vbv> => "VbV" | "VBV",
        /// `VbVFlag` (flat shape).
        pub vbv_flag: Option<Text> => "VbVFlag",
        /// `VbVBuyer` (flat shape).
        pub vbv_buyer: Option<Text> => "VbVBuyer",
        /// `VbVRisp` (flat shape): the encrypted string for the 3-D Secure page.
        pub vbv_risp: Option<Text> => "VbVRisp",
        /// `MaskedPAN`: the masked card number (not a payment token).
        pub masked_pan: Option<Text> => "MaskedPAN",
        /// `PaymentMethod`: e.g. `VISA VBV`.
        pub payment_method: Option<Text> => "PaymentMethod",
        /// `ProductType`: `Credit` / `Debit` / empty.
        pub product_type: Option<Text> => "ProductType",
        /// `CVVPresent`: `Y` / `N`.
        pub cvv_present: Option<Text> => "CVVPresent",
        /// `TOKEN` (callPagamS2S): the card token; see [`token_value`](GestPayS2S::token_value)
        /// for whichever spelling came.
        pub token: Option<Secret> => "TOKEN",
        /// `Token` (CallRequestTokenS2S): the card token, as this operation spells it (D12); a
        /// distinct element, kept apart from `TOKEN`.
        pub mixed_case_token: Option<Secret> => "Token",
        /// `TokenExpiryMonth`.
        pub token_expiry_month: Option<Secret> => "TokenExpiryMonth",
        /// `TokenExpiryYear`.
        pub token_expiry_year: Option<Secret> => "TokenExpiryYear",
        /// `PayPalFee`: the fee owed to PayPal, as text (its format is undocumented).
        pub paypal_fee: Option<Text> => "PayPalFee",
        /// `RiskResponseCode` (flat shape): the Riskified outcome; see
        /// [`risk_code`](GestPayS2S::risk_code).
        pub risk_response_code: Option<RiskResponseCode> => "RiskResponseCode",
        /// `RiskResponseDescription` (flat shape).
        pub risk_response_description: Option<Text> => "RiskResponseDescription",
        /// `RISK` (callReadTrxS2S): the same, nested.
        pub risk: Option<Risk> => "RISK",
        /// `ThreeDS`: the 3-D Secure 2 outcome.
        pub three_ds: Option<ThreeDs> => "ThreeDS",
        /// `AuthorizationErrorCode` (callCheckCartaS2S, CallRequestTokenS2S), as text.
        pub authorization_error_code: Option<Text> => "AuthorizationErrorCode",
        /// `AuthorizationResult`: `OK` / `KO` / `NULL` (no authorisation attempted; kept as
        /// `Other("NULL")`).
        pub authorization_result: Option<TransactionResult> => "AuthorizationResult",
        /// `AuthorizationCodeDescription`.
        pub authorization_code_description: Option<Text> => "AuthorizationCodeDescription",
        /// `CardCountry`: e.g. `ITALIA`.
        pub card_country: Option<Text> => "CardCountry",
        /// `CardCountryCode`: ISO 3166-1 numeric, as text (`380`).
        pub card_country_code: Option<Text> => "CardCountryCode",
        /// `CheckCVV`: `OK` / `KO` / `NULL`.
        pub check_cvv: Option<Text> => "CheckCVV",
        /// `CheckCVVDescription`.
        pub check_cvv_description: Option<Text> => "CheckCVVDescription",
        /// `IssuerCountry`.
        pub issuer_country: Option<Text> => "IssuerCountry",
        /// `IssuerCountryCode`: ISO 3166-1 numeric, as text.
        pub issuer_country_code: Option<Text> => "IssuerCountryCode",
        /// `CompanyDescription`: e.g. `MASTERCARD`.
        pub company_description: Option<Text> => "CompanyDescription",
        /// `CompanyCode`, as text.
        pub company_code: Option<Text> => "CompanyCode",
        /// `Commercial`: `Y` / `N`.
        pub commercial: Option<Text> => "Commercial",
        /// `ProductDescription`: e.g. `Visa Gold`.
        pub product_description: Option<Text> => "ProductDescription",
        /// `CheckDigit`: `OK` / `KO`.
        pub check_digit: Option<Text> => "CheckDigit",
        /// `CheckDigitDescription`.
        pub check_digit_description: Option<Text> => "CheckDigitDescription",
        /// `CheckDate`: `OK` / `KO`.
        pub check_date: Option<Text> => "CheckDate",
        /// `CheckDateDescription`.
        pub check_date_description: Option<Text> => "CheckDateDescription",
        /// `EnrolledCode`: 3-D Secure enrolment, `Y` / `N` / `E` (error) / `U` (unverifiable).
        pub enrolled_code: Option<Text> => "EnrolledCode",
        /// `EnrolledDescription`.
        pub enrolled_description: Option<Text> => "EnrolledDescription",
        /// `Prepaid`: `Y` / `N` / empty.
        pub prepaid: Option<Text> => "Prepaid",
        /// `CardBIN`: the card's BIN (CallRequestTokenS2S).
        pub card_bin: Option<Text> => "CardBIN",
        /// `BankList/Bank*` (CallIdealListS2S, CallMyBankListS2S).
        pub bank_list: Vec<Bank> => "BankList" / "Bank",
        /// `ExchangeRates/ExchangeRate*` (callExchangeRateS2S): today and the previous days.
        pub exchange_rates: Vec<ExchangeRateEntry> => "ExchangeRates" / "ExchangeRate",
        /// `OrderReferenceDetails` (callReadTrxS2S, Amazon Pay): see
        /// [`amazon_addresses`](GestPayS2S::amazon_addresses).
        pub order_reference_details: Option<OrderReferenceDetails> => "OrderReferenceDetails",
    }
}

crate::payload::card_result_accessors!(GestPayS2S);

impl GestPayS2S {
    /// Parses the result of the WsS2S operation `op`, chosen at run time, given as an envelope,
    /// the Response or Result element, or the bare payload: what `from_xml_with_limits` of
    /// each operation's result type does ([`Response::from_xml_with_limits`]). For a
    /// dispatcher that holds the operation as a value: the code exists once rather than once
    /// per result type. `op` must be an operation of WsS2S (any other is refused as an
    /// unexpected answer).
    pub fn from_xml_for(
        op: &Operation,
        body: &[u8],
        limits: crate::xml::Limits,
    ) -> crate::Result<Self> {
        if op.service != crate::soap::Service::S2s {
            return Err(crate::Error::malformed(
                crate::ErrorCode::UnexpectedOperation,
                format!("`{}` is not an operation of WsS2S", op.name),
            ));
        }
        crate::soap::parse_result(op, body, limits, crate::soap::Wrapping::Any)
    }

    /// True when the payment needs 3-D Secure authentication first (`ErrorCode` `8006`):
    /// send the buyer to the 3-D Secure page with [`vbv_risp`](GestPayS2S::vbv_risp), then
    /// call callPagamS2S again with [`transaction_key`](GestPayS2S::transaction_key) and the
    /// PaRes (docs/protocol.md §6.3).
    pub fn requires_3ds(&self) -> bool {
        Outcome::error_code(self) == Some(8006)
    }

    /// The card token, whichever element carried it: `TOKEN` (callPagamS2S) or `Token`
    /// (CallRequestTokenS2S). `TOKEN` wins when both came (never seen: each operation sends
    /// one); both stay readable as fields. Send it back as `tokenValue`.
    pub fn token_value(&self) -> Option<&Secret> {
        self.token.as_ref().or(self.mixed_case_token.as_ref())
    }

    /// The events of one type (`AUT`, `MOV`, `STO` …), in order.
    pub fn events_of<'s>(&'s self, kind: &'s EventType) -> impl Iterator<Item = &'s Event> {
        self.events
            .iter()
            .filter(move |e| e.event_type.as_ref() == Some(kind))
    }

    /// Where to ship and whom to bill, for an Amazon Pay transaction: step 4 of the Amazon Pay
    /// flow ("get the buyer's shipping and billing address") is a callReadTrxS2S whose result
    /// carries Amazon's `OrderReferenceDetails`; this reads it into normalised [`Address`]es.
    ///
    /// * `shipping`: `Destination/PhysicalDestination` (the address chosen in Amazon's
    ///   address book);
    /// * `billing`: `BillingAddress/PhysicalAddress` (the address of the wallet's payment
    ///   method);
    /// * `buyer_name`, `buyer_email`: Amazon's `Buyer`, falling back to the gateway's top-level
    ///   `Buyer` when Amazon's is empty; `buyer_phone`: Amazon's `Buyer/Phone`.
    ///
    /// Empty parts are `None` and are never shifted (an empty `AddressLine1` with a filled
    /// `AddressLine2` stays so). `None` when the result has no `OrderReferenceDetails` (not an
    /// Amazon Pay transaction, or not a callReadTrxS2S result).
    ///
    /// ```
    /// use gestpay::Response;
    /// use gestpay::s2s::CallReadTrxS2SResult;
    ///
    /// # fn main() -> gestpay::Result<()> {
    /// let xml = br#"<GestPayS2S><TransactionResult>OK</TransactionResult><Company>AMAZONPAY</Company>
    ///   <OrderReferenceDetails>
    ///     <Destination><PhysicalDestination><Name>Marco Rossi</Name>
    ///       <AddressLine1>via Gobe 15</AddressLine1><City>BIELLA</City>
    ///       <PostalCode>13900</PostalCode><CountryCode>IT</CountryCode>
    ///     </PhysicalDestination></Destination>
    ///     <Buyer><Name>Ale</Name><Email>marco.rossi@email.it</Email></Buyer>
    ///   </OrderReferenceDetails></GestPayS2S>"#;
    /// let result = CallReadTrxS2SResult::from_xml(xml)?;
    /// let amazon = result.amazon_addresses().expect("an Amazon Pay transaction");
    /// let ship_to = amazon.shipping.expect("a shipping address");
    /// assert_eq!(ship_to.name.as_deref(), Some("Marco Rossi"));
    /// assert_eq!(ship_to.address_line1.as_deref(), Some("via Gobe 15"));
    /// assert_eq!(amazon.billing, None);
    /// assert_eq!(amazon.buyer_email.as_deref(), Some("marco.rossi@email.it"));
    /// # Ok(()) }
    /// ```
    ///
    /// [`Address`]: crate::address::Address
    pub fn amazon_addresses(&self) -> Option<AmazonAddresses> {
        let details = self.order_reference_details.as_ref()?;
        Some(amazon_addresses_of(details, self.buyer.as_ref()))
    }
}

/// [`GestPayS2S::amazon_addresses`] from the two members it reads: for a reader that has only
/// them (the read-only WASM module reads them from JSON by hand, without building a whole
/// payload).
#[doc(hidden)]
pub fn amazon_addresses_of(
    details: &OrderReferenceDetails,
    buyer: Option<&Buyer>,
) -> AmazonAddresses {
    let mut out = details.addresses();
    if out.buyer_name.is_none() {
        out.buyer_name = crate::address::clean(buyer.and_then(|b| b.buyer_name.as_deref()));
    }
    if out.buyer_email.is_none() {
        out.buyer_email = crate::address::clean(buyer.and_then(|b| b.buyer_email.as_deref()));
    }
    out
}

/// The outcome answers whichever element came: `ErrorCode` / `ErrorDescription` (every
/// operation but two), else `TransactionErrorCode` / `TransactionErrorDescription`
/// (callCheckCartaS2S, CallRequestTokenS2S). When both codes came, **`ErrorCode` wins** (it is
/// the outcome element of the protocol; no operation is documented to send both), and the
/// description follows the code chosen, falling back to the other one; both pairs stay
/// readable as fields.
impl Outcome for GestPayS2S {
    fn transaction_result(&self) -> Option<&TransactionResult> {
        self.transaction_result.as_ref()
    }
    fn error_code(&self) -> Option<u32> {
        self.error_code.or(self.transaction_error_code)
    }
    fn error_description(&self) -> Option<&str> {
        let (first, second) = if self.error_code.is_some() || self.transaction_error_code.is_none()
        {
            (&self.error_description, &self.transaction_error_description)
        } else {
            (&self.transaction_error_description, &self.error_description)
        };
        first.as_deref().or(second.as_deref())
    }
}

/// The `GestPayS2S` payload of a result, when it has one (every WsS2S result).
#[doc(hidden)]
pub trait PayloadOf {
    /// The payload; `None` for the results of WsCryptDecrypt.
    fn payload(&self) -> Option<&GestPayS2S> {
        None
    }
}

impl PayloadOf for crate::cryptdecrypt::EncryptResult {}
impl PayloadOf for crate::cryptdecrypt::DecryptResult {}

/// Declares the result type of each operation: a `GestPayS2S` payload bound to the operation's
/// names, so that the answer to another operation is refused. Every element is written under
/// its own name: a result built for callCheckCartaS2S or CallRequestTokenS2S says
/// `TransactionErrorCode` (and `Token`) when those fields are set, as the gateway does.
macro_rules! s2s_results {
    ($($ty:ident => $op:literal),* $(,)?) => {$(
        #[doc = concat!("The result of `", $op, "`: a [`GestPayS2S`] payload (dereferences to it).")]
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

        impl From<$ty> for GestPayS2S {
            fn from(result: $ty) -> Self {
                result.0
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
                seen: &mut crate::xml::Seen,
            ) -> crate::Result<()> {
                self.0.read_child(r, child, seen)
            }
            fn own_attributes(&self) -> &[crate::xml::KeptAttribute] {
                self.0.own_attributes()
            }
            // GestPayS2S's own loop, rather than one instance of the default per operation.
            fn read_children<'a>(
                &mut self,
                r: &mut crate::xml::XmlReader<'a>,
                parent: &crate::xml::Child<'a>,
            ) -> crate::Result<()> {
                self.0.read_children(r, parent)
            }
        }

        impl PayloadOf for $ty {
            fn payload(&self) -> Option<&GestPayS2S> {
                Some(&self.0)
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
