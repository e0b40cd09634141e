//! Amazon Pay's address members read from a result's JSON by hand, for the WASM module's
//! `amazonAddresses` and `normalizeAddress('amazon')`. serde's derived deserializers of these
//! types, with what they pull in, are a tenth of the read-only module (docs/wasm.md, "Two
//! modules"); the members are strings and objects, so reading them from a `serde_json::Value`
//! is short. A test checks that every member of the schema's definitions is read (a member
//! added to the core shows).

use gestpay::payload::Buyer;
use gestpay::s2s::{AmazonAddress, AmazonBillingAddress, AmazonBuyer, Destination};
use serde_json::{Map, Value};

use crate::{Result, invalid_type};

/// A JSON object, read member by member; `path` names it in errors (`result.buyer`).
pub(crate) struct Object<'v> {
    members: &'v Map<String, Value>,
    path: String,
}

impl<'v> Object<'v> {
    /// The JSON text of a JS object (`what` names it).
    pub(crate) fn parse(text: &str, what: &str) -> Result<Value> {
        // The core's JSON reader, which the module has already (for the other JSON inputs),
        // rather than a second one (serde_json's `Value`).
        gestpay::dynamic::json::parse_json(text, what)
            .map_err(|_| invalid_type(what, "expected an object"))
    }

    /// `value` as an object: `null` or absent is `None`, anything else an error.
    pub(crate) fn of(value: Option<&'v Value>, path: String) -> Result<Option<Self>> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(members)) => Ok(Some(Object { members, path })),
            Some(_) => Err(invalid_type(&path, "expected an object")),
        }
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The member `key` as an object.
    pub(crate) fn object(&self, key: &str) -> Result<Option<Object<'v>>> {
        Object::of(self.members.get(key), self.path_of(key))
    }

    /// The members `keys` as strings ([`text`](Object::text)), in order.
    fn texts<const N: usize>(&self, keys: [&str; N]) -> Result<[Option<gestpay::Text>; N]> {
        let mut out = [const { None }; N];
        for (slot, key) in out.iter_mut().zip(keys) {
            *slot = self.text(key)?;
        }
        Ok(out)
    }

    /// The member `key` as a string (`null` or absent: `None`).
    pub(crate) fn text(&self, key: &str) -> Result<Option<gestpay::Text>> {
        match self.members.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str().into())),
            Some(_) => Err(invalid_type(&self.path_of(key), "expected a string")),
        }
    }
}

/// Amazon's `Address` (`physicalDestination`, `physicalAddress`).
pub(crate) fn amazon_address(o: &Object<'_>) -> Result<AmazonAddress> {
    // Read in one loop (`texts`), not a call per member: the read-only module's size.
    let [
        name,
        address_line1,
        address_line2,
        address_line3,
        city,
        county,
        district,
        state_or_region,
        postal_code,
        country_code,
        phone,
    ] = o.texts([
        "name",
        "addressLine1",
        "addressLine2",
        "addressLine3",
        "city",
        "county",
        "district",
        "stateOrRegion",
        "postalCode",
        "countryCode",
        "phone",
    ])?;
    Ok(AmazonAddress {
        name,
        address_line1,
        address_line2,
        address_line3,
        city,
        county,
        district,
        state_or_region,
        postal_code,
        country_code,
        phone,
        ..AmazonAddress::default()
    })
}

fn address_in(o: &Object<'_>, key: &str) -> Result<Option<AmazonAddress>> {
    o.object(key)?.map(|a| amazon_address(&a)).transpose()
}

/// `OrderReferenceDetails.destination`.
pub(crate) fn destination(o: &Object<'_>) -> Result<Destination> {
    Ok(Destination {
        destination_type: o.text("destinationType")?,
        physical_destination: address_in(o, "physicalDestination")?,
        ..Destination::default()
    })
}

/// `OrderReferenceDetails.billingAddress`.
pub(crate) fn billing_address(o: &Object<'_>) -> Result<AmazonBillingAddress> {
    Ok(AmazonBillingAddress {
        address_type: o.text("addressType")?,
        physical_address: address_in(o, "physicalAddress")?,
        ..AmazonBillingAddress::default()
    })
}

/// `OrderReferenceDetails.buyer`.
pub(crate) fn amazon_buyer(o: &Object<'_>) -> Result<AmazonBuyer> {
    Ok(AmazonBuyer {
        name: o.text("name")?,
        email: o.text("email")?,
        phone: o.text("phone")?,
        ..AmazonBuyer::default()
    })
}

/// The gateway's `Buyer` of a `GestPayS2S` payload.
pub(crate) fn buyer(o: &Object<'_>) -> Result<Buyer> {
    Ok(Buyer {
        buyer_name: o.text("buyerName")?,
        buyer_email: o.text("buyerEmail")?,
        ..Buyer::default()
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The members of a definition of the committed schema (schema/gestpay.schema.json),
    /// but what a result keeps beyond its known fields (`unknown`, `attributes`,
    /// `childAttributes`: elements and attributes the gateway added, which no address uses).
    fn members(definition: &str) -> Vec<String> {
        let schema: Value =
            serde_json::from_str(include_str!("../../schema/gestpay.schema.json")).unwrap();
        let properties = schema["$defs"][definition]["properties"]
            .as_object()
            .unwrap();
        properties
            .keys()
            .filter(|k| !matches!(k.as_str(), "unknown" | "attributes" | "childAttributes"))
            .cloned()
            .collect()
    }

    /// An object with every member of `definition` set: strings to their own name, nested
    /// address objects likewise.
    fn full(definition: &str) -> Value {
        let mut out = Map::new();
        for key in members(definition) {
            let value = match key.as_str() {
                "physicalDestination" | "physicalAddress" => full("AmazonAddress"),
                _ => Value::String(format!("v-{key}")),
            };
            out.insert(key, value);
        }
        Value::Object(out)
    }

    /// What serde's derived deserializer makes of `value`, to compare with the hand reading.
    fn check<T>(definition: &str, read: fn(&Object<'_>) -> Result<T>)
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let value = full(definition);
        let object = Object::of(Some(&value), String::new()).unwrap().unwrap();
        let by_hand = read(&object).unwrap_or_else(|_| panic!("{definition}: refused"));
        let by_serde: T = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(
            by_hand, by_serde,
            "{definition}: a member is not read by hand"
        );
        assert_ne!(
            by_serde,
            serde_json::from_value::<T>(Value::Object(Map::new())).unwrap()
        );
    }

    #[test]
    fn every_member_is_read() {
        check("AmazonAddress", amazon_address);
        check("Destination", destination);
        check("AmazonBillingAddress", billing_address);
        check("AmazonBuyer", amazon_buyer);
        check("Buyer", buyer);
    }
}
