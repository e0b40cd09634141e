//! Regressions found by the fuzz targets (`fuzz/`): each test is one finding, minimised, with
//! the invariant the target checks (a parsed value builds, and parses back the same).
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::cryptdecrypt::DecryptResult;
use gestpay::s2s::CallDeleteTokenS2SResult;
use gestpay::{Response, SoapVersion};

fn round_trip<T: Response + std::fmt::Debug>(value: &T) {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let built = value.to_envelope(version).unwrap();
        let again = T::from_envelope(&built).unwrap();
        assert!(again == *value, "{value:?}\n{again:?}");
    }
}

/// `results` target: quick-xml does not check element names, so `<a:./w/ww3./>` gave an unknown
/// element named `./w/ww3.`, kept in `unknown` and then refused by the builder. A local name
/// that is not an XML name is now refused when read, as the syntax error it is.
#[test]
fn fuzz_results_unknown_element_with_an_invalid_name_is_refused() {
    let doc = b"<callDeleteTokenS2SResult><GestPayS2S xmlns=\"\"><TransactionResult>OK</TransactionResult><ErrorChttp:./w/\x7fww3.\nrg/2003/05/soap-envelope /></GestPayS2S></callDeleteTokenS2SResult>";
    let err = CallDeleteTokenS2SResult::from_xml(doc).unwrap_err();
    // The start tag's attribute list is malformed too, and is now checked first.
    assert_eq!(err.code(), "xml_syntax");
    // The name alone, without attributes.
    let doc = b"<GestPayS2S><TransactionResult>OK</TransactionResult><a:./w/ww3./></GestPayS2S>";
    let err = CallDeleteTokenS2SResult::from_xml(doc).unwrap_err();
    assert_eq!(err.code(), "xml_syntax");
    assert!(
        err.to_string().contains("not a valid XML element name"),
        "{err}"
    );
}

/// Valid names beyond ASCII (`·`, letters with accents) are still kept, and written back.
#[test]
fn fuzz_results_unknown_elements_with_unicode_names_round_trip() {
    let doc = "<GestPayS2S><TransactionResult>OK</TransactionResult><Extra·Info>1</Extra·Info><Città>Biella</Città></GestPayS2S>";
    let parsed = CallDeleteTokenS2SResult::from_xml(doc.as_bytes()).unwrap();
    let names: Vec<&str> = parsed.unknown.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Extra·Info", "Città"]);
    round_trip(&parsed);
}

/// `results` target: a `VbV` holding both text and children (`<VbV>"<VbVFlag>KO</VbVFlag></VbV>`)
/// was read with both, but written as a container only: the text was lost on the way back.
#[test]
fn fuzz_results_vbv_text_beside_its_children_survives_a_round_trip() {
    let doc = br#"<GestPayCryptDecrypt><VbV><VbVFlag>KO</VbVFlag> " <VbVBuyer/></VbV><MaskedPAN>40L76FDIEFMH1112</MaskedPAN></GestPayCryptDecrypt>"#;
    let parsed = DecryptResult::from_xml(doc).unwrap();
    let vbv = parsed.vbv.as_ref().unwrap();
    assert_eq!(vbv.value.as_deref(), Some("\""));
    assert_eq!(vbv.vbv_flag.as_deref(), Some("KO"));
    round_trip(&parsed);
}
