//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.
//!
//! Amazon's members are read two ways: through serde (the Node addon: the core's messages and
//! JSON paths) or by hand (`*_by_hand`, the WASM module: the read-only module's size).

use gestpay::address::Address;
#[cfg(feature = "builders")]
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
#[cfg(feature = "builders")]
use gestpay::s2s::GestPayS2S;
use gestpay::s2s::{AmazonAddress, OrderReferenceDetails, amazon_addresses_of};

use crate::amazon_json::{self as amazon, Object};
use crate::{Result, invalid_type, to_json};

/// How a binding reads Amazon's `Address` type from JSON text: [`amazon_address`] or
/// [`amazon_address_by_hand`].
pub type AmazonReader = fn(&str) -> Result<AmazonAddress>;

/// The addresses of a payload as JSON text; `null` when it holds no `OrderReferenceDetails`.
#[cfg(feature = "builders")]
fn addresses_of(payload: &GestPayS2S) -> Result<String> {
    match payload.amazon_addresses() {
        Some(addresses) => to_json(&addresses),
        None => Ok("null".to_owned()),
    }
}

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload), the whole payload read through serde.
#[cfg(feature = "builders")]
pub fn amazon_addresses(result: &str) -> Result<String> {
    addresses_of(&crate::from_json::<GestPayS2S>(result, "result")?)
}

/// [`amazon_addresses`], reading only the members the addresses come from (`buyer`, and
/// `destination`, `billingAddress` and `buyer` of `orderReferenceDetails`); the others are not
/// looked at.
pub fn amazon_addresses_by_hand(result: &str) -> Result<String> {
    let value = Object::parse(result, "result")?;
    let Some(result) = Object::of(Some(&value), String::new())? else {
        return Err(invalid_type("result", "expected an object"));
    };
    // What `GestPayS2S::amazon_addresses` reads, and only that: no whole payload is built.
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
    let buyer = result
        .object("buyer")?
        .map(|b| amazon::buyer(&b))
        .transpose()?;
    let Some(details) = details else {
        return Ok("null".to_owned());
    };
    to_json(&amazon_addresses_of(&details, buyer.as_ref()))
}

#[cfg(feature = "builders")]
pub fn amazon_address(value: &str) -> Result<AmazonAddress> {
    crate::from_json(value, "address")
}

/// Amazon's `Address` type, read by hand.
pub fn amazon_address_by_hand(value: &str) -> Result<AmazonAddress> {
    let value = Object::parse(value, "address")?;
    match Object::of(Some(&value), "address".to_owned())? {
        Some(o) => amazon::amazon_address(&o),
        None => Err(invalid_type("address", "expected an object")),
    }
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type, read
/// by `amazon`), `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails`
/// (PayPal). Without `builders`, `amazon` only (the others are request models).
pub fn normalize_address(kind: &str, value: &str, amazon: AmazonReader) -> Result<String> {
    let address = match kind {
        "amazon" => Address::from(&amazon(value)?),
        #[cfg(feature = "builders")]
        "shippingAddress" => Address::from(&crate::from_json::<ShippingAddress>(value, "address")?),
        #[cfg(feature = "builders")]
        "billingAddress" => Address::from(&crate::from_json::<BillingAddress>(value, "address")?),
        #[cfg(feature = "builders")]
        "shippingDetails" => Address::from(&crate::from_json::<ShippingDetails>(value, "address")?),
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
