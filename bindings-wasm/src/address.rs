//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.

use gestpay::address::Address;
#[cfg(feature = "builders")]
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::s2s::{GestPayS2S, OrderReferenceDetails};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::amazon_json::{self as amazon, Object};
use crate::{Result, invalid_type, to_json};

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload); `null` when it holds no `OrderReferenceDetails`. Only the
/// members the addresses come from are read (`buyer`, and `destination`, `billingAddress`
/// and `buyer` of `orderReferenceDetails`); the others are not looked at.
#[wasm_bindgen(js_name = amazonAddresses)]
pub fn amazon_addresses(result: String) -> Result<String> {
    let value = Object::parse(&result, "result")?;
    let Some(result) = Object::of(Some(&value), String::new())? else {
        return Err(invalid_type("result", "expected an object"));
    };
    let details = match result.object("orderReferenceDetails")? {
        Some(o) => Some(OrderReferenceDetails {
            destination: o
                .object("destination")?
                .map(|d| amazon::destination(&d))
                .transpose()?,
            billing_address: (o.object("billingAddress")?)
                .map(|b| amazon::billing_address(&b))
                .transpose()?,
            buyer: o
                .object("buyer")?
                .map(|b| amazon::amazon_buyer(&b))
                .transpose()?,
            ..OrderReferenceDetails::default()
        }),
        None => None,
    };
    let payload = GestPayS2S {
        order_reference_details: details,
        buyer: result
            .object("buyer")?
            .map(|b| amazon::buyer(&b))
            .transpose()?,
        ..GestPayS2S::default()
    };
    match payload.amazon_addresses() {
        Some(addresses) => to_json(&addresses),
        None => Ok("null".to_owned()),
    }
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal). The
/// read-only module has `amazon` only (the others are request models).
#[wasm_bindgen(js_name = normalizeAddress)]
pub fn normalize_address(kind: String, value: String) -> Result<String> {
    let address = match kind.as_str() {
        "amazon" => {
            let value = Object::parse(&value, "address")?;
            match Object::of(Some(&value), "address".to_owned())? {
                Some(o) => Address::from(&amazon::amazon_address(&o)?),
                None => return Err(invalid_type("address", "expected an object")),
            }
        }
        #[cfg(feature = "builders")]
        "shippingAddress" => {
            Address::from(&crate::from_json::<ShippingAddress>(&value, "address")?)
        }
        #[cfg(feature = "builders")]
        "billingAddress" => Address::from(&crate::from_json::<BillingAddress>(&value, "address")?),
        #[cfg(feature = "builders")]
        "shippingDetails" => {
            Address::from(&crate::from_json::<ShippingDetails>(&value, "address")?)
        }
        #[cfg(feature = "builders")]
        _ => {
            return Err(invalid_type(
                "kind",
                "expected amazon, shippingAddress, billingAddress or shippingDetails",
            ));
        }
        #[cfg(not(feature = "builders"))]
        _ => {
            return Err(invalid_type(
                "kind",
                "expected amazon (the request models' addresses are in gestpay-wasm, not in gestpay-wasm/read)",
            ));
        }
    };
    to_json(&address)
}
