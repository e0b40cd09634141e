//! The deterministic scenarios of docs/emulator.md: `KO-` and `.13` decline, `XX-` stays
//! pending until resolved, `FAULT-` answers a SOAP fault, `SLOW-` answers late.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{Gateway, SHOP, V11, V12, next_notification, notification_endpoint};
use gestpay::prelude::*;
use gestpay::s2s::*;
use gestpay::{Error, codes::TransactionState};
use gestpay_emulator::Config;

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, Currency::EUR)
}

fn s2s_pay(gw: &Gateway, id: &str, minor: u64) -> GestPayS2S {
    let req =
        CallPagamS2S::new(SHOP, Currency::EUR, eur(minor), id).card("4111111111111111", "12", "30");
    gw.call(&req, V11).0
}

fn page_pay(gw: &Gateway, id: &str, minor: u64) -> String {
    let b = gw.encrypt(&Encrypt::new(SHOP, Currency::EUR, eur(minor), id));
    gw.pay_by_card(&b, "4111111111111111")
}

#[test]
fn ko_prefix_declines_with_74_or_the_code_given() {
    let gw = Gateway::default();
    let d = gw.decrypt(&page_pay(&gw, "KO-ORDER-1", 1_000), V11);
    let declined = d.declined().unwrap();
    assert_eq!(declined.error_code, Some(74));
    assert_eq!(declined.known_description, Some("Authorization denied"));
    let d = gw.decrypt(&page_pay(&gw, "ko-1143-ORDER-2", 1_000), V11);
    assert_eq!(d.error_code, Some(1143));
    // An undocumented code falls back to 74.
    let d = gw.decrypt(&page_pay(&gw, "KO-123456-ORDER-3", 1_000), V11);
    assert_eq!(d.error_code, Some(74));
    let paid = s2s_pay(&gw, "KO-ORDER-4", 1_000);
    assert_eq!(paid.declined().unwrap().error_code, Some(74));
    assert!(matches!(
        paid.into_result(),
        Err(Error::Declined(d)) if d.error_code == Some(74)
    ));
}

#[test]
fn an_amount_ending_in_13_cents_is_declined() {
    let gw = Gateway::default();
    let d = gw.decrypt(&page_pay(&gw, "ORD-13-1", 1_013), V11);
    assert_eq!(d.error_code, Some(74));
    assert_eq!(s2s_pay(&gw, "ORD-13-2", 113).error_code, Some(74));
    assert!(s2s_pay(&gw, "ORD-13-3", 1_300).is_ok());
    assert!(s2s_pay(&gw, "ORD-13-4", 1_031).is_ok());
}

/// POSTs to the resolve endpoint: (status, body).
fn resolve(gw: &Gateway, bank: &str, query: &str) -> (u16, String) {
    let r = gw.post_raw(
        &format!("/emulator/transactions/{bank}/resolve?{query}"),
        &[],
        b"",
    );
    (r.status, r.text())
}

#[test]
fn xx_prefix_stays_pending_until_resolved_ok() {
    let (notify_url, notifications) = notification_endpoint();
    let gw = Gateway::start(Config {
        notify_url: Some(notify_url),
        success_url: Some("https://shop.example/ok".into()),
        failure_url: Some("https://shop.example/ko".into()),
        ..Config::default()
    });
    let location = page_pay(&gw, "XX-MYBANK-1", 15_000);
    // Pending goes to the positive URL; the merchant must not ship yet.
    assert!(
        location.starts_with("https://shop.example/ok?"),
        "{location}"
    );
    next_notification(&notifications);
    let d = gw.decrypt(&location, V11);
    assert!(d.is_pending(), "{d:?}");
    assert_eq!(d.authorization_code, None);
    assert_eq!(
        d.error_description.as_deref(),
        Some("Transazione in attesa di esito")
    );
    let bank = d.bank_transaction_id.unwrap();
    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), V12)
        .0;
    assert_eq!(read.transaction_result, Some(TransactionResult::Pending));
    assert_eq!(read.transaction_state, None);
    assert!(read.events.is_empty());
    // Reading again changes nothing: only the resolve endpoint does.
    let again = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), V11)
        .0;
    assert!(again.is_pending());
    // A pending payment can be neither settled nor refunded.
    let refund = CallRefundS2S::new(SHOP, TransactionRef::bank(&bank), Currency::EUR, eur(1));
    assert_eq!(gw.call(&refund, V11).0.error_code, Some(2018));

    let (status, body) = resolve(&gw, &bank, "result=OK");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""transactionResult":"OK""#), "{body}");
    // The shop is notified with a new b, which decrypts to the final outcome; so does the old.
    let notified = next_notification(&notifications);
    let d = gw.decrypt(&notified, V11);
    assert!(d.is_ok(), "{d:?}");
    assert_eq!(d.bank_transaction_id.as_deref(), Some(bank.as_str()));
    assert!(gw.decrypt(&location, V11).is_ok());
    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), V11)
        .0;
    assert!(read.is_ok());
    assert_eq!(read.transaction_state, Some(TransactionState::Mov));
    assert_eq!(read.events.len(), 2);
    // Resolved once: not again.
    assert_eq!(resolve(&gw, &bank, "result=KO").0, 409);
}

#[test]
fn xx_resolved_ko_and_resolve_errors() {
    let gw = Gateway::default();
    let paid = s2s_pay(&gw, "XX-S2S-1", 2_000);
    assert_eq!(paid.transaction_result, Some(TransactionResult::Pending));
    let bank = paid.bank_transaction_id.unwrap();
    assert_eq!(resolve(&gw, &bank, "result=maybe").0, 400);
    // An error code the table does not have, 0, or not a number: refused, never a silent 74.
    for code in ["abc", "0", "999999", ""] {
        assert_eq!(
            resolve(&gw, &bank, &format!("result=KO&errorCode={code}")).0,
            400,
            "{code}"
        );
    }
    assert_eq!(resolve(&gw, "1", "result=OK").0, 404);
    let r = gw.post_raw(
        &format!("/emulator/transactions/{bank}/resolve"),
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"result=KO&errorCode=1143",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let read = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, &bank), V11)
        .0;
    assert_eq!(read.declined().unwrap().error_code, Some(1143));
    assert_eq!(
        gw.get(&format!("/emulator/transactions/{bank}/resolve"))
            .status,
        405
    );
    assert_eq!(gw.get("/emulator/nothing").status, 404);
    // A transaction that never was pending cannot be resolved.
    let ok = s2s_pay(&gw, "ORD-OK-1", 2_000).bank_transaction_id.unwrap();
    assert_eq!(resolve(&gw, &ok, "result=OK").0, 409);
}

#[test]
fn fault_prefix_answers_a_soap_fault_with_http_500() {
    let gw = Gateway::default();
    for v in [V11, V12] {
        let encrypt = Encrypt::new(SHOP, Currency::EUR, eur(100), "FAULT-1");
        let raw = gw.exchange(&encrypt, v);
        assert_eq!(raw.status, 500);
        match gw.try_call(&encrypt, v) {
            Err(Error::Fault(f)) => {
                assert_eq!(f.version, v);
                assert!(
                    f.code.ends_with(":Server") || f.code.ends_with(":Receiver"),
                    "{f:?}"
                );
            }
            other => panic!("expected a fault, got {other:?}"),
        }
        let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(100), "fault-2").card(
            "4111111111111111",
            "12",
            "30",
        );
        assert!(matches!(gw.try_call(&pay, v), Err(Error::Fault(_))));
        let settle = CallSettleS2S::new(
            SHOP,
            TransactionRef::shop("FAULT-3"),
            Currency::EUR,
            eur(100),
        );
        assert!(matches!(gw.try_call(&settle, v), Err(Error::Fault(_))));
    }
    // Any request naming a FAULT- shopTransactionId faults, a read included.
    let read = CallReadTrxS2S::by_shop_transaction_id(SHOP, "fault-2");
    assert!(matches!(gw.try_call(&read, V11), Err(Error::Fault(_))));
}

#[test]
fn slow_prefix_trips_a_client_timeout_but_the_payment_happens() {
    let gw = Gateway::start(Config {
        slow_delay: Duration::from_secs(1),
        ..Config::default()
    });
    let impatient = common::agent(Duration::from_millis(150));
    let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(100), "SLOW-1").card(
        "4111111111111111",
        "12",
        "30",
    );
    let err = gw.exchange_with(&impatient, &pay, V11).unwrap_err();
    assert!(matches!(err, ureq::Error::Timeout(_)), "{err:?}");
    // Other requests are not held up meanwhile.
    let quick = Encrypt::new(SHOP, Currency::EUR, eur(100), "QUICK-1");
    assert!(gw.exchange_with(&impatient, &quick, V11).is_ok());
    // The payment went through: a patient read (slow too, by its id) finds it.
    let read = gw
        .call(&CallReadTrxS2S::by_shop_transaction_id(SHOP, "SLOW-1"), V11)
        .0;
    assert!(read.is_ok(), "{read:?}");
}

#[test]
fn slow_prefix_still_answers_a_patient_client() {
    let gw = Gateway::start(Config {
        slow_delay: Duration::from_millis(50),
        ..Config::default()
    });
    let paid = s2s_pay(&gw, "SLOW-2", 100);
    assert!(paid.is_ok(), "{paid:?}");
}
