//! The conformance table (`tests/fixtures/conformance/*.json`, format in its README) through the
//! Rust core: one trial per case. The CLI, Python, Node and WASM suites read the same table and
//! must give the same answers.
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "conformance_table.rs"]
mod conformance_table;

use std::path::{Path, PathBuf};

use conformance_table::{Case, Expect, load_cases};
use gestpay::codes::PaymentType;
use gestpay::dynamic::Operation;
use gestpay::payment_page::{Callback, payment_page_url};
use gestpay::{Environment, Error, SoapVersion};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Value, json};

fn table() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/conformance")
}

fn str_arg<'a>(case: &'a Case, key: &str) -> &'a str {
    case.raw
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{}: `{key}` must be a string", case.id))
}

fn soap(case: &Case) -> gestpay::Result<SoapVersion> {
    SoapVersion::parse(
        case.raw
            .get("soap")
            .and_then(Value::as_str)
            .unwrap_or("1.1"),
    )
}

fn env(case: &Case) -> gestpay::Result<Environment> {
    Environment::parse(
        case.raw
            .get("env")
            .and_then(Value::as_str)
            .unwrap_or("test"),
    )
}

/// What the core answers for one case: a JSON value to compare with `expect` on success.
fn answer(case: &Case) -> gestpay::Result<Value> {
    let input = case.raw.get("input").cloned().unwrap_or(Value::Null);
    match case.entry.as_str() {
        "build" => {
            let op = Operation::from_name(str_arg(case, "operation"))?;
            let http = op
                .request_from_value(&input)?
                .to_http(&env(case)?, soap(case)?)?;
            Ok(json!({ "url": http.url }))
        }
        "build_text" => {
            let op = Operation::from_name(str_arg(case, "operation"))?;
            let http = op
                .request_from_json(str_arg(case, "text"))?
                .to_http(&env(case)?, soap(case)?)?;
            Ok(json!({ "url": http.url }))
        }
        "validate" => {
            let op = Operation::from_name(str_arg(case, "operation"))?;
            op.request_from_value(&input)?.validate()?;
            Ok(json!({}))
        }
        "payment_page_url" => {
            let arg = |k: &str| input.get(k).and_then(Value::as_str).unwrap_or("");
            let payment_type = input
                .get("paymentType")
                .and_then(Value::as_str)
                .map(PaymentType::new);
            let url = payment_page_url(
                &env(case)?,
                arg("shopLogin"),
                arg("encryptedString"),
                payment_type.as_ref(),
            )?;
            Ok(json!({ "url": url }))
        }
        "callback_url" => {
            let text = input
                .as_str()
                .unwrap_or_else(|| panic!("{}: a string", case.id));
            callback(&Callback::parse(text)?)
        }
        "callback_mapping" => {
            // A framework's mapping: a value, or a list of the values of a repeated name.
            let mut pairs = Vec::new();
            for (name, value) in input.as_object().into_iter().flatten() {
                match value {
                    Value::Array(values) => pairs.extend(
                        values
                            .iter()
                            .map(|v| (name.clone(), v.as_str().unwrap_or("").to_owned())),
                    ),
                    other => pairs.push((name.clone(), other.as_str().unwrap_or("").to_owned())),
                }
            }
            callback(&Callback::from_decoded_pairs(pairs)?)
        }
        "outcome" => {
            let op = Operation::from_name(str_arg(case, "operation"))?;
            op.result_from_value(&input)?.ensure_ok()?;
            Ok(json!({}))
        }
        "env" => {
            let env = env(case)?;
            Ok(json!({ "url": env.endpoint(gestpay::Service::CryptDecrypt) }))
        }
        "currency" => {
            let row = gestpay::codes::Currency::lookup(str_arg(case, "input"))
                .map(gestpay::codes::Currency::info);
            Ok(json!({ "row": row }))
        }
        other => panic!("{}: the Rust runner has no entry `{other}`", case.id),
    }
}

fn callback(cb: &Callback) -> gestpay::Result<Value> {
    Ok(json!({ "shopLogin": cb.shop_login, "encryptedString": cb.encrypted_string }))
}

fn check(case: &Case) -> Result<(), Failed> {
    let expect = case.expect_for("rust");
    match (answer(case), expect) {
        (Ok(value), Expect::Ok(wanted)) => {
            for (key, want) in wanted {
                let got = value.get(&key).unwrap_or(&Value::Null);
                if *got != want {
                    return Err(format!("{key}: got {got}, expected {want}").into());
                }
            }
            Ok(())
        }
        (Ok(value), Expect::Error { code, .. }) => {
            Err(format!("accepted ({value}), expected the error {code}").into())
        }
        (Err(err), Expect::Ok(_)) => Err(format!("refused, expected success: {err}").into()),
        (Err(err), Expect::Error { code, field }) => compare_error(&err, &code, field.as_deref()),
    }
}

fn compare_error(err: &Error, code: &str, field: Option<&str>) -> Result<(), Failed> {
    if err.code() != code || err.field() != field {
        return Err(format!(
            "got {} at {:?} ({err}), expected {code} at {field:?}",
            err.code(),
            err.field()
        )
        .into());
    }
    if err.to_string().len() > 400 {
        return Err(format!("the message is {} bytes long", err.to_string().len()).into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = load_cases(&table())
        .into_iter()
        .filter(|case| case.runs_in("rust"))
        .map(|case| Trial::test(case.id.clone(), move || check(&case)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
