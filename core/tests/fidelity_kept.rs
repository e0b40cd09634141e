//! Response fidelity (issue 15), what a result keeps: unknown elements whole, the attributes of
//! known elements, the gateway's recorded shapes (`CustomInfo` as elements, escaped CDATA); all
//! written back, and shown by their names only. The rest is in `fidelity.rs`.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::cryptdecrypt::{DecryptResult, EncryptResult};
use gestpay::s2s::*;
use gestpay::xml::{ChildAttributes, KeptAttribute, UnknownElement};
use gestpay::{Response, SoapVersion};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn code_field<T: std::fmt::Debug>(r: gestpay::Result<T>) -> (&'static str, Option<String>) {
    match r {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(e) => (e.code(), e.field().map(str::to_owned)),
    }
}

/// Parsed, rebuilt as both SOAP versions, parsed again: the same value.
fn round_trip<T: Response + std::fmt::Debug>(value: &T) -> TestResult {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let again = T::from_envelope(&value.to_envelope(version)?)?;
        assert!(again == *value, "round trip differs:\n{value:?}\n{again:?}");
    }
    Ok(())
}

fn s2s(xml: &str) -> gestpay::Result<CallPagamS2SResult> {
    CallPagamS2SResult::from_xml(xml.as_bytes())
}

fn envelope_text<T: Response>(value: &T) -> Result<String, Box<dyn std::error::Error>> {
    Ok(String::from_utf8(value.to_envelope(SoapVersion::Soap11)?)?)
}

// --- 2. unknown content kept whole -------------------------------------------------------------

#[test]
fn unknown_elements_are_trees_written_back() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        br#"<GestPayS2S><TransactionResult>OK</TransactionResult>
            <Installments plan="A"><Count>3</Count><Rates><Rate n="1">3.34</Rate></Rates></Installments>
            <Flag/></GestPayS2S>"#,
    )?;
    let installments = &r.unknown[0];
    assert_eq!(installments.name, "Installments");
    assert_eq!(installments.attribute("plan"), Some("A"));
    assert_eq!(installments.text, "");
    assert_eq!(installments.child("Count").unwrap().text, "3");
    let rate = &installments.child("Rates").unwrap().children[0];
    assert_eq!(
        (rate.attribute("n"), rate.text.as_str()),
        (Some("1"), "3.34")
    );
    assert_eq!(r.unknown[1], UnknownElement::leaf("Flag", ""));
    let xml = envelope_text(&r)?;
    assert!(
        xml.contains(r#"<Installments plan="A"><Count>3</Count><Rates><Rate n="1">3.34</Rate></Rates></Installments><Flag/>"#),
        "{xml}"
    );
    round_trip(&r)
}

#[test]
fn unknown_elements_show_names_never_values() -> TestResult {
    let r = DecryptResult::from_xml(
        br#"<GestPayCryptDecrypt><CardNumber>4111111111111111</CardNumber>
            <Holder pin="98765"><Name>Mario Segreto</Name></Holder></GestPayCryptDecrypt>"#,
    )?;
    let debug = format!("{r:?}");
    assert!(debug.contains("CardNumber") && debug.contains("Holder") && debug.contains("pin"));
    for secret in ["4111111111111111", "98765", "Mario Segreto"] {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
    // The values stay available as data.
    assert_eq!(r.unknown[0].text, "4111111111111111");
    let attribute = KeptAttribute {
        name: "k".into(),
        value: "v4lue".into(),
    };
    assert!(!format!("{attribute:?}").contains("v4lue"));
    let child = ChildAttributes {
        element: "E".into(),
        attributes: vec![attribute],
    };
    assert!(!format!("{child:?}").contains("v4lue"));
    Ok(())
}

#[test]
fn every_result_side_model_keeps_unknown_children() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Buyer><BuyerName>A</BuyerName><X>1</X></Buyer>\
          <RISK><X>2</X></RISK><VbV><VbVFlag>OK</VbVFlag><X>3</X></VbV>\
          <ThreeDS><authenticationResult><X>4</X></authenticationResult>\
          <transDetails><X>5</X></transDetails><InAppChallenge><X>6</X></InAppChallenge><X>7</X></ThreeDS>\
          <Events><event><eventtype>AUT</eventtype><X>8</X></event></Events>\
          <BankList><Bank><X>9</X></Bank></BankList>\
          <ExchangeRates><ExchangeRate><X>10</X></ExchangeRate></ExchangeRates></GestPayS2S>",
    )?;
    let three_ds = r.three_ds.as_ref().unwrap();
    let kept = [
        &r.buyer.as_ref().unwrap().unknown[..],
        &r.risk.as_ref().unwrap().unknown[..],
        &r.vbv.as_ref().unwrap().unknown[..],
        &three_ds.authentication_result.as_ref().unwrap().unknown[..],
        &three_ds.trans_details.as_ref().unwrap().unknown[..],
        &three_ds.in_app_challenge.as_ref().unwrap().unknown[..],
        &three_ds.unknown[..],
        &r.events[0].unknown[..],
        &r.bank_list[0].unknown[..],
        &r.exchange_rates[0].unknown[..],
    ];
    let texts: Vec<&str> = kept.iter().map(|u| u[0].text.as_str()).collect();
    assert_eq!(texts, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    round_trip(&r)
}

#[test]
fn an_unknown_element_holds_text_or_elements() -> TestResult {
    let mixed = s2s("<GestPayS2S><Extra>a<b/>c</Extra></GestPayS2S>");
    assert_eq!(code_field(mixed), ("mixed_content", Some("Extra".into())));
    // Indentation between children is not text.
    let r = s2s("<GestPayS2S><Extra>\n  <b>1</b>\n</Extra></GestPayS2S>")?;
    assert_eq!(r.unknown[0].text, "");
    // Built from a value holding both: refused.
    let both = CallPagamS2SResult(GestPayS2S {
        unknown: vec![UnknownElement {
            name: "Extra".into(),
            text: "a".into(),
            children: vec![UnknownElement::leaf("b", "1")],
            ..UnknownElement::default()
        }]
        .into(),
        ..GestPayS2S::default()
    });
    let err = both.to_envelope(SoapVersion::Soap11).unwrap_err();
    assert_eq!(err.code(), "invalid_format");
    assert!(
        err.field().is_some_and(|f| f.ends_with("GestPayS2S/Extra")),
        "{err}"
    );
    Ok(())
}

#[test]
fn kept_names_are_checked_when_built() {
    let with = |attributes: Vec<KeptAttribute>| {
        CallPagamS2SResult(GestPayS2S {
            unknown: vec![UnknownElement {
                name: "Extra".into(),
                attributes,
                ..UnknownElement::default()
            }]
            .into(),
            ..GestPayS2S::default()
        })
        .to_envelope(SoapVersion::Soap11)
    };
    let attribute = |name: &str| KeptAttribute {
        name: name.into(),
        value: "\"<&>'".into(),
    };
    let xml = String::from_utf8(with(vec![attribute("a"), attribute("p:b")]).unwrap()).unwrap();
    assert!(
        xml.contains(r#"<Extra a="&quot;&lt;&amp;&gt;&apos;" p:b="#),
        "{xml}"
    );
    for bad in [
        vec![attribute("a b")],
        vec![attribute("a"), attribute("a")],
        vec![attribute("")],
    ] {
        assert_eq!(with(bad).unwrap_err().code(), "invalid_format");
    }
}

// --- 3. attributes of known elements -----------------------------------------------------------

#[test]
fn credit_date_keeps_its_date_format() -> TestResult {
    let r = CallExchangeRateS2SResult::from_xml(
        br#"<GestPayS2S><ExchangeRates>
            <ExchangeRate><CreditDate DateFormat="DD/MM/YYYY">19/04/2016</CreditDate></ExchangeRate>
            <ExchangeRate><CreditDate DateFormat="YYYY-MM-DD">2016-04-18</CreditDate></ExchangeRate>
            <ExchangeRate><CreditDate>17/04/2016</CreditDate></ExchangeRate>
            </ExchangeRates></GestPayS2S>"#,
    )?;
    let dates: Vec<_> = r
        .exchange_rates
        .iter()
        .map(|e| e.credit_date.clone().unwrap())
        .collect();
    assert_eq!(dates[0].date, "19/04/2016");
    assert_eq!(dates[0].date_format, Some(DateFormat::DdMmYyyy));
    assert_eq!(
        dates[1].date_format,
        Some(DateFormat::Other("YYYY-MM-DD".into()))
    );
    assert_eq!(dates[2].date_format, None);
    let xml = envelope_text(&r)?;
    assert!(xml.contains(r#"<CreditDate DateFormat="YYYY-MM-DD">2016-04-18</CreditDate>"#));
    assert!(xml.contains("<CreditDate>17/04/2016</CreditDate>"), "{xml}");
    // Built from text: the documented format, declared as the gateway does.
    assert_eq!(
        CreditDate::from("01/01/2027").date_format,
        Some(DateFormat::DdMmYyyy)
    );
    round_trip(&r)
}

#[test]
fn attributes_of_known_elements_are_kept_and_written_back() -> TestResult {
    let r = DecryptResult::from_xml(
        br#"<GestPayCryptDecrypt schemaVersion="2"><TransactionResult source="acquirer">OK</TransactionResult>
            <Buyer verified="Y"><BuyerName lang="it">Mario</BuyerName></Buyer><AlertCode type="none"/>
            </GestPayCryptDecrypt>"#,
    )?;
    assert_eq!(r.attributes[0].name, "schemaVersion");
    assert_eq!(r.child_attributes[0].element, "TransactionResult");
    assert_eq!(r.child_attributes[1].element, "AlertCode");
    let buyer = r.buyer.as_ref().unwrap();
    assert_eq!(
        (
            buyer.attributes[0].name.as_str(),
            buyer.attributes[0].value.as_str()
        ),
        ("verified", "Y")
    );
    assert_eq!(buyer.child_attributes[0].element, "BuyerName");
    let xml = envelope_text(&r)?;
    for expected in [
        r#"<GestPayCryptDecrypt xmlns="" schemaVersion="2">"#,
        r#"<TransactionResult source="acquirer">OK</TransactionResult>"#,
        r#"<Buyer verified="Y"><BuyerName lang="it">Mario</BuyerName></Buyer>"#,
        r#"<AlertCode type="none"/>"#,
    ] {
        assert!(xml.contains(expected), "{expected} not in {xml}");
    }
    round_trip(&r)
}

#[test]
fn attribute_values_are_well_formed() {
    let bad = |attribute: &str| {
        EncryptResult::from_xml(
            format!("<GestPayCryptDecrypt><X {attribute}/></GestPayCryptDecrypt>").as_bytes(),
        )
        .unwrap_err()
        .code()
    };
    assert_eq!(bad(r#"a="&nbsp;""#), "dtd_refused");
    assert_eq!(bad(r#"a="<""#), "xml_syntax");
    assert_eq!(bad(r#"a="&#1;""#), "xml_syntax");
    let ok = EncryptResult::from_xml(
        br#"<GestPayCryptDecrypt><X a="&lt;&#233;&#10;b"/></GestPayCryptDecrypt>"#,
    )
    .unwrap();
    assert_eq!(ok.unknown[0].attribute("a"), Some("<é\nb"));
}

// --- 8. the gateway's real shapes ---------------------------------------------------------------

#[test]
fn custom_info_as_elements() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><CustomInfo><PAYMENT_ID>15</PAYMENT_ID><USER_ID>12</USER_ID>\
          <NOTE>a%2Bb &amp; c</NOTE><EMPTY/></CustomInfo></GestPayS2S>",
    )?;
    let info = r.custom_info.as_ref().unwrap();
    let pairs: Vec<_> = info
        .iter()
        .map(|p| (p.key.as_str(), p.value.as_str()))
        .collect();
    // Keys as sent; values as XML text (not URL-decoded).
    assert_eq!(
        pairs,
        [
            ("PAYMENT_ID", "15"),
            ("USER_ID", "12"),
            ("NOTE", "a%2Bb & c"),
            ("EMPTY", "")
        ]
    );
    assert_eq!(info.get("USER_ID"), Some("12"));
    // Built back in the documented text form; read back the same.
    let xml = envelope_text(&r)?;
    assert!(
        xml.contains("<CustomInfo>PAYMENT_ID=15*P1*USER_ID=12*P1*"),
        "{xml}"
    );
    round_trip(&r)?;
    // The text form is unchanged.
    let text = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><CustomInfo>A=1*P1*B=x%2By</CustomInfo></GestPayS2S>",
    )?;
    assert_eq!(text.custom_info.as_ref().unwrap().get("B"), Some("x+y"));
    // Text beside elements, or an element inside one, is refused.
    let mixed = s2s("<GestPayS2S><CustomInfo>A=1<B>2</B></CustomInfo></GestPayS2S>");
    assert_eq!(
        code_field(mixed),
        ("mixed_content", Some("CustomInfo".into()))
    );
    let nested = s2s("<GestPayS2S><CustomInfo><A><B>2</B></A></CustomInfo></GestPayS2S>");
    assert_eq!(code_field(nested), ("mixed_content", Some("A".into())));
    Ok(())
}

#[test]
fn one_escaped_cdata_section_is_its_content() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><Buyer><BuyerName>&lt;![CDATA[Test Customer]]&gt;</BuyerName>\
          <BuyerEmail>&lt;![CDATA[a&amp;b@example.com]]&gt;</BuyerEmail></Buyer>\
          <ErrorDescription>&lt;![CDATA[]]&gt;</ErrorDescription>\
          <TransactionType>&lt;![CDATA[a]]&gt;&lt;![CDATA[b]]&gt;</TransactionType>\
          <AuthorizationCode> &lt;![CDATA[x]]&gt;</AuthorizationCode>\
          <Country><![CDATA[ITALIA]]></Country><Extra>&lt;![CDATA[kept]]&gt;</Extra></GestPayS2S>",
    )?;
    assert_eq!(r.buyer_name(), Some("Test Customer"));
    assert_eq!(r.buyer_email(), Some("a&b@example.com"));
    // An empty section is no value.
    assert_eq!(r.error_description, None);
    // Exactly one section, nothing around it: otherwise the text is kept as sent.
    assert_eq!(
        r.transaction_type.as_deref(),
        Some("<![CDATA[a]]><![CDATA[b]]>")
    );
    assert_eq!(r.authorization_code.as_deref(), Some(" <![CDATA[x]]>"));
    // A real CDATA section is plain XML.
    assert_eq!(r.country.as_deref(), Some("ITALIA"));
    // Unknown elements are kept verbatim.
    assert_eq!(r.unknown[0].text, "<![CDATA[kept]]>");
    Ok(())
}

/// `#[unknown]` is the rule on the result side: every model a result can hold keeps what it
/// does not know (found from the schema, so that a model added later is checked too).
#[cfg(feature = "schema")]
#[test]
fn every_model_reachable_from_a_result_keeps_unknown_children() {
    let schema = serde_json::to_value(gestpay::schema::catalog()).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    let mut todo: Vec<String> = schema["x-operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| op["result"].as_str().unwrap().to_owned())
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    // Leaves and kept content: not models of the gateway's elements.
    let not_models = [
        "UnknownElement",
        "KeptAttribute",
        "ChildAttributes",
        "CustomParameter",
        "CreditDate",
    ];
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let def = &defs[&name];
        let text = def.to_string();
        for part in text.split("\"$ref\":\"#/$defs/").skip(1) {
            todo.push(part.split('"').next().unwrap().to_owned());
        }
        if def["type"] == "object" && !not_models.contains(&name.as_str()) {
            assert!(
                def["properties"].get("unknown").is_some(),
                "{name} drops unknown children"
            );
        }
    }
    assert!(seen.contains("AuthenticationResult") && seen.contains("Buyer"));
}
