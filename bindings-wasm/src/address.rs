//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.

use gestpay_js_core::address as shared;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Result, Thrown};

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload); `null` when it holds no `OrderReferenceDetails`. Only the
/// members the addresses come from are read (`buyer`, and `destination`, `billingAddress`
/// and `buyer` of `orderReferenceDetails`); the others are not looked at.
#[wasm_bindgen(js_name = amazonAddresses)]
pub fn amazon_addresses(result: String) -> Result<String> {
    shared::amazon_addresses_by_hand(&result).map_err(Thrown)
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal). The
/// read-only module has `amazon` only (the others are request models).
#[wasm_bindgen(js_name = normalizeAddress)]
pub fn normalize_address(kind: String, value: String) -> Result<String> {
    shared::normalize_address(&kind, &value, shared::amazon_address_by_hand).map_err(Thrown)
}
