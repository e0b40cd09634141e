//! The requests of the 17 WsS2S operations, fields in WSDL wire order (docs/protocol.md §3).
//!
//! One file per family:
//!
//! * `payment`: [`CallPagamS2S`] (authorisation with card data, a token, Apple/Google Pay, an
//!   Amazon Pay order reference, or the second call of a 3-D Secure payment);
//! * `capture`: [`CallSettleS2S`], [`CallDeleteS2S`], [`CallRefundS2S`], [`CallReadTrxS2S`] —
//!   the calls on an existing transaction, identified by a [`TransactionRef`];
//! * `cards`: [`CallCheckCartaS2S`], [`CallVerifycardS2S`] (legacy), [`CallRequestTokenS2S`],
//!   [`CallDeleteTokenS2S`], [`CallUpdateTokenS2S`];
//! * `lists`: [`CallIdealListS2S`], [`CallMyBankListS2S`], [`CallExchangeRateS2S`];
//! * `misc`: [`CallUpdateOrderS2S`], [`CallUpdateCustomParamS2S`], [`CallRenounce`],
//!   [`CallDeviceActivation`] (the last three are undocumented by the gateway).
//!
//! Every request is a plain struct with public fields in wire order (an unset `Option` is not
//! written; a mandatory `String` is always written), plus constructors and setters for the usual
//! shapes. [`Request::validate`] (run by `to_envelope`/`to_http`) checks the documented rules
//! and names the field and the rule broken; it never echoes a secret value.

use super::result::*;
use crate::Text;
use crate::error::{ErrorCode, Result};
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
                let $self = self;
                // The operation's own rules (mandatory fields, formats) report first; then the
                // declared length rules of every field, nested models included.
                $extra
                XmlModel::check_children(self, &mut $c, "");
                $c.finish()
            }
        }
    };
}

/// Adds the `api_key` setter (API-key authentication, element `apikey`) to request types.
macro_rules! api_key_setter {
    ($($ty:ident),* $(,)?) => {$(
        impl $ty {
            /// The API key (`apikey`), when API-key authentication is enabled in the back office.
            pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
                self.api_key = Some(key.into());
                self
            }
        }
    )*};
}

mod capture;
mod cards;
mod lists;
mod misc;
mod payment;

pub use capture::{CallDeleteS2S, CallReadTrxS2S, CallRefundS2S, CallSettleS2S};
pub use cards::{
    CallCheckCartaS2S, CallDeleteTokenS2S, CallRequestTokenS2S, CallUpdateTokenS2S,
    CallVerifycardS2S,
};
pub use lists::{CallExchangeRateS2S, CallIdealListS2S, CallMyBankListS2S};
pub use misc::{CallDeviceActivation, CallRenounce, CallUpdateCustomParamS2S, CallUpdateOrderS2S};
pub use payment::CallPagamS2S;

/// Which transaction a call on an existing transaction (settle, delete, refund, read, update
/// order, update custom parameter) is about.
///
/// `shopLogin` + the bank transaction id (`BankTransactionID` of the payment result) identifies a
/// transaction uniquely; the shop transaction id (the merchant's own order id) works only when
/// the merchant never reused it — otherwise the gateway answers that the transaction is "not
/// uniquely identified". Both may be sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TransactionRef {
    /// The gateway's id (`bankTransactionId` / `bankTransID`): always unique. Preferred.
    Bank(Text),
    /// The merchant's id (`shopTransactionId` / `shopTransID`): only if it is unique.
    Shop(Text),
    /// Both ids.
    Both {
        /// The merchant's id.
        shop: Text,
        /// The gateway's id.
        bank: Text,
    },
}

impl TransactionRef {
    /// By the gateway's id (`BankTransactionID` of the payment result).
    pub fn bank(id: impl AsRef<str>) -> Self {
        TransactionRef::Bank(Text::from(id.as_ref()))
    }

    /// By the merchant's id (must be unique for the shop).
    pub fn shop(id: impl AsRef<str>) -> Self {
        TransactionRef::Shop(Text::from(id.as_ref()))
    }

    /// By both ids.
    pub fn both(shop: impl AsRef<str>, bank: impl AsRef<str>) -> Self {
        TransactionRef::Both {
            shop: Text::from(shop.as_ref()),
            bank: Text::from(bank.as_ref()),
        }
    }

    /// The merchant's id, when given.
    pub fn shop_id(&self) -> Option<&str> {
        match self {
            TransactionRef::Shop(s) | TransactionRef::Both { shop: s, .. } => Some(s),
            TransactionRef::Bank(_) => None,
        }
    }

    /// The gateway's id, when given.
    pub fn bank_id(&self) -> Option<&str> {
        match self {
            TransactionRef::Bank(b) | TransactionRef::Both { bank: b, .. } => Some(b),
            TransactionRef::Shop(_) => None,
        }
    }

    /// `(shop id, bank id)`, the two optional fields of the requests.
    pub fn into_ids(self) -> (Option<Text>, Option<Text>) {
        match self {
            TransactionRef::Bank(b) => (None, Some(b)),
            TransactionRef::Shop(s) => (Some(s), None),
            TransactionRef::Both { shop, bank } => (Some(shop), Some(bank)),
        }
    }
}

/// True when an optional text holds a non-empty value.
fn is_set(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// True when an optional secret holds a non-empty value.
fn is_set_secret(value: Option<&Secret>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// `Y` / `N` for a boolean flag (`withAuth`, `withAut`, `chargeBackFraud`).
fn yes_no(flag: bool) -> Text {
    Text::const_new(if flag { "Y" } else { "N" })
}

/// A mandatory secret: present and non-empty.
fn required_secret(c: &mut Check, field: &str, value: Option<&Secret>) {
    if !is_set_secret(value) {
        c.fail(ErrorCode::MissingField, field, "is mandatory");
    }
}

/// A `Y`/`N` flag, when present: `Y`, `N`, or `0` ([`FLAG_VALUES`](crate::validate::FLAG_VALUES)).
fn check_yes_no(c: &mut Check, field: &str, value: Option<&str>) {
    c.flag(field, value);
}

/// A mandatory `Y`/`N` flag.
fn check_required_yes_no(c: &mut Check, field: &str, value: &str) {
    c.nonempty(field, value);
    check_yes_no(c, field, Some(value));
}

/// At least one of the two transaction ids (docs/protocol.md §3.0); the error names `bank_field`.
fn check_transaction_ids(
    c: &mut Check,
    (shop_field, shop): (&str, Option<&str>),
    (bank_field, bank): (&str, Option<&str>),
) {
    if !is_set(shop) && !is_set(bank) {
        c.fail(
            ErrorCode::MissingField,
            bank_field,
            format!("one of {shop_field} and {bank_field} is mandatory ({bank_field} is unique)"),
        );
    }
}

/// Card data as three optional secret fields: `[(wire name, value); 3]` (number, month, year).
type CardFields<'a> = [(&'static str, Option<&'a Secret>); 3];

/// True when any part of the card data is present.
fn has_card_data(card: &CardFields<'_>) -> bool {
    card.iter().any(|(_, v)| is_set_secret(*v))
}

/// Card data given in part: the first missing part is reported.
fn check_card_complete(c: &mut Check, card: &CardFields<'_>) {
    if let Some((field, _)) = card.iter().find(|(_, v)| !is_set_secret(*v)) {
        c.fail(
            ErrorCode::MissingField,
            field,
            format!(
                "card data is incomplete: {}, {} and {} go together",
                card[0].0, card[1].0, card[2].0
            ),
        );
    }
}

/// The formats of card data, when present: the number (digits only, at least 12; at most
/// `number_max`, the field's documented length, reported by the length rule), the year (two
/// digits), the month (`01`–`12`) and the CVV (3 or 4 digits), under their wire names. Only the
/// first broken rule is reported.
fn check_card_formats(
    c: &mut Check,
    card: &CardFields<'_>,
    number_max: usize,
    cvv: (&str, Option<&Secret>),
) {
    c.card_number(card[0].0, card[0].1, number_max);
    c.expiry_year(card[2].0, card[2].1);
    c.expiry_month(card[1].0, card[1].1);
    c.cvv(cvv.0, cvv.1);
}

/// Card data XOR token (callCheckCartaS2S): both → `conflicting_fields` on `tokenValue`; none →
/// `missing_field` on the card number; a part of the card data alone → the missing part.
fn check_card_xor_token(c: &mut Check, card: &CardFields<'_>, token: Option<&Secret>) {
    let has_card = has_card_data(card);
    let has_token = is_set_secret(token);
    match (has_card, has_token) {
        (true, true) => c.fail(
            ErrorCode::ConflictingFields,
            "tokenValue",
            format!(
                "card data XOR token: send {} (with its expiry) or tokenValue, not both",
                card[0].0
            ),
        ),
        (false, false) => c.fail(
            ErrorCode::MissingField,
            card[0].0,
            format!(
                "card data ({}, {}, {}) or tokenValue is mandatory",
                card[0].0, card[1].0, card[2].0
            ),
        ),
        (true, false) => check_card_complete(c, card),
        (false, true) => {}
    }
}
