//! `gestpay::amount`: exact decimal amounts ⇄ integer minor units of a currency (never a float).

use gestpay::Amount;
use gestpay::codes::Currency;
use napi::Result;
use napi_derive::napi;

use crate::error::{OrThrow, invalid_type};
use crate::from_json;

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
#[napi(catch_unwind)]
pub fn amount_from_minor(minor: String, currency: String) -> Result<String> {
    let currency: Currency = from_json(&currency, "currency")?;
    let minor: u64 = minor
        .parse()
        .map_err(|_| invalid_type("minor", "expected a non-negative integer"))?;
    Ok(Amount::from_minor(minor, currency).to_string())
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
#[napi(catch_unwind)]
pub fn amount_to_minor(amount: String, currency: String) -> Result<String> {
    let currency: Currency = from_json(&currency, "currency")?;
    let amount = Amount::parse(&amount).or_throw()?;
    Ok(amount.to_minor_units(currency).or_throw()?.to_string())
}
