//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.

use gestpay_js_core::address as shared;
use napi_derive::napi;

use crate::error::{OrThrow, Result};

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload); `null` when it holds no `OrderReferenceDetails`.
#[napi(catch_unwind)]
pub fn amazon_addresses(result: String) -> Result<String> {
    shared::amazon_addresses(&result).or_throw()
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal).
#[napi(catch_unwind)]
pub fn normalize_address(kind: String, value: String) -> Result<String> {
    shared::normalize_address(&kind, &value, shared::amazon_address).or_throw()
}
