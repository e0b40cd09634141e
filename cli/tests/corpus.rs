//! The golden corpus (tests/fixtures, see its README) through the built `gestpay` binary: the
//! command must agree with the Rust runner case for case.
//!
//! * `request.json` → `gestpay build <op>` (and `--soap 1.2`) prints `request.xml`
//!   (`request12.xml`), element for element;
//! * `invalid.json` → `gestpay build <op>` exits 3 with the error code and field on stderr;
//! * `response.xml` → `gestpay parse <op>` (with `--status`/`--content-type` when the case has
//!   `http.json`) prints `response.json`, or exits 5 for a SOAP fault (printing the whole fault,
//!   `fault.json` when the case has one) and 4 for any other refusal, with the error code on
//!   stderr; with `--with-envelope-info`, the same wrapped in `{soapVersion, result | fault}`.
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "../../tests/xml_tree.rs"]
mod xml_tree;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn gestpay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gestpay"))
        .args(args)
        .output()
        .unwrap()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fail(msg: impl Into<String>) -> Failed {
    Failed::from(msg.into())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files of one case, by kind (`request.json`, `response.xml`, …).
type Case = BTreeMap<String, PathBuf>;

fn cases(op_dir: &Path) -> BTreeMap<String, Case> {
    let mut by_name: BTreeMap<String, Case> = BTreeMap::new();
    for entry in fs::read_dir(op_dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((name, kind)) = file.split_once('.') {
            by_name
                .entry(name.to_owned())
                .or_default()
                .insert(kind.to_owned(), path);
        }
    }
    by_name
}

/// A refusal: the exit code and `[code]` (and the field, when given) on stderr; nothing on
/// stdout but for a SOAP fault, whose whole JSON is checked by the caller.
fn check_refusal(out: &Output, exit: i32, expected: &Value) -> Result<(), Failed> {
    let stderr = text(&out.stderr);
    if out.status.code() != Some(exit) {
        return Err(fail(format!(
            "expected exit code {exit}, got {:?}; stderr: {stderr}; stdout: {}",
            out.status.code(),
            text(&out.stdout)
        )));
    }
    if exit != 5 && !out.stdout.is_empty() {
        return Err(fail(format!(
            "a refusal printed on stdout: {}",
            text(&out.stdout)
        )));
    }
    let code = expected["code"].as_str().unwrap_or("");
    if !stderr.starts_with("gestpay: ") || !stderr.contains(&format!("[{code}]")) {
        return Err(fail(format!("stderr lacks `[{code}]`: {stderr}")));
    }
    if let Some(field) = expected.get("field").and_then(Value::as_str)
        && !stderr.contains(field)
    {
        return Err(fail(format!("stderr lacks the field `{field}`: {stderr}")));
    }
    Ok(())
}

fn run_build(op: &str, case: &Case) -> Result<(), Failed> {
    if let Some(invalid) = case.get("invalid.json") {
        let out = gestpay(&["build", op, "--input", invalid.to_str().unwrap()]);
        let expected = read_json(&case["error.json"]);
        return check_refusal(&out, 3, &expected);
    }
    let Some(input) = case.get("request.json") else {
        return Ok(());
    };
    for (kind, soap) in [("request.xml", "1.1"), ("request12.xml", "1.2")] {
        let Some(expected) = case.get(kind) else {
            continue;
        };
        let out = gestpay(&[
            "build",
            op,
            "--soap",
            soap,
            "--input",
            input.to_str().unwrap(),
        ]);
        if !out.status.success() {
            return Err(fail(format!("build failed: {}", text(&out.stderr))));
        }
        xml_tree::same_document(out.stdout.trim_ascii_end(), &fs::read(expected).unwrap())
            .map_err(|e| fail(format!("{kind}: {e}")))?;
    }
    Ok(())
}

fn run_parse(op: &str, case: &Case) -> Result<(), Failed> {
    let Some(xml) = case.get("response.xml") else {
        return Ok(());
    };
    let mut args: Vec<String> = vec![
        "parse".into(),
        op.into(),
        "--input".into(),
        xml.to_string_lossy().into_owned(),
    ];
    if let Some(http) = case.get("http.json") {
        let http = read_json(http);
        args.push("--status".into());
        args.push(http["status"].as_u64().unwrap_or(200).to_string());
        if let Some(ct) = http["contentType"].as_str() {
            args.push("--content-type".into());
            args.push(ct.into());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = gestpay(&args);
    if let Some(error) = case.get("error.json") {
        let expected = read_json(error);
        let exit = if expected["code"] == "soap_fault" {
            5
        } else {
            4
        };
        check_refusal(&out, exit, &expected)?;
        if exit == 5 {
            let fault: Value = serde_json::from_slice(&out.stdout)
                .map_err(|e| fail(format!("the fault on stdout is not JSON ({e})")))?;
            if let Some(whole) = case.get("fault.json") {
                same_json(&fault, &read_json(whole))?;
            }
            let with = gestpay(&[&args[..], &["--with-envelope-info"]].concat());
            let info: Value = serde_json::from_slice(&with.stdout)
                .map_err(|e| fail(format!("--with-envelope-info: not JSON ({e})")))?;
            same_json(
                &info,
                &json!({"soapVersion": fault["version"], "fault": fault}),
            )?;
        }
        return Ok(());
    }
    if !out.status.success() {
        return Err(fail(format!("parse failed: {}", text(&out.stderr))));
    }
    let got: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| fail(format!("stdout is not JSON ({e}): {}", text(&out.stdout))))?;
    let expected = read_json(&case["response.json"]);
    same_json(&got, &expected)?;
    let with = gestpay(&[&args[..], &["--with-envelope-info"]].concat());
    let info: Value = serde_json::from_slice(&with.stdout)
        .map_err(|e| fail(format!("--with-envelope-info: not JSON ({e})")))?;
    if info["result"] != expected
        || !matches!(info["soapVersion"].as_str(), None | Some("1.1" | "1.2"))
    {
        return Err(fail(format!("--with-envelope-info printed {info}")));
    }
    Ok(())
}

fn same_json(got: &Value, expected: &Value) -> Result<(), Failed> {
    if got != expected {
        return Err(fail(format!(
            "JSON differs\n--- expected\n{}\n--- got\n{}",
            serde_json::to_string_pretty(expected).unwrap(),
            serde_json::to_string_pretty(got).unwrap()
        )));
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for service in ["cryptdecrypt", "s2s"] {
        let mut ops: Vec<PathBuf> = fs::read_dir(fixtures().join(service))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        ops.sort();
        for op_dir in ops {
            let op = op_dir.file_name().unwrap().to_string_lossy().into_owned();
            for (name, case) in cases(&op_dir) {
                let op = op.clone();
                trials.push(Trial::test(format!("{service}/{op}/{name}"), move || {
                    run_build(&op, &case)?;
                    run_parse(&op, &case)
                }));
            }
        }
    }
    assert!(
        trials.len() > 200,
        "the corpus went missing: {} cases",
        trials.len()
    );
    libtest_mimic::run(&args, trials).exit();
}
