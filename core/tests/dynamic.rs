//! The registry of operations by wire name and the JSON input contract (`gestpay::dynamic`).
#![cfg(feature = "json")]
#![allow(clippy::unwrap_used)]

use gestpay::dynamic::{OPERATION_NAMES, Operation};
use gestpay::{Error, SoapVersion};

#[test]
fn every_operation_is_found_by_its_exact_name_only() {
    assert_eq!(OPERATION_NAMES.len(), 19);
    for op in Operation::all() {
        assert_eq!(Operation::from_name(op.name()).unwrap(), op);
        assert_eq!(op.wire().name, op.name());
        let lower = op.name().to_ascii_lowercase();
        if lower != op.name() {
            let err = Operation::from_name(&lower).unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                ("unknown_operation", Some("operation"))
            );
            assert!(
                err.to_string().contains(op.name()),
                "the hint names it: {err}"
            );
        }
    }
    let err = Operation::from_name(&"x".repeat(1 << 20)).unwrap_err();
    assert!(err.to_string().len() < 300, "the name is never echoed");
}

#[test]
fn requests_and_results_round_trip_through_json_and_xml() {
    let op = Operation::from_name("callReadTrxS2S").unwrap();
    let request = op
        .request_from_json(r#"{"shopLogin": "GESPAY65987", "bankTransactionId": "7"}"#)
        .unwrap();
    let envelope = request.to_envelope(SoapVersion::Soap12).unwrap();
    let back = op.parse_request_envelope(&envelope).unwrap();
    assert_eq!(back.to_json_value(), request.to_json_value());
    assert_eq!(back.operation(), op);

    let result = op
        .result_from_json(r#"{"transactionResult": "OK", "bankTransactionId": "7"}"#)
        .unwrap();
    let envelope = result.to_envelope(SoapVersion::Soap11).unwrap();
    let parsed = op.parse_result_envelope(&envelope).unwrap();
    assert_eq!(parsed.to_json_value(), result.to_json_value());
    assert_eq!(parsed.to_json_text(false), result.to_json_text(false));
    // Another operation's answer is refused.
    let other = Operation::from_name("callSettleS2S").unwrap();
    assert_eq!(
        other.parse_result_envelope(&envelope).unwrap_err().code(),
        "unexpected_operation"
    );
}

#[test]
fn soap_versions_and_error_kinds() {
    assert_eq!(SoapVersion::parse("1.2").unwrap(), SoapVersion::Soap12);
    assert_eq!(SoapVersion::Soap11.as_str(), "1.1");
    let err = SoapVersion::parse("1.3").unwrap_err();
    assert_eq!(
        (err.code(), err.field(), err.kind()),
        ("invalid_value", Some("soap"), "invalid_request")
    );
    let err: Error = Operation::from_name("Encrypt")
        .unwrap()
        .parse_result(b"<html/>", Some((200, Some("text/html"))))
        .unwrap_err();
    assert_eq!(err.kind(), "malformed_response");
}

#[test]
fn every_operation_names_its_types_as_the_schema_does() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/gestpay.schema.json")).unwrap();
    for op in schema["x-operations"].as_array().unwrap() {
        let found = Operation::from_name(op["name"].as_str().unwrap()).unwrap();
        assert_eq!(found.request_type(), op["request"].as_str().unwrap());
        assert_eq!(found.result_type(), op["result"].as_str().unwrap());
    }
}

#[test]
fn any_request_envelope_parses_as_the_operation_it_names() {
    let op = Operation::from_name("callReadTrxS2S").unwrap();
    let request = op
        .request_from_json(r#"{"shopLogin": "GESPAY65987", "bankTransactionId": "7"}"#)
        .unwrap();
    let body = request.to_envelope(gestpay::SoapVersion::Soap11).unwrap();
    let parsed = gestpay::dynamic::parse_any_request(&body).unwrap();
    assert_eq!(parsed.operation().name(), "callReadTrxS2S");
    assert_eq!(parsed.to_json_value(), request.to_json_value());
    let other = String::from_utf8(body)
        .unwrap()
        .replace("callReadTrxS2S", "callNothingS2S");
    let err = gestpay::dynamic::parse_any_request(other.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
}
