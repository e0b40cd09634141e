//! The conformance cases of request validation and environments
//! (`tests/fixtures/conformance/validation.json` and `env.json`, format in that folder's
//! README) through the Rust core, with the calls of the README's Rust column. The shared runners
//! of every language read the same files; this one checks the cases as they are written.
#![cfg(feature = "json")]
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::HashSet;
use std::path::PathBuf;

use gestpay::codes::PaymentType;
use gestpay::dynamic::Operation;
use gestpay::payment_page::{payment_page_url, three_ds_page_url};
use gestpay::{Environment, Error, Request, SoapVersion};
use serde_json::{Value, json};

const FILES: &[&str] = &["validation.json", "env.json"];

fn table(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/conformance")
        .join(file)
}

fn load(file: &str) -> Vec<Value> {
    let path = table(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Array(cases)) => cases,
        other => panic!("{file}: expected an array of cases, got {other:?}"),
    }
}

fn str_of<'a>(case: &'a Value, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Value::as_str)
}

fn env_of(case: &Value) -> gestpay::Result<Environment> {
    Environment::parse(str_of(case, "env").unwrap_or("test"))
}

fn soap_of(case: &Value) -> SoapVersion {
    match str_of(case, "soap").unwrap_or("1.1") {
        "1.1" => SoapVersion::Soap11,
        "1.2" => SoapVersion::Soap12,
        other => panic!("soap {other}"),
    }
}

/// The core's answer: on success, the values the `expect` of a case may compare.
fn answer(case: &Value) -> gestpay::Result<Value> {
    let input = case.get("input").cloned().unwrap_or(Value::Null);
    match str_of(case, "entry").unwrap_or("") {
        "build" => {
            let op = Operation::from_name(str_of(case, "operation").unwrap_or(""))?;
            let http = op
                .request_from_value(&input)?
                .to_http(&env_of(case)?, soap_of(case))?;
            Ok(json!({ "url": http.url }))
        }
        "validate" => {
            let op = Operation::from_name(str_of(case, "operation").unwrap_or(""))?;
            op.request_from_value(&input)?.validate()?;
            Ok(json!({}))
        }
        "env" => {
            let env = env_of(case)?;
            Ok(json!({ "url": env.endpoint(gestpay::Service::CryptDecrypt) }))
        }
        "payment_page_url" => {
            let field = |k: &str| input.get(k).and_then(Value::as_str).unwrap_or("");
            let payment_type = input
                .get("paymentType")
                .and_then(Value::as_str)
                .map(PaymentType::new);
            let url = payment_page_url(
                &env_of(case)?,
                field("shopLogin"),
                field("encryptedString"),
                payment_type.as_ref(),
            )?;
            Ok(json!({ "url": url }))
        }
        other => panic!("no entry `{other}` in this runner"),
    }
}

/// The strings of the input that must never appear in an error (card data, tokens, keys, the
/// URL of an environment, which may carry a password).
fn secrets(case: &Value) -> Vec<String> {
    const SECRET_KEYS: &[&str] = &[
        "cardNumber",
        "cvv",
        "cvv2",
        "tokenValue",
        "token",
        "apiKey",
        "paRes",
    ];
    let mut out = Vec::new();
    if let Some(input) = case.get("input").and_then(Value::as_object) {
        for key in SECRET_KEYS {
            if let Some(v) = input.get(*key).and_then(Value::as_str)
                && v.len() >= 3
            {
                out.push(v.to_owned());
            }
        }
    }
    if let Some(env) = str_of(case, "env")
        && env.contains("://")
    {
        out.push(env.to_owned());
    }
    out
}

/// `None` when the case passes, else what went wrong.
fn check(case: &Value) -> Option<String> {
    let expect = case
        .get("differs")
        .and_then(|d| d.get("rust"))
        .and_then(|d| d.get("expect"))
        .or_else(|| case.get("expect"))
        .cloned()
        .unwrap_or(Value::Null);
    match (answer(case), expect.get("code").and_then(Value::as_str)) {
        (Ok(value), None) => {
            let wanted = expect.as_object()?;
            for (key, want) in wanted.iter().filter(|(k, _)| k.as_str() != "ok") {
                let got = value.get(key).unwrap_or(&Value::Null);
                if got != want {
                    return Some(format!("{key}: got {got}, expected {want}"));
                }
            }
            None
        }
        (Ok(value), Some(code)) => Some(format!("accepted ({value}), expected {code}")),
        (Err(err), None) => Some(format!("refused, expected success: {err}")),
        (Err(err), Some(code)) => {
            let field = expect.get("field").and_then(Value::as_str);
            compare_error(case, &err, code, field)
        }
    }
}

fn compare_error(case: &Value, err: &Error, code: &str, field: Option<&str>) -> Option<String> {
    if err.code() != code || err.field() != field {
        return Some(format!(
            "got {} at {:?} ({err}), expected {code} at {field:?}",
            err.code(),
            err.field()
        ));
    }
    let shown = format!("{err} {err:?}");
    if let Some(secret) = secrets(case).iter().find(|s| shown.contains(s.as_str())) {
        return Some(format!("the error shows the value `{secret}`: {shown}"));
    }
    if err.to_string().len() > 200 {
        return Some(format!(
            "the message is {} bytes long: {err}",
            err.to_string().len()
        ));
    }
    None
}

#[test]
fn conformance_cases() {
    let mut ids = HashSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in FILES {
        for case in load(file) {
            let id = str_of(&case, "id").unwrap_or_else(|| panic!("{file}: a case without id"));
            assert!(
                ids.insert(id.to_owned()),
                "{file}: the id {id} is used twice"
            );
            assert!(
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{file}: {id} is not kebab-case"
            );
            assert!(
                str_of(&case, "why").is_some_and(|w| !w.is_empty()),
                "{file}: {id} has no `why`"
            );
            let runs_here = case
                .get("only")
                .and_then(Value::as_array)
                .is_none_or(|only| only.iter().any(|l| l == "rust"));
            if !runs_here {
                continue;
            }
            count += 1;
            if let Some(why) = check(&case) {
                failures.push(format!("{file} {id}: {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 80, "only {count} cases");
}

// --- what JSON cannot say -------------------------------------------------------------------

#[test]
fn an_unchecked_custom_environment_is_checked_where_urls_are_built() {
    let bad = Environment::Custom("https://h.example/?x=1".to_owned());
    let req = gestpay::cryptdecrypt::Decrypt::new("9000001", "AB12");
    for err in [
        req.to_http(&bad, SoapVersion::Soap11).unwrap_err(),
        req.to_http_unchecked(&bad, SoapVersion::Soap12)
            .unwrap_err(),
        payment_page_url(&bad, "9000001", "XYZ", None).unwrap_err(),
        three_ds_page_url(&bad, "9000001", "VBV", "https://shop.example/3ds").unwrap_err(),
        bad.check().unwrap_err(),
    ] {
        assert_eq!(
            (err.code(), err.field()),
            ("invalid_env", Some("env")),
            "{err}"
        );
    }
    let good = Environment::Custom("http://127.0.0.1:8480/".to_owned());
    assert_eq!(
        req.to_http(&good, SoapVersion::Soap11).unwrap().url,
        "http://127.0.0.1:8480/gestpay/GestPayWS/WsCryptDecrypt.asmx"
    );
    assert!(
        three_ds_page_url(&good, "9000001", "VBV", "https://shop.example/3ds")
            .unwrap()
            .starts_with("http://127.0.0.1:8480/pagam/pagam3d.aspx?a=9000001&b=VBV&c=")
    );
}

#[test]
fn environments_parse_build_and_from_str_agree() {
    assert_eq!("test".parse::<Environment>().unwrap(), Environment::Test);
    assert_eq!(
        "production".parse::<Environment>().unwrap(),
        Environment::Production
    );
    assert_eq!(
        Environment::custom("https://proxy.example/gp/").unwrap(),
        Environment::Custom("https://proxy.example/gp/".to_owned())
    );
    let err = Environment::custom("https://user:secret@proxy.example")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("secret"), "{err}");
    assert_eq!(
        "Test".parse::<Environment>().unwrap_err().code(),
        "invalid_env"
    );
    assert!(Environment::Test.check().is_ok() && Environment::Production.check().is_ok());
}

#[test]
fn unlisted_payment_types() {
    let new = PaymentType::unlisted("NEWTYPE");
    assert!(new.is_unlisted() && new.is_accepted() && !new.is_known());
    assert_eq!(new.as_str(), "NEWTYPE");
    assert_eq!(new.to_string(), "NEWTYPE");
    assert_eq!(new, PaymentType::new("NEWTYPE"));
    assert_eq!(PaymentType::new("unlisted:NEWTYPE"), new);
    assert!(PaymentType::new("unlisted:NEWTYPE").is_unlisted());
    assert!(!PaymentType::new("NEWTYPE").is_accepted());
    // A code of the table marked unlisted is just that code.
    let paypal = PaymentType::unlisted("PAYPAL");
    assert!(paypal.is_known() && !paypal.is_unlisted());
    // JSON: `unlisted:` both ways; the wire: the code alone.
    assert_eq!(serde_json::to_string(&new).unwrap(), "\"unlisted:NEWTYPE\"");
    let back: PaymentType = serde_json::from_str("\"unlisted:NEWTYPE\"").unwrap();
    assert!(back.is_unlisted());
    let req = gestpay::cryptdecrypt::Encrypt::new(
        "9000001",
        gestpay::codes::Currency::EUR,
        gestpay::Amount::parse("10").unwrap(),
        "ORD-1",
    )
    .payment_types([new.clone()]);
    let body = String::from_utf8(req.to_envelope(SoapVersion::Soap11).unwrap()).unwrap();
    assert!(
        body.contains("<paymentType>NEWTYPE</paymentType>"),
        "{body}"
    );
    let refused = req.clone().payment_types([PaymentType::new("NEWTYPE")]);
    let err = refused.validate().unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid_format", Some("paymentTypes/paymentType[0]"))
    );
}
