//! Who may call: configured shop logins (1131), caller addresses (1142) and apikey (1169), on
//! both services.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::{Gateway, SHOP, V11, V12};
use gestpay::prelude::*;
use gestpay::s2s::*;
use gestpay_emulator::Config;

const KEY: &str = "test-api-key-123";

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, Currency::EUR)
}

fn code_of<T: Outcome>(r: &T) -> Option<u32> {
    r.error_code()
}

/// The error code of an Encrypt, a Decrypt, a callPagamS2S, a callReadTrxS2S and a
/// CallIdealListS2S sent by `shop` with `key`.
fn codes(gw: &Gateway, shop: &str, key: Option<&str>, v: SoapVersion) -> Vec<Option<u32>> {
    let mut encrypt = Encrypt::new(shop, Currency::EUR, eur(100), "AUTH-1");
    let mut decrypt = Decrypt::new(shop, "ABC");
    let mut pay = CallPagamS2S::new(shop, Currency::EUR, eur(100), "AUTH-2").card(
        "4111111111111111",
        "12",
        "30",
    );
    let mut read = CallReadTrxS2S::by_shop_transaction_id(shop, "AUTH-2");
    let mut ideal = CallIdealListS2S::new(shop);
    if let Some(key) = key {
        encrypt = encrypt.api_key(key);
        decrypt = decrypt.api_key(key);
        pay = pay.api_key(key);
        read = read.api_key(key);
        ideal = ideal.api_key(key);
    }
    vec![
        code_of(&gw.call(&encrypt, v)),
        code_of(&gw.call(&decrypt, v)),
        code_of(&gw.call(&pay, v).0),
        code_of(&gw.call(&read, v).0),
        code_of(&gw.call(&ideal, v).0),
    ]
}

#[test]
fn unknown_shop_logins_get_1131() {
    let gw = Gateway::start(Config {
        shop_logins: vec![SHOP.into(), "GESPAY00001".into()],
        ..Config::default()
    });
    for v in [V11, V12] {
        assert_eq!(codes(&gw, "GESPAY99999", None, v), [Some(1131); 5]);
    }
    // The known shop: Encrypt OK, Decrypt of nonsense 1141, payment OK, read OK, list OK.
    assert_eq!(
        codes(&gw, SHOP, None, V11),
        [Some(0), Some(1141), Some(0), Some(0), Some(0)]
    );
    let r = gw.call(&Encrypt::new(SHOP, Currency::EUR, eur(1), "AUTH-3"), V11);
    assert!(r.is_ok());
    let r = gw.call(
        &Encrypt::new("GESPAY99999", Currency::EUR, eur(1), "AUTH-3"),
        V11,
    );
    assert_eq!(
        r.declined().unwrap().known_description,
        Some("Not accepted call: Shop not recognized")
    );
}

#[test]
fn a_wrong_or_missing_apikey_gets_1169() {
    let gw = Gateway::start(Config {
        api_key: Some(KEY.into()),
        ..Config::default()
    });
    for v in [V11, V12] {
        assert_eq!(codes(&gw, SHOP, None, v), [Some(1169); 5]);
        assert_eq!(codes(&gw, SHOP, Some("wrong-key"), v), [Some(1169); 5]);
    }
    assert_eq!(
        codes(&gw, SHOP, Some(KEY), V11),
        [Some(0), Some(1141), Some(0), Some(0), Some(0)]
    );
    let r = gw.call(&Encrypt::new(SHOP, Currency::EUR, eur(1), "AUTH-4"), V11);
    assert_eq!(
        r.declined().unwrap().known_description,
        Some("Not accepted call: invalid Merchant APIKEY")
    );
    // Operations without a shop (callRenounce, callDeviceActivation) carry no apikey.
    assert!(gw.call(&CallRenounce::new(), V11).0.is_ok());
}

#[test]
fn callers_outside_the_allowed_addresses_get_1142() {
    let elsewhere = Gateway::start(Config {
        allowed_ips: vec!["192.0.2.1".parse().unwrap()],
        ..Config::default()
    });
    for v in [V11, V12] {
        assert_eq!(codes(&elsewhere, SHOP, None, v), [Some(1142); 5]);
    }
    let loopback = Gateway::start(Config {
        allowed_ips: vec!["127.0.0.1".parse().unwrap()],
        ..Config::default()
    });
    assert_eq!(
        codes(&loopback, SHOP, None, V11),
        [Some(0), Some(1141), Some(0), Some(0), Some(0)]
    );
}

#[test]
fn the_shop_is_checked_before_the_address_and_the_apikey() {
    let gw = Gateway::start(Config {
        shop_logins: vec![SHOP.into()],
        allowed_ips: vec!["192.0.2.1".parse().unwrap()],
        api_key: Some(KEY.into()),
        ..Config::default()
    });
    assert_eq!(codes(&gw, "GESPAY99999", None, V11), [Some(1131); 5]);
    assert_eq!(codes(&gw, SHOP, None, V11), [Some(1142); 5]);
}

#[test]
fn invalid_requests_get_the_gateways_codes() {
    let gw = Gateway::default();
    let mut encrypt = Encrypt::new(SHOP, Currency::EUR, eur(100), "AUTH-5");
    encrypt.shop_transaction_id = gestpay::Text::default();
    let body = encrypt.to_envelope_unchecked(V11).unwrap();
    let r = gw.post_raw(
        "/gestpay/GestPayWS/WsCryptDecrypt.asmx",
        &[
            ("Content-Type", "text/xml; charset=utf-8"),
            ("SOAPAction", "\"https://ecomm.sella.it/Encrypt\""),
        ],
        &body,
    );
    let result = EncryptResult::from_http(r.status, r.content_type.as_deref(), &r.body).unwrap();
    assert_eq!(result.error_code, Some(1115));
}
