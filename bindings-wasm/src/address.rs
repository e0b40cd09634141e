//! `gestpay::address`: the Amazon Pay addresses of a parsed callReadTrxS2S result, and (main
//! module) the normalised `Address` of the models that carry one.

use gestpay_js_core::address as shared;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::held::Held;
use crate::{Result, Thrown};

/// The Amazon Pay shipping and billing addresses and the buyer of a parsed WsS2S result;
/// `null` when it holds no `OrderReferenceDetails`.
#[wasm_bindgen(js_name = amazonAddresses)]
pub fn amazon_addresses(result: &Held) -> Result<JsValue> {
    Held::root_or_null(shared::amazon_addresses(result.inner()).map_err(Thrown)?)
}

/// [`amazon_addresses`] of a WsS2S payload given as JSON text (the core's JSON shape).
#[cfg(feature = "builders")]
#[wasm_bindgen(js_name = amazonAddressesOf)]
pub fn amazon_addresses_of(result: String) -> Result<JsValue> {
    Held::root_or_null(shared::amazon_addresses_of(&result).map_err(Thrown)?)
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal).
#[cfg(feature = "builders")]
#[wasm_bindgen(js_name = normalizeAddress)]
pub fn normalize_address(kind: String, value: String) -> Result<Held> {
    Held::root(shared::normalize_address(&kind, &value).map_err(Thrown)?)
}
