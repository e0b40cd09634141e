//! The golden corpus runner: walks `tests/fixtures/<service>/<operation>/` and checks every
//! case through the Rust core. The same files are read by every language's suite; see
//! `tests/fixtures/README.md` for the file kinds.
#![allow(clippy::unwrap_used, clippy::panic)]

mod xml_tree;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use gestpay::dynamic::Operation;
use gestpay::xml::Limits;
use gestpay::{Error, SoapFault, SoapVersion};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

type Outcome = Result<(), Failed>;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files of one case, by kind (`request.json`, `response.xml`, …).
struct Case {
    dir: PathBuf,
    name: String,
    kinds: BTreeMap<String, PathBuf>,
}

impl Case {
    fn get(&self, kind: &str) -> Option<&Path> {
        self.kinds.get(kind).map(PathBuf::as_path)
    }
}

fn cases(op_dir: &Path) -> Vec<Case> {
    let mut by_name: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
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
        .into_iter()
        .map(|(name, kinds)| Case {
            dir: op_dir.to_path_buf(),
            name,
            kinds,
        })
        .collect()
}

fn fail(msg: impl Into<String>) -> Failed {
    Failed::from(msg.into())
}

fn check_error(err: &Error, expected: &Value) -> Outcome {
    let code = expected["code"].as_str().unwrap_or("");
    if err.code() != code {
        return Err(fail(format!(
            "expected error code `{code}`, got `{}`: {err}",
            err.code()
        )));
    }
    if let Some(field) = expected.get("field").and_then(Value::as_str)
        && err.field() != Some(field)
    {
        return Err(fail(format!(
            "expected field `{field}`, got {:?}: {err}",
            err.field()
        )));
    }
    Ok(())
}

fn json_eq(what: &str, got: &Value, expected: &Value) -> Outcome {
    if got != expected {
        return Err(fail(format!(
            "{what}: JSON differs\n--- expected\n{}\n--- got\n{}",
            serde_json::to_string_pretty(expected).unwrap(),
            serde_json::to_string_pretty(got).unwrap()
        )));
    }
    Ok(())
}

/// Builder cases: JSON → envelope equal to the expected XML; expected XML → same JSON;
/// the docs' original (`source.xml`) → same JSON; invalid JSON → the expected error (read with
/// the input contract, then validated, as every binding does).
fn run_request(op: Operation, case: &Case) -> Outcome {
    if let Some(input) = case.get("invalid.json") {
        let expected = read_json(
            case.get("error.json")
                .ok_or_else(|| fail("invalid.json without error.json"))?,
        );
        let built = op
            .request_from_value(&read_json(input))
            .and_then(|req| req.to_envelope(SoapVersion::Soap11));
        return match built {
            Ok(_) => Err(fail("the invalid request was accepted")),
            Err(e) => check_error(&e, &expected),
        };
    }
    let Some(input) = case.get("request.json") else {
        return Ok(());
    };
    let json = read_json(input);
    let req = op
        .request_from_value(&json)
        .map_err(|e| fail(format!("request.json: {e}")))?;
    json_eq("request.json → type → JSON", &req.to_json_value(), &json)?;
    for (kind, version) in [
        ("request.xml", SoapVersion::Soap11),
        ("request12.xml", SoapVersion::Soap12),
    ] {
        let Some(expected_xml) = case.get(kind) else {
            continue;
        };
        let built = req
            .to_envelope(version)
            .map_err(|e| fail(format!("build: {e}")))?;
        xml_tree::same_document(&built, &read(expected_xml))
            .map_err(|e| fail(format!("{kind}: {e}")))?;
        let back = op
            .parse_request_envelope(&read(expected_xml))
            .map_err(|e| fail(format!("parse {kind}: {e}")))?;
        json_eq(&format!("{kind} → type"), &back.to_json_value(), &json)?;
    }
    if let Some(source) = case.get("source.xml") {
        let parsed = op
            .parse_request(&read(source))
            .map_err(|e| fail(format!("parse source.xml: {e}")))?;
        json_eq("source.xml → type", &parsed.to_json_value(), &json)?;
    }
    Ok(())
}

/// Parser cases: response (any wrapping, or an HTTP exchange) → JSON or the expected error;
/// then the parsed result is built into an envelope again and must parse to the same JSON.
fn run_response(op: Operation, case: &Case) -> Outcome {
    let Some(xml) = case.get("response.xml") else {
        return Ok(());
    };
    let body = read(xml);
    let http = case.get("http.json").map(read_json);
    let parsed = match &http {
        Some(http) => {
            let status = http["status"].as_u64().unwrap_or(200) as u16;
            op.parse_result(&body, Some((status, http["contentType"].as_str())))
        }
        None => op.parse_result(&body, None),
    };
    if let Some(err) = case.get("error.json") {
        return match parsed {
            Ok(_) => Err(fail("the malformed response was accepted")),
            Err(e) => {
                check_error(&e, &read_json(err))?;
                match case.get("fault.json") {
                    Some(expected) => check_fault(&e, &read_json(expected)),
                    None => Ok(()),
                }
            }
        };
    }
    let expected = read_json(
        case.get("response.json")
            .ok_or_else(|| fail("response.xml without response.json or error.json"))?,
    );
    let result = parsed.map_err(|e| fail(format!("parse: {e}")))?;
    json_eq("response.xml → type", &result.to_json_value(), &expected)?;
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let envelope = result
            .to_envelope(version)
            .map_err(|e| fail(format!("rebuild: {e}")))?;
        let again = op
            .parse_result_envelope(&envelope)
            .map_err(|e| fail(format!("reparse: {e}")))?;
        json_eq("round trip", &again.to_json_value(), &expected)?;
    }
    Ok(())
}

/// `fault.json`: the whole fault the error carries; built again as an envelope of its version
/// (and an HTTP response with its status), it must parse to the same fault.
fn check_fault(err: &Error, expected: &Value) -> Outcome {
    let Error::Fault(fault) = err else {
        return Err(fail(format!(
            "fault.json, but the error is not a fault: {err}"
        )));
    };
    json_eq("the fault", &serde_json::to_value(fault).unwrap(), expected)?;
    let envelope = fault
        .to_envelope(fault.version)
        .map_err(|e| fail(format!("rebuild the fault: {e}")))?;
    let mut again = SoapFault::from_envelope(&envelope, Limits::default())
        .map_err(|e| fail(format!("reparse the fault: {e}")))?;
    again.http_status = fault.http_status;
    json_eq(
        "fault round trip",
        &serde_json::to_value(&again).unwrap(),
        expected,
    )?;
    let http = fault
        .to_http_response(fault.version)
        .map_err(|e| fail(format!("the fault's HTTP response: {e}")))?;
    if http.status != fault.http_status.unwrap_or(500) {
        return Err(fail(format!("the fault's HTTP status is {}", http.status)));
    }
    Ok(())
}

/// Runs a case of the directory named after the operation's exact wire name.
fn run_case(service: &str, op: &str, case: &Case) -> Outcome {
    let op = Operation::from_name(op).map_err(|_| {
        fail(format!(
            "no operation named `{op}` ({service}, {})",
            case.dir.display()
        ))
    })?;
    run_request(op, case)?;
    run_response(op, case)
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let mut services: Vec<_> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    services.sort();
    for service_dir in services {
        let service = service_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut ops: Vec<_> = fs::read_dir(&service_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        ops.sort();
        for op_dir in ops {
            let op = op_dir.file_name().unwrap().to_string_lossy().into_owned();
            for case in cases(&op_dir) {
                let name = format!("{service}/{op}/{}", case.name);
                let (service, op) = (service.clone(), op.clone());
                trials.push(Trial::test(name, move || run_case(&service, &op, &case)));
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
