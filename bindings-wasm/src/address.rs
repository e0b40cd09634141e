//! `gestpay::address`: the normalised `Address`, from Amazon Pay's addresses in a
//! callReadTrxS2S result, or from the request models that carry an address.

use gestpay::address::Address;
#[cfg(feature = "builders")]
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::payload::Buyer;
use gestpay::s2s::{
    AmazonAddress, AmazonBillingAddress, AmazonBuyer, Destination, GestPayS2S,
    OrderReferenceDetails,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Result, from_json, invalid_type, to_json};

/// The members of a `GestPayS2S` result the addresses come from. Reading only these, rather
/// than the whole result, keeps the result's deserializer (the largest of the core's) out of
/// the module, which matters for its size (docs/wasm.md, "Size"); the other members of the
/// object are not looked at.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AmazonPart {
    #[serde(default)]
    order_reference_details: Option<OrderReferencePart>,
    #[serde(default)]
    buyer: Option<Buyer>,
}

/// The members of `OrderReferenceDetails` its addresses come from.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderReferencePart {
    #[serde(default)]
    destination: Option<Destination>,
    #[serde(default)]
    billing_address: Option<AmazonBillingAddress>,
    #[serde(default)]
    buyer: Option<AmazonBuyer>,
}

/// The Amazon Pay shipping and billing addresses and the buyer of a callReadTrxS2S result (or
/// of any `GestPayS2S` payload); `null` when it holds no `OrderReferenceDetails`.
#[wasm_bindgen(js_name = amazonAddresses)]
pub fn amazon_addresses(result: String) -> Result<String> {
    let part: AmazonPart = from_json(&result, "result")?;
    let payload = GestPayS2S {
        order_reference_details: part.order_reference_details.map(|o| OrderReferenceDetails {
            destination: o.destination,
            billing_address: o.billing_address,
            buyer: o.buyer,
            ..OrderReferenceDetails::default()
        }),
        buyer: part.buyer,
        ..GestPayS2S::default()
    };
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
        #[cfg(feature = "builders")]
        "shippingAddress" => Address::from(&from_json::<ShippingAddress>(&value, "address")?),
        #[cfg(feature = "builders")]
        "billingAddress" => Address::from(&from_json::<BillingAddress>(&value, "address")?),
        #[cfg(feature = "builders")]
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
