//! [`Address`]: one normalised postal address, whatever model it came from — Amazon Pay's
//! addresses in a callReadTrxS2S result, the `ShippingAddress` / `BillingAddress` of
//! `OrderDetails`, or PayPal's `shippingDetails`.
//!
//! Every part is optional and a missing part stays `None`: an empty or whitespace-only source
//! value becomes `None`, never an empty string; other values are trimmed.

use crate::Text;
use serde::{Deserialize, Serialize};

use crate::models::{BillingAddress, ShippingAddress, ShippingDetails};
use crate::s2s::AmazonAddress;

/// A normalised postal address (the parts of Amazon's `Address` type, plus an e-mail).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Address {
    /// The addressee (for the request models: first, middle and last name joined by spaces).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First address line (street and number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    /// Second address line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Third address line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// County.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// District.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// State, region or province.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// Postal (ZIP) code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country, ISO 3166 alpha-2 as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address (only the request models carry one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Address {
    /// True when no part is set.
    pub fn is_empty(&self) -> bool {
        *self == Address::default()
    }

    /// The address lines that are set, in order (`address_line1` … `address_line3`).
    pub fn street_lines(&self) -> impl Iterator<Item = &str> {
        [
            &self.address_line1,
            &self.address_line2,
            &self.address_line3,
        ]
        .into_iter()
        .filter_map(|line| line.as_deref())
    }
}

/// One line, as a label would read: `Marco Rossi, via Gobetti 15, 13900 BIELLA BI, IT, phone
/// 33333333`; the parts that are set, in postal order.
impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = |parts: &[&Option<String>]| {
            let set: Vec<&str> = parts.iter().filter_map(|p| p.as_deref()).collect();
            (!set.is_empty()).then(|| set.join(" "))
        };
        let mut parts: Vec<String> = self.name.iter().cloned().collect();
        parts.extend(self.street_lines().map(str::to_owned));
        parts.extend(words(&[&self.district, &self.county]));
        parts.extend(words(&[
            &self.postal_code,
            &self.city,
            &self.state_or_region,
        ]));
        parts.extend(self.country_code.iter().cloned());
        parts.extend(self.phone.as_ref().map(|p| format!("phone {p}")));
        parts.extend(self.email.iter().cloned());
        f.write_str(&parts.join(", "))
    }
}

/// A trimmed value, `None` when absent, empty or whitespace only.
pub(crate) fn clean(value: Option<&str>) -> Option<String> {
    let value = value?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The non-empty parts joined by single spaces (each part trimmed), `None` when all are empty.
fn join(parts: &[&Option<Text>]) -> Option<String> {
    let joined = parts
        .iter()
        .filter_map(|p| clean(p.as_deref()))
        .collect::<Vec<_>>()
        .join(" ");
    (!joined.is_empty()).then_some(joined)
}

impl From<&AmazonAddress> for Address {
    /// Every part maps to the part of the same name, except that empty address lines are
    /// dropped and the others move up: Amazon often leaves `AddressLine1` empty and puts the
    /// street in `AddressLine2`, and a label printer wants the street on the first line.
    fn from(a: &AmazonAddress) -> Self {
        let mut lines = [&a.address_line1, &a.address_line2, &a.address_line3]
            .into_iter()
            .filter_map(|l| clean(l.as_deref()));
        Address {
            name: clean(a.name.as_deref()),
            address_line1: lines.next(),
            address_line2: lines.next(),
            address_line3: lines.next(),
            city: clean(a.city.as_deref()),
            county: clean(a.county.as_deref()),
            district: clean(a.district.as_deref()),
            state_or_region: clean(a.state_or_region.as_deref()),
            postal_code: clean(a.postal_code.as_deref()),
            country_code: clean(a.country_code.as_deref()),
            phone: clean(a.phone.as_deref()),
            email: None,
        }
    }
}

/// The gateway's two request-side address models differ only in billing's `StreetNumber`.
macro_rules! from_order_address {
    ($ty:ty, $doc:literal, [$($line1:ident),*]) => {
        impl From<&$ty> for Address {
            #[doc = $doc]
            fn from(a: &$ty) -> Self {
                Address {
                    name: join(&[&a.first_name, &a.middle_name, &a.last_name]),
                    address_line1: join(&[$(&a.$line1),*]),
                    address_line2: clean(a.street_name2.as_deref()),
                    city: clean(a.city.as_deref()),
                    state_or_region: clean(a.state.as_deref()).or_else(|| clean(a.state_code.as_deref())),
                    postal_code: clean(a.zip_code.as_deref()),
                    country_code: clean(a.country_code.as_deref()),
                    phone: clean(a.primary_phone.as_deref()).or_else(|| clean(a.secondary_phone.as_deref())),
                    email: clean(a.email.as_deref()),
                    ..Address::default()
                }
            }
        }
    };
}

from_order_address!(
    ShippingAddress,
    "`FirstName MiddleName Lastname` → name; `StreetName HouseNumber HouseExtention` → line 1; \
     `Streetname2` → line 2; `ZipCode`, `City`; `State` (else `StateCode`) → state or region; \
     `CountryCode`; `PrimaryPhone` (else `SecondaryPhone`); `Email`.",
    [street_name, house_number, house_extention]
);
from_order_address!(
    BillingAddress,
    "As for `ShippingAddress`, with Klarna's `StreetNumber` after the street in line 1 \
     (`StreetName StreetNumber HouseNumber HouseExtention`).",
    [street_name, street_number, house_number, house_extention]
);

impl From<&ShippingDetails> for Address {
    /// `shipToName`, `shipToStreet` → line 1, `shipToStreet2` → line 2, `shipToCity`,
    /// `shipToState`, `shipToZip`, `shipToCountryCode`.
    fn from(d: &ShippingDetails) -> Self {
        Address {
            name: clean(d.ship_to_name.as_deref()),
            address_line1: clean(d.ship_to_street.as_deref()),
            address_line2: clean(d.ship_to_street2.as_deref()),
            city: clean(d.ship_to_city.as_deref()),
            state_or_region: clean(d.ship_to_state.as_deref()),
            postal_code: clean(d.ship_to_zip.as_deref()),
            country_code: clean(d.ship_to_country_code.as_deref()),
            ..Address::default()
        }
    }
}
