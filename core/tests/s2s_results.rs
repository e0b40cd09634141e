//! WsS2S results (docs/protocol.md §3, §4b): the docs' response examples, the spellings and
//! shapes the sources disagree on (D9–D13), lists, exact exchange rates, unknown elements, KO and
//! answers to another operation.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::codes::{Currency, EventType, RiskResponseCode, TransactionResult, TransactionState};
use gestpay::s2s::*;
use gestpay::{Amount, Error, Outcome, Response, Secret, SoapVersion};

type TestResult = Result<(), Box<dyn std::error::Error>>;

macro_rules! docs {
    ($file:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/s2s/",
            $file
        ))
        .as_slice()
    };
}

fn s<'a, T: From<&'a str>>(value: &'a str) -> Option<T> {
    Some(value.into())
}

/// Builds `result` as the gateway would, in both SOAP versions, and checks it parses back equal.
fn round_trip<T: Response + PartialEq + std::fmt::Debug>(result: &T) -> TestResult {
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let envelope = result.to_envelope(version)?;
        let back = T::from_envelope(&envelope)?;
        assert_eq!(&back, result, "{}", String::from_utf8_lossy(&envelope));
    }
    Ok(())
}

fn envelope_text<T: Response>(result: &T) -> Result<String, Box<dyn std::error::Error>> {
    Ok(String::from_utf8(result.to_envelope(SoapVersion::Soap11)?)?)
}

// ---------------------------------------------------------------------------------------------
// The docs' examples, one per operation

#[test]
fn docs_pagam() -> TestResult {
    let r = CallPagamS2SResult::from_xml(docs!("callPagamS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("PAGAM"));
    assert!(r.is_ok());
    assert_eq!(r.shop_transaction_id.as_deref(), Some("MYSHOP-0001"));
    assert_eq!(r.bank_transaction_id.as_deref(), Some("65"));
    assert_eq!(r.authorization_code.as_deref(), Some("365530"));
    assert_eq!(r.currency, Some(Currency::EUR));
    assert_eq!(r.amount, Some(Amount::from_minor(2421, Currency::EUR)));
    assert_eq!(r.amount_minor_units(), Some(2421));
    assert_eq!(r.buyer_name(), Some("John Fitzgerald Kennedy"));
    assert_eq!(r.buyer_email(), Some("johnny.kennedy@usa.com"));
    assert_eq!(r.custom_info, None);
    assert_eq!(r.td_level, None);
    assert_eq!(r.error_code, Some(0));
    assert_eq!(r.transaction_key.as_deref(), Some("579428899"));
    assert_eq!(r.vbv_flag(), Some("KO"));
    assert_eq!(r.vbv_risp(), None);
    assert_eq!(r.masked_pan.as_deref(), Some("40L76FDIEFMH1112"));
    assert_eq!(r.payment_method.as_deref(), Some("VISA VBV"));
    assert_eq!(r.product_type, None);
    assert_eq!(r.cvv_present.as_deref(), Some("Y"));
    assert_eq!(
        r.token.as_ref().map(Secret::expose),
        Some("40L76FDIEFMH1112")
    );
    assert_eq!(r.paypal_fee, None);
    assert_eq!(r.risk_code(), Some(&RiskResponseCode::Approved));
    assert_eq!(r.risk_description(), Some("the transaction is approved"));
    // `<ThreeDS>` holds only the docs' `...` placeholders: no value.
    assert_eq!(r.three_ds, None);
    assert!(r.unknown.is_empty());
    round_trip(&r)
}

#[test]
fn docs_read_trx() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(docs!("callReadTrxS2S.response.fixed.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("QUERYTX"));
    assert_eq!(r.transaction_state, Some(TransactionState::Can));
    assert_eq!(r.country.as_deref(), Some("ITALIA"));
    assert_eq!(r.company.as_deref(), Some("MASTERCARD SECURECODE"));
    assert_eq!(r.td_level.as_deref(), Some("FULL"));
    assert_eq!(r.events.len(), 2);
    assert_eq!(r.events[0].event_type, Some(EventType::Aut));
    assert_eq!(r.events[0].event_amount, Some(Amount::parse("0.10")?));
    assert_eq!(r.events[0].event_date.as_deref(), Some("19/08/16 16:13:14"));
    assert_eq!(r.events[0].event_arn, None);
    assert_eq!(r.events[1].event_type, Some(EventType::Can));
    assert_eq!(r.events_of(&EventType::Can).count(), 1);
    // `<Buyer>` of empty leaves: no value.
    assert_eq!(r.buyer, None);
    // RISK nested here (D11).
    assert_eq!(r.risk_response_code, None);
    assert_eq!(r.risk_code(), Some(&RiskResponseCode::Approved));
    assert_eq!(r.risk_description(), None);
    assert_eq!(r.alert_code, None);
    round_trip(&r)
}

#[test]
fn docs_malformed_originals_are_refused() {
    let read = CallReadTrxS2SResult::from_xml(docs!("callReadTrxS2S.response.xml"));
    assert_eq!(read.unwrap_err().code(), "xml_syntax");
    let delete = CallDeleteS2SResult::from_xml(docs!("callDeleteS2S.response.xml"));
    assert_eq!(delete.unwrap_err().code(), "xml_syntax");
}

#[test]
fn docs_settle_delete_refund_without_xmlns_reset() -> TestResult {
    // Full Response wrapper, payload in the service namespace (no `xmlns=""`), tolerated.
    let settle = CallSettleS2SResult::from_xml(docs!("callSettleS2S.response.xml"))?;
    assert_eq!(settle.transaction_type.as_deref(), Some("Settle"));
    assert_eq!(settle.bank_transaction_id.as_deref(), Some("159247522"));
    let delete = CallDeleteS2SResult::from_xml(docs!("callDeleteS2S.response.fixed.xml"))?;
    assert_eq!(
        delete.error_description.as_deref(),
        Some("Transazione ritirata")
    );
    let refund = CallRefundS2SResult::from_xml(docs!("callRefundS2S.response.xml"))?;
    assert_eq!(refund.transaction_type.as_deref(), Some("Refund"));
    assert_eq!(refund.error_description, None);
    round_trip(&settle)?;
    round_trip(&delete)?;
    round_trip(&refund)
}

#[test]
fn docs_check_carta_uses_transaction_error_code() -> TestResult {
    let r = CallCheckCartaS2SResult::from_xml(docs!("callCheckCartaS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("CHECKCARD"));
    // `TransactionErrorCode` / `TransactionErrorDescription` (D13): their own fields, and the
    // outcome whichever came.
    assert_eq!(r.transaction_error_code, Some(0));
    assert_eq!((r.error_code, r.error_description.as_deref()), (None, None));
    assert_eq!(
        r.transaction_error_description.as_deref(),
        Some("Transaction correctly processed")
    );
    assert_eq!(Outcome::error_code(&*r), Some(0));
    assert_eq!(
        Outcome::error_description(&*r),
        Some("Transaction correctly processed")
    );
    assert_eq!(r.authorization_error_code.as_deref(), Some("0"));
    assert_eq!(r.authorization_result, Some(TransactionResult::Ko));
    assert_eq!(
        r.authorization_code_description.as_deref(),
        Some("negative balance")
    );
    assert_eq!(r.card_country.as_deref(), Some("ITALIA"));
    assert_eq!(r.card_country_code.as_deref(), Some("380"));
    assert_eq!(r.check_cvv.as_deref(), Some("OK"));
    assert_eq!(r.check_cvv_description.as_deref(), Some("CVV VALID"));
    assert_eq!(r.issuer_country.as_deref(), Some("ITALIA"));
    assert_eq!(r.issuer_country_code.as_deref(), Some("380"));
    assert_eq!(r.company_description.as_deref(), Some("MASTERCARD"));
    assert_eq!(r.company_code.as_deref(), Some("3"));
    assert_eq!(r.commercial.as_deref(), Some("N"));
    assert_eq!(
        r.product_description.as_deref(),
        Some("Standard MasterCard® Card")
    );
    assert_eq!(r.product_type.as_deref(), Some("Credit"));
    assert_eq!(r.check_digit.as_deref(), Some("OK"));
    assert_eq!(
        r.check_digit_description.as_deref(),
        Some("CheckDigit VALID")
    );
    assert_eq!(r.check_date.as_deref(), Some("OK"));
    assert_eq!(r.check_date_description.as_deref(), Some("DATE VALID"));
    assert_eq!(r.enrolled_code.as_deref(), Some("Y"));
    assert_eq!(r.enrolled_description.as_deref(), Some("ENROLLED"));
    assert_eq!(r.prepaid.as_deref(), Some("N"));
    assert!(r.unknown.is_empty());
    // Built back as it came: the Transaction… names, not ErrorCode.
    let xml = envelope_text(&r)?;
    assert!(
        xml.contains("<TransactionErrorCode>0</TransactionErrorCode>"),
        "{xml}"
    );
    assert!(xml.contains("<TransactionErrorDescription>Transaction correctly processed<"));
    assert!(!xml.contains("<ErrorCode>"), "{xml}");
    round_trip(&r)
}

#[test]
fn docs_request_token_uses_mixed_case_token() -> TestResult {
    let r = CallRequestTokenS2SResult::from_xml(docs!("CallRequestTokenS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("REQUESTTOKEN"));
    assert_eq!(r.transaction_error_code, Some(0));
    assert_eq!(Outcome::error_code(&*r), Some(0));
    // `Token` here, `TOKEN` in callPagamS2S (D12): distinct elements, distinct fields, and
    // `token_value()` answers whichever came.
    assert_eq!(
        r.mixed_case_token.as_ref().map(Secret::expose),
        Some("44MRWNA710AC4448")
    );
    assert_eq!(r.token, None);
    assert_eq!(
        r.token_value().map(Secret::expose),
        Some("44MRWNA710AC4448")
    );
    assert_eq!(
        r.token_expiry_month.as_ref().map(Secret::expose),
        Some("12")
    );
    assert_eq!(r.token_expiry_year.as_ref().map(Secret::expose), Some("21"));
    assert_eq!(r.card_bin, None);
    assert_eq!(r.prepaid, None);
    assert_eq!(r.enrolled_code.as_deref(), Some("E"));
    let xml = envelope_text(&r)?;
    assert!(xml.contains("<Token>44MRWNA710AC4448</Token>"), "{xml}");
    assert!(
        xml.contains("<TransactionErrorCode>0</TransactionErrorCode>"),
        "{xml}"
    );
    assert!(
        !xml.contains("<TOKEN>") && !xml.contains("<ErrorCode>"),
        "{xml}"
    );
    round_trip(&r)
}

#[test]
fn token_spelling_per_operation() -> TestResult {
    let pagam = CallPagamS2SResult(GestPayS2S {
        token: Some(Secret::new("4111110000001111")),
        error_code: Some(0),
        ..Default::default()
    });
    let xml = envelope_text(&pagam)?;
    assert!(xml.contains("<TOKEN>4111110000001111</TOKEN>"), "{xml}");
    assert!(xml.contains("<ErrorCode>0</ErrorCode>"), "{xml}");
    // Debug never shows the token.
    assert!(!format!("{pagam:?}").contains("4111110000001111"));
    // `Token` read in a PAGAM answer too, in its own field: the names are not per operation.
    let read = CallPagamS2SResult::from_xml(b"<GestPayS2S><Token>T1</Token></GestPayS2S>")?;
    assert_eq!(
        read.mixed_case_token.as_ref().map(Secret::expose),
        Some("T1")
    );
    assert_eq!(read.token_value().map(Secret::expose), Some("T1"));
    Ok(())
}

#[test]
fn docs_small_results() -> TestResult {
    let r = CallDeleteTokenS2SResult::from_xml(docs!("callDeleteTokenS2S.response.xml"))?;
    assert_eq!(
        (
            r.transaction_type.as_deref(),
            r.error_code,
            r.error_description.as_deref()
        ),
        (Some("DisableToken"), Some(0), None)
    );
    round_trip(&r)?;
    let r = CallUpdateTokenS2SResult::from_xml(docs!("CallUpdateTokenS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("UpdateToken"));
    round_trip(&r)?;
    let r = CallUpdateOrderS2SResult::from_xml(docs!("CallUpdateOrderS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("RiskifiedUpdateOrder"));
    assert!(r.is_ok());
    round_trip(&r)?;
    let r = CallVerifycardS2SResult::from_xml(docs!("callVerifycardS2S.response.xml"))?;
    assert_eq!(r.transaction_type.as_deref(), Some("VerCard"));
    assert_eq!(r.country.as_deref(), Some("Italia"));
    assert_eq!(r.company.as_deref(), Some("MasterCard"));
    round_trip(&r)
}

#[test]
fn docs_bank_lists() -> TestResult {
    let ideal = CallIdealListS2SResult::from_xml(docs!("CallIdealListS2S.response.xml"))?;
    assert_eq!(
        ideal.transaction_type.as_deref(),
        Some("RequestIdealBankList")
    );
    // The second `<Bank>` holds only `...`: no value, so one bank.
    assert_eq!(
        ideal.bank_list,
        vec![Bank {
            bank_code: s("0001"),
            bank_name: s("E-Corp"),
            ..Default::default()
        }]
    );
    round_trip(&ideal)?;
    let mybank = CallMyBankListS2SResult::from_xml(docs!("CallMyBankListS2S.response.xml"))?;
    assert_eq!(mybank.transaction_type.as_deref(), Some("MyBank"));
    assert_eq!(mybank.bank_list.len(), 1);
    assert_eq!(mybank.bank_list[0].bank_code.as_deref(), Some("0001"));
    round_trip(&mybank)
}

// ---------------------------------------------------------------------------------------------
// Exchange rates: decimal comma, exact

#[test]
fn docs_exchange_rates_are_exact() -> TestResult {
    let r = CallExchangeRateS2SResult::from_xml(docs!("callExchangeRateS2S.response.xml"))?;
    assert_eq!(r.exchange_rates.len(), 7);
    let today = &r.exchange_rates[0];
    assert_eq!(today.uic_code, Some(Currency::USD));
    assert_eq!(today.iso_code.as_deref(), Some("USD"));
    assert_eq!(today.numeric_iso_code.as_deref(), Some("840"));
    let rate = today.exchange_rate.as_ref().unwrap();
    assert_eq!(rate.as_str(), "1,0617");
    assert_eq!(rate.value(), Amount::from_minor_exponent(10617, 4)?);
    assert_eq!(rate.value().minor(), 10617);
    assert_eq!(rate.value().exponent(), 4);
    assert_eq!(rate.to_decimal_point(), "1.0617");
    assert_eq!(
        today.credit_date.as_ref().map(CreditDate::as_str),
        Some("TODAY_CONST")
    );
    let rates: Vec<String> = r
        .exchange_rates
        .iter()
        .map(|e| e.exchange_rate.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(
        rates,
        [
            "1,0617", "1,0602", "1,0603", "1,0599", "1,0595", "1,0595", "1,0595"
        ]
    );
    assert!(r.exchange_rates[1].exchange_rate > r.exchange_rates[3].exchange_rate);
    // Written back with its decimal comma, and with the DateFormat attribute.
    let xml = envelope_text(&r)?;
    assert!(xml.contains("<ExchangeRate>1,0617</ExchangeRate>"), "{xml}");
    assert!(
        xml.contains(r#"<CreditDate DateFormat="DD/MM/YYYY">TODAY_CONST</CreditDate>"#),
        "{xml}"
    );
    round_trip(&r)
}

#[test]
fn rate_parsing() -> TestResult {
    assert_eq!(Rate::parse("1,0617")?, Rate::parse("1.0617")?);
    assert_eq!(Rate::parse("1,50")?, Rate::parse("1.5")?);
    assert_eq!(
        Rate::parse("17.000,50")?.value(),
        Amount::parse("17000.50")?
    );
    assert_eq!(Rate::parse(" 161,23 ")?.as_str(), "161,23");
    assert_eq!(Rate::parse("3")?.value(), Amount::parse("3")?);
    for bad in [
        "", "abc", "1,06,17", "1.0.6", "1,", ",5", "-1,2", "1e3", "17.00,5",
    ] {
        assert!(Rate::parse(bad).is_err(), "{bad:?} accepted");
    }
    let built = Rate::from_value(Amount::parse("0.9412")?);
    assert_eq!(built.as_str(), "0,9412");
    assert_eq!(serde_json::to_string(&built)?, r#""0,9412""#);
    let back: Rate = serde_json::from_str(r#""0,9412""#)?;
    assert_eq!(back.as_str(), "0,9412");
    assert!(serde_json::from_str::<Rate>(r#""n/a""#).is_err());
    Ok(())
}

#[test]
fn bad_rate_is_an_invalid_value() {
    let xml = b"<GestPayS2S><ExchangeRates><ExchangeRate><ExchangeRate>n/a</ExchangeRate>\
        </ExchangeRate></ExchangeRates></GestPayS2S>";
    let err = CallExchangeRateS2SResult::from_xml(xml).unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    assert_eq!(err.field(), Some("ExchangeRate"));
}

// ---------------------------------------------------------------------------------------------
// Events: always a list

#[test]
fn events_are_always_a_list() -> TestResult {
    let none =
        CallReadTrxS2SResult::from_xml(b"<GestPayS2S><ErrorCode>0</ErrorCode></GestPayS2S>")?;
    assert!(none.events.is_empty());
    let empty = CallReadTrxS2SResult::from_xml(b"<GestPayS2S><Events/></GestPayS2S>")?;
    assert!(empty.events.is_empty());
    let blank = CallReadTrxS2SResult::from_xml(b"<GestPayS2S><Events>\n </Events></GestPayS2S>")?;
    assert!(blank.events.is_empty());
    let one = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Events><event><eventtype>AUT</eventtype><eventamount>5</eventamount>\
          </event></Events></GestPayS2S>",
    )?;
    assert_eq!(one.events.len(), 1);
    assert_eq!(one.events[0].event_type, Some(EventType::Aut));
    round_trip(&one)?;
    let many = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Events>\
          <event><eventtype>AUT</eventtype><eventID>1</eventID></event>\
          <event><eventtype>MOV</eventtype><eventID>2</eventID></event>\
          <event><eventtype>REQ</eventtype><eventID>3</eventID></event>\
          <event><eventtype>STO</eventtype><eventID>4</eventID><eventReferred>2</eventReferred>\
          <eventExtra>x</eventExtra></event>\
          <event><eventtype>CHB</eventtype><eventID>5</eventID></event>\
          </Events></GestPayS2S>",
    )?;
    let ids: Vec<_> = many
        .events
        .iter()
        .map(|e| e.event_id.as_deref().unwrap())
        .collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5"]);
    assert_eq!(many.events[3].event_referred.as_deref(), Some("2"));
    assert_eq!(many.events[3].unknown[0].name, "eventExtra");
    // An event type this version does not know is kept.
    assert_eq!(
        many.events[4].event_type,
        Some(EventType::Other("CHB".into()))
    );
    round_trip(&many)
}

// ---------------------------------------------------------------------------------------------
// VbV and RISK, flat and nested (D10, D11)

#[test]
fn vbv_flat_nested_and_flag_text() -> TestResult {
    let nested = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><ErrorCode>8006</ErrorCode><TransactionKey>123456789012345678</TransactionKey>\
          <VbV><VbVFlag>OK</VbVFlag><VbVBuyer>OK</VbVBuyer><VbVRisp>ENC==</VbVRisp></VbV></GestPayS2S>",
    )?;
    assert_eq!(nested.vbv_flag(), Some("OK"));
    assert_eq!(nested.vbv_buyer(), Some("OK"));
    assert_eq!(nested.vbv_risp(), Some("ENC=="));
    assert!(nested.requires_3ds());
    assert_eq!(
        nested.transaction_key.as_deref(),
        Some("123456789012345678")
    );
    assert!(envelope_text(&nested)?.contains("<VbV><VbVFlag>OK</VbVFlag>"));
    round_trip(&nested)?;

    let flat = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><VbVFlag>OK</VbVFlag><VbVBuyer>KO</VbVBuyer><VbVRisp>FLAT</VbVRisp></GestPayS2S>",
    )?;
    assert_eq!(flat.vbv, None);
    assert_eq!(
        (flat.vbv_flag(), flat.vbv_buyer(), flat.vbv_risp()),
        (Some("OK"), Some("KO"), Some("FLAT"))
    );
    assert!(!flat.requires_3ds());
    round_trip(&flat)?;

    let text = CallPagamS2SResult::from_xml(b"<GestPayS2S><VbV>OK</VbV></GestPayS2S>")?;
    assert_eq!(
        text.vbv.as_ref().and_then(|v| v.value.as_deref()),
        Some("OK")
    );
    assert_eq!(text.vbv_flag(), Some("OK"));
    assert!(envelope_text(&text)?.contains("<VbV>OK</VbV>"));
    round_trip(&text)
}

#[test]
fn risk_flat_and_nested() -> TestResult {
    let flat = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><RiskResponseCode>declined</RiskResponseCode>\
          <RiskResponseDescription>no</RiskResponseDescription></GestPayS2S>",
    )?;
    assert_eq!(flat.risk, None);
    assert_eq!(flat.risk_code(), Some(&RiskResponseCode::Declined));
    assert_eq!(flat.risk_description(), Some("no"));
    let nested = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><RISK><RiskResponseCode>captured</RiskResponseCode>\
          <RiskResponseDescription>ok</RiskResponseDescription></RISK></GestPayS2S>",
    )?;
    assert_eq!(nested.risk_response_code, None);
    assert_eq!(nested.risk_code(), Some(&RiskResponseCode::Captured));
    assert_eq!(nested.risk_description(), Some("ok"));
    let unknown = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><RISK><RiskResponseCode>timeout</RiskResponseCode></RISK></GestPayS2S>",
    )?;
    let code = unknown.risk_code().unwrap();
    assert!(!code.is_known());
    assert!(
        code.description().is_some(),
        "unlisted values are documented as service errors"
    );
    round_trip(&flat)?;
    round_trip(&nested)
}

// ---------------------------------------------------------------------------------------------
// Spellings, text values, unknown elements, empty containers

#[test]
fn docs_table_spellings_are_read() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><shopTransactionID>A-1</shopTransactionID><TransKey>77</TransKey>\
          <BuyerType><BuyerName>Mario</BuyerName></BuyerType><VBV><VbVFlag>OK</VbVFlag></VBV>\
          </GestPayS2S>",
    )?;
    assert_eq!(r.shop_transaction_id.as_deref(), Some("A-1"));
    assert_eq!(r.transaction_key.as_deref(), Some("77"));
    assert_eq!(r.buyer_name(), Some("Mario"));
    assert_eq!(r.vbv_flag(), Some("OK"));
    assert!(r.unknown.is_empty());
    // Written with the example names.
    let xml = envelope_text(&r)?;
    for name in [
        "<ShopTransactionID>",
        "<TransactionKey>",
        "<Buyer>",
        "<VbV>",
    ] {
        assert!(xml.contains(name), "{name} in {xml}");
    }
    Ok(())
}

#[test]
fn authorization_code_keeps_leading_zeros() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><AuthorizationCode>000123</AuthorizationCode>\
          <CardCountryCode>040</CardCountryCode><BankTransactionID>0042</BankTransactionID></GestPayS2S>",
    )?;
    assert_eq!(r.authorization_code.as_deref(), Some("000123"));
    assert_eq!(r.card_country_code.as_deref(), Some("040"));
    assert_eq!(r.bank_transaction_id.as_deref(), Some("0042"));
    assert!(envelope_text(&r)?.contains("<AuthorizationCode>000123</AuthorizationCode>"));
    Ok(())
}

#[test]
fn unknown_elements_are_kept() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Brand>x</Brand><TransactionResult>OK</TransactionResult>\
          <Installments><Count>3</Count><Plan>A</Plan></Installments><Empty/>\
          <OrderReferenceDetails><PlatformId>P1</PlatformId>\
          <Destination><PhysicalDestination><City>Roma</City><Floor>2</Floor>\
          </PhysicalDestination></Destination></OrderReferenceDetails></GestPayS2S>",
    )?;
    let names: Vec<_> = r
        .unknown
        .iter()
        .map(|u| (u.name.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(names, [("Brand", "x"), ("Installments", ""), ("Empty", "")]);
    // Kept whole: the children of `Installments`, each with its own text.
    let children: Vec<_> = r.unknown[1]
        .children
        .iter()
        .map(|u| (u.name.as_str(), u.text.as_str()))
        .collect();
    assert_eq!(children, [("Count", "3"), ("Plan", "A")]);
    let details = r.order_reference_details.as_ref().unwrap();
    assert_eq!(details.unknown[0].name, "PlatformId");
    let address = details
        .destination
        .as_ref()
        .unwrap()
        .physical_destination
        .as_ref()
        .unwrap();
    assert_eq!(address.city.as_deref(), Some("Roma"));
    assert_eq!(address.unknown[0].name, "Floor");
    assert_eq!(address.unknown[0].text, "2");
    round_trip(&r)
}

#[test]
fn empty_containers_are_no_value() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><Buyer><BuyerName/><BuyerEmail></BuyerEmail></Buyer>\
          <RISK><RiskResponseCode/></RISK><ThreeDS><authenticationResult> ... </authenticationResult>\
          </ThreeDS><BankList><Bank> ... </Bank></BankList>\
          <Events><event><eventARN/></event></Events>\
          <OrderReferenceDetails><Buyer><Name/></Buyer><Destination><PhysicalDestination/>\
          </Destination><IdList/></OrderReferenceDetails></GestPayS2S>",
    )?;
    assert_eq!(r.0, GestPayS2S::default());
    assert_eq!(r.amazon_addresses(), None);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Outcome, wrong operation, faults

#[test]
fn ko_into_result_is_declined_with_english_description() -> TestResult {
    let r = CallPagamS2SResult::from_xml(
        b"<callPagamS2SResult><GestPayS2S xmlns=\"\"><TransactionType>PAGAM</TransactionType>\
          <TransactionResult>KO</TransactionResult><ErrorCode>74</ErrorCode>\
          <ErrorDescription>Autorizzazione negata</ErrorDescription></GestPayS2S></callPagamS2SResult>",
    )?;
    assert!(!r.is_ok());
    assert_eq!(r.known_error_description(), Some("Authorization denied"));
    match r.into_result() {
        Err(Error::Declined(d)) => {
            assert_eq!(d.error_code, Some(74));
            assert_eq!(d.description.as_deref(), Some("Autorizzazione negata"));
            assert_eq!(d.known_description, Some("Authorization denied"));
        }
        other => panic!("expected Declined, got {other:?}"),
    }
    // CheckCarta's KO under its TransactionErrorCode spelling.
    let ko = CallCheckCartaS2SResult::from_xml(
        b"<GestPayS2S><TransactionResult>KO</TransactionResult>\
          <TransactionErrorCode>1142</TransactionErrorCode></GestPayS2S>",
    )?;
    let d = ko.declined().unwrap();
    assert_eq!(d.error_code, Some(1142));
    assert_eq!(
        d.known_description,
        Some("Not accepted call: invalid IP Address")
    );
    // OK and XX are not errors.
    let ok = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><TransactionResult>OK</TransactionResult></GestPayS2S>",
    )?;
    assert!(ok.into_result().is_ok());
    let xx = CallPagamS2SResult::from_xml(
        b"<GestPayS2S><TransactionResult>XX</TransactionResult></GestPayS2S>",
    )?;
    assert!(xx.is_pending());
    assert!(xx.into_result().is_ok());
    Ok(())
}

#[test]
fn answer_to_another_operation_is_refused() -> TestResult {
    let settle = CallSettleS2SResult(GestPayS2S {
        transaction_type: s("Settle"),
        ..Default::default()
    });
    let envelope = settle.to_envelope(SoapVersion::Soap11)?;
    let err = CallDeleteS2SResult::from_envelope(&envelope).unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
    let err = CallRefundS2SResult::from_http(200, Some("text/xml"), &envelope).unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
    // The docs' Result-element shape too.
    let err =
        CallExchangeRateS2SResult::from_xml(docs!("CallIdealListS2S.response.xml")).unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
    // A WsCryptDecrypt answer given to a WsS2S result.
    let err =
        CallPagamS2SResult::from_xml(b"<DecryptResult><GestPayCryptDecrypt/></DecryptResult>")
            .unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
    // Case matters: CallRequestTokenS2S is not callRequestTokenS2S.
    let err = CallRequestTokenS2SResult::from_xml(
        b"<callRequestTokenS2SResult><GestPayS2S/></callRequestTokenS2SResult>",
    )
    .unwrap_err();
    assert_eq!(err.code(), "unexpected_operation");
    Ok(())
}

#[test]
fn fault_is_an_error() {
    let fault =
        b"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>\
        <soap:Fault><faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault>\
        </soap:Body></soap:Envelope>";
    let err = CallReadTrxS2SResult::from_http(500, Some("text/xml"), fault).unwrap_err();
    assert_eq!(err.code(), "soap_fault");
}

#[test]
fn every_operation_round_trips_a_full_payload() -> TestResult {
    let payload = GestPayS2S {
        transaction_type: s("PAGAM"),
        transaction_result: Some(TransactionResult::Ok),
        transaction_state: Some(TransactionState::Other("NEW".into())),
        shop_transaction_id: s("S-1"),
        bank_transaction_id: s("B-1"),
        authorization_code: s("000001"),
        currency: Some(Currency::EUR),
        amount: Some(Amount::from_minor(1, Currency::EUR)),
        events: vec![Event {
            event_type: Some(EventType::Aut),
            ..Default::default()
        }],
        error_code: Some(0),
        error_description: s("Transazione correttamente effettuata"),
        token: Some(Secret::new("TOK")),
        token_expiry_month: Some(Secret::new("01")),
        token_expiry_year: Some(Secret::new("30")),
        paypal_fee: s("0.35"),
        card_bin: s("411111"),
        bank_list: vec![Bank {
            bank_code: s("1"),
            ..Default::default()
        }],
        exchange_rates: vec![ExchangeRateEntry {
            exchange_rate: Some(Rate::parse("1,1")?),
            credit_date: Some(CreditDate::from("01/01/2027")),
            ..Default::default()
        }],
        order_reference_details: Some(OrderReferenceDetails {
            id_list: IdList(vec!["A".into(), "B".into()]),
            ..Default::default()
        }),
        ..Default::default()
    };
    round_trip(&CallRefundS2SResult(payload.clone()))?;
    round_trip(&CallReadTrxS2SResult(payload.clone()))?;
    round_trip(&CallPagamS2SResult(payload.clone()))?;
    round_trip(&CallDeleteS2SResult(payload.clone()))?;
    round_trip(&CallSettleS2SResult(payload.clone()))?;
    round_trip(&CallVerifycardS2SResult(payload.clone()))?;
    round_trip(&CallCheckCartaS2SResult(payload.clone()))?;
    round_trip(&CallRenounceResult(payload.clone()))?;
    round_trip(&CallRequestTokenS2SResult(payload.clone()))?;
    round_trip(&CallDeleteTokenS2SResult(payload.clone()))?;
    round_trip(&CallUpdateTokenS2SResult(payload.clone()))?;
    round_trip(&CallIdealListS2SResult(payload.clone()))?;
    round_trip(&CallMyBankListS2SResult(payload.clone()))?;
    round_trip(&CallUpdateCustomParamS2SResult(payload.clone()))?;
    round_trip(&CallUpdateOrderS2SResult(payload.clone()))?;
    round_trip(&CallExchangeRateS2SResult(payload.clone()))?;
    round_trip(&CallDeviceActivationResult(payload))
}

// ---------------------------------------------------------------------------------------------
// Amazon Pay's OrderReferenceDetails (the typed model; addresses are in tests/address.rs)

#[test]
fn docs_amazon_order_reference_details() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(docs!("callReadTrxS2S.response.amazonpay.xml"))?;
    assert_eq!(r.company.as_deref(), Some("AMAZONPAY"));
    assert_eq!(r.transaction_state, Some(TransactionState::Mov));
    assert_eq!(r.authorization_code.as_deref(), Some("008152"));
    assert_eq!(r.country, None);
    assert_eq!(r.events.len(), 2);
    let d = r.order_reference_details.as_ref().unwrap();
    assert_eq!(d.state(), Some(&OrderReferenceState::Draft));
    assert_eq!(d.order_language.as_deref(), Some("it-IT"));
    let destination = d.destination.as_ref().unwrap();
    assert_eq!(destination.destination_type.as_deref(), Some("Physical"));
    let ship = destination.physical_destination.as_ref().unwrap();
    assert_eq!(ship.name.as_deref(), Some("Marco Rossi"));
    assert_eq!(ship.state_or_region.as_deref(), Some("BI"));
    assert_eq!(
        d.expiration_timestamp.as_deref(),
        Some("2018-05-13T07:24:02.186Z")
    );
    assert!(d.id_list.is_empty());
    let seller = d.seller_order_attributes.as_ref().unwrap();
    assert_eq!(
        seller.seller_order_id.as_deref(),
        Some("4354395804398dkfjlhsdfk")
    );
    let total = d.order_total.as_ref().unwrap();
    assert_eq!(total.currency_code.as_deref(), Some("EUR"));
    assert_eq!(total.amount, Some(Amount::from_minor(1000, Currency::EUR)));
    let buyer = d.buyer.as_ref().unwrap();
    assert_eq!(
        (buyer.name.as_deref(), buyer.email.as_deref()),
        (Some("Ale"), Some("marco.rossi@email.it"))
    );
    assert_eq!(d.release_environment.as_deref(), Some("Sandbox"));
    assert_eq!(
        d.amazon_order_reference_id.as_deref(),
        Some("S02-0319513-4657042")
    );
    assert_eq!(
        d.creation_timestamp.as_deref(),
        Some("2017-11-14T07:24:02.186Z")
    );
    let billing = d.billing_address.as_ref().unwrap();
    assert_eq!(billing.address_type.as_deref(), Some("Physical"));
    let bill = billing.physical_address.as_ref().unwrap();
    assert_eq!(bill.address_line1, None);
    assert_eq!(bill.address_line2.as_deref(), Some("Meininger Strasse 58"));
    assert_eq!(d.requests_payment_authorization(), Some(false));
    assert!(d.unknown.is_empty());
    round_trip(&r)
}

#[test]
fn order_reference_status_all_fields_and_unknown_state() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(
        b"<GestPayS2S><OrderReferenceDetails><OrderReferenceStatus>\
          <State>Suspended</State><LastUpdateTimestamp>2026-11-28T10:07:30Z</LastUpdateTimestamp>\
          <ReasonCode>InvalidPaymentMethod</ReasonCode><ReasonDescription>declined</ReasonDescription>\
          </OrderReferenceStatus><IdList><member>A-1</member><member/><id>A-2</id></IdList>\
          <RequestPaymentAuthorization>TRUE</RequestPaymentAuthorization>\
          </OrderReferenceDetails></GestPayS2S>",
    )?;
    let d = r.order_reference_details.as_ref().unwrap();
    let status = d.order_reference_status.as_ref().unwrap();
    assert_eq!(status.state, Some(OrderReferenceState::Suspended));
    assert_eq!(
        status.last_update_timestamp.as_deref(),
        Some("2026-11-28T10:07:30Z")
    );
    assert_eq!(status.reason_code.as_deref(), Some("InvalidPaymentMethod"));
    assert_eq!(status.reason_description.as_deref(), Some("declined"));
    assert_eq!(d.id_list.0, ["A-1", "A-2"]);
    assert_eq!(d.requests_payment_authorization(), Some(true));
    round_trip(&r)?;

    for (wire, state) in [
        ("Draft", OrderReferenceState::Draft),
        ("Open", OrderReferenceState::Open),
        ("Suspended", OrderReferenceState::Suspended),
        ("Canceled", OrderReferenceState::Canceled),
        ("Closed", OrderReferenceState::Closed),
        (
            "PendingReview",
            OrderReferenceState::Other("PendingReview".into()),
        ),
    ] {
        let xml = format!(
            "<GestPayS2S><OrderReferenceDetails><OrderReferenceStatus><State>{wire}</State>\
             </OrderReferenceStatus></OrderReferenceDetails></GestPayS2S>"
        );
        let r = CallReadTrxS2SResult::from_xml(xml.as_bytes())?;
        let got = r
            .order_reference_details
            .as_ref()
            .and_then(|d| d.state())
            .unwrap();
        assert_eq!(got, &state);
        assert_eq!(got.as_str(), wire);
        assert_eq!(got.is_known(), wire != "PendingReview");
        assert_eq!(serde_json::to_value(got)?, serde_json::json!(wire));
        round_trip(&r)?;
    }
    Ok(())
}

#[test]
fn json_shape() -> TestResult {
    let r = CallReadTrxS2SResult::from_xml(docs!("callReadTrxS2S.response.fixed.xml"))?;
    let json = serde_json::to_value(&r)?;
    assert_eq!(json["transactionState"], "CAN");
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["events"][0]["eventAmount"], "0.10");
    assert_eq!(json["risk"]["riskResponseCode"], "approved");
    assert!(json.get("buyer").is_none());
    let back: CallReadTrxS2SResult = serde_json::from_value(json)?;
    assert_eq!(back, r);
    Ok(())
}
