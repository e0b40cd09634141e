//! `shippingDetails` (PROTOCOL.md §4.10): PayPal seller protection and physical goods.

crate::xml_model! {
    /// `shippingDetails`: where the goods go (PayPal seller protection needs it complete).
    pub struct ShippingDetails {
        /// `shipToName` (32).
        pub ship_to_name: Option<String> => "shipToName" [max 32],
        /// `shipToStreet` (100).
        pub ship_to_street: Option<String> => "shipToStreet" [max 100],
        /// `shipToCity` (40).
        pub ship_to_city: Option<String> => "shipToCity" [max 40],
        /// `shipToState` (40), PayPal state codes.
        pub ship_to_state: Option<String> => "shipToState" [max 40],
        /// `shipToCountryCode` (2), PayPal country codes.
        pub ship_to_country_code: Option<String> => "shipToCountryCode" [max 2],
        /// `shipToZip` (20).
        pub ship_to_zip: Option<String> => "shipToZip" [max 20],
        /// `shipToStreet2` (100).
        pub ship_to_street2: Option<String> => "shipToStreet2",
    }
}
