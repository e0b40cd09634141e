//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.

use gestpay::address::Address;
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::s2s::{AmazonAddress, GestPayS2S};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Result, from_json, invalid_type, to_json};

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload); `null` when it holds no `OrderReferenceDetails`.
#[wasm_bindgen(js_name = amazonAddresses)]
pub fn amazon_addresses(result: String) -> Result<String> {
    let payload: GestPayS2S = from_json(&result, "result")?;
    match payload.amazon_addresses() {
        Some(addresses) => to_json(&addresses),
        None => Ok("null".to_owned()),
    }
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal).
#[wasm_bindgen(js_name = normalizeAddress)]
pub fn normalize_address(kind: String, value: String) -> Result<String> {
    let address = match kind.as_str() {
        "amazon" => Address::from(&from_json::<AmazonAddress>(&value, "address")?),
        "shippingAddress" => Address::from(&from_json::<ShippingAddress>(&value, "address")?),
        "billingAddress" => Address::from(&from_json::<BillingAddress>(&value, "address")?),
        "shippingDetails" => Address::from(&from_json::<ShippingDetails>(&value, "address")?),
        _ => {
            return Err(invalid_type(
                "kind",
                "expected amazon, shippingAddress, billingAddress or shippingDetails",
            ));
        }
    };
    to_json(&address)
}
