//! `shippingDetails` (docs/protocol.md §4.10): PayPal seller protection and physical goods.

use crate::Text;

crate::xml_model! {
    /// `shippingDetails`: where the goods go (PayPal seller protection needs it complete).
    pub struct ShippingDetails {
        /// `shipToName` (32).
        pub ship_to_name: Option<Text> => "shipToName" [max 32],
        /// `shipToStreet` (100).
        pub ship_to_street: Option<Text> => "shipToStreet" [max 100],
        /// `shipToCity` (40).
        pub ship_to_city: Option<Text> => "shipToCity" [max 40],
        /// `shipToState` (40), PayPal state codes.
        pub ship_to_state: Option<Text> => "shipToState" [max 40],
        /// `shipToCountryCode` (2), PayPal country codes.
        pub ship_to_country_code: Option<Text> => "shipToCountryCode" [max 2],
        /// `shipToZip` (20).
        pub ship_to_zip: Option<Text> => "shipToZip" [max 20],
        /// `shipToStreet2` (100).
        pub ship_to_street2: Option<Text> => "shipToStreet2",
    }
}
