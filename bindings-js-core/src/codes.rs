//! `gestpay::codes` and `gestpay::amount`: the gateway's code tables (currencies, languages,
//! payment types, error and alert codes, the small open enums) with their documented English
//! descriptions, and exact decimal amounts ⇄ integer minor units (never a float).
//!
//! A table crosses as the JSON text of its rows (camelCase members, absent when `None`), which
//! the JS side parses once and keeps: both backends hand on what these functions return.

use std::borrow::Cow;

use gestpay::Amount;
use gestpay::codes::{ALERT_CODES, Currency, ERROR_CODES, Language, PaymentType};

use gestpay::codes::CodeRow;

use crate::{Result, invalid_type, to_json};

/// Every known currency.
pub fn currencies() -> Result<String> {
    to_json(&Currency::all().iter().map(|c| c.info()).collect::<Vec<_>>())
}

/// A currency by ISO alphabetic code (any case) or UIC code (the core's `Currency::lookup`:
/// an unknown UIC code is a row with `known` false).
pub fn currency(code: &str) -> Result<Option<String>> {
    Currency::lookup(code)
        .map(|c| to_json(&c.info()))
        .transpose()
}

/// Every known language.
pub fn languages() -> Result<String> {
    to_json(&Language::all().iter().map(|l| l.info()).collect::<Vec<_>>())
}

/// Every known payment type.
pub fn payment_types() -> Result<String> {
    to_json(
        &PaymentType::all()
            .iter()
            .map(PaymentType::info)
            .collect::<Vec<_>>(),
    )
}

/// The error code table (`ErrorCode`), or the alert code table (`AlertCode`) when `alerts`.
pub fn error_codes(alerts: bool) -> Result<String> {
    let table = if alerts { ALERT_CODES } else { ERROR_CODES };
    let rows: Vec<CodeRow> = table
        .iter()
        .map(|(code, description)| CodeRow {
            code: Cow::Owned(code.to_string()),
            description: Some(description),
            status: None,
            known: true,
        })
        .collect();
    to_json(&rows)
}

/// The description of an `ErrorCode` (or of an `AlertCode` when `alert`).
pub fn describe_code(code: u32, alert: bool) -> Option<&'static str> {
    if alert {
        gestpay::codes::alert_description(code)
    } else {
        gestpay::codes::error_description(code)
    }
}

/// The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`).
pub fn transaction_type_of(operation: &str) -> Option<&'static str> {
    gestpay::codes::transaction_type_of(operation)
}

/// The known values of one of the small open code sets: `transactionResult`,
/// `transactionState`, `eventType`, `riskResponseCode`, `authenticationLevel` or
/// `transDetailsType` (the core's tables, named in camelCase as JS names them).
pub fn code_table(name: &str) -> Result<String> {
    let mut chars = name.chars();
    let type_name = match chars.next() {
        Some(first) if first.is_ascii_lowercase() => {
            first.to_ascii_uppercase().to_string() + chars.as_str()
        }
        _ => String::new(),
    };
    let rows = gestpay::codes::code_table(&type_name)
        .map_err(|_| invalid_type("name", "no code table by that name"))?;
    to_json(&rows)
}

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
pub fn amount_from_minor(minor: &str, currency: &str) -> Result<String> {
    let currency = Currency::parse_code(currency)?;
    let minor: u64 = minor
        .parse()
        .map_err(|_| invalid_type("minor", "expected a non-negative integer"))?;
    Ok(Amount::from_minor(minor, currency).to_string())
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
pub fn amount_to_minor(amount: &str, currency: &str) -> Result<String> {
    let currency = Currency::parse_code(currency)?;
    let amount = Amount::parse(amount)?;
    Ok(amount.to_minor_units(currency)?.to_string())
}
