//! Hostile documents: each gives a typed error, never a panic, and never unbounded work.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::prelude::*;
use gestpay::xml::Limits;

fn code_of<T: std::fmt::Debug>(r: gestpay::Result<T>) -> &'static str {
    match r {
        Ok(v) => panic!("accepted a hostile document: {v:?}"),
        Err(e) => e.code(),
    }
}

fn envelope(payload: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><DecryptResponse xmlns="https://ecomm.sella.it/"><DecryptResult><GestPayCryptDecrypt xmlns="">{payload}</GestPayCryptDecrypt></DecryptResult></DecryptResponse></soap:Body></soap:Envelope>"#
    )
    .into_bytes()
}

const OK_PAYLOAD: &str = "<TransactionType>DECRYPT</TransactionType><TransactionResult>OK</TransactionResult><ShopTransactionID>A1</ShopTransactionID><Amount>10.00</Amount><Currency>242</Currency><ErrorCode>0</ErrorCode>";

fn parse(body: &[u8]) -> gestpay::Result<DecryptResult> {
    DecryptResult::from_http(200, Some("text/xml; charset=utf-8"), body)
}

#[test]
fn the_reference_document_parses() {
    let r = parse(&envelope(OK_PAYLOAD)).unwrap();
    assert_eq!(r.amount_minor_units(), Some(1000));
}

#[test]
fn billion_laughs_is_refused() {
    let doc = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol2;</soap:Body></soap:Envelope>"#;
    assert_eq!(code_of(parse(doc.as_bytes())), "dtd_refused");
}

#[test]
fn external_entity_is_refused() {
    let doc = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
    assert_eq!(code_of(parse(doc.as_bytes())), "dtd_refused");
    let undeclared = envelope("<TransactionType>&xxe;</TransactionType>");
    assert_eq!(code_of(parse(&undeclared)), "dtd_refused");
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let depth = 100_000;
    let mut inner = String::with_capacity(depth * 8);
    inner.push_str(&"<a>".repeat(depth));
    inner.push_str(&"</a>".repeat(depth));
    assert_eq!(code_of(parse(&envelope(&inner))), "too_deep");
    // Also when the nesting hides inside an element the parser skips.
    assert_eq!(
        code_of(parse(&envelope(&format!("<Unknown>{inner}</Unknown>")))),
        "too_deep"
    );
}

#[test]
fn huge_text_node_is_refused() {
    let big = "x".repeat(20 << 20);
    let doc = envelope(&format!("<ErrorDescription>{big}</ErrorDescription>"));
    assert_eq!(code_of(parse(&doc)), "too_large");
    // With the document limit raised, the per-text limit still holds.
    let limits = Limits {
        max_document_bytes: 64 << 20,
        ..Limits::default()
    };
    let r = DecryptResult::from_http_with_limits(200, None, &doc, limits);
    assert_eq!(code_of(r), "too_large");
    // And a caller can raise both for exceptional documents.
    let limits = Limits {
        max_document_bytes: 64 << 20,
        max_text_bytes: 32 << 20,
        ..Limits::default()
    };
    let r = DecryptResult::from_http_with_limits(200, None, &doc, limits).unwrap();
    assert_eq!(r.error_description.map(|d| d.len()), Some(20 << 20));
}

#[test]
fn multi_megabyte_real_responses_pass_by_default() {
    // 4 MB of a list the library models (a long bank list).
    let banks =
        "<Bank><BankCode>0001</BankCode><BankName>Banca di prova per i test</BankName></Bank>"
            .repeat(60_000);
    let doc = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CallIdealListS2SResponse xmlns="https://ecomms2s.sella.it/"><CallIdealListS2SResult><GestPayS2S xmlns=""><TransactionResult>OK</TransactionResult><BankList>{banks}</BankList></GestPayS2S></CallIdealListS2SResult></CallIdealListS2SResponse></soap:Body></soap:Envelope>"#
    )
    .into_bytes();
    assert!(doc.len() > 4_000_000);
    let r = gestpay::s2s::CallIdealListS2SResult::from_http(200, None, &doc).unwrap();
    assert_eq!(r.bank_list.len(), 60_000);
}

#[test]
fn unknown_elements_are_all_kept_within_the_memory_budget() {
    // Elements this library does not model (as a busy merchant profile may add): all kept,
    // none dropped.
    let filler = "<Extra>some value that the gateway added</Extra>".repeat(2_000);
    let r = parse(&envelope(&format!("{OK_PAYLOAD}{filler}"))).unwrap();
    assert!(r.is_ok());
    assert_eq!(r.unknown.len(), 2_000, "every unknown element is kept");
    // 4 MB of them would take more than the budget: refused, never silently truncated.
    let filler = "<Extra>some value that the gateway added</Extra>".repeat(90_000);
    let doc = envelope(&format!("{OK_PAYLOAD}{filler}"));
    assert!(doc.len() > 4_000_000);
    assert_eq!(code_of(parse(&doc)), "too_large");
}

#[test]
fn invalid_utf8_and_control_characters_are_refused() {
    let mut doc = envelope(OK_PAYLOAD);
    let at = doc.len() / 2;
    doc.insert(at, 0xFF);
    assert_eq!(code_of(parse(&doc)), "invalid_utf8");
    let nul = envelope("<TransactionType>A\u{0}B</TransactionType>");
    assert_eq!(code_of(parse(&nul)), "xml_syntax");
    let nul_ref = envelope("<TransactionType>A&#0;B</TransactionType>");
    assert_eq!(code_of(parse(&nul_ref)), "xml_syntax");
}

#[test]
fn two_roots_are_refused() {
    let mut doc = envelope(OK_PAYLOAD);
    doc.extend_from_slice(b"<soap:Envelope/>");
    assert_eq!(code_of(parse(&doc)), "xml_syntax");
}

#[test]
fn malformed_attribute_lists_are_refused() {
    // quick-xml reads attributes lazily: found by the Node binding's hostile-input test.
    let good = String::from_utf8(envelope(OK_PAYLOAD)).unwrap();
    for attrs in [
        r#"xmlns=:"x""#,
        r#"foo="x" =bar"#,
        "a a a",
        r#"="""#,
        r#"a="1" a="2""#,
    ] {
        for tag in ["<TransactionResult>", "<soap:Body>"] {
            let open = format!("{} {attrs}>", tag.trim_end_matches('>'));
            assert!(good.contains(tag));
            let doc = good.replacen(tag, &open, 1);
            assert_eq!(code_of(parse(doc.as_bytes())), "xml_syntax", "{doc}");
        }
    }
    // Duplicates beyond the first eight keys, and after them.
    let many: String = (0..12).map(|i| format!(" k{i}=\"{i}\"")).collect();
    for dup in [" k3=\"x\"", " k11=\"x\"", " k0=\"x\""] {
        let doc = good.replacen(
            "<TransactionResult>",
            &format!("<TransactionResult{many}{dup}>"),
            1,
        );
        assert_eq!(code_of(parse(doc.as_bytes())), "xml_syntax", "{doc}");
    }
    let doc = good.replacen(
        "<TransactionResult>",
        &format!("<TransactionResult{many}>"),
        1,
    );
    assert!(parse(doc.as_bytes()).is_ok(), "twelve distinct attributes");
    // A well-formed list still parses.
    let doc = good.replacen(
        "<TransactionResult>",
        r#"<TransactionResult a="1" b='2'>"#,
        1,
    );
    assert!(parse(doc.as_bytes()).is_ok());
}

#[test]
fn every_truncation_is_an_error() {
    let doc = envelope(OK_PAYLOAD);
    let end = doc.iter().rposition(|b| *b == b'>').unwrap();
    for len in 0..end {
        let r = parse(&doc[..len]);
        assert!(r.is_err(), "truncated at {len} was accepted");
    }
}

#[test]
fn html_and_json_bodies_are_not_soap() {
    let html = b"<html><head><title>500 - Internal server error.</title></head><body><h1>Server Error</h1></body></html>";
    assert_eq!(
        code_of(DecryptResult::from_http(500, Some("text/html"), html)),
        "not_soap"
    );
    assert_eq!(
        code_of(DecryptResult::from_http(200, None, html)),
        "not_soap"
    );
    let json = br#"{"error": "not xml"}"#;
    assert_eq!(
        code_of(DecryptResult::from_http(
            200,
            Some("application/json"),
            json
        )),
        "not_soap"
    );
    assert!(DecryptResult::from_http(200, None, json).is_err());
    assert_eq!(
        code_of(DecryptResult::from_http(502, None, b"")),
        "http_status"
    );
}

#[test]
fn the_answer_to_another_operation_is_refused() {
    let doc = String::from_utf8(envelope(OK_PAYLOAD))
        .unwrap()
        .replace("DecryptRes", "EncryptRes");
    assert_eq!(code_of(parse(doc.as_bytes())), "unexpected_operation");
    let s2s = String::from_utf8(envelope(OK_PAYLOAD))
        .unwrap()
        .replace("GestPayCryptDecrypt", "GestPayS2S");
    assert_eq!(code_of(parse(s2s.as_bytes())), "unexpected_operation");
}

#[test]
fn random_bytes_never_panic() {
    // A cheap deterministic generator: no randomness source is needed in a sans-IO crate's test.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let seed = envelope(OK_PAYLOAD);
    for _ in 0..2_000 {
        let mut doc = seed.clone();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % doc.len();
            doc[at] = (state >> 32) as u8;
        }
        let _ = parse(&doc);
        let _ = Decrypt::from_envelope(&doc);
    }
}

#[test]
fn small_elements_cannot_become_much_larger_values() {
    // Each `<ProductDetail>` of a few bytes becomes a struct of hundreds of bytes: the reader
    // charges what the values will hold and refuses a document whose values would take more
    // than three times its size (plus 1 MiB), so a parse's memory stays proportional to its
    // input.
    let products = "<ProductDetail><SKU>1</SKU></ProductDetail>".repeat(200_000);
    let doc = format!(
        r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Encrypt xmlns="https://ecomm.sella.it/"><shopLogin>S</shopLogin><OrderDetails><ProductDetails>{products}</ProductDetails></OrderDetails></Encrypt></soap:Body></soap:Envelope>"#
    );
    assert_eq!(code_of(Encrypt::from_envelope(doc.as_bytes())), "too_large");
    let events = "<event><eventID>1</eventID></event>".repeat(250_000);
    let doc = format!(
        "<GestPayS2S><TransactionResult>OK</TransactionResult><Events>{events}</Events></GestPayS2S>"
    );
    assert_eq!(
        code_of(gestpay::s2s::CallReadTrxS2SResult::from_xml(doc.as_bytes())),
        "too_large"
    );
    // A realistic list is far below the bound.
    let events = "<event><eventtype>AUT</eventtype><eventamount>10.00</eventamount><eventdate>19/08/16 16:13:14</eventdate><eventID>1</eventID></event>".repeat(20_000);
    let doc = format!(
        "<GestPayS2S><TransactionResult>OK</TransactionResult><Events>{events}</Events></GestPayS2S>"
    );
    let r = gestpay::s2s::CallReadTrxS2SResult::from_xml(doc.as_bytes()).unwrap();
    assert_eq!(r.events.len(), 20_000);
}
