//! The other subcommands of the built binary: url, callback, error-code, operations, schema,
//! build --http, the exit codes, sandbox (its first line, its flags) and demo.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

fn gestpay(args: &[&str]) -> Output {
    gestpay_with_input(args, b"")
}

fn gestpay_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gestpay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command refused on its arguments exits without reading its input: a closed pipe then.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A failure: its exit code and its stderr message.
fn failure(out: &Output) -> (i32, String) {
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    (out.status.code().unwrap(), stderr)
}

#[test]
fn url_builds_the_payment_page_address() {
    let out = gestpay(&["url", "--shop-login", "9000001", "--encrypted", "ABC*123"]);
    assert_eq!(
        stdout(&out).trim(),
        "https://sandbox.gestpay.net/pagam/pagam.aspx?a=9000001&b=ABC*123"
    );
    let out = gestpay(&[
        "url",
        "--shop-login",
        "9000001",
        "--encrypted",
        "XYZ",
        "--env",
        "production",
        "--payment-type",
        "AMAZONPAY",
    ]);
    let url = stdout(&out);
    assert!(url.starts_with("https://ecomm.sella.it/pagam/pagam.aspx?a=9000001&b=XYZ"));
    assert!(url.contains("paymentType=AMAZONPAY"), "{url}");
    let out = gestpay(&[
        "url",
        "--shop-login",
        "9000001",
        "--encrypted",
        "XYZ",
        "--env",
        "http://127.0.0.1:8480/",
    ]);
    assert!(stdout(&out).starts_with("http://127.0.0.1:8480/pagam/pagam.aspx?a=9000001&b=XYZ"));
}

#[test]
fn callback_parses_urls_and_query_strings() {
    for input in [
        "https://shop.example/ok?a=9000001&b=XYZ%2A1",
        "a=9000001&b=XYZ*1",
        "?b=XYZ*1&a=9000001",
    ] {
        let json: Value = serde_json::from_str(&stdout(&gestpay(&["callback", input]))).unwrap();
        assert_eq!(
            json,
            json!({"shopLogin": "9000001", "encryptedString": "XYZ*1"}),
            "{input}"
        );
    }
    let (code, message) = failure(&gestpay(&["callback", "https://shop.example/ok?x=1"]));
    assert_eq!(code, 3);
    assert!(message.starts_with("gestpay: "), "{message}");
}

#[test]
fn error_code_describes_codes_from_the_table() {
    assert_eq!(
        stdout(&gestpay(&["error-code", "1169"])).trim(),
        "1169: Not accepted call: invalid Merchant APIKEY"
    );
    assert_eq!(
        stdout(&gestpay(&["error-code", "1131"])).trim(),
        "1131: Not accepted call: Shop not recognized"
    );
    // Not `P A Y1_…`, as the table's source text spelled it.
    assert_eq!(
        stdout(&gestpay(&["error-code", "1116"])).trim(),
        "1116: Too long PAY1_SHOPTRANSACTIONID parameter"
    );
    assert!(stdout(&gestpay(&["error-code", "2002", "--alert"])).starts_with("2002: "));
    let (code, message) = failure(&gestpay(&["error-code", "4242424"]));
    assert_eq!(code, 6);
    assert!(message.contains("not a documented error code"), "{message}");
    let (code, _) = failure(&gestpay(&["error-code", "abc"]));
    assert_eq!(code, 2);
}

#[test]
fn operations_lists_both_services() {
    let list = stdout(&gestpay(&["operations"]));
    let ops: Vec<&str> = list.lines().collect();
    assert_eq!(ops.len(), 19, "{list}");
    for op in [
        "Encrypt",
        "Decrypt",
        "callPagamS2S",
        "CallRequestTokenS2S",
        "callRenounce",
    ] {
        assert!(ops.contains(&op), "{op}");
    }
}

#[test]
fn schema_is_json_naming_every_operation() {
    let schema: Value = serde_json::from_str(&stdout(&gestpay(&["schema"]))).unwrap();
    let text = schema.to_string();
    for name in ["Encrypt", "DecryptResult", "CallPagamS2S", "GestPayS2S"] {
        assert!(text.contains(name), "{name}");
    }
}

#[test]
fn schema_says_first_that_it_is_generated() {
    // The committed schema/gestpay.schema.json is this output: its first key tells a reader
    // not to edit it and how to regenerate it.
    let text = stdout(&gestpay(&["schema"]));
    let first = text.lines().nth(1).unwrap_or_default();
    assert!(
        first.starts_with(r#"  "$comment": "Generated by `gestpay schema`"#)
            && first.contains(
                "do not edit; run `cargo run -p gestpay-cli -- schema > schema/gestpay.schema.json`"
            ),
        "{first}"
    );
}

#[test]
fn build_prints_the_envelope_or_the_http_call() {
    let input = br#"{"shopLogin": "9000001", "uicCode": "EUR", "amount": "10.00", "shopTransactionId": "ORD-1", "apiKey": "k"}"#;
    let envelope = stdout(&gestpay_with_input(&["build", "Encrypt"], input));
    assert!(envelope.contains("<shopTransactionId>ORD-1</shopTransactionId>"));
    assert!(envelope.contains("schemas.xmlsoap.org/soap/envelope"));
    let out = gestpay_with_input(
        &[
            "build",
            "Encrypt",
            "--http",
            "--soap",
            "1.2",
            "--env",
            "http://127.0.0.1:9",
        ],
        input,
    );
    let call: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(call["method"], "POST");
    assert_eq!(
        call["url"],
        "http://127.0.0.1:9/gestpay/GestPayWS/WsCryptDecrypt.asmx"
    );
    let ct = call["headers"]["Content-Type"].as_str().unwrap();
    assert!(ct.starts_with("application/soap+xml"), "{ct}");
    assert!(
        ct.contains("action=\"https://ecomm.sella.it/Encrypt\""),
        "{ct}"
    );
    assert!(
        call["body"]
            .as_str()
            .unwrap()
            .contains("www.w3.org/2003/05/soap-envelope")
    );
}

#[test]
fn build_no_validate_builds_what_the_gateway_would_refuse() {
    // No amount: validation refuses it (exit 3), --no-validate builds it.
    let input = br#"{"shopLogin": "9000001", "uicCode": "EUR", "shopTransactionId": "ORD-1"}"#;
    let (code, message) = failure(&gestpay_with_input(&["build", "Encrypt"], input));
    assert_eq!(code, 3);
    assert!(message.contains("[missing_field]"), "{message}");
    let envelope = stdout(&gestpay_with_input(
        &["build", "Encrypt", "--no-validate"],
        input,
    ));
    assert!(envelope.contains("<shopTransactionId>ORD-1</shopTransactionId>"));
    assert!(!envelope.contains("<amount>"), "{envelope}");
    let out = gestpay_with_input(&["build", "Encrypt", "--no-validate", "--http"], input);
    let call: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(call["method"], "POST");
    // The input contract still applies: an unknown key is refused.
    let (code, message) = failure(&gestpay_with_input(
        &["build", "Encrypt", "--no-validate"],
        br#"{"shopLogin": "1", "amout": "1"}"#,
    ));
    assert_eq!(code, 3);
    assert!(message.contains("[unknown_field]"), "{message}");
}

#[test]
fn parse_with_envelope_info_says_the_soap_version() {
    let fixtures = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/cryptdecrypt/Encrypt/"
    );
    for (case, version) in [
        ("envelope11", json!("1.1")),
        ("envelope12", json!("1.2")),
        ("bare-payload", Value::Null),
    ] {
        let input = format!("{fixtures}{case}.response.xml");
        let bare: Value =
            serde_json::from_str(&stdout(&gestpay(&["parse", "Encrypt", "--input", &input])))
                .unwrap();
        let out = gestpay(&[
            "parse",
            "Encrypt",
            "--input",
            &input,
            "--with-envelope-info",
        ]);
        let info: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(
            info,
            json!({"soapVersion": version, "result": bare}),
            "{case}"
        );
    }
    // A fault: the whole fault on stdout, exit 5, the message on stderr.
    let input = format!("{fixtures}fault12.response.xml");
    let out = gestpay(&[
        "parse",
        "Encrypt",
        "--input",
        &input,
        "--with-envelope-info",
    ]);
    assert_eq!(out.status.code(), Some(5));
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["soapVersion"], "1.2");
    assert_eq!(info["fault"]["codeLocal"], "Receiver");
    assert!(String::from_utf8_lossy(&out.stderr).contains("[soap_fault]"));
}

#[test]
fn exit_codes_of_build_and_parse() {
    let (code, message) = failure(&gestpay_with_input(&["build", "callTeleportS2S"], b"{}"));
    assert_eq!(code, 2);
    assert!(message.contains("[unknown_operation]"), "{message}");
    // Operation names are the exact wire names, as in every binding.
    let (code, message) = failure(&gestpay_with_input(&["build", "encrypt"], b"{}"));
    assert_eq!(code, 2);
    assert!(message.contains("did you mean `Encrypt`"), "{message}");
    let (code, message) = failure(&gestpay_with_input(&["build", "Encrypt"], b"{not json"));
    assert_eq!(code, 3);
    assert!(message.contains("[invalid_json]"), "{message}");
    let (code, message) = failure(&gestpay_with_input(
        &["build", "Encrypt"],
        br#"{"shopLogin": "1"}"#,
    ));
    assert_eq!(code, 3);
    assert!(message.contains("[missing_field]"), "{message}");
    let (code, message) = failure(&gestpay_with_input(
        &["parse", "Encrypt"],
        b"<html>no</html>",
    ));
    assert_eq!(code, 4);
    assert!(message.contains('['), "{message}");
    let (code, _) = failure(&gestpay(&[
        "parse",
        "Encrypt",
        "--input",
        "/nonexistent/file",
    ]));
    assert_eq!(code, 1);
    let (code, _) = failure(&gestpay(&["frobnicate"]));
    assert_eq!(code, 2);
}

#[test]
fn demo_runs_the_whole_flow() {
    let out = stdout(&gestpay(&["demo"]));
    assert!(out.contains("local emulator at http://127.0.0.1:"), "{out}");
    let ship = out
        .lines()
        .find(|l| l.trim_start().starts_with("ship to:"))
        .unwrap();
    assert!(ship.contains("Marco Rossi, via Gobetti 15"), "{ship}");
    let bill = out
        .lines()
        .find(|l| l.trim_start().starts_with("bill to:"))
        .unwrap();
    assert!(bill.contains("Liam Barker"), "{bill}");
    let recurring = out.split("a recurring charge").nth(1).unwrap();
    let result = recurring
        .lines()
        .find(|l| l.trim_start().starts_with("OK: "))
        .unwrap();
    assert!(result.contains("19.90 EUR"), "{result}");
    // Written for a person: amounts with their currency, no Rust Debug output.
    assert!(
        out.contains("OK: order ORD-2026-000042, 49.90 EUR, authorisation "),
        "{out}"
    );
    for debug in ["Some(", "None", "Amount(", "(242)", "Ok)"] {
        assert!(
            !out.contains(debug),
            "`{debug}` in the demo's output:\n{out}"
        );
    }
    // Secrets are redacted.
    assert!(!out.contains("demo-api-key"), "the apikey leaked");
    assert!(!out.contains("B02-"), "the billing-agreement token leaked");
}

/// `gestpay sandbox --port 0 …`, its base URL read from the first line.
struct Sandbox {
    child: Child,
    base: String,
}

impl Sandbox {
    fn start(flags: &[&str]) -> Sandbox {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gestpay"))
            .args(["sandbox", "--port", "0"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let base = first.trim().to_owned();
        assert!(
            base.starts_with("http://127.0.0.1:"),
            "first line: {first:?}"
        );
        assert!(base[17..].parse::<u16>().unwrap() > 0);
        Sandbox { child, base }
    }

    /// Builds `op` from JSON with the CLI, sends it, parses the answer with the CLI.
    fn call(&self, op: &str, request: &Value) -> Value {
        let out = gestpay_with_input(
            &["build", op, "--http", "--env", &self.base],
            request.to_string().as_bytes(),
        );
        let call: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(20)))
            .http_status_as_error(false)
            .build()
            .into();
        let mut req = agent.post(call["url"].as_str().unwrap());
        for (k, v) in call["headers"].as_object().unwrap() {
            req = req.header(k, v.as_str().unwrap());
        }
        let mut resp = req.send(call["body"].as_str().unwrap()).unwrap();
        let status = resp.status().as_u16().to_string();
        let body = resp.body_mut().read_to_vec().unwrap();
        let out = gestpay_with_input(&["parse", op, "--status", &status], &body);
        serde_json::from_str(&stdout(&out)).unwrap()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn sandbox_on_port_0_prints_its_base_url_first_and_answers() {
    let sandbox = Sandbox::start(&[]);
    let r = sandbox.call(
        "Encrypt",
        &json!({"shopLogin": "GESPAY65987", "uicCode": "EUR", "amount": "5.00", "shopTransactionId": "CLI-1"}),
    );
    assert_eq!(r["transactionResult"], "OK", "{r}");
    assert!(
        r["cryptDecryptString"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    let wsdl = ureq::get(format!(
        "{}/gestpay/gestpayws/wss2s.asmx?wsdl",
        sandbox.base
    ))
    .call()
    .unwrap()
    .body_mut()
    .read_to_string()
    .unwrap();
    assert!(wsdl.contains("wsdl:definitions"));
}

#[test]
fn sandbox_flags_configure_the_emulator() {
    let sandbox = Sandbox::start(&[
        "--shop-login",
        "GESPAY65987",
        "--shop-login",
        "GESPAY00002",
        "--api-key",
        "k-123",
        "--success-url",
        "https://shop.example/ok",
        "--failure-url",
        "https://shop.example/ko",
        "--separate-settlement",
        "--slow-seconds",
        "0.1",
    ]);
    let encrypt = |shop: &str, key: &str| json!({"shopLogin": shop, "uicCode": "EUR", "amount": "5.00", "shopTransactionId": "SLOW-CLI", "apiKey": key});
    assert_eq!(
        sandbox.call("Encrypt", &encrypt("GESPAY99999", "k-123"))["errorCode"],
        1131
    );
    assert_eq!(
        sandbox.call("Encrypt", &encrypt("GESPAY00002", "wrong"))["errorCode"],
        1169
    );
    let ok = sandbox.call("Encrypt", &encrypt("GESPAY00002", "k-123"));
    assert_eq!(ok["transactionResult"], "OK", "{ok}");
    let paid = sandbox.call(
        "callPagamS2S",
        &json!({"shopLogin": "GESPAY65987", "uicCode": "EUR", "amount": "7.00", "shopTransactionId": "CLI-2",
                "cardNumber": "4111111111111111", "expiryMonth": "12", "expiryYear": "30", "apiKey": "k-123"}),
    );
    assert_eq!(paid["transactionResult"], "OK", "{paid}");
    let read = sandbox.call(
        "callReadTrxS2S",
        &json!({"shopLogin": "GESPAY65987", "bankTransactionId": paid["bankTransactionId"], "apiKey": "k-123"}),
    );
    assert_eq!(
        read["transactionState"], "AUT",
        "separate settlement: {read}"
    );
}

#[test]
fn sandbox_refuses_a_bad_slow_delay() {
    let (code, message) = failure(&gestpay(&["sandbox", "--port", "0", "--slow-seconds=-1"]));
    assert_eq!(code, 2);
    assert!(message.contains("--slow-seconds"), "{message}");
}
