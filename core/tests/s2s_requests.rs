//! WsS2S requests through the public API: wire names, builders, wire order, validation rules
//! (each asserting the error code and field), and that secrets never leak.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::cryptdecrypt::RequestToken;
use gestpay::models::{
    ApplePayRequest, CustomerDetail, GooglePayRequest, OrderDetails, ProductDetail,
    TokenizationData, TransDetails,
};
use gestpay::prelude::*;
use gestpay::s2s::*;

const EUR: Currency = Currency::EUR;
const AMAZON_ORDER_REFERENCE: &str = "S02-0319513-4657042";

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, EUR)
}

fn pagam() -> CallPagamS2S {
    CallPagamS2S::new("9000001", EUR, eur(2421), "ORD-1")
}

fn card_pagam() -> CallPagamS2S {
    pagam().card("4111111111111111", "12", "29")
}

fn body<R: Request>(req: &R) -> String {
    String::from_utf8(req.to_envelope(SoapVersion::Soap11).unwrap()).unwrap()
}

/// Asserts that validation fails with `code` on `field`.
#[track_caller]
fn fails<R: Request + std::fmt::Debug>(req: &R, code: &str, field: &str) -> Error {
    let err = match req.validate() {
        Ok(()) => panic!("accepted: {req:?}"),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(err.field(), Some(field), "{err}");
    assert!(req.to_envelope(SoapVersion::Soap11).is_err());
    err
}

#[track_caller]
fn ok<R: Request + std::fmt::Debug>(req: &R) {
    if let Err(e) = req.validate() {
        panic!("rejected ({e}): {req:?}");
    }
}

/// Positions of the elements `names` in `xml`, asserting that they appear in this order.
#[track_caller]
fn in_order(xml: &str, names: &[&str]) {
    let mut last = 0;
    for name in names {
        let open = format!("<{name}>");
        let pos = xml[last..]
            .find(&open)
            .unwrap_or_else(|| panic!("<{name}> missing or out of order in\n{xml}"));
        last += pos + open.len();
    }
}

// --- wire names ---------------------------------------------------------------------------

#[test]
fn operation_names_and_soap_actions_keep_the_gateway_case() {
    let ops = [
        (CallRefundS2S::OPERATION, "callRefundS2S"),
        (CallReadTrxS2S::OPERATION, "callReadTrxS2S"),
        (CallPagamS2S::OPERATION, "callPagamS2S"),
        (CallDeleteS2S::OPERATION, "callDeleteS2S"),
        (CallSettleS2S::OPERATION, "callSettleS2S"),
        (CallVerifycardS2S::OPERATION, "callVerifycardS2S"),
        (CallCheckCartaS2S::OPERATION, "callCheckCartaS2S"),
        (CallRenounce::OPERATION, "callRenounce"),
        (CallRequestTokenS2S::OPERATION, "CallRequestTokenS2S"),
        (CallDeleteTokenS2S::OPERATION, "callDeleteTokenS2S"),
        (CallUpdateTokenS2S::OPERATION, "CallUpdateTokenS2S"),
        (CallIdealListS2S::OPERATION, "CallIdealListS2S"),
        (CallMyBankListS2S::OPERATION, "CallMyBankListS2S"),
        (
            CallUpdateCustomParamS2S::OPERATION,
            "CallUpdateCustomParamS2S",
        ),
        (CallUpdateOrderS2S::OPERATION, "CallUpdateOrderS2S"),
        (CallExchangeRateS2S::OPERATION, "callExchangeRateS2S"),
        (CallDeviceActivation::OPERATION, "callDeviceActivation"),
    ];
    for (op, name) in ops {
        assert_eq!(op.name, name);
        assert_eq!(op.action, format!("https://ecomms2s.sella.it/{name}"));
        assert_eq!(op.response, format!("{name}Response"));
        assert_eq!(op.result, format!("{name}Result"));
    }
    assert_eq!(
        CallRequestTokenS2S::OPERATION.action,
        "https://ecomms2s.sella.it/CallRequestTokenS2S"
    );
    assert_eq!(
        CallDeleteTokenS2S::OPERATION.action,
        "https://ecomms2s.sella.it/callDeleteTokenS2S"
    );
    assert_eq!(
        CallVerifycardS2S::OPERATION.action,
        "https://ecomms2s.sella.it/callVerifycardS2S"
    );
}

#[test]
fn http_request_carries_the_soap_action() {
    let req = CallReadTrxS2S::by_bank_transaction_id("9000001", "334488931");
    let call = req
        .to_http(&Environment::Test, SoapVersion::Soap11)
        .unwrap();
    assert_eq!(
        call.url,
        "https://sandbox.gestpay.net/gestpay/gestpayws/WSs2s.asmx"
    );
    assert!(call.headers.contains(&(
        "SOAPAction".to_owned(),
        "\"https://ecomms2s.sella.it/callReadTrxS2S\"".to_owned()
    )));
    let token = CallRequestTokenS2S::new(
        "9000001",
        RequestToken::masked_pan(),
        "4111111111111111",
        "12",
        "29",
        true,
    );
    let call = token
        .to_http(&Environment::Production, SoapVersion::Soap12)
        .unwrap();
    let content_type = &call.headers[0].1;
    assert!(
        content_type.ends_with("action=\"https://ecomms2s.sella.it/CallRequestTokenS2S\""),
        "{content_type}"
    );
    let xml = String::from_utf8(call.body).unwrap();
    assert!(xml.contains("<CallRequestTokenS2S xmlns=\"https://ecomms2s.sella.it/\">"));
}

// --- wire order and exact element names -----------------------------------------------------

#[test]
fn element_names_and_order_are_the_wsdl_ones() {
    let settle = CallSettleS2S::new("9000001", TransactionRef::both("S-1", "123"), EUR, eur(500))
        .settlement_id("SET-1")
        .api_key("k");
    in_order(
        &body(&settle),
        &[
            "shopLogin",
            "uicCode",
            "amount",
            "shopTransID",
            "bankTransID",
            "settlementID",
            "apikey",
        ],
    );

    let check = CallCheckCartaS2S::card("9000001", "T-1", "4111111111111111", "12", "29", true)
        .cvv2("123")
        .api_key("k");
    in_order(
        &body(&check),
        &[
            "shopLogin",
            "shopTransactionId",
            "cardNumber",
            "expMonth",
            "expYear",
            "CVV2",
            "withAuth",
            "apikey",
        ],
    );

    let update = CallUpdateTokenS2S::new("9000001", "TOKEN123", "12", "29", true);
    let xml = body(&update);
    in_order(
        &xml,
        &["shopLogin", "token", "expiryMonth", "expiryYear", "withAut"],
    );
    assert!(!xml.contains("tokenValue") && !xml.contains("withAuth"));

    let delete_token = CallDeleteTokenS2S::new("9000001", "TOKEN123");
    in_order(&body(&delete_token), &["tokenValue", "shopLogin"]);

    let refund = CallRefundS2S::new("9000001", TransactionRef::bank("123"), EUR, eur(100))
        .products([ProductDetail {
            name: Some("TV".into()),
            ..Default::default()
        }])
        .reason("returned")
        .charge_back_fraud(false);
    let xml = body(&refund);
    in_order(
        &xml,
        &[
            "bankTransactionId",
            "OrderDetail",
            "ProductDetails",
            "ProductDetail",
            "RefundReason",
            "chargeBackFraud",
        ],
    );
    assert!(xml.contains("<chargeBackFraud>N</chargeBackFraud>"));
    assert!(!xml.contains("<OrderDetails>"));

    let token = CallRequestTokenS2S::new(
        "9000001",
        RequestToken::masked_pan().forced(),
        "4111111111111111",
        "12",
        "29",
        false,
    )
    .cvv("123");
    let xml = body(&token);
    in_order(
        &xml,
        &[
            "shopLogin",
            "requestToken",
            "cardNumber",
            "expiryMonth",
            "expiryYear",
            "cvv",
            "withAuth",
        ],
    );
    assert!(xml.contains("<requestToken>:FORCED:MASKEDPAN</requestToken>"));
    assert!(xml.contains("<withAuth>N</withAuth>"));

    let rate = CallExchangeRateS2S::new("9000001", Currency::USD).with_iso_codes();
    in_order(
        &body(&rate),
        &["shopLogin", "uicCode", "isoCode", "numericIsoCode"],
    );
    assert!(body(&rate).contains("<numericIsoCode>840</numericIsoCode>"));
}

#[test]
fn undocumented_operations_have_their_exact_shapes() {
    let renounce = body(&CallRenounce::new());
    assert!(
        renounce.contains("<callRenounce xmlns=\"https://ecomms2s.sella.it/\"></callRenounce>")
            || renounce.contains("<callRenounce xmlns=\"https://ecomms2s.sella.it/\"/>"),
        "{renounce}"
    );
    assert_eq!(
        CallRenounce::from_envelope(renounce.as_bytes()).unwrap(),
        CallRenounce::new()
    );

    let device = body(&CallDeviceActivation::new("TERM-1"));
    assert!(device.contains("<terminalId>TERM-1</terminalId>"));
    assert!(!device.contains("shopLogin") && !device.contains("apikey"));
    fails(
        &CallDeviceActivation::new(""),
        "missing_field",
        "terminalId",
    );

    let custom = CallUpdateCustomParamS2S::new("9000001", TransactionRef::bank("1"), "K", "V");
    in_order(
        &body(&custom),
        &["shopLogin", "bankTransactionId", "paramName", "paramValue"],
    );
}

#[test]
fn transaction_ref_fills_the_two_id_fields() {
    let read = CallReadTrxS2S::by_shop_transaction_id("9000001", "ORD-1");
    assert_eq!(read.shop_transaction_id.as_deref(), Some("ORD-1"));
    assert_eq!(read.bank_transaction_id, None);
    let read = CallReadTrxS2S::by_bank_transaction_id("9000001", "42");
    assert_eq!(read.bank_transaction_id.as_deref(), Some("42"));
    let both = TransactionRef::both("S", "B");
    assert_eq!((both.shop_id(), both.bank_id()), (Some("S"), Some("B")));
    let delete = CallDeleteS2S::new("9000001", both).cancel_reason("fraud");
    assert_eq!(delete.shop_transaction_id.as_deref(), Some("S"));
    assert_eq!(delete.bank_transaction_id.as_deref(), Some("B"));
    ok(&delete);
    let settle = CallSettleS2S::new("9000001", TransactionRef::shop("S"), EUR, eur(1));
    assert_eq!(settle.shop_trans_id.as_deref(), Some("S"));
    ok(&settle);
}

// --- Amazon Pay, tokens, 3-D Secure --------------------------------------------------------------

#[test]
fn amazon_pay_order_reference_builds_and_round_trips() {
    let req = CallPagamS2S::new("9000002", EUR, eur(5990), "ORD-2024-0042")
        .amazon_pay_order_reference(AMAZON_ORDER_REFERENCE)
        .buyer("Mario Rossi", ":NOSEND:mario.rossi@example.it")
        .client_ip("93.184.216.34")
        .api_key("YZejApM8AfnBzmvmMsMIp0y1V91aakQY");
    ok(&req);
    assert_eq!(req.payment_types, vec![PaymentType::AMAZONPAY]);
    assert_eq!(req.trans_key.as_deref(), Some(AMAZON_ORDER_REFERENCE));
    let xml = body(&req);
    assert!(xml.contains("<transKey>S02-0319513-4657042</transKey>"));
    in_order(
        &xml,
        &[
            "shopLogin",
            "uicCode",
            "amount",
            "shopTransactionId",
            "buyerName",
            "buyerEmail",
            "transKey",
            "clientIP",
            "paymentTypes",
            "paymentType",
            "apikey",
        ],
    );
    for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
        let envelope = req.to_envelope(version).unwrap();
        assert_eq!(CallPagamS2S::from_envelope(&envelope).unwrap(), req);
    }
    let json = serde_json::to_value(&req).unwrap();
    assert_eq!(json["transKey"], AMAZON_ORDER_REFERENCE);
    let back: CallPagamS2S = serde_json::from_value(json).unwrap();
    assert_eq!(back, req);
}

#[test]
fn amazon_pay_recurring_token_charge_builds() {
    let req = CallPagamS2S::new("9000002", EUR, eur(999), "SUB-7")
        .amazon_pay_recurring("C01-8824045-7403487")
        .recurrent(true);
    ok(&req);
    let xml = body(&req);
    in_order(&xml, &["tokenValue", "recurrent", "paymentTypes"]);
    assert!(!xml.contains("transKey"));
    assert_eq!(CallPagamS2S::from_envelope(xml.as_bytes()).unwrap(), req);
}

#[test]
fn the_2018_amazon_pay_example_loses_its_bare_payment_type() {
    // The 2018 docs put <paymentType> directly under callPagamS2S: no schema has that element,
    // so the gateway (and this parser) ignore it, and only a bare transKey remains.
    let doc = br#"<callPagamS2S>
        <shopLogin>9000002</shopLogin><uicCode>242</uicCode><amount>24.21</amount>
        <shopTransactionId>MYSHOP-0001</shopTransactionId>
        <paymentType>AMAZONPAY</paymentType>
        <transKey>123456789sdfasdgdgf...</transKey>
    </callPagamS2S>"#;
    let req = CallPagamS2S::from_xml(doc).unwrap();
    assert!(req.payment_types.is_empty());
    fails(&req, "missing_field", "cardNumber");
}

#[test]
fn token_and_card_and_wallet_payments_build() {
    ok(&pagam().token("ABCD12345678EFGD"));
    ok(&card_pagam()
        .cvv("123")
        .request_token(RequestToken::masked_pan()));
    ok(&pagam().apple_pay(ApplePayRequest {
        apple_pay_pk_payment_token: Some(Secret::new("{\"paymentData\":{}}")),
        ..Default::default()
    }));
    ok(&pagam().google_pay(GooglePayRequest {
        tokenization_data: Some(TokenizationData {
            token: Some(Secret::new("{}")),
        }),
    }));
}

#[test]
fn three_ds_second_call_builds_with_or_without_the_card() {
    let second = pagam().three_ds_second_call("230716105810352201", "eJzVWFmTokgQfp");
    ok(&second);
    in_order(&body(&second), &["shopTransactionId", "transKey", "PARes"]);
    ok(&card_pagam().three_ds_second_call("230716105810352201", "eJzVWFmTokgQfp"));
    ok(&pagam()
        .token("ABCD12345678EFGD")
        .three_ds_second_call("230716105810352201", "eJzVWFmTokgQfp"));
}

// --- payment means (callPagamS2S) -----------------------------------------------------------

#[test]
fn card_data_and_token_conflict() {
    let err = fails(
        &card_pagam().token("ABCD12345678EFGD"),
        "conflicting_fields",
        "tokenValue",
    );
    assert!(err.to_string().contains("card data XOR token"), "{err}");
}

#[test]
fn no_payment_means_is_missing_card_number() {
    let err = fails(&pagam(), "missing_field", "cardNumber");
    let msg = err.to_string();
    for alternative in ["tokenValue", "applePay", "googlePay", "AMAZONPAY", "PARes"] {
        assert!(msg.contains(alternative), "{msg}");
    }
    // AMAZONPAY without the order reference, or a transKey without AMAZONPAY nor PARes.
    fails(
        &pagam().payment_types([PaymentType::AMAZONPAY]),
        "missing_field",
        "cardNumber",
    );
    let mut bare_key = pagam();
    bare_key.trans_key = Some(AMAZON_ORDER_REFERENCE.into());
    fails(&bare_key, "missing_field", "cardNumber");
}

#[test]
fn incomplete_card_data_names_the_missing_part() {
    let mut req = card_pagam();
    req.expiry_year = None;
    fails(&req, "missing_field", "expiryYear");
    let mut req = card_pagam();
    req.expiry_month = None;
    fails(&req, "missing_field", "expiryMonth");
    let mut req = card_pagam();
    req.card_number = None;
    fails(&req, "missing_field", "cardNumber");
}

#[test]
fn two_payment_means_conflict() {
    let apple = ApplePayRequest {
        apple_pay_pk_payment_token: Some(Secret::new("{}")),
        ..Default::default()
    };
    fails(
        &card_pagam().apple_pay(apple),
        "conflicting_fields",
        "applePay",
    );
    let google = GooglePayRequest::default();
    fails(
        &pagam().token("T").google_pay(google),
        "conflicting_fields",
        "googlePay",
    );
    let mut amazon_and_card = card_pagam();
    amazon_and_card.payment_types = vec![PaymentType::AMAZONPAY];
    amazon_and_card.trans_key = Some(AMAZON_ORDER_REFERENCE.into());
    fails(&amazon_and_card, "conflicting_fields", "transKey");
}

#[test]
fn pares_needs_the_trans_key() {
    let mut req = card_pagam();
    req.pa_res = Some(Secret::new("eJzVWFmTokgQfp"));
    fails(&req, "missing_field", "transKey");
}

#[test]
fn amazon_order_reference_is_free_text() {
    for reference in [
        AMAZON_ORDER_REFERENCE,
        "P01-1234567-1234567",
        "S02-0319513-4657042-X9",
    ] {
        ok(&pagam().amazon_pay_order_reference(reference));
    }
}

// --- mandatory fields -------------------------------------------------------------------------

#[test]
fn pagam_mandatory_fields() {
    let mut req = card_pagam();
    req.shop_login.clear();
    fails(&req, "missing_field", "shopLogin");
    let mut req = card_pagam();
    req.uic_code = None;
    fails(&req, "missing_field", "uicCode");
    let mut req = card_pagam();
    req.amount = None;
    fails(&req, "missing_field", "amount");
    let mut req = card_pagam();
    req.shop_transaction_id.clear();
    fails(&req, "missing_field", "shopTransactionId");
}

#[test]
fn settle_and_refund_mandatory_fields() {
    let settle = CallSettleS2S::new("9000001", TransactionRef::bank("1"), EUR, eur(1));
    ok(&settle);
    let mut no_amount = settle.clone();
    no_amount.amount = None;
    fails(&no_amount, "missing_field", "amount");
    let mut no_currency = settle.clone();
    no_currency.uic_code = None;
    fails(&no_currency, "missing_field", "uicCode");
    let mut no_login = settle;
    no_login.shop_login.clear();
    fails(&no_login, "missing_field", "shopLogin");

    let refund = CallRefundS2S::new("9000001", TransactionRef::bank("1"), EUR, eur(1));
    ok(&refund);
    let mut no_amount = refund.clone();
    no_amount.amount = None;
    fails(&no_amount, "missing_field", "amount");
    let mut no_currency = refund;
    no_currency.uic_code = None;
    fails(&no_currency, "missing_field", "uicCode");
}

#[test]
fn at_least_one_transaction_id() {
    let settle = CallSettleS2S {
        shop_login: "9000001".into(),
        uic_code: Some(EUR),
        amount: Some(eur(1)),
        ..Default::default()
    };
    let err = fails(&settle, "missing_field", "bankTransID");
    assert!(err.to_string().contains("shopTransID"), "{err}");

    let delete = CallDeleteS2S {
        shop_login: "9000001".into(),
        ..Default::default()
    };
    let err = fails(&delete, "missing_field", "bankTransactionId");
    assert!(err.to_string().contains("shopTransactionId"), "{err}");

    let refund = CallRefundS2S {
        shop_login: "9000001".into(),
        uic_code: Some(EUR),
        amount: Some(eur(1)),
        ..Default::default()
    };
    fails(&refund, "missing_field", "bankTransactionId");

    let read = CallReadTrxS2S {
        shop_login: "9000001".into(),
        shop_transaction_id: Some(gestpay::Text::default()),
        ..Default::default()
    };
    fails(&read, "missing_field", "bankTransactionId");

    let update = CallUpdateOrderS2S {
        shop_login: "9000001".into(),
        order_details: Some(order_details()),
        ..Default::default()
    };
    fails(&update, "missing_field", "bankTransactionId");

    let custom = CallUpdateCustomParamS2S {
        shop_login: "9000001".into(),
        param_name: "K".into(),
        ..Default::default()
    };
    fails(&custom, "missing_field", "bankTransactionId");

    // Either id alone, or both, is enough.
    ok(&CallReadTrxS2S::by_shop_transaction_id("9000001", "ORD-1"));
    ok(&CallReadTrxS2S::new(
        "9000001",
        TransactionRef::both("ORD-1", "1"),
    ));
}

fn order_details() -> OrderDetails {
    OrderDetails {
        customer_detail: Some(CustomerDetail {
            first_name: Some("Anna".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[test]
fn update_order_needs_order_details() {
    ok(&CallUpdateOrderS2S::new(
        "9000002",
        TransactionRef::bank("13675333225"),
        order_details(),
    ));
    let mut none = CallUpdateOrderS2S::new("9000002", TransactionRef::bank("1"), order_details());
    none.order_details = None;
    fails(&none, "missing_field", "OrderDetails");
    let empty = CallUpdateOrderS2S::new(
        "9000002",
        TransactionRef::bank("1"),
        OrderDetails::default(),
    );
    fails(&empty, "missing_field", "OrderDetails");
    // The docs example has a placeholder instead of the order data: it is not a valid call.
    let docs = br#"<CallUpdateOrderS2S>
      <shopLogin>9000002</shopLogin>
      <shopTransactionId>MYSHOP-0001</shopTransactionId>
      <bankTransactionId>13675333225</bankTransactionId>
      <OrderDetails>
        ... <!-- the OrderDetails object -->
      </OrderDetails>
    </CallUpdateOrderS2S>"#;
    let parsed = CallUpdateOrderS2S::from_xml(docs).unwrap();
    assert_eq!(parsed.bank_transaction_id.as_deref(), Some("13675333225"));
    fails(&parsed, "missing_field", "OrderDetails");
}

#[test]
fn card_and_token_calls_mandatory_fields() {
    let verify = CallVerifycardS2S::new("9000001", "T-1", "4111111111111111", "12", "29", "123");
    ok(&verify);
    let mut no_cvv = verify.clone();
    no_cvv.cvv2 = None;
    fails(&no_cvv, "missing_field", "CVV2");
    let mut no_number = verify.clone();
    no_number.card_number = None;
    fails(&no_number, "missing_field", "cardNumber");
    let mut no_id = verify;
    no_id.shop_transaction_id.clear();
    fails(&no_id, "missing_field", "shopTransactionId");

    let token = CallRequestTokenS2S::new(
        "9000001",
        RequestToken::masked_pan(),
        "4111111111111111",
        "12",
        "29",
        true,
    );
    ok(&token);
    let mut no_format = token.clone();
    no_format.request_token = None;
    fails(&no_format, "missing_field", "requestToken");
    let mut no_month = token.clone();
    no_month.expiry_month = None;
    fails(&no_month, "missing_field", "expiryMonth");
    let mut no_auth = token;
    no_auth.with_auth.clear();
    fails(&no_auth, "missing_field", "withAuth");

    let delete = CallDeleteTokenS2S::new("9000001", "TOKEN");
    ok(&delete);
    let mut no_token = delete.clone();
    no_token.token_value = Some(Secret::new(""));
    fails(&no_token, "missing_field", "tokenValue");
    let mut no_login = delete;
    no_login.shop_login.clear();
    fails(&no_login, "missing_field", "shopLogin");

    let update = CallUpdateTokenS2S::new("9000001", "TOKEN", "12", "29", false);
    ok(&update);
    let mut no_token = update.clone();
    no_token.token = None;
    fails(&no_token, "missing_field", "token");
    let mut no_flag = update;
    no_flag.with_aut.clear();
    fails(&no_flag, "missing_field", "withAut");
}

#[test]
fn check_carta_card_xor_token() {
    ok(&CallCheckCartaS2S::card(
        "9000001",
        "T-1",
        "4111111111111111",
        "12",
        "29",
        true,
    ));
    ok(&CallCheckCartaS2S::token(
        "9000001",
        "T-1",
        "ABCD12345678EFGD",
        false,
    ));
    let mut both = CallCheckCartaS2S::card("9000001", "T-1", "4111111111111111", "12", "29", true);
    both.token_value = Some(Secret::new("ABCD12345678EFGD"));
    fails(&both, "conflicting_fields", "tokenValue");
    let mut none = CallCheckCartaS2S::token("9000001", "T-1", "X", true);
    none.token_value = None;
    fails(&none, "missing_field", "cardNumber");
    let mut partial =
        CallCheckCartaS2S::card("9000001", "T-1", "4111111111111111", "12", "29", true);
    partial.exp_month = None;
    fails(&partial, "missing_field", "expMonth");
    let mut no_auth = CallCheckCartaS2S::token("9000001", "T-1", "X", true);
    no_auth.with_auth.clear();
    fails(&no_auth, "missing_field", "withAuth");
    let mut no_id = CallCheckCartaS2S::token("9000001", "T-1", "X", true);
    no_id.shop_transaction_id.clear();
    fails(&no_id, "missing_field", "shopTransactionId");
}

#[test]
fn lists_and_exchange_rate_rules() {
    ok(&CallIdealListS2S::new("900000001").api_key("k"));
    fails(&CallIdealListS2S::new(""), "missing_field", "shopLogin");
    ok(&CallMyBankListS2S::new("900000001", Language::ITALIAN));
    let mut no_language = CallMyBankListS2S::new("900000001", Language::ENGLISH);
    no_language.language_id = None;
    fails(&no_language, "missing_field", "languageId");

    ok(&CallExchangeRateS2S::new("9000001", Currency::USD));
    ok(&CallExchangeRateS2S::by_iso_code("9000001", "USD"));
    let numeric_only = CallExchangeRateS2S {
        shop_login: "9000001".into(),
        numeric_iso_code: Some("840".into()),
        ..Default::default()
    };
    ok(&numeric_only);
    let none = CallExchangeRateS2S {
        shop_login: "9000001".into(),
        iso_code: Some(gestpay::Text::default()),
        ..Default::default()
    };
    let err = fails(&none, "missing_field", "uicCode");
    assert!(err.to_string().contains("numericIsoCode"), "{err}");
}

// --- formats --------------------------------------------------------------------------------

#[test]
fn yes_no_flags() {
    let mut check = CallCheckCartaS2S::token("9000001", "T-1", "X", true);
    assert_eq!(check.with_auth, "Y");
    for bad in ["y", "1", "S"] {
        check.with_auth = bad.into();
        fails(&check, "invalid_format", "withAuth");
    }
    let mut token = CallRequestTokenS2S::new(
        "9000001",
        RequestToken::masked_pan(),
        "4111111111111111",
        "12",
        "29",
        false,
    );
    token.with_auth = "n".into();
    fails(&token, "invalid_format", "withAuth");
    let mut update = CallUpdateTokenS2S::new("9000001", "TOKEN", "12", "29", true);
    assert_eq!(update.with_aut, "Y");
    update.with_aut = "X".into();
    fails(&update, "invalid_format", "withAut");
    let mut refund = CallRefundS2S::new("9000001", TransactionRef::bank("1"), EUR, eur(1));
    refund.charge_back_fraud = Some("F".into());
    fails(&refund, "invalid_format", "chargeBackFraud");
    ok(&refund.charge_back_fraud(true));
}

#[test]
fn recurrent_is_true_or_false() {
    ok(&card_pagam().recurrent(true));
    ok(&card_pagam().recurrent(false));
    let mut req = card_pagam();
    req.recurrent = Some("yes".into());
    fails(&req, "invalid_format", "recurrent");
    req.recurrent = Some("TRUE".into());
    fails(&req, "invalid_format", "recurrent");
}

#[test]
fn months_and_years_are_two_digits() {
    fails(
        &pagam().card("4111111111111111", "6", "29"),
        "invalid_format",
        "expiryMonth",
    );
    fails(
        &pagam().card("4111111111111111", "06", "2029"),
        "invalid_format",
        "expiryYear",
    );
    fails(
        &CallCheckCartaS2S::card("9000001", "T", "4111111111111111", "1a", "29", true),
        "invalid_format",
        "expMonth",
    );
    fails(
        &CallVerifycardS2S::new("9000001", "T", "4111111111111111", "12", "9", "123"),
        "invalid_format",
        "expYear",
    );
    fails(
        &CallRequestTokenS2S::new(
            "9000001",
            RequestToken::masked_pan(),
            "4111111111111111",
            "13x",
            "29",
            true,
        ),
        "invalid_format",
        "expiryMonth",
    );
    fails(
        &CallUpdateTokenS2S::new("9000001", "TOKEN", "12", "", true),
        "missing_field",
        "expiryYear",
    );
    fails(
        &CallUpdateTokenS2S::new("9000001", "TOKEN", "12", "3", true),
        "invalid_format",
        "expiryYear",
    );
}

#[test]
fn amounts_follow_the_gateway_rules() {
    let three_decimals = Amount::parse("10.125").unwrap();
    fails(
        &CallPagamS2S::new("9000001", EUR, three_decimals, "ORD-1").token("T"),
        "invalid_amount",
        "amount",
    );
    let yen_decimals = Amount::parse("100.5").unwrap();
    fails(
        &CallSettleS2S::new(
            "9000001",
            TransactionRef::bank("1"),
            Currency::JPY,
            yen_decimals,
        ),
        "invalid_amount",
        "amount",
    );
    let too_long = Amount::parse("1234567.89").unwrap();
    fails(
        &CallRefundS2S::new("9000001", TransactionRef::bank("1"), EUR, too_long),
        "invalid_amount",
        "amount",
    );
}

#[test]
fn execution_date_is_yyyymmdd() {
    ok(&pagam().token("SEPA-1").execution_date("20200828"));
    fails(
        &pagam().token("SEPA-1").execution_date("2020828"),
        "invalid_format",
        "executionDate",
    );
    fails(
        &pagam().token("SEPA-1").execution_date("2020-8-2"),
        "invalid_format",
        "executionDate",
    );
    // Ten characters: the format rule reports before the length rule.
    fails(
        &pagam().token("SEPA-1").execution_date("2020-08-28"),
        "invalid_format",
        "executionDate",
    );
}

#[test]
fn trans_details_type_is_an_s2s_type() {
    for t in ["01F", "01N", "03F", "03N", "08", "09", "EC", "NPA", ""] {
        let td = TransDetails {
            r#type: Some(t.into()),
            ..Default::default()
        };
        ok(&card_pagam().trans_details(td));
    }
    for t in ["02F", "1F", "ec"] {
        let td = TransDetails {
            r#type: Some(t.into()),
            ..Default::default()
        };
        fails(
            &card_pagam().trans_details(td),
            "invalid_format",
            "transDetails/type",
        );
    }
    let td = TransDetails {
        authentication_amount: Some("12,50".into()),
        ..Default::default()
    };
    fails(
        &card_pagam().trans_details(td),
        "invalid_amount",
        "transDetails/authenticationAmount",
    );
}

#[test]
fn item_type_is_digital_or_physical() {
    for t in ["digital", "physical", "Digital", "PHYSICAL"] {
        ok(&card_pagam().item_type(t));
    }
    fails(
        &card_pagam().item_type("virtual"),
        "invalid_format",
        "itemType",
    );
}

#[test]
fn custom_info_is_validated() {
    ok(&card_pagam().custom_info(CustomInfo::new().with("BV_CODCLIENTE", "12")));
    fails(
        &card_pagam().custom_info(CustomInfo::new().with("NOTE", "two words")),
        "forbidden_character",
        "customInfo[0].value",
    );
}

#[test]
fn request_token_format_length() {
    fails(
        &card_pagam().request_token(RequestToken::custom("M".repeat(26))),
        "too_long",
        "requestToken",
    );
    fails(
        &card_pagam().request_token(RequestToken::custom("")),
        "missing_field",
        "requestToken",
    );
    ok(&card_pagam().request_token(RequestToken::custom("M".repeat(25)).forced()));
}

#[test]
fn documented_lengths() {
    fails(
        &pagam().card("4".repeat(51), "12", "29"),
        "too_long",
        "cardNumber",
    );
    ok(&pagam().card("4".repeat(50), "12", "29"));
    fails(
        &CallCheckCartaS2S::card("9000001", "T", "4".repeat(21), "12", "29", true),
        "too_long",
        "cardNumber",
    );
    fails(&pagam().token("T".repeat(26)), "too_long", "tokenValue");
    fails(
        &CallReadTrxS2S::by_bank_transaction_id("9000001", "1".repeat(19)),
        "too_long",
        "bankTransactionId",
    );
    // UpdateOrder documents 50 for bankTransactionId.
    ok(&CallUpdateOrderS2S::new(
        "9000002",
        TransactionRef::bank("1".repeat(50)),
        order_details(),
    ));
    fails(
        &CallDeleteS2S::new("9000001", TransactionRef::bank("1")).cancel_reason("x".repeat(51)),
        "too_long",
        "CancelReason",
    );
    fails(
        &CallIdealListS2S::new("9".repeat(31)),
        "too_long",
        "shopLogin",
    );
}

#[test]
fn values_the_gateway_accepts_are_accepted() {
    let req = card_pagam()
        .buyer("Maria Luisa De Santis-Rossi", ":NOSEND:maria@example.it")
        .client_ip("2001:db8::1");
    ok(&req);
    assert!(body(&req).contains("<buyerEmail>:NOSEND:maria@example.it</buyerEmail>"));
    ok(&CallDeleteS2S::new("9000001", TransactionRef::bank("1"))
        .cancel_reason("potential fraud, see notes"));
    ok(
        &CallRefundS2S::new("9000001", TransactionRef::shop("ORD 1/2"), EUR, eur(1))
            .reason("item out of stock"),
    );
}

// --- secrets --------------------------------------------------------------------------------

const SECRETS: [&str; 7] = [
    "4929123412341234",
    "SuperSecretApiKey",
    "987",
    "PaResSecretBlob",
    "TokenSecret77",
    "TrackTwoSecret",
    "ApplePaySecretJson",
];

fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "secret {secret} leaked in: {text}");
    }
}

#[test]
fn secrets_never_appear_in_debug_or_errors() {
    let req = pagam()
        .card("4929123412341234", "12", "29")
        .cvv("987")
        .three_ds_second_call("230716105810352201", "PaResSecretBlob")
        .api_key("SuperSecretApiKey");
    assert_no_secret(&format!("{req:?}"));

    // Card and token together: the error names the fields, not the values.
    let both = req.clone().token("TokenSecret77");
    let err = both.validate().unwrap_err();
    assert_eq!(err.code(), "conflicting_fields");
    assert_no_secret(&format!("{err}"));
    assert_no_secret(&format!("{err:?}"));
    assert_no_secret(&format!("{both:?}"));

    // Malformed secrets: month/year, over-long card number and token.
    let bad_month = pagam().card("4929123412341234", "987", "29");
    let err = fails(&bad_month, "invalid_format", "expiryMonth");
    assert_no_secret(&format!("{err}"));
    let long = format!("{}{}", "4929123412341234", "0".repeat(40));
    let err = fails(
        &pagam().card(long.as_str(), "12", "29"),
        "too_long",
        "cardNumber",
    );
    assert_no_secret(&format!("{err}"));
    assert!(!format!("{err}").contains(&long));
    let long_token = format!("TokenSecret77{}", "x".repeat(20));
    let err = fails(
        &pagam().token(long_token.as_str()),
        "too_long",
        "tokenValue",
    );
    assert_no_secret(&format!("{err}"));

    let check = CallCheckCartaS2S::card("9000001", "T", "4929123412341234", "98", "7", true)
        .cvv2("987")
        .api_key("SuperSecretApiKey");
    assert_no_secret(&format!("{check:?}"));
    let err = fails(&check, "invalid_format", "expYear");
    assert_no_secret(&format!("{err}"));

    let tokens: Vec<Box<dyn std::fmt::Debug>> = vec![
        Box::new(
            CallRequestTokenS2S::new(
                "9000001",
                RequestToken::masked_pan(),
                "4929123412341234",
                "12",
                "29",
                true,
            )
            .cvv("987"),
        ),
        Box::new(CallDeleteTokenS2S::new("9000001", "TokenSecret77").api_key("SuperSecretApiKey")),
        Box::new(CallUpdateTokenS2S::new(
            "9000001",
            "TokenSecret77",
            "12",
            "29",
            true,
        )),
        Box::new(CallVerifycardS2S::new(
            "9000001",
            "T",
            "4929123412341234",
            "12",
            "29",
            "987",
        )),
        Box::new(pagam().apple_pay(ApplePayRequest {
            apple_pay_pk_payment_token: Some(Secret::new("ApplePaySecretJson")),
            ..Default::default()
        })),
        Box::new(
            CallReadTrxS2S::by_bank_transaction_id("9000001", "1").api_key("SuperSecretApiKey"),
        ),
    ];
    for req in tokens {
        assert_no_secret(&format!("{req:?}"));
    }
    let err = CallUpdateTokenS2S::new("9000001", "TokenSecret77", "987", "29", true)
        .validate()
        .unwrap_err();
    assert_eq!(err.field(), Some("expiryMonth"));
    assert_no_secret(&format!("{err}"));
}

#[test]
fn http_request_debug_redacts_the_body() {
    let call = pagam()
        .card("4929123412341234", "12", "29")
        .api_key("SuperSecretApiKey")
        .to_http(&Environment::Test, SoapVersion::Soap11)
        .unwrap();
    assert_no_secret(&format!("{call:?}"));
    // … but the body carries them, of course.
    let body = String::from_utf8(call.body).unwrap();
    assert!(body.contains("<cardNumber>4929123412341234</cardNumber>"));
    assert!(body.contains("<apikey>SuperSecretApiKey</apikey>"));
}

// --- round trips ----------------------------------------------------------------------------

#[test]
fn every_request_round_trips_through_its_envelope() {
    fn round<R: Request + PartialEq + std::fmt::Debug>(req: R) {
        req.validate().unwrap();
        for version in [SoapVersion::Soap11, SoapVersion::Soap12] {
            let envelope = req.to_envelope(version).unwrap();
            assert_eq!(R::from_envelope(&envelope).unwrap(), req);
        }
    }
    round(
        card_pagam()
            .cvv("123")
            .buyer("Anna Verdi", "anna@example.it")
            .language(Language::ENGLISH)
            .custom_info(CustomInfo::new().with("A", "1"))
            .request_token(RequestToken::masked_pan().forced())
            .client_ip("1.2.3.4")
            .item_type("digital")
            .recurrent(false)
            .order_details(order_details())
            .trans_details(TransDetails {
                r#type: Some("EC".into()),
                ..Default::default()
            })
            .api_key("k"),
    );
    round(
        CallSettleS2S::new("9000001", TransactionRef::both("S", "1"), EUR, eur(100))
            .settlement_id("X")
            .api_key("k"),
    );
    round(CallDeleteS2S::new("9000001", TransactionRef::bank("1")).cancel_reason("r"));
    round(
        CallRefundS2S::new("9000001", TransactionRef::shop("S"), EUR, eur(1))
            .products([ProductDetail {
                sku: Some("A".into()),
                ..Default::default()
            }])
            .charge_back_fraud(true),
    );
    round(CallReadTrxS2S::by_bank_transaction_id("9000001", "1"));
    round(
        CallCheckCartaS2S::card("9000001", "T", "4111111111111111", "12", "29", true).cvv2("123"),
    );
    round(CallVerifycardS2S::new(
        "9000001",
        "T",
        "4111111111111111",
        "12",
        "29",
        "123",
    ));
    round(CallRenounce::new());
    round(CallRequestTokenS2S::new(
        "9000001",
        RequestToken::custom("F"),
        "4111111111111111",
        "12",
        "29",
        true,
    ));
    round(CallDeleteTokenS2S::new("9000001", "T"));
    round(CallUpdateTokenS2S::new("9000001", "T", "12", "29", false));
    round(CallIdealListS2S::new("9000001"));
    round(CallMyBankListS2S::new("9000001", Language::GERMAN));
    round(CallUpdateCustomParamS2S::new(
        "9000001",
        TransactionRef::bank("1"),
        "K",
        "V",
    ));
    round(CallUpdateOrderS2S::new(
        "9000001",
        TransactionRef::bank("1"),
        order_details(),
    ));
    round(CallExchangeRateS2S::new("9000001", Currency::USD).with_iso_codes());
    round(CallDeviceActivation::new("TERM-1"));
}
