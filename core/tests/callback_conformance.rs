//! The core's answers to the callback cases of the conformance table
//! (`tests/fixtures/conformance/callback.json`): entries `callback_url`, `callback_mapping` and
//! `payment_page_url`, as tests/fixtures/conformance/README.md maps them to the Rust API.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::Environment;
use gestpay::codes::PaymentType;
use gestpay::payment_page::{Callback, payment_page_url};
use serde_json::{Value, json};

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/conformance/callback.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn environment(env: Option<&Value>) -> Environment {
    match env.and_then(Value::as_str) {
        None | Some("test") => Environment::Test,
        Some("production") => Environment::Production,
        Some(base) if base.starts_with("http://") || base.starts_with("https://") => {
            Environment::Custom(base.to_owned())
        }
        Some(other) => panic!("unknown env {other}"),
    }
}

/// A framework's mapping: a string, or a list of strings for a repeated name.
fn pairs(mapping: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in mapping.as_object().unwrap() {
        match v {
            Value::String(s) => out.push((k.clone(), s.clone())),
            Value::Array(values) => {
                for v in values {
                    out.push((k.clone(), v.as_str().unwrap().to_owned()));
                }
            }
            other => panic!("a mapping value is a string or a list of strings, not {other}"),
        }
    }
    out
}

/// The answer in the table's shape: `{ok, …}` or `{code, field}`.
fn answer(result: gestpay::Result<Value>) -> Value {
    match result {
        Ok(mut v) => {
            v["ok"] = json!(true);
            v
        }
        Err(e) => json!({ "code": e.code(), "field": e.field() }),
    }
}

fn callback(result: gestpay::Result<Callback>) -> Value {
    answer(
        result.map(
            |cb| json!({ "shopLogin": cb.shop_login, "encryptedString": cb.encrypted_string }),
        ),
    )
}

#[test]
fn callback_cases() {
    let cases = cases();
    let mut seen = std::collections::HashSet::new();
    let mut failures = Vec::new();
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        assert!(seen.insert(id.to_owned()), "duplicate id {id}");
        assert!(case["why"].is_string(), "{id}: no why");
        let input = &case["input"];
        let got = match case["entry"].as_str().unwrap() {
            "callback_url" => {
                let raw = input.as_str().unwrap();
                let got = callback(Callback::parse(raw));
                if got.get("ok").is_some() {
                    // What a framework makes of the same query, as a mapping: the same answer.
                    let query = raw.split('#').next().unwrap();
                    let query = query.split_once('?').map_or(query, |(_, q)| q);
                    let framework = form_urlencoded::parse(query.as_bytes());
                    let theirs = callback(Callback::from_decoded_pairs(framework));
                    assert_eq!(theirs, got, "{id}: the framework path differs");
                }
                got
            }
            "callback_mapping" => callback(Callback::from_decoded_pairs(pairs(input))),
            "payment_page_url" => {
                let pt = input
                    .get("paymentType")
                    .and_then(Value::as_str)
                    .map(PaymentType::new);
                answer(
                    payment_page_url(
                        &environment(case.get("env")),
                        input["shopLogin"].as_str().unwrap(),
                        input["encryptedString"].as_str().unwrap(),
                        pt.as_ref(),
                    )
                    .map(|url| json!({ "url": url })),
                )
            }
            other => panic!("{id}: entry {other} is not a callback entry"),
        };
        let expect = case["expect"].as_object().unwrap();
        // Compare the members the case names (`ok` cases may leave a value out).
        let matches = expect
            .iter()
            .all(|(k, v)| got.get(k).unwrap_or(&Value::Null) == v)
            && (expect.contains_key("ok") == got.get("ok").is_some());
        if !matches {
            let mut shown = got.to_string();
            shown.truncate(300);
            failures.push(format!(
                "{id}: expected {}, got {shown}",
                Value::Object(expect.clone())
            ));
        }
    }
    assert!(cases.len() >= 30, "{} cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
