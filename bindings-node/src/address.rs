//! `gestpay::address`: the Amazon Pay addresses of a parsed callReadTrxS2S result, and the
//! normalised `Address` of the models that carry one.

use gestpay_js_core::address as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};
use crate::held::Held;

fn held(value: Option<gestpay_js_core::held::Held>) -> Result<Option<Held>> {
    value.map(Held::root).transpose()
}

/// The Amazon Pay shipping and billing addresses and the buyer of a parsed WsS2S result;
/// `null` when it holds no `OrderReferenceDetails`.
#[napi(catch_unwind)]
pub fn amazon_addresses(result: &Held) -> Result<Option<Held>> {
    held(shared::amazon_addresses(result.inner()).or_throw()?)
}

/// [`amazon_addresses`] of a WsS2S payload given as JSON text (the core's JSON shape).
#[napi(catch_unwind)]
pub fn amazon_addresses_of(result: String) -> Result<Option<Held>> {
    held(shared::amazon_addresses_of(&result).or_throw()?)
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal).
#[napi(catch_unwind)]
pub fn normalize_address(kind: String, value: String) -> Result<Held> {
    Held::root(shared::normalize_address(&kind, &value).or_throw()?)
}
