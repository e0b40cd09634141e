//! Response fidelity (issue 15): nothing merged, nothing dropped, nothing accepted that is not
//! one well-formed answer. Distinct elements have distinct places; spellings of one element may
//! not both appear; a document is one answer. What a result keeps (unknown content, attributes)
//! is tested in `fidelity_kept.rs`.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::cryptdecrypt::{DecryptResult, Encrypt, EncryptResult};
use gestpay::s2s::*;
use gestpay::{Error, Outcome, Request, Response, Secret, SoapVersion};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn code_field<T: std::fmt::Debug>(r: gestpay::Result<T>) -> (&'static str, Option<String>) {
    match r {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(e) => (e.code(), e.field().map(str::to_owned)),
    }
}

fn dup(field: &str) -> (&'static str, Option<String>) {
    ("duplicate_element", Some(field.to_owned()))
}

fn s2s_envelope(op: &str, payload: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><{op}Response xmlns="https://ecomms2s.sella.it/"><{op}Result><GestPayS2S xmlns="">{payload}</GestPayS2S></{op}Result></{op}Response></soap:Body></soap:Envelope>"#
    )
    .into_bytes()
}

/// Parsed, rebuilt as both SOAP versions, parsed again: the same value.
fn round_trip<T: Response + std::fmt::Debug>(value: &T) -> TestResult {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let again = T::from_envelope(&value.to_envelope(version)?)?;
        assert!(again == *value, "round trip differs:\n{value:?}\n{again:?}");
    }
    Ok(())
}

fn envelope_text<T: Response>(value: &T) -> Result<String, Box<dyn std::error::Error>> {
    Ok(String::from_utf8(value.to_envelope(SoapVersion::Soap11)?)?)
}

// --- 1. distinct elements, distinct fields ---------------------------------------------------

#[test]
fn error_code_and_transaction_error_code_are_both_kept() -> TestResult {
    let body = s2s_envelope(
        "callCheckCartaS2S",
        "<TransactionResult>KO</TransactionResult><ErrorCode>99</ErrorCode>\
         <TransactionErrorCode>0</TransactionErrorCode>",
    );
    let r = CallCheckCartaS2SResult::from_http(200, None, &body)?;
    assert_eq!(
        (r.error_code, r.transaction_error_code),
        (Some(99), Some(0))
    );
    // `ErrorCode` wins when both came; the KO reports it.
    assert_eq!(Outcome::error_code(&r), Some(99));
    assert_eq!(r.declined().unwrap().error_code, Some(99));
    round_trip(&r)?;
    // Each alone answers the outcome.
    let only = CallCheckCartaS2SResult::from_xml(
        b"<GestPayS2S><TransactionErrorCode>1142</TransactionErrorCode></GestPayS2S>",
    )?;
    assert_eq!(
        (only.error_code, Outcome::error_code(&only)),
        (None, Some(1142))
    );
    let only =
        CallCheckCartaS2SResult::from_xml(b"<GestPayS2S><ErrorCode>74</ErrorCode></GestPayS2S>")?;
    assert_eq!(
        (only.transaction_error_code, Outcome::error_code(&only)),
        (None, Some(74))
    );
    Ok(())
}

#[test]
fn error_description_and_transaction_error_description_are_both_kept() -> TestResult {
    let r = CallRequestTokenS2SResult::from_xml(
        b"<GestPayS2S><ErrorCode>99</ErrorCode><ErrorDescription>Errore</ErrorDescription>\
          <TransactionErrorCode>0</TransactionErrorCode>\
          <TransactionErrorDescription>Transaction correctly processed</TransactionErrorDescription></GestPayS2S>",
    )?;
    assert_eq!(r.error_description.as_deref(), Some("Errore"));
    assert_eq!(
        r.transaction_error_description.as_deref(),
        Some("Transaction correctly processed")
    );
    // The description follows the code chosen.
    assert_eq!(Outcome::error_description(&r), Some("Errore"));
    let only = CallRequestTokenS2SResult::from_xml(
        b"<GestPayS2S><TransactionErrorCode>0</TransactionErrorCode>\
          <TransactionErrorDescription>OK</TransactionErrorDescription><ErrorDescription>x</ErrorDescription></GestPayS2S>",
    )?;
    assert_eq!(Outcome::error_description(&only), Some("OK"));
    round_trip(&r)
}

#[test]
fn token_and_mixed_case_token_are_both_kept() -> TestResult {
    let r = CallRequestTokenS2SResult::from_xml(
        b"<GestPayS2S><TOKEN>UPPER</TOKEN><Token>MIXED</Token></GestPayS2S>",
    )?;
    assert_eq!(r.token.as_ref().map(Secret::expose), Some("UPPER"));
    assert_eq!(
        r.mixed_case_token.as_ref().map(Secret::expose),
        Some("MIXED")
    );
    assert_eq!(r.token_value().map(Secret::expose), Some("UPPER"));
    let xml = envelope_text(&r)?;
    assert!(xml.contains("<TOKEN>UPPER</TOKEN>") && xml.contains("<Token>MIXED</Token>"));
    // Secrets both: neither reaches Debug.
    let debug = format!("{r:?}");
    assert!(
        !debug.contains("UPPER") && !debug.contains("MIXED"),
        "{debug}"
    );
    round_trip(&r)
}

#[test]
fn built_results_say_each_element_by_its_own_name() -> TestResult {
    let check = CallCheckCartaS2SResult(GestPayS2S {
        transaction_error_code: Some(0),
        transaction_error_description: Some("OK".into()),
        ..GestPayS2S::default()
    });
    let xml = envelope_text(&check)?;
    assert!(
        xml.contains("<TransactionErrorCode>0</TransactionErrorCode>"),
        "{xml}"
    );
    assert!(!xml.contains("<ErrorCode>"), "{xml}");
    let token = CallRequestTokenS2SResult(GestPayS2S {
        mixed_case_token: Some(Secret::new("T")),
        ..GestPayS2S::default()
    });
    assert!(envelope_text(&token)?.contains("<Token>T</Token>"));
    Ok(())
}

// --- 1. spellings of one element: each pair read, never both ----------------------------------

/// `payload` with `first` then `second` as two spellings of one element: refused at the
/// second; each spelling alone is read.
fn spelling_pair<T: std::fmt::Debug>(
    parse: impl Fn(&str) -> gestpay::Result<T>,
    template: &str,
    first: &str,
    second: &str,
) {
    let one = |name: &str| template.replace("{}", &format!("<{name}>V</{name}>"));
    let both = template.replace("{}", &format!("<{first}>A</{first}><{second}>B</{second}>"));
    assert_eq!(code_field(parse(&both)), dup(second), "{first} + {second}");
    for name in [first, second] {
        parse(&one(name)).unwrap_or_else(|e| panic!("{name} alone: {e}"));
    }
}

fn s2s(xml: &str) -> gestpay::Result<CallPagamS2SResult> {
    CallPagamS2SResult::from_xml(xml.as_bytes())
}

#[test]
fn shop_transaction_id_spellings() {
    spelling_pair(
        s2s,
        "<GestPayS2S>{}</GestPayS2S>",
        "ShopTransactionID",
        "shopTransactionID",
    );
    spelling_pair(
        |x| DecryptResult::from_xml(x.as_bytes()),
        "<GestPayCryptDecrypt>{}</GestPayCryptDecrypt>",
        "shopTransactionID",
        "ShopTransactionID",
    );
}

#[test]
fn transaction_key_spellings() {
    spelling_pair(
        s2s,
        "<GestPayS2S>{}</GestPayS2S>",
        "TransactionKey",
        "TransKey",
    );
}

#[test]
fn buyer_spellings() {
    let doc = "<GestPayS2S><Buyer><BuyerName>A</BuyerName></Buyer>\
               <BuyerType><BuyerName>B</BuyerName></BuyerType></GestPayS2S>";
    assert_eq!(code_field(s2s(doc)), dup("BuyerType"));
    let r =
        s2s("<GestPayS2S><BuyerType><BuyerName>B</BuyerName></BuyerType></GestPayS2S>").unwrap();
    assert_eq!(r.buyer_name(), Some("B"));
}

#[test]
fn vbv_spellings() {
    spelling_pair(s2s, "<GestPayS2S>{}</GestPayS2S>", "VbV", "VBV");
}

fn encrypt(xml: &str) -> gestpay::Result<Encrypt> {
    Encrypt::from_xml(xml.as_bytes())
}

fn pagam(xml: &str) -> gestpay::Result<CallPagamS2S> {
    CallPagamS2S::from_xml(xml.as_bytes())
}

#[test]
fn customer_detail_spellings() {
    let doc = "<Encrypt><OrderDetails><CustomerDetail><FirstName>A</FirstName></CustomerDetail>\
               <CustomerDetails><FirstName>B</FirstName></CustomerDetails></OrderDetails></Encrypt>";
    assert_eq!(code_field(encrypt(doc)), dup("CustomerDetails"));
}

#[test]
fn last_name_spellings() {
    for block in ["CustomerDetail", "ShippingAddress", "BillingAddress"] {
        spelling_pair(
            encrypt,
            &format!("<Encrypt><OrderDetails><{block}>{{}}</{block}></OrderDetails></Encrypt>"),
            "Lastname",
            "LastName",
        );
    }
}

#[test]
fn public_username_spellings() {
    spelling_pair(
        encrypt,
        "<Encrypt><OrderDetails><CustomerDetail><Social>{}</Social></CustomerDetail></OrderDetails></Encrypt>",
        "PublicUsername",
        "PublicUserName",
    );
}

#[test]
fn sub_category_spellings() {
    spelling_pair(
        encrypt,
        "<Encrypt><OrderDetails><ProductDetails><ProductDetail>{}</ProductDetail></ProductDetails></OrderDetails></Encrypt>",
        "SubCategory",
        "Subcategory",
    );
}

#[test]
fn three_ds_auth_result_spellings() {
    let doc = "<callPagamS2S><transDetails>\
               <threeDSAuthResult><authenticationLevel>1H</authenticationLevel></threeDSAuthResult>\
               <threeDsAuthResult><authenticationLevel>2F</authenticationLevel></threeDsAuthResult>\
               </transDetails></callPagamS2S>";
    assert_eq!(code_field(pagam(doc)), dup("threeDsAuthResult"));
}

#[test]
fn card_holder_and_account_info_spellings() {
    let container = |inner: &str| {
        format!(
            "<callPagamS2S><transDetails><threeDsContainer><buyerDetails>{inner}</buyerDetails>\
             </threeDsContainer></transDetails></callPagamS2S>"
        )
    };
    let doc =
        container("<cardHolder><name>A</name></cardHolder><cardholder><name>B</name></cardholder>");
    assert_eq!(code_field(pagam(&doc)), dup("cardholder"));
    let doc = container(
        "<accInfo><chAccAgeInd>01</chAccAgeInd></accInfo><acctInfo><chAccAgeInd>02</chAccAgeInd></acctInfo>",
    );
    assert_eq!(code_field(pagam(&doc)), dup("acctInfo"));
    spelling_pair(
        pagam,
        &container("<cardHolder>{}</cardHolder>"),
        "email",
        "Email",
    );
    spelling_pair(
        pagam,
        &container("<profileDetails>{}</profileDetails>"),
        "cardHolderID",
        "cardholderID",
    );
    spelling_pair(
        pagam,
        &container("<profileDetails>{}</profileDetails>"),
        "authTimestamp",
        "authTimeStamp",
    );
    spelling_pair(
        pagam,
        "<callPagamS2S><transDetails><previousTransDetails>{}</previousTransDetails></transDetails></callPagamS2S>",
        "authTimestamp",
        "authTimeStamp",
    );
}

// --- 4. one well-formed answer ------------------------------------------------------------------

#[test]
fn a_singular_element_appears_once() {
    let r = s2s(
        "<GestPayS2S><TransactionResult>OK</TransactionResult><TransactionResult>KO</TransactionResult></GestPayS2S>",
    );
    assert_eq!(code_field(r), dup("TransactionResult"));
    // Also when the first one is empty.
    let r = s2s("<GestPayS2S><ErrorCode/><ErrorCode>0</ErrorCode></GestPayS2S>");
    assert_eq!(code_field(r), dup("ErrorCode"));
    // Nested, and list wrappers.
    let r = s2s(
        "<GestPayS2S><Buyer><BuyerName>A</BuyerName><BuyerName>B</BuyerName></Buyer></GestPayS2S>",
    );
    assert_eq!(code_field(r), dup("BuyerName"));
    let r = s2s("<GestPayS2S><VbV><VbVFlag>OK</VbVFlag><VbVFlag>KO</VbVFlag></VbV></GestPayS2S>");
    assert_eq!(code_field(r), dup("VbVFlag"));
    let r = s2s(
        "<GestPayS2S><BankList/><BankList><Bank><BankCode>1</BankCode></Bank></BankList></GestPayS2S>",
    );
    assert_eq!(code_field(r), dup("BankList"));
}

#[test]
fn lists_stay_lists() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Events><event><eventtype>AUT</eventtype></event>\
          <event><eventtype>MOV</eventtype></event><event><eventtype>STO</eventtype></event></Events></GestPayS2S>",
    )?;
    assert_eq!(r.events.len(), 3);
    Ok(())
}

#[test]
fn a_document_is_one_answer() {
    let payload = "<GestPayS2S xmlns=\"\"><TransactionResult>OK</TransactionResult></GestPayS2S>";
    let doc = |body: &str| {
        format!(
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">{body}</soap:Envelope>"#
        )
    };
    let response = |inner: &str| {
        format!(
            r#"<callPagamS2SResponse xmlns="https://ecomms2s.sella.it/">{inner}</callPagamS2SResponse>"#
        )
    };
    let result = format!("<callPagamS2SResult>{payload}</callPagamS2SResult>");
    let parse = |xml: String| CallPagamS2SResult::from_http(200, None, xml.as_bytes());
    let one = doc(&format!("<soap:Body>{}</soap:Body>", response(&result)));
    parse(one).unwrap();
    let two_responses = doc(&format!("<soap:Body>{0}{0}</soap:Body>", response(&result)));
    assert_eq!(
        code_field(parse(two_responses)),
        dup("callPagamS2SResponse")
    );
    let two_bodies = doc(&format!(
        "<soap:Body>{0}</soap:Body><soap:Body>{0}</soap:Body>",
        response(&result)
    ));
    assert_eq!(code_field(parse(two_bodies)), dup("Body"));
    let two_results = doc(&format!(
        "<soap:Body>{}</soap:Body>",
        response(&format!("{result}{result}"))
    ));
    assert_eq!(code_field(parse(two_results)), dup("callPagamS2SResult"));
    let two_payloads = doc(&format!(
        "<soap:Body>{}</soap:Body>",
        response(&format!(
            "<callPagamS2SResult>{payload}{payload}</callPagamS2SResult>"
        ))
    ));
    assert_eq!(code_field(parse(two_payloads)), dup("GestPayS2S"));
    // SOAP 1.1 trailers after the Body (not a Body) are allowed.
    let trailer = doc(&format!(
        r#"<soap:Body>{}</soap:Body><t:Trailer xmlns:t="urn:t"/>"#,
        response(&result)
    ));
    parse(trailer).unwrap();
}

#[test]
fn strict_parsing_wants_the_service_namespace_lenient_does_not() -> TestResult {
    let foreign = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><EncryptResponse xmlns="urn:other"><EncryptResult><GestPayCryptDecrypt xmlns=""><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt></EncryptResult></EncryptResponse></soap:Body></soap:Envelope>"#;
    let (code, _) = code_field(EncryptResult::from_http(200, None, foreign));
    assert_eq!(code, "unexpected_operation");
    assert_eq!(
        code_field(EncryptResult::from_envelope(foreign)).0,
        "unexpected_operation"
    );
    // The lenient parser matches local names in any namespace (documented).
    assert!(EncryptResult::from_xml(foreign)?.is_ok());
    // The payload: no namespace or the service's, strictly.
    let payload_ns = |ns: &str| {
        format!(
            r#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><EncryptResponse xmlns="https://ecomm.sella.it/"><EncryptResult><GestPayCryptDecrypt xmlns="{ns}"><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt></EncryptResult></EncryptResponse></soap:Body></soap:Envelope>"#
        )
    };
    EncryptResult::from_http(200, None, payload_ns("").as_bytes())?;
    EncryptResult::from_http(200, None, payload_ns("https://ecomm.sella.it/").as_bytes())?;
    let other = payload_ns("urn:other");
    assert_eq!(
        code_field(EncryptResult::from_http(200, None, other.as_bytes())).0,
        "unexpected_operation"
    );
    assert!(EncryptResult::from_xml(other.as_bytes())?.is_ok());
    Ok(())
}

#[test]
fn a_leaf_holds_text_only() {
    let r = DecryptResult::from_xml(
        b"<GestPayCryptDecrypt><TransactionResult>O<x/>K</TransactionResult></GestPayCryptDecrypt>",
    );
    assert_eq!(
        code_field(r),
        ("mixed_content", Some("TransactionResult".into()))
    );
    let r = DecryptResult::from_xml(
        b"<GestPayCryptDecrypt><ErrorCode><x>0</x></ErrorCode></GestPayCryptDecrypt>",
    );
    assert_eq!(code_field(r), ("mixed_content", Some("ErrorCode".into())));
    // Comments and processing instructions are not content.
    let r = DecryptResult::from_xml(b"<GestPayCryptDecrypt><TransactionResult>O<!-- c -->K</TransactionResult></GestPayCryptDecrypt>").unwrap();
    assert!(r.is_ok());
}

#[test]
fn the_declaration_comes_first_and_once() {
    let body = r#"<?xml version="1.0" encoding="utf-8"?><GestPayCryptDecrypt><TransactionResult>OK</TransactionResult></GestPayCryptDecrypt>"#;
    assert!(EncryptResult::from_xml(body.as_bytes()).unwrap().is_ok());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(body.as_bytes());
    assert!(EncryptResult::from_xml(&bom).unwrap().is_ok());
    for bad in [
        format!(" {body}"),
        format!("\n{body}"),
        format!("<!-- c -->{body}"),
        format!("<?pi x?>{body}"),
        body.replace("?>", "?><?xml version=\"1.0\"?>"),
        body.replace(
            "<GestPayCryptDecrypt>",
            "<GestPayCryptDecrypt><?xml version=\"1.0\"?>",
        ),
        body.replace("?>", "?><?XML version=\"1.0\"?>"),
    ] {
        let err = EncryptResult::from_xml(bad.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "xml_syntax", "{bad}: {err}");
    }
    // Where it is.
    let err = EncryptResult::from_xml(format!("<!-- c -->{body}").as_bytes()).unwrap_err();
    assert!(err.to_string().contains("near byte 10:"), "{err}");
}

#[test]
fn a_duplicate_attribute_is_reported_where_it_is() {
    let doc = r#"<GestPayCryptDecrypt><X a="1" b="2" a="3"/></GestPayCryptDecrypt>"#;
    let err = EncryptResult::from_xml(doc.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "xml_syntax");
    let at = doc.rfind("a=").unwrap();
    assert!(
        err.to_string().contains(&format!("near byte {at}:")),
        "{err}"
    );
    // Past the first eight keys (quick-xml's own check), likewise.
    let many: String = (0..10).map(|i| format!(r#" k{i}="v""#)).collect();
    let doc = format!(r#"<GestPayCryptDecrypt><X{many} k3="w"/></GestPayCryptDecrypt>"#);
    let err = EncryptResult::from_xml(doc.as_bytes()).unwrap_err();
    let at = doc.rfind("k3=").unwrap();
    assert!(
        err.to_string().contains(&format!("near byte {at}:")),
        "{err}"
    );
    assert!(!err.to_string().contains("near byte 0:"), "{err}");
}

#[test]
fn errors_are_malformed_responses() {
    let e = s2s("<GestPayS2S><ErrorCode>1</ErrorCode><ErrorCode>2</ErrorCode></GestPayS2S>")
        .unwrap_err();
    assert!(matches!(e, Error::MalformedResponse { .. }));
    assert_eq!(
        gestpay::ErrorCode::from_name("duplicate_element").map(|c| c.as_str()),
        Some("duplicate_element")
    );
    assert_eq!(
        gestpay::ErrorCode::from_name("mixed_content").map(|c| c.as_str()),
        Some("mixed_content")
    );
}
