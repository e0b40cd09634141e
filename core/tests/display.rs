//! What people read: amounts with their currency and addresses on one line.

#![allow(clippy::unwrap_used)]

use gestpay::address::Address;
use gestpay::prelude::*;

#[test]
fn an_amount_reads_with_its_currency_code() {
    let eur = Amount::from_minor(4_990, Currency::EUR);
    assert_eq!(eur.in_currency(Currency::EUR).to_string(), "49.90 EUR");
    let yen = Amount::from_minor(500, Currency::JPY);
    assert_eq!(yen.in_currency(Currency::JPY).to_string(), "500 JPY");
    let unknown = Currency::from_uic(999);
    assert_eq!(
        Amount::parse("12.00")
            .unwrap()
            .in_currency(unknown)
            .to_string(),
        "12.00 UIC 999"
    );
}

#[test]
fn an_address_reads_as_one_line_in_postal_order() {
    let address = Address {
        name: Some("Marco Rossi".into()),
        address_line1: Some("via Gobetti 15".into()),
        address_line2: Some("scala B".into()),
        postal_code: Some("13900".into()),
        city: Some("BIELLA".into()),
        state_or_region: Some("BI".into()),
        country_code: Some("IT".into()),
        phone: Some("33333333".into()),
        ..Address::default()
    };
    assert_eq!(
        address.to_string(),
        "Marco Rossi, via Gobetti 15, scala B, 13900 BIELLA BI, IT, phone 33333333"
    );
    assert_eq!(Address::default().to_string(), "");
    let city_only = Address {
        city: Some("Neunkirchen".into()),
        ..Address::default()
    };
    assert_eq!(city_only.to_string(), "Neunkirchen");
}
