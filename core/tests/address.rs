//! The normalised [`Address`]: from Amazon Pay's addresses (callReadTrxS2S, step 4 of the
//! Amazon Pay flow), from the request models `ShippingAddress` / `BillingAddress` and from
//! `shippingDetails`.
#![allow(clippy::unwrap_used)]

use gestpay::Response;
use gestpay::address::Address;
use gestpay::models::{BillingAddress, ShippingAddress, ShippingDetails};
use gestpay::s2s::{AmazonAddress, AmazonAddresses, CallPagamS2SResult, CallReadTrxS2SResult};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const DOCS_AMAZON: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/s2s/callReadTrxS2S.response.amazonpay.xml"
));

/// `Some(value)` as the field wants it: a model's `Text` or the normalised address' `String`.
fn s<'a, T: From<&'a str>>(value: &'a str) -> Option<T> {
    Some(value.into())
}

#[test]
fn docs_amazon_pay_shipping_and_billing() -> TestResult {
    // The seed's step 4: ship to Marco Rossi, bill Liam Barker.
    let result = CallReadTrxS2SResult::from_xml(DOCS_AMAZON)?;
    let amazon = result.amazon_addresses().unwrap();
    assert_eq!(
        amazon.shipping,
        Some(Address {
            name: s("Marco Rossi"),
            address_line1: s("via Gobe 15"),
            city: s("BIELLA"),
            state_or_region: s("BI"),
            postal_code: s("13900"),
            country_code: s("IT"),
            phone: s("33333333"),
            ..Default::default()
        })
    );
    // The billing address's AddressLine1 is empty: dropped, and line 2 becomes the first line.
    assert_eq!(
        amazon.billing,
        Some(Address {
            name: s("Liam Barker"),
            address_line1: s("Meininger Strasse 58"),
            city: s("Neunkirchen"),
            postal_code: s("66538"),
            country_code: s("DE"),
            ..Default::default()
        })
    );
    assert_eq!(amazon.buyer_name.as_deref(), Some("Ale"));
    assert_eq!(amazon.buyer_email.as_deref(), Some("marco.rossi@email.it"));
    assert_eq!(amazon.buyer_phone, None);
    let billing = amazon.billing.as_ref().unwrap();
    assert_eq!(
        billing.street_lines().collect::<Vec<_>>(),
        ["Meininger Strasse 58"]
    );
    // The same through the typed model.
    let details = result.order_reference_details.as_ref().unwrap();
    assert_eq!(details.addresses(), amazon);
    Ok(())
}

#[test]
fn amazon_address_every_part() {
    let amazon = AmazonAddress {
        name: s("Jürgen Müßig"),
        address_line1: s("c/o Müller GmbH"),
        address_line2: s("Hauptstraße 12"),
        address_line3: s("Hinterhaus"),
        city: s("Neunkirchen"),
        county: s("Landkreis Neunkirchen"),
        district: s("Wellesweiler"),
        state_or_region: s("Saarland"),
        postal_code: s("66538"),
        country_code: s("DE"),
        phone: s("+49 6821 123456"),
        ..Default::default()
    };
    let address = Address::from(&amazon);
    assert_eq!(
        address,
        Address {
            name: s("Jürgen Müßig"),
            address_line1: s("c/o Müller GmbH"),
            address_line2: s("Hauptstraße 12"),
            address_line3: s("Hinterhaus"),
            city: s("Neunkirchen"),
            county: s("Landkreis Neunkirchen"),
            district: s("Wellesweiler"),
            state_or_region: s("Saarland"),
            postal_code: s("66538"),
            country_code: s("DE"),
            phone: s("+49 6821 123456"),
            email: None,
        }
    );
    assert_eq!(address.street_lines().count(), 3);
}

#[test]
fn empty_lines_are_dropped_and_the_others_move_up() {
    let amazon = AmazonAddress {
        address_line1: s(" "),
        address_line2: s("Scala B"),
        address_line3: s("Interno 4"),
        ..Default::default()
    };
    let address = Address::from(&amazon);
    assert_eq!(address.address_line1.as_deref(), Some("Scala B"));
    assert_eq!(address.address_line2.as_deref(), Some("Interno 4"));
    assert_eq!(address.address_line3, None);
}

#[test]
fn missing_and_blank_parts_are_none() {
    let amazon = AmazonAddress {
        name: s("  Marco Rossi \n"),
        address_line1: s(""),
        address_line2: s("   "),
        city: s("\tBIELLA"),
        ..Default::default()
    };
    let address = Address::from(&amazon);
    assert_eq!(address.name.as_deref(), Some("Marco Rossi"));
    assert_eq!(address.city.as_deref(), Some("BIELLA"));
    assert_eq!(address.address_line1, None);
    assert_eq!(address.address_line2, None);
    assert_eq!(address.county, None);
    assert_eq!(address.phone, None);
    assert!(!address.is_empty());
    assert!(
        Address::from(&AmazonAddress {
            name: s(" "),
            ..Default::default()
        })
        .is_empty()
    );
}

#[test]
fn amazon_addresses_from_a_sparse_answer() -> TestResult {
    // Non-shippable goods: no Destination; an empty billing address; the buyer only in the
    // gateway's top-level Buyer.
    let xml = br#"<callReadTrxS2SResult><GestPayS2S xmlns="">
        <TransactionResult>OK</TransactionResult><Company>AMAZONPAY</Company>
        <Buyer><BuyerName>Marco Rossi</BuyerName><BuyerEmail>marco@example.it</BuyerEmail></Buyer>
        <OrderReferenceDetails>
          <OrderReferenceStatus><State>Open</State></OrderReferenceStatus>
          <Buyer><Name> </Name><Phone>+39 015 123</Phone></Buyer>
          <BillingAddress><PhysicalAddress><Name></Name><City>  </City></PhysicalAddress>
            <AddressType>Physical</AddressType></BillingAddress>
        </OrderReferenceDetails></GestPayS2S></callReadTrxS2SResult>"#;
    let result = CallReadTrxS2SResult::from_xml(xml)?;
    let amazon = result.amazon_addresses().unwrap();
    assert_eq!(
        amazon,
        AmazonAddresses {
            shipping: None,
            billing: None,
            buyer_name: s("Marco Rossi"),
            buyer_email: s("marco@example.it"),
            buyer_phone: s("+39 015 123"),
        }
    );
    Ok(())
}

#[test]
fn no_amazon_addresses_outside_amazon_pay() -> TestResult {
    let result = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><TransactionResult>OK</TransactionResult>\
          <Buyer><BuyerName>Mario</BuyerName></Buyer></GestPayS2S>",
    )?;
    assert_eq!(result.amazon_addresses(), None);
    Ok(())
}

#[test]
fn from_shipping_address() {
    let shipping = ShippingAddress {
        first_name: s("Mario"),
        middle_name: s(" "),
        last_name: s("Rossi"),
        street_name: s("Via Roma"),
        street_name2: s("Scala B"),
        house_number: s("15"),
        house_extention: s("bis"),
        city: s("Biella"),
        zip_code: s("13900"),
        state: None,
        state_code: s("BI"),
        country_code: s("IT"),
        email: s("mario.rossi@example.it"),
        primary_phone: None,
        secondary_phone: s("+39 015 000"),
        company: s("Rossi Srl"),
        ..Default::default()
    };
    assert_eq!(
        Address::from(&shipping),
        Address {
            name: s("Mario Rossi"),
            address_line1: s("Via Roma 15 bis"),
            address_line2: s("Scala B"),
            city: s("Biella"),
            state_or_region: s("BI"),
            postal_code: s("13900"),
            country_code: s("IT"),
            phone: s("+39 015 000"),
            email: s("mario.rossi@example.it"),
            ..Default::default()
        }
    );
    let middle = ShippingAddress {
        first_name: s("John"),
        middle_name: s("Fitzgerald"),
        last_name: s("Kennedy "),
        state: s("MA"),
        state_code: s("XX"),
        primary_phone: s("+1 555"),
        secondary_phone: s("+1 556"),
        ..Default::default()
    };
    let address = Address::from(&middle);
    assert_eq!(address.name.as_deref(), Some("John Fitzgerald Kennedy"));
    assert_eq!(address.state_or_region.as_deref(), Some("MA"));
    assert_eq!(address.phone.as_deref(), Some("+1 555"));
    assert_eq!(address.address_line1, None);
    assert!(Address::from(&ShippingAddress::default()).is_empty());
}

#[test]
fn from_billing_address() {
    let billing = BillingAddress {
        first_name: s("Alfred"),
        last_name: s("Nobel"),
        street_name: s("Kungsgatan"),
        street_number: s("14"),
        city: s("Stockholm"),
        zip_code: s("11143"),
        country_code: s("SE"),
        primary_phone: s("+46 8 000"),
        email: s(""),
        ..Default::default()
    };
    assert_eq!(
        Address::from(&billing),
        Address {
            name: s("Alfred Nobel"),
            address_line1: s("Kungsgatan 14"),
            city: s("Stockholm"),
            postal_code: s("11143"),
            country_code: s("SE"),
            phone: s("+46 8 000"),
            ..Default::default()
        }
    );
}

#[test]
fn from_shipping_details() {
    let details = ShippingDetails {
        ship_to_name: s("Mario Bianchi"),
        ship_to_street: s("Via Garibaldi 1"),
        ship_to_street2: s(""),
        ship_to_city: s("Torino"),
        ship_to_state: s("TO"),
        ship_to_country_code: s("IT"),
        ship_to_zip: s("10100"),
    };
    assert_eq!(
        Address::from(&details),
        Address {
            name: s("Mario Bianchi"),
            address_line1: s("Via Garibaldi 1"),
            city: s("Torino"),
            state_or_region: s("TO"),
            postal_code: s("10100"),
            country_code: s("IT"),
            ..Default::default()
        }
    );
}

#[test]
fn json_shape() -> TestResult {
    let result = CallReadTrxS2SResult::from_xml(DOCS_AMAZON)?;
    let amazon = result.amazon_addresses().unwrap();
    let json = serde_json::to_value(&amazon)?;
    assert_eq!(
        json,
        serde_json::json!({
            "shipping": {
                "name": "Marco Rossi",
                "addressLine1": "via Gobe 15",
                "city": "BIELLA",
                "stateOrRegion": "BI",
                "postalCode": "13900",
                "countryCode": "IT",
                "phone": "33333333"
            },
            "billing": {
                "name": "Liam Barker",
                "addressLine1": "Meininger Strasse 58",
                "city": "Neunkirchen",
                "postalCode": "66538",
                "countryCode": "DE"
            },
            "buyerName": "Ale",
            "buyerEmail": "marco.rossi@email.it"
        })
    );
    let back: AmazonAddresses = serde_json::from_value(json)?;
    assert_eq!(back, amazon);
    Ok(())
}
