//! The SOAP surface: every operation of both services answered in SOAP 1.1 and 1.2, the WSDLs,
//! and the faults ASMX sends for what it cannot dispatch.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::{Gateway, SHOP, V11, V12};
use gestpay::cryptdecrypt::{Encrypt, EncryptResult, RequestToken};
use gestpay::models::{OrderDetails, ShippingAddress};
use gestpay::prelude::*;
use gestpay::s2s::*;
use gestpay::{Error, SoapFault};

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, Currency::EUR)
}

fn assert_ok<T: Outcome + std::fmt::Debug>(what: &str, r: &T) {
    assert!(r.is_ok(), "{what}: {r:?}");
}

/// Every operation of both services, each answered OK, in one SOAP version.
fn every_operation(gw: &Gateway, v: SoapVersion) {
    let tag = match v {
        V11 => "11",
        V12 => "12",
    };
    let id = |name: &str| format!("{name}-{tag}");

    // WsCryptDecrypt: Encrypt, the page, Decrypt.
    let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(1_500), id("ENC"));
    let r: EncryptResult = gw.call(&encrypt, v);
    assert_ok("Encrypt", &r);
    let location = gw.pay_by_card(&r.crypt_decrypt_string.unwrap(), "4111111111111111");
    let d = gw.decrypt(&location, v);
    assert_ok("Decrypt", &d);
    assert_eq!(d.shop_transaction_id.as_deref(), Some(id("ENC").as_str()));

    // WsS2S, every operation.
    let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(2_000), id("PAY"))
        .card("4111111111111111", "12", "30")
        .request_token(RequestToken::masked_pan());
    let paid = gw.call(&pay, v).0;
    assert_ok("callPagamS2S", &paid);
    let bank = paid.bank_transaction_id.clone().unwrap();
    let card_token = paid.token.clone().unwrap();

    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), v)
        .0;
    assert_ok("callReadTrxS2S", &read);
    let refund = CallRefundS2S::new(SHOP, TransactionRef::bank(&bank), Currency::EUR, eur(500));
    assert_ok("callRefundS2S", &gw.call(&refund, v).0);

    // The default profile settles at once: settle (2019) and delete (2017) are refused, in this
    // version too (tests/lifecycle.rs has them succeed with separate settlement).
    let settle = CallSettleS2S::new(SHOP, TransactionRef::bank(&bank), Currency::EUR, eur(100));
    let settled = gw.call(&settle, v).0;
    assert_eq!(settled.error_code, Some(2019), "{settled:?}");
    let delete = CallDeleteS2S::new(SHOP, TransactionRef::bank(&bank));
    assert_eq!(gw.call(&delete, v).0.error_code, Some(2017));

    let order = OrderDetails {
        shipping_address: Some(ShippingAddress {
            first_name: Some("Marco".into()),
            city: Some("Roma".into()),
            ..ShippingAddress::default()
        }),
        ..OrderDetails::default()
    };
    let update = CallUpdateOrderS2S::new(SHOP, TransactionRef::bank(&bank), order);
    assert_ok("CallUpdateOrderS2S", &gw.call(&update, v).0);
    let param = CallUpdateCustomParamS2S::new(SHOP, TransactionRef::bank(&bank), "ref", "42");
    assert_ok("CallUpdateCustomParamS2S", &gw.call(&param, v).0);

    let token = CallRequestTokenS2S::new(
        SHOP,
        RequestToken::masked_pan(),
        "4111111111111111",
        "12",
        "30",
        false,
    );
    let tokened = gw.call(&token, v).0;
    assert_ok("CallRequestTokenS2S", &tokened);
    let token = tokened.token_value().cloned().unwrap();
    let check = CallCheckCartaS2S::token(SHOP, id("CHK"), card_token.clone(), true);
    assert_ok("callCheckCartaS2S", &gw.call(&check, v).0);
    let verify = CallVerifycardS2S::new(SHOP, id("VER"), "4111111111111111", "12", "30", "123");
    assert_ok("callVerifycardS2S", &gw.call(&verify, v).0);
    let update = CallUpdateTokenS2S::new(SHOP, token.clone(), "01", "31", false);
    assert_ok("CallUpdateTokenS2S", &gw.call(&update, v).0);
    let delete = CallDeleteTokenS2S::new(SHOP, token);
    assert_ok("callDeleteTokenS2S", &gw.call(&delete, v).0);

    let ideal = gw.call(&CallIdealListS2S::new(SHOP), v).0;
    assert_ok("CallIdealListS2S", &ideal);
    assert_eq!(ideal.bank_list.len(), 3);
    let mybank = gw
        .call(&CallMyBankListS2S::new(SHOP, Language::ITALIAN), v)
        .0;
    assert_ok("CallMyBankListS2S", &mybank);
    assert!(!mybank.bank_list.is_empty());
    let rates = gw.call(&CallExchangeRateS2S::new(SHOP, Currency::USD), v).0;
    assert_ok("callExchangeRateS2S", &rates);
    assert_eq!(rates.exchange_rates.len(), 1);
    assert_ok("callRenounce", &gw.call(&CallRenounce::new(), v).0);
    let device = CallDeviceActivation::new("TERM-1");
    assert_ok("callDeviceActivation", &gw.call(&device, v).0);
}

#[test]
fn every_operation_answers_in_soap_1_1() {
    every_operation(&Gateway::default(), V11);
}

#[test]
fn every_operation_answers_in_soap_1_2() {
    every_operation(&Gateway::default(), V12);
}

#[test]
fn wsdls_are_served_at_case_insensitive_paths() {
    let gw = Gateway::default();
    for (path, service) in [
        ("/gestpay/GestPayWS/WsCryptDecrypt.asmx", "WSCryptDecrypt"),
        ("/GESTPAY/gestpayws/wscryptdecrypt.ASMX", "WSCryptDecrypt"),
        ("/gestpay/gestpayws/WSs2s.asmx", "WSs2s"),
        ("/gestpay/GestPayWS/WsS2S.asmx", "WSs2s"),
    ] {
        for query in ["wsdl", "WSDL"] {
            let r = gw.get(&format!("{path}?{query}"));
            assert_eq!(r.status, 200, "{path}");
            assert!(r.content_type.as_deref().unwrap().starts_with("text/xml"));
            let text = r.text();
            assert!(text.contains("wsdl:definitions"), "{path}");
            assert!(
                text.contains(&format!("name=\"{service}\"")),
                "{path}: {service}"
            );
        }
    }
    let info = gw.get("/gestpay/gestpayws/WSs2s.asmx");
    assert_eq!(info.status, 200);
    assert!(info.text().contains("?wsdl"));
}

/// A fault answer: HTTP 500, the version's content type, and a parsed SoapFault.
fn fault(r: &common::Reply, version: SoapVersion) -> SoapFault {
    assert_eq!(r.status, 500, "{}", r.text());
    match EncryptResult::from_http(r.status, r.content_type.as_deref(), &r.body) {
        Err(Error::Fault(f)) => {
            assert_eq!(f.version, version);
            *f
        }
        other => panic!("expected a fault, got {other:?}"),
    }
}

fn is_client(f: &SoapFault) -> bool {
    f.code.ends_with(":Client") || f.code.ends_with(":Sender")
}

const CD_PATH: &str = "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
const S2S_PATH: &str = "/gestpay/gestpayws/WSs2s.asmx";

#[test]
fn malformed_xml_is_a_client_fault_in_both_versions() {
    let gw = Gateway::default();
    let cases: [(&[(&str, &str)], SoapVersion); 2] = [
        (
            &[
                ("Content-Type", "text/xml; charset=utf-8"),
                ("SOAPAction", "\"https://ecomm.sella.it/Encrypt\""),
            ],
            V11,
        ),
        (
            &[("Content-Type", "application/soap+xml; charset=utf-8")],
            V12,
        ),
    ];
    for (headers, version) in cases {
        for body in [
            &b"<soap:Envelope><unclosed>"[..],
            b"not xml at all",
            b"",
            b"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>",
        ] {
            let f = fault(&gw.post_raw(CD_PATH, headers, body), version);
            assert!(is_client(&f), "{f:?}");
            assert!(f.reason.contains("unable to read request"), "{f:?}");
            // The document is a request: the core's "malformed response" is not repeated.
            assert!(!f.reason.contains("response"), "{f:?}");
            assert!(f.reason.contains("malformed request"), "{f:?}");
            assert_eq!(f.http_status, Some(500));
        }
    }
}

#[test]
fn requests_are_read_in_their_declared_charset() {
    let gw = Gateway::default();
    let envelope = String::from_utf8(
        Encrypt::new(SHOP, Currency::EUR, eur(1250), "LATIN-1")
            .buyer("Nicolò Bianchi", "nicolo@example.it")
            .to_envelope(V11)
            .unwrap(),
    )
    .unwrap();
    let envelope = envelope.replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"");
    let latin1: Vec<u8> = envelope
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let action = ("SOAPAction", "\"https://ecomm.sella.it/Encrypt\"");
    // Named by the XML declaration, then by the Content-Type alone.
    let without_declaration =
        latin1[latin1.iter().position(|b| *b == b'>').unwrap() + 1..].to_vec();
    for (content_type, body) in [
        ("text/xml", latin1.clone()),
        ("text/xml; charset=iso-8859-1", without_declaration),
    ] {
        let r = gw.post_raw(CD_PATH, &[("Content-Type", content_type), action], &body);
        let result = EncryptResult::from_http(r.status, r.content_type.as_deref(), &r.body)
            .unwrap_or_else(|e| panic!("{content_type}: {e}: {}", r.text()));
        assert!(result.crypt_decrypt_string.is_some(), "{result:?}");
    }
    // A charset the decoder does not know is a client fault.
    let r = gw.post_raw(
        CD_PATH,
        &[("Content-Type", "text/xml; charset=x-klingon"), action],
        &latin1,
    );
    let f = fault(&r, V11);
    assert!(f.reason.contains("[unsupported_charset]"), "{f:?}");
}

#[test]
fn unknown_soapaction_and_wrong_operation_are_faults() {
    let gw = Gateway::default();
    let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(100), "F-1")
        .to_http(&gw.env, V11)
        .unwrap();
    // SOAPAction naming another operation.
    let wrong_action = [
        ("Content-Type", "text/xml; charset=utf-8"),
        ("SOAPAction", "\"https://ecomm.sella.it/Refund\""),
    ];
    let f = fault(&gw.post_raw(CD_PATH, &wrong_action, &encrypt.body), V11);
    assert!(f.reason.contains("SOAPAction"), "{f:?}");
    // No SOAPAction at all (SOAP 1.1 needs one).
    let no_action = [("Content-Type", "text/xml; charset=utf-8")];
    let f = fault(&gw.post_raw(CD_PATH, &no_action, &encrypt.body), V11);
    assert!(f.reason.contains("SOAPAction"), "{f:?}");
    // Encrypt posted to WsS2S with a matching S2S SOAPAction: not an S2S request element.
    let s2s_action = [
        ("Content-Type", "text/xml; charset=utf-8"),
        ("SOAPAction", "\"https://ecomms2s.sella.it/Encrypt\""),
    ];
    let f = fault(&gw.post_raw(S2S_PATH, &s2s_action, &encrypt.body), V11);
    assert!(f.reason.contains("Encrypt"), "{f:?}");
    // A callReadTrxS2S sent to WsCryptDecrypt, SOAP 1.2 (dispatched on the body).
    let read = CallReadTrxS2S::by_bank_transaction_id(SHOP, "1")
        .to_http(&gw.env, V12)
        .unwrap();
    let ct = [("Content-Type", "application/soap+xml; charset=utf-8")];
    let f = fault(&gw.post_raw(CD_PATH, &ct, &read.body), V12);
    assert!(is_client(&f), "{f:?}");
    // An operation that does not exist, in the right namespace.
    let unknown = br#"<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body><callTeleportS2S xmlns="https://ecomms2s.sella.it/"/></soap12:Body></soap12:Envelope>"#;
    let f = fault(&gw.post_raw(S2S_PATH, &ct, unknown), V12);
    assert!(f.reason.contains("callTeleportS2S"), "{f:?}");
    // A body that is an envelope but not a request of the operation it claims.
    let bad = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Encrypt xmlns="https://ecomm.sella.it/"><amount>abc</amount></Encrypt></soap:Body></soap:Envelope>"#;
    let headers = [
        ("Content-Type", "text/xml; charset=utf-8"),
        ("SOAPAction", "\"https://ecomm.sella.it/Encrypt\""),
    ];
    let f = fault(&gw.post_raw(CD_PATH, &headers, bad), V11);
    assert!(is_client(&f), "{f:?}");
}

#[test]
fn other_methods_and_paths() {
    let gw = Gateway::default();
    let r = gw
        .agent
        .put(format!("{}{S2S_PATH}", gw.base()))
        .send(&b""[..])
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(gw.get("/nowhere").status, 404);
    assert_eq!(gw.get("/").status, 200);
}
