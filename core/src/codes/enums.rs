//! Open enums over the small code tables: results, states, event types, risk responses, 3-D
//! Secure authentication levels and `transDetails` types.
//!
//! The variants are written here; their codes must match the first column of the CSV, and
//! their descriptions are read from the generated tables (see `tables.rs`).

use super::tables::{
    AUTHENTICATION_LEVELS, EVENT_TYPES, RISK_RESPONSE_CODES, RISK_RESPONSE_OTHER,
    TRANS_DETAILS_TYPES, TRANSACTION_RESULTS, TRANSACTION_STATES, describe,
};

/// Declares an open enum: known variants with their wire codes, plus `Other(String)`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $table:ident, other: $other:expr;
        {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the library does not know, kept as received.
            Other(String),
        }

        impl $name {
            /// The value as written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $code, )*
                    $name::Other(value) => value,
                }
            }

            /// The documented meaning of the value (from the code table), when there is one.
            pub fn description(&self) -> Option<&'static str> {
                match self {
                    $name::Other(value) => describe($table, value).or($other),
                    known => describe($table, known.as_str()),
                }
            }

            /// True for every variant but `Other`.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }

            /// Every known value.
            pub fn all() -> &'static [$name] {
                static ALL: &[$name] = &[$( $name::$variant, )*];
                ALL
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $code => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $( $code => $name::$variant, )*
                    _ => $name::Other(value),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(d).map($name::from)
            }
        }

        impl crate::xml::XmlText for $name {
            fn to_xml_text(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
            fn from_xml_text(text: String) -> Result<Self, String> {
                let trimmed = text.trim();
                Ok(if trimmed.len() == text.len() { $name::from(text) } else { $name::from(trimmed) })
            }
            fn from_xml_cow(text: std::borrow::Cow<'_, str>) -> Result<Self, String> {
                Ok($name::from(text.trim()))
            }
        }

        crate::xml_text_node!($name);

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                crate::schema::string(
                    concat!("An open set of codes (`", stringify!($name), "`): unknown values are kept."),
                    &[$($code),*],
                    None,
                )
            }
        }
    };
}

open_enum! {
    /// The outcome of an operation (`TransactionResult`): `OK`, `KO` or `XX` (pending).
    ///
    /// `XX` is returned by asynchronous payment methods (MyBank, Sofort, iDEAL, bank transfer): the
    /// final OK/KO is notified later, and the goods must not be shipped yet.
    pub enum TransactionResult in TRANSACTION_RESULTS, other: None;
    {
        /// `OK`: positive result.
        Ok = "OK",
        /// `KO`: negative result.
        Ko = "KO",
        /// `XX`: pending; the final outcome is notified later.
        Pending = "XX",
    }
}

impl TransactionResult {
    /// True for `OK`.
    pub fn is_ok(&self) -> bool {
        *self == TransactionResult::Ok
    }

    /// True for `KO`.
    pub fn is_ko(&self) -> bool {
        *self == TransactionResult::Ko
    }

    /// True for `XX`.
    pub fn is_pending(&self) -> bool {
        *self == TransactionResult::Pending
    }
}

open_enum! {
    /// The state of a transaction (`TransactionState`, callReadTrxS2S).
    pub enum TransactionState in TRANSACTION_STATES, other: None;
    {
        /// `AUT`: authorised.
        Aut = "AUT",
        /// `MOV`: settled, amount transferred.
        Mov = "MOV",
        /// `CAN`: cancelled.
        Can = "CAN",
        /// `STO`: refunded.
        Sto = "STO",
        /// `PRE`: amount reserved for transfer (documented only in the how-to pages).
        Pre = "PRE",
    }
}

open_enum! {
    /// The type of one event in a transaction's history (`Events/event/eventtype`).
    pub enum EventType in EVENT_TYPES, other: None;
    {
        /// `AUT`: authorisation (always the first event; may be negative).
        Aut = "AUT",
        /// `MOV`: settlement.
        Mov = "MOV",
        /// `PRE`: reservation.
        Pre = "PRE",
        /// `CAN`: cancellation.
        Can = "CAN",
        /// `REQ`: refund request.
        Req = "REQ",
        /// `STO`: refund.
        Sto = "STO",
    }
}

open_enum! {
    /// The answer of Axerve Guaranteed Payment (Riskified), `RiskResponseCode`. Any value not
    /// listed is an error of the service; its [`description`](RiskResponseCode::description)
    /// says so.
    pub enum RiskResponseCode in RISK_RESPONSE_CODES, other: RISK_RESPONSE_OTHER;
    {
        /// `created`: received by the service.
        Created = "created",
        /// `submitted`: under review.
        Submitted = "submitted",
        /// `approved`: approved.
        Approved = "approved",
        /// `declined`: not approved.
        Declined = "declined",
        /// `captured`: Select&Submit plan, not marked for review.
        Captured = "captured",
    }
}

open_enum! {
    /// The 3-D Secure authentication level (`authenticationLevel`, `threeDSAuthResult`).
    pub enum AuthenticationLevel in AUTHENTICATION_LEVELS, other: None;
    {
        /// `1H`: 3DS 1.0 half.
        ThreeDs1Half = "1H",
        /// `1F`: 3DS 1.0 full.
        ThreeDs1Full = "1F",
        /// `2F`: 3DS 2.0 frictionless.
        ThreeDs2Frictionless = "2F",
        /// `2C`: 3DS 2.0 challenge.
        ThreeDs2Challenge = "2C",
        /// `2E`: 3DS 2.0 exemption.
        ThreeDs2Exemption = "2E",
        /// `OL`: one leg, authentication not required.
        OneLeg = "OL",
        /// `NA`: no authentication (response side only).
        NoAuthentication = "NA",
    }
}

open_enum! {
    /// The kind of transaction declared in `transDetails/type` (recurring, MOTO, …).
    pub enum TransDetailsType in TRANS_DETAILS_TYPES, other: None;
    {
        /// `01F`: recurring, first payment.
        RecurringFirst = "01F",
        /// `01N`: recurring, next payment (S2S only).
        RecurringNext = "01N",
        /// `03F`: unscheduled merchant-initiated transaction, first payment.
        UnscheduledMitFirst = "03F",
        /// `03N`: unscheduled merchant-initiated transaction, next payment (S2S only).
        UnscheduledMitNext = "03N",
        /// `08`: mail order (S2S only).
        MailOrder = "08",
        /// `09`: telephone order (S2S only).
        TelephoneOrder = "09",
        /// `EC`: e-commerce.
        ECommerce = "EC",
        /// `NPA`: authentication only, no payment.
        AuthenticationOnly = "NPA",
        /// `02F`: instalment, first payment (removed from the documentation in 2020).
        InstalmentFirst = "02F",
        /// `02N`: instalment, next payment (removed from the documentation in 2020).
        InstalmentNext = "02N",
    }
}

impl TransDetailsType {
    /// True when the documentation allows this type in `Encrypt`.
    pub fn allowed_in_encrypt(&self) -> bool {
        self.allowed_in()
            .is_some_and(|ops| ops.split(',').any(|op| op.trim() == "Encrypt"))
    }

    /// True when the documentation allows this type in `callPagamS2S`.
    pub fn allowed_in_s2s(&self) -> bool {
        self.allowed_in()
            .is_some_and(|ops| ops.split(',').any(|op| op.trim() == "callPagamS2S"))
    }

    fn allowed_in(&self) -> Option<&'static str> {
        TRANS_DETAILS_TYPES
            .iter()
            .find(|row| row[0] == self.as_str())
            .map(|row| row[2])
    }
}
