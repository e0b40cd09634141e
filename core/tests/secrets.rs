//! Secrets (apikey, card data, expiry, CVV, PARes, tokens) never appear in Debug, Display or
//! error text, whatever carries them.
#![allow(clippy::unwrap_used)]

use gestpay::prelude::*;
use gestpay::s2s::{CallPagamS2S, CallPagamS2SResult, GestPayS2S};

const SECRETS: &[&str] = &[
    "APIKEY-s3cr3t",
    "4111111111111111",
    "0999",
    "PARES-s3cr3t",
    "TOKEN-s3cr3t",
];

fn assert_clean(what: &str, text: &str) {
    for s in SECRETS {
        assert!(!text.contains(s), "{what} leaks {s}: {text}");
    }
}

fn pagam() -> CallPagamS2S {
    let mut req = CallPagamS2S::new(
        "GESPAY1",
        Currency::EUR,
        Amount::from_minor(100, Currency::EUR),
        "ORD-1",
    )
    .card("4111111111111111", "09", "99")
    .cvv("0999")
    .api_key("APIKEY-s3cr3t");
    req.trans_key = Some("123456789012345678".into());
    req.pa_res = Some(Secret::new("PARES-s3cr3t"));
    req
}

#[test]
fn requests_and_their_http_description_are_redacted() {
    let req = pagam();
    assert_clean("Debug of callPagamS2S", &format!("{req:?} {req:#?}"));
    let http = req
        .to_http(&Environment::Test, SoapVersion::Soap11)
        .unwrap();
    assert_clean("Debug of HttpRequest", &format!("{http:?}"));
    // The body does carry them: it is what must be sent.
    assert!(String::from_utf8_lossy(&http.body).contains("4111111111111111"));
    let enc = Encrypt::new(
        "GESPAY1",
        Currency::EUR,
        Amount::from_minor(1, Currency::EUR),
        "X",
    )
    .api_key("APIKEY-s3cr3t");
    assert_clean("Debug of Encrypt", &format!("{enc:?}"));
}

#[test]
fn results_holding_tokens_are_redacted() {
    let result = DecryptResult {
        token: Some(Secret::new("TOKEN-s3cr3t")),
        ..Default::default()
    };
    assert_clean("Debug of DecryptResult", &format!("{result:?}"));
    let s2s = CallPagamS2SResult(GestPayS2S {
        token: Some(Secret::new("TOKEN-s3cr3t")),
        ..Default::default()
    });
    assert_clean("Debug of GestPayS2S", &format!("{s2s:?}"));
    let response = s2s.to_http_response(SoapVersion::Soap11).unwrap();
    assert_clean("Debug of HttpResponse", &format!("{response:?}"));
}

#[test]
fn errors_about_secret_fields_never_show_the_value() {
    let mut req = pagam();
    req.cvv = Some(Secret::new("0999999"));
    let err = req.validate().unwrap_err();
    assert_eq!(err.field(), Some("cvv"));
    let text = format!("{err} {err:?}");
    assert!(!text.contains("0999999"), "{text}");

    let mut req = pagam();
    req.expiry_month = Some(Secret::new("4111111111111111"));
    let err = req.validate().unwrap_err();
    assert_clean("expiry error", &format!("{err} {err:?}"));

    // A control character in a secret: refused by the writer without echoing the value.
    let mut req = pagam();
    req.api_key = Some(Secret::new("APIKEY-s3cr3t\u{1}"));
    let err = req.to_envelope(SoapVersion::Soap11).unwrap_err();
    assert_eq!(err.code(), "invalid_xml_character");
    assert_eq!(err.field(), Some("apikey"));
    assert_clean("writer error", &format!("{err} {err:?}"));
}

#[test]
fn display_of_a_secret_is_masked() {
    assert_eq!(Secret::new("TOKEN-s3cr3t").to_string(), "***");
    assert_eq!(format!("{:?}", Secret::new("")), "Secret(\"\")");
}
