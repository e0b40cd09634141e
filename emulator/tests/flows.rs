//! The browser side as a merchant sees it: Encrypt → payment page (card, Amazon Pay) → redirect
//! to the positive or negative URL with `a` and `b` → Decrypt; the server-to-server
//! notification; Amazon Pay through callPagamS2S and the recurring charge on the agreement.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::{Gateway, SHOP, V11, V12, next_notification, notification_endpoint};
use gestpay::prelude::*;
use gestpay::s2s::*;
use gestpay_emulator::{Config, DECLINED_CARD};

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, Currency::EUR)
}

fn card_payment(id: &str, minor: u64) -> Encrypt {
    Encrypt::new(SHOP, Currency::EUR, eur(minor), id).buyer("Mario Rossi", "mario@example.it")
}

#[test]
fn card_payment_on_the_page_decrypts_ok_at_the_default_merchant_page() {
    let gw = Gateway::default();
    let b = gw.encrypt(&card_payment("ORD-CARD-1", 12_345));
    let location = gw.pay_by_card(&b, "4111 1111 1111 1111");
    assert!(
        location.starts_with("/merchant/response?a=GESPAY65987&b="),
        "{location}"
    );
    let merchant = gw.get(&location);
    assert_eq!(merchant.status, 200);
    assert!(merchant.text().contains("Back at the merchant"));
    for v in [V11, V12] {
        let d = gw.decrypt(&location, v);
        assert!(d.is_ok(), "{d:?}");
        assert_eq!(d.amount, Some(eur(12_345)));
        assert_eq!(d.currency, Some(Currency::EUR));
        assert_eq!(d.payment_method.as_deref(), Some("CREDITCARD"));
        assert_eq!(d.buyer.unwrap().buyer_name.as_deref(), Some("Mario Rossi"));
        assert_eq!(d.authorization_code.unwrap().len(), 6);
    }
    // The page cannot be used twice.
    let again = gw.get(&format!("/pagam/pagam.aspx?a={SHOP}&b={b}"));
    assert_eq!(again.status, 400);
}

#[test]
fn positive_and_negative_urls() {
    let gw = Gateway::start(Config {
        merchant_url: Some("https://shop.example/back".into()),
        success_url: Some("https://shop.example/ok?lang=it".into()),
        failure_url: Some("https://shop.example/ko".into()),
        ..Config::default()
    });
    let ok = gw.pay_by_card(
        &gw.encrypt(&card_payment("ORD-URL-1", 1_000)),
        "4111111111111111",
    );
    assert!(
        ok.starts_with("https://shop.example/ok?lang=it&a=GESPAY65987&b="),
        "{ok}"
    );
    assert!(gw.decrypt(&ok, V11).is_ok());

    let declined = gw.pay_by_card(
        &gw.encrypt(&card_payment("ORD-URL-2", 1_000)),
        DECLINED_CARD,
    );
    assert!(
        declined.starts_with("https://shop.example/ko?a="),
        "{declined}"
    );
    let d = gw.decrypt(&declined, V11);
    assert_eq!(d.declined().unwrap().error_code, Some(74));
    assert_eq!(d.authorization_code, None);

    // Abandoned on the card page: KO 1143 at the negative URL.
    let b = gw.encrypt(&card_payment("ORD-URL-3", 1_000));
    gw.open_page(&b);
    let r = gw.form("/pagam/card/cancel", &[("b", &b)]);
    let location = r.location.unwrap();
    assert!(
        location.starts_with("https://shop.example/ko?"),
        "{location}"
    );
    assert_eq!(gw.decrypt(&location, V11).error_code, Some(1143));

    // Only the merchant URL: both outcomes go there.
    let gw = Gateway::start(Config {
        merchant_url: Some("https://shop.example/back".into()),
        ..Config::default()
    });
    let declined = gw.pay_by_card(
        &gw.encrypt(&card_payment("ORD-URL-4", 1_000)),
        DECLINED_CARD,
    );
    assert!(
        declined.starts_with("https://shop.example/back?a="),
        "{declined}"
    );
}

#[test]
fn the_notification_url_receives_a_and_b() {
    let (notify_url, notifications) = notification_endpoint();
    let gw = Gateway::start(Config {
        notify_url: Some(notify_url),
        ..Config::default()
    });
    let location = gw.pay_by_card(
        &gw.encrypt(&card_payment("ORD-N-1", 2_500)),
        "4111111111111111",
    );
    let notified = next_notification(&notifications);
    assert!(
        notified.starts_with("/notify?a=GESPAY65987&b="),
        "{notified}"
    );
    let d = gw.decrypt(&notified, V11);
    assert!(d.is_ok(), "{d:?}");
    assert_eq!(d.shop_transaction_id.as_deref(), Some("ORD-N-1"));
    assert_eq!(
        d.bank_transaction_id,
        gw.decrypt(&location, V11).bank_transaction_id
    );
    // A declined payment is notified too.
    gw.pay_by_card(&gw.encrypt(&card_payment("ORD-N-2", 2_500)), DECLINED_CARD);
    let d = gw.decrypt(&next_notification(&notifications), V11);
    assert_eq!(d.error_code, Some(74));
}

#[test]
fn an_unreachable_notification_url_changes_nothing() {
    // A port nobody listens on: the notification fails in the background, logged on stderr.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/notify", closed.local_addr().unwrap());
    drop(closed);
    let gw = Gateway::start(Config {
        notify_url: Some(url),
        ..Config::default()
    });
    for i in 0..3 {
        let b = gw.encrypt(&card_payment(&format!("ORD-U-{i}"), 700));
        let location = gw.pay_by_card(&b, "4111111111111111");
        assert!(gw.decrypt(&location, V11).is_ok());
    }
}

#[test]
fn payment_page_errors() {
    let gw = Gateway::default();
    assert_eq!(gw.get("/pagam/pagam.aspx?a=GESPAY65987&b=NOPE").status, 400);
    let b = gw.encrypt(&card_payment("ORD-P-1", 100));
    assert_eq!(
        gw.get(&format!("/pagam/pagam.aspx?a=OTHERSHOP&b={b}"))
            .status,
        400
    );
    assert_eq!(gw.form("/pagam/card/pay", &[("b", "NOPE")]).status, 400);
    assert_eq!(
        gw.form("/pagam/amazonpay/signin", &[("b", "NOPE")]).status,
        400
    );
    // A Decrypt of an unknown string is a KO, not a fault.
    let cb = Callback::parse("a=GESPAY65987&b=UNKNOWN").unwrap();
    let d = gw.call(&Decrypt::from_callback(&cb), V11);
    assert_eq!(d.error_code, Some(1141));
    // A Decrypt by another shop does not see the payment.
    let location = gw.pay_by_card(&b, "4111111111111111");
    let cb = Callback::parse(&location).unwrap();
    let other = Decrypt::new("OTHERSHOP", cb.encrypted_string);
    assert_eq!(gw.call(&other, V11).error_code, Some(1141));
}

#[test]
fn amazon_pay_on_the_page_with_billing_agreement_then_recurring_charge() {
    let gw = Gateway::default();
    let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(4_990), "ORD-AMZ-1")
        .payment_types([PaymentType::AMAZONPAY])
        .amazon_pay_billing_agreement(AmazonPayBillingAgreement::PayNowAndRecurring);
    let b = gw.encrypt(&encrypt);
    // The second shipping address, the second card.
    let location = gw.pay_with_amazon(&b, "1", "1");
    let d = gw.decrypt(&location, V12);
    assert!(d.is_ok(), "{d:?}");
    assert_eq!(d.payment_method.as_deref(), Some("AMAZONPAY"));
    let token = d.token.clone().unwrap();
    assert!(token.expose().starts_with("B02-"));
    let bank = d.bank_transaction_id.clone().unwrap();

    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), V11)
        .0;
    assert_eq!(read.company.as_deref(), Some("AMAZONPAY"));
    let addresses = read.amazon_addresses().unwrap();
    assert_eq!(addresses.buyer_name.as_deref(), Some("Marco Rossi"));
    assert_eq!(
        addresses.buyer_email.as_deref(),
        Some("marco.rossi@example.it")
    );
    assert_eq!(addresses.shipping.unwrap().city.as_deref(), Some("Milano"));
    assert_eq!(addresses.billing.unwrap().city.as_deref(), Some("Roma"));
    let details = read.order_reference_details.unwrap();
    assert!(
        details
            .amazon_order_reference_id
            .unwrap()
            .starts_with("S02-")
    );

    let charge = CallPagamS2S::new(SHOP, Currency::EUR, eur(1_990), "ORD-AMZ-2")
        .amazon_pay_recurring(token)
        .recurrent(true);
    let paid = gw.call(&charge, V12).0;
    assert!(paid.is_ok(), "{paid:?}");
    assert_eq!(paid.amount, Some(eur(1_990)));
    assert_eq!(paid.payment_method.as_deref(), Some("AMAZONPAY"));
    let read = gw
        .call(
            &CallReadTrxS2S::by_bank_transaction_id(SHOP, paid.bank_transaction_id.unwrap()),
            V11,
        )
        .0;
    let details = read.order_reference_details.unwrap();
    assert_eq!(
        details
            .seller_order_attributes
            .unwrap()
            .seller_order_id
            .as_deref(),
        Some("ORD-AMZ-2")
    );
    // A token of another shop, or an unknown one, is not found.
    let unknown = CallPagamS2S::new(SHOP, Currency::EUR, eur(100), "ORD-AMZ-3")
        .amazon_pay_recurring("B02-0000000-0000000");
    assert_eq!(gw.call(&unknown, V11).0.error_code, Some(1165));
}

#[test]
fn amazon_pay_only_recurring_charges_nothing_and_cancel_is_abandoned() {
    let gw = Gateway::default();
    let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(100), "ORD-AMZ-ONLY")
        .payment_types([PaymentType::AMAZONPAY])
        .amazon_pay_billing_agreement(AmazonPayBillingAgreement::OnlyRecurring);
    let location = gw.pay_with_amazon(&gw.encrypt(&encrypt), "0", "0");
    let d = gw.decrypt(&location, V11);
    assert!(d.is_ok());
    assert!(d.token.is_some());
    assert_eq!(d.amount, Some(eur(0)));
    let read = gw
        .call(
            &CallReadTrxS2S::by_bank_transaction_id(SHOP, d.bank_transaction_id.unwrap()),
            V11,
        )
        .0;
    assert!(read.events.is_empty());

    let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(100), "ORD-AMZ-CANCEL")
        .payment_types([PaymentType::AMAZONPAY]);
    let b = gw.encrypt(&encrypt);
    gw.open_page(&b);
    let r = gw.form("/pagam/amazonpay/cancel", &[("b", &b)]);
    let d = gw.decrypt(&r.location.unwrap(), V11);
    assert_eq!(d.error_code, Some(1143));
    // The same Amazon Pay shopTransactionId cannot be used again.
    let again = gw.call(&encrypt, V11);
    assert_eq!(again.error_code, Some(1137));
}

#[test]
fn amazon_pay_through_call_pagam_with_an_order_reference() {
    let gw = Gateway::default();
    let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(3_000), "ORD-REF-1")
        .amazon_pay_order_reference("S02-0319513-4657042")
        .client_ip("192.0.2.10");
    let paid = gw.call(&pay, V11).0;
    assert!(paid.is_ok(), "{paid:?}");
    assert_eq!(
        paid.buyer.unwrap().buyer_email.as_deref(),
        Some("marco.rossi@example.it")
    );
    let read = gw
        .call(
            &CallReadTrxS2S::by_shop_transaction_id(SHOP, "ORD-REF-1"),
            V12,
        )
        .0;
    let details = read.order_reference_details.clone().unwrap();
    assert_eq!(
        details.amazon_order_reference_id.as_deref(),
        Some("S02-0319513-4657042")
    );
    let addresses = read.amazon_addresses().unwrap();
    assert_eq!(addresses.shipping.unwrap().city.as_deref(), Some("Roma"));
    assert_eq!(addresses.billing.unwrap().city.as_deref(), Some("Berlin"));
    // Amazon Pay needs a unique shopTransactionId.
    assert_eq!(gw.call(&pay, V11).0.error_code, Some(1137));
}

#[test]
fn the_amazon_order_state_is_configurable() {
    let mut config = Config::default();
    config.amazon.order_state = "Suspended".into();
    let gw = Gateway::start(config);
    let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(3_000), "ORD-STATE-1")
        .amazon_pay_order_reference("S02-1111111-2222222");
    let bank = gw.call(&pay, V11).0.bank_transaction_id.unwrap();
    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, bank), V11)
        .0;
    let status = read
        .order_reference_details
        .unwrap()
        .order_reference_status
        .unwrap();
    assert_eq!(status.state.unwrap().to_string(), "Suspended");
}
