//! The conformance table (`tests/fixtures/conformance`, format in its README) through the built
//! `gestpay` binary: the same code and field as the Rust core, case for case. Entries the
//! command has no form for (`callback_mapping`, `outcome`, `currency`) are ignored here.
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "../../tests/conformance_table.rs"]
mod conformance_table;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use conformance_table::{Case, Expect, load_cases};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Map, Value, json};

/// Runs the command with `stdin`; `(exit code, stdout, stderr)`.
fn gestpay(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gestpay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refused on its arguments may exit before reading: ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn arg<'a>(case: &'a Case, key: &str, default: &'a str) -> &'a str {
    case.raw.get(key).and_then(Value::as_str).unwrap_or(default)
}

/// `Some(args, stdin)` for the entries the command has.
fn command(case: &Case) -> Option<(Vec<String>, Vec<u8>)> {
    let input = case.raw.get("input").cloned().unwrap_or(Value::Null);
    let env = arg(case, "env", "test").to_owned();
    let build = |op: &str| {
        vec![
            "build".to_owned(),
            op.to_owned(),
            "--env".to_owned(),
            env.clone(),
            "--soap".to_owned(),
            arg(case, "soap", "1.1").to_owned(),
            "--http".to_owned(),
        ]
    };
    Some(match case.entry.as_str() {
        "build" | "validate" => (
            build(arg(case, "operation", "")),
            serde_json::to_vec(&input).unwrap(),
        ),
        "build_text" => (
            build(arg(case, "operation", "")),
            arg(case, "text", "").as_bytes().to_vec(),
        ),
        // The endpoint of an environment, as Decrypt's URL.
        "env" => (
            build("Decrypt"),
            br#"{"shopLogin": "GESPAY65987", "cryptedString": "AB12"}"#.to_vec(),
        ),
        "payment_page_url" => {
            let field = |k: &str| {
                input
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            let mut args = vec![
                "url".to_owned(),
                "--shop-login".to_owned(),
                field("shopLogin"),
                "--encrypted".to_owned(),
                field("encryptedString"),
                "--env".to_owned(),
                env,
            ];
            if let Some(pt) = input.get("paymentType").and_then(Value::as_str) {
                args.extend(["--payment-type".to_owned(), pt.to_owned()]);
            }
            (args, Vec::new())
        }
        "callback_url" => (
            vec![
                "callback".to_owned(),
                input.as_str().unwrap_or("").to_owned(),
            ],
            Vec::new(),
        ),
        _ => return None,
    })
}

/// `gestpay: invalid request: FIELD: message [code]` → (code, field).
fn error_of(stderr: &str) -> (String, Option<String>) {
    let line = stderr.lines().next().unwrap_or("").trim();
    let code = line
        .rsplit_once('[')
        .and_then(|(_, c)| c.strip_suffix(']'))
        .unwrap_or("")
        .to_owned();
    let field = line
        .strip_prefix("gestpay: invalid request: ")
        .and_then(|rest| rest.split_once(": ").map(|(f, _)| f.to_owned()));
    (code, field)
}

fn answer(case: &Case, stdout: &str) -> Value {
    match case.entry.as_str() {
        "payment_page_url" => json!({ "url": stdout.trim() }),
        "callback_url" => serde_json::from_str(stdout).unwrap_or(Value::Null),
        _ => {
            let http: Value = serde_json::from_str(stdout).unwrap_or(Value::Null);
            json!({ "url": http["url"] })
        }
    }
}

fn check(case: &Case, args: &[String], stdin: &[u8]) -> Result<(), Failed> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, stdout, stderr) = gestpay(&args, stdin);
    match case.expect_for("cli") {
        Expect::Ok(wanted) => {
            if status != 0 {
                return Err(format!("exit {status}, expected success: {stderr}").into());
            }
            let got = answer(case, &stdout);
            let wanted: Map<String, Value> = wanted;
            for (key, want) in wanted {
                // The `env` entry compares the endpoint of WsCryptDecrypt.
                let got = got.get(&key).unwrap_or(&Value::Null);
                if *got != want {
                    return Err(format!("{key}: got {got}, expected {want}").into());
                }
            }
            Ok(())
        }
        Expect::Error { code, field } => {
            if status == 0 {
                return Err(format!("accepted, expected {code}: {stdout}").into());
            }
            let (got_code, got_field) = error_of(&stderr);
            if got_code != code || got_field != field {
                return Err(format!(
                    "got {got_code} at {got_field:?}, expected {code} at {field:?}: {stderr}"
                )
                .into());
            }
            Ok(())
        }
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/conformance");
    let trials = load_cases(&dir)
        .into_iter()
        .filter(|case| case.runs_in("cli"))
        .map(|case| match command(&case) {
            Some((args, stdin)) => {
                Trial::test(case.id.clone(), move || check(&case, &args, &stdin))
            }
            None => Trial::test(case.id.clone(), || Ok(())).with_ignored_flag(true),
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
