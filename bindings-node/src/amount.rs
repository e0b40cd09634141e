//! `gestpay::amount`: exact decimal amounts ⇄ integer minor units of a currency (never a float).

use gestpay_js_core::codes as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};

/// `minor` (decimal digits, minor units) as the amount text of `currency` (`4990`, EUR →
/// `49.90`; `500`, JPY → `500`).
#[napi(catch_unwind)]
pub fn amount_from_minor(minor: String, currency: String) -> Result<String> {
    shared::amount_from_minor(&minor, &currency).or_throw()
}

/// The amount text `amount` in minor units of `currency` (decimal digits), if it can be
/// expressed exactly there (`12.345` EUR cannot).
#[napi(catch_unwind)]
pub fn amount_to_minor(amount: String, currency: String) -> Result<String> {
    shared::amount_to_minor(&amount, &currency).or_throw()
}
