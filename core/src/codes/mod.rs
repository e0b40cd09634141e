//! Code tables of the gateway, generated at build time from the CSV files in `core/data/`.
//!
//! * [`Currency`] (UIC ⇄ ISO 4217), [`Language`] and [`PaymentType`]: open newtypes with a
//!   constant for every known code; unknown codes are kept as they are.
//! * [`TransactionResult`], [`TransactionState`], [`EventType`], [`RiskResponseCode`],
//!   [`AuthenticationLevel`], [`TransDetailsType`]: open enums whose `Other` variant keeps any
//!   value this version does not know.
//! * [`error_description`], [`alert_description`], [`transaction_type_of`]: lookups into the
//!   error, alert and transaction-type tables.
//! * [`CurrencyRow`], [`LanguageRow`], [`CodeRow`], [`Currency::lookup`], [`code_table`],
//!   [`describe`]: the tables as rows, with the one lookup rule every binding uses.
//!
//! Descriptions are the English texts of the gateway documentation, verbatim (typos included).

mod currency;
mod enums;
mod language;
mod payment_type;
mod rows;
mod tables;

pub use currency::Currency;
pub use enums::{
    AuthenticationLevel, EventType, RiskResponseCode, TransDetailsType, TransactionResult,
    TransactionState,
};
pub use language::Language;
pub use payment_type::PaymentType;
pub use rows::{CODE_TABLES, CodeRow, CurrencyRow, LanguageRow, code_table, describe};
pub use tables::{
    ALERT_CODES, ERROR_CODES, alert_description, error_description, transaction_type_of,
};
