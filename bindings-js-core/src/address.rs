//! `gestpay::address`: the Amazon Pay addresses of a callReadTrxS2S result, computed by the core
//! on the parsed value itself (`GestPayS2S::amazon_addresses`), and the normalised `Address` of
//! the request models that carry one.

use crate::held::Held;
use crate::{Result, invalid_type};

/// The Amazon Pay shipping and billing addresses and the buyer of a parsed WsS2S result;
/// `None` when it holds no `OrderReferenceDetails`.
pub fn amazon_addresses(result: &Held) -> Result<Option<Held>> {
    let Some(payload) = result.payload() else {
        return Err(invalid_type("result", "expected a parsed WsS2S result"));
    };
    Ok(payload.amazon_addresses().map(Held::value))
}

/// [`amazon_addresses`] of a WsS2S payload given in the core's JSON shape.
#[cfg(feature = "builders")]
pub fn amazon_addresses_of(result: &str) -> Result<Option<Held>> {
    let payload: gestpay::s2s::GestPayS2S = crate::from_json(result, "result")?;
    Ok(payload.amazon_addresses().map(Held::value))
}

/// Normalises one address of the model named `kind`: `amazon` (Amazon's `Address` type),
/// `shippingAddress` / `billingAddress` (`OrderDetails`), or `shippingDetails` (PayPal).
#[cfg(feature = "builders")]
pub fn normalize_address(kind: &str, value: &str) -> Result<Held> {
    use gestpay::address::Address;
    use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
    use gestpay::s2s::AmazonAddress;

    use crate::from_json;
    let address = match kind {
        "amazon" => Address::from(&from_json::<AmazonAddress>(value, "address")?),
        "shippingAddress" => Address::from(&from_json::<ShippingAddress>(value, "address")?),
        "billingAddress" => Address::from(&from_json::<BillingAddress>(value, "address")?),
        "shippingDetails" => Address::from(&from_json::<ShippingDetails>(value, "address")?),
        _ => {
            return Err(invalid_type(
                "kind",
                "expected amazon, shippingAddress, billingAddress or shippingDetails",
            ));
        }
    };
    Ok(Held::value(address))
}
