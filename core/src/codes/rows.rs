//! The code tables as rows, with one lookup rule per table: what the CLI and every binding
//! hand out (camelCase members, absent when unknown), so that a lookup answers the same in
//! every language.

use std::borrow::Cow;

use serde::Serialize;

use super::{
    AuthenticationLevel, Currency, EventType, Language, PaymentType, RiskResponseCode,
    TransDetailsType, TransactionResult, TransactionState,
};
use crate::error::{Error, ErrorCode, Result};

/// One row of the currency table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyRow {
    /// The gateway's UIC code (the value of `uicCode` on the wire).
    pub uic_code: u16,
    /// ISO 4217 alphabetic code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_alpha: Option<&'static str>,
    /// ISO 4217 numeric code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso_numeric: Option<u16>,
    /// The documented name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'static str>,
    /// The number of decimals of the minor unit.
    pub exponent: u8,
    /// In the gateway's table.
    pub known: bool,
}

impl Currency {
    /// This currency as a row of the table (what the bindings hand out).
    pub fn info(self) -> CurrencyRow {
        CurrencyRow {
            uic_code: self.uic_code(),
            iso_alpha: self.iso_alpha(),
            iso_numeric: self.iso_numeric(),
            description: self.description(),
            exponent: self.exponent(),
            known: self.is_known(),
        }
    }

    /// A currency by ISO 4217 alphabetic code (`EUR`, any case) or by UIC code in decimal
    /// (`242`), surrounding spaces ignored. An unknown alphabetic code is `None`; an unknown UIC
    /// code is still a currency, not [known](Currency::is_known) (the gateway may add some).
    pub fn lookup(code: &str) -> Option<Currency> {
        let code = code.trim();
        if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
            code.parse::<u16>().ok().map(Currency::from_uic)
        } else {
            Currency::from_iso_alpha(code)
        }
    }

    /// [`lookup`](Currency::lookup) of an argument named `currency` (what the bindings' amount
    /// functions take): a code that names no currency is `invalid_value`, as in a message.
    pub fn parse_code(code: &str) -> crate::Result<Currency> {
        Currency::lookup(code).ok_or_else(|| {
            crate::Error::invalid(
                crate::ErrorCode::InvalidValue,
                "currency",
                super::currency::EXPECTED,
            )
        })
    }
}

/// One row of the language table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageRow {
    /// The gateway's id (`languageId`).
    pub id: u8,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// ISO 639-1 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso639_1: Option<&'static str>,
    /// In the gateway's table.
    pub known: bool,
}

impl Language {
    /// This language as a row of the table.
    pub fn info(self) -> LanguageRow {
        LanguageRow {
            id: self.id(),
            name: self.name(),
            iso639_1: self.iso_639_1(),
            known: self.is_known(),
        }
    }
}

/// A code (a payment type, a value of an open enum) and what the documentation says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeRow {
    /// The code as written on the wire.
    pub code: Cow<'static, str>,
    /// The documented English description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'static str>,
    /// A payment type's status in the documentation (`listed`, `removed-2021`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// Documented.
    pub known: bool,
}

impl PaymentType {
    /// This payment type as a row of the table.
    pub fn info(&self) -> CodeRow {
        CodeRow {
            code: Cow::Owned(self.as_str().to_owned()),
            description: self.description(),
            status: self.status(),
            known: self.is_known(),
        }
    }
}

macro_rules! open_enums {
    ($($ty:ident),* $(,)?) => {
        /// The names of the open enums whose values have documented meanings (their type
        /// names: `TransactionResult`, …).
        pub const CODE_TABLES: &[&str] = &[$(stringify!($ty)),*];

        /// Every documented value of the open enum named `table` (one of [`CODE_TABLES`]),
        /// with its meaning; another name is `invalid_value` on `table`.
        pub fn code_table(table: &str) -> Result<Vec<CodeRow>> {
            match table {
                $(stringify!($ty) => Ok($ty::all().iter().map(|v| CodeRow {
                    code: Cow::Owned(v.as_str().to_owned()),
                    description: v.description(),
                    status: None,
                    known: true,
                }).collect()),)*
                _ => Err(no_table()),
            }
        }

        /// The documented meaning of `value` in the open enum named `table`.
        pub fn describe(table: &str, value: &str) -> Result<Option<&'static str>> {
            match table {
                $(stringify!($ty) => Ok($ty::from(value).description()),)*
                _ => Err(no_table()),
            }
        }
    };
}

open_enums!(
    TransactionResult,
    TransactionState,
    EventType,
    RiskResponseCode,
    AuthenticationLevel,
    TransDetailsType
);

fn no_table() -> Error {
    Error::invalid(
        ErrorCode::InvalidValue,
        "table",
        "no code table has this name: TransactionResult, TransactionState, EventType, \
         RiskResponseCode, AuthenticationLevel or TransDetailsType",
    )
}
