//! The state machine of a transaction (authorise, settle, delete, refund, read: states, events,
//! amounts) and of tokens (request, use, check, update, delete).
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::{Gateway, SHOP, V11, V12};
use gestpay::codes::{EventType, TransactionState};
use gestpay::cryptdecrypt::RequestToken;
use gestpay::prelude::*;
use gestpay::s2s::*;
use gestpay_emulator::Config;

fn eur(minor: u64) -> Amount {
    Amount::from_minor(minor, Currency::EUR)
}

fn pay(gw: &Gateway, id: &str, minor: u64) -> String {
    let req =
        CallPagamS2S::new(SHOP, Currency::EUR, eur(minor), id).card("4111111111111111", "12", "30");
    let paid = gw.call(&req, V11).0;
    assert!(paid.is_ok(), "{paid:?}");
    paid.bank_transaction_id.unwrap().to_string()
}

fn read(gw: &Gateway, bank: &str) -> GestPayS2S {
    gw.call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, bank), V12)
        .0
}

fn events(r: &GestPayS2S) -> Vec<(EventType, Amount)> {
    r.events
        .iter()
        .map(|e| (e.event_type.clone().unwrap(), e.event_amount.unwrap()))
        .collect()
}

fn settle(gw: &Gateway, bank: &str, minor: u64) -> GestPayS2S {
    let req = CallSettleS2S::new(SHOP, TransactionRef::bank(bank), Currency::EUR, eur(minor));
    gw.call(&req, V11).0
}

fn refund(gw: &Gateway, bank: &str, minor: u64) -> GestPayS2S {
    let req = CallRefundS2S::new(SHOP, TransactionRef::bank(bank), Currency::EUR, eur(minor));
    gw.call(&req, V11).0
}

fn delete(gw: &Gateway, bank: &str) -> GestPayS2S {
    gw.call(&CallDeleteS2S::new(SHOP, TransactionRef::bank(bank)), V11)
        .0
}

#[test]
fn separate_settlement_settle_then_refund_partially_and_totally() {
    let gw = Gateway::start(Config {
        separate_settlement: true,
        ..Config::default()
    });
    let bank = pay(&gw, "LC-1", 10_000);
    let r = read(&gw, &bank);
    assert_eq!(r.transaction_state, Some(TransactionState::Aut));
    assert_eq!(events(&r), [(EventType::Aut, eur(10_000))]);
    // Nothing settled yet: no refund.
    assert_eq!(refund(&gw, &bank, 100).error_code, Some(2018));
    // More than authorised: 8014; then a real settlement.
    assert_eq!(settle(&gw, &bank, 10_001).error_code, Some(8014));
    let s = settle(&gw, &bank, 10_000);
    assert!(s.is_ok(), "{s:?}");
    assert_eq!(s.bank_transaction_id.as_deref(), Some(bank.as_str()));
    assert_eq!(s.shop_transaction_id.as_deref(), Some("LC-1"));
    // Settled once: not again, and not deletable.
    assert_eq!(settle(&gw, &bank, 1).error_code, Some(2019));
    assert_eq!(delete(&gw, &bank).error_code, Some(2017));
    let r = read(&gw, &bank);
    assert_eq!(r.transaction_state, Some(TransactionState::Mov));
    // Partial refund, over the balance, then the rest.
    assert!(refund(&gw, &bank, 2_500).is_ok());
    assert_eq!(refund(&gw, &bank, 7_501).error_code, Some(2014));
    assert!(refund(&gw, &bank, 7_500).is_ok());
    assert_eq!(refund(&gw, &bank, 1).error_code, Some(2014));
    let r = read(&gw, &bank);
    assert_eq!(r.transaction_state, Some(TransactionState::Sto));
    assert_eq!(
        events(&r),
        [
            (EventType::Aut, eur(10_000)),
            (EventType::Mov, eur(10_000)),
            (EventType::Sto, eur(2_500)),
            (EventType::Sto, eur(7_500)),
        ]
    );
    assert!(
        r.events
            .iter()
            .all(|e| e.event_id.is_some() && e.event_date.is_some())
    );
}

#[test]
fn separate_settlement_delete_cancels_an_authorisation() {
    let gw = Gateway::start(Config {
        separate_settlement: true,
        ..Config::default()
    });
    let bank = pay(&gw, "LC-2", 4_000);
    let d = delete(&gw, &bank);
    assert!(d.is_ok(), "{d:?}");
    let r = read(&gw, &bank);
    assert_eq!(r.transaction_state, Some(TransactionState::Can));
    assert_eq!(
        events(&r),
        [(EventType::Aut, eur(4_000)), (EventType::Can, eur(4_000))]
    );
    assert_eq!(delete(&gw, &bank).error_code, Some(2017));
    assert_eq!(settle(&gw, &bank, 4_000).error_code, Some(2019));
    assert_eq!(refund(&gw, &bank, 1).error_code, Some(2018));
}

#[test]
fn immediate_settlement_is_the_default() {
    let gw = Gateway::default();
    let bank = pay(&gw, "LC-3", 900);
    let r = read(&gw, &bank);
    assert_eq!(r.transaction_state, Some(TransactionState::Mov));
    assert_eq!(
        events(&r),
        [(EventType::Aut, eur(900)), (EventType::Mov, eur(900))]
    );
    assert_eq!(r.amount, Some(eur(900)));
    assert!(refund(&gw, &bank, 900).is_ok());
}

#[test]
fn lookups_by_shop_transaction_id() {
    let gw = Gateway::default();
    let bank = pay(&gw, "LC-DUP", 100);
    pay(&gw, "LC-UNIQUE", 100);
    let r = gw
        .call(
            &CallReadTrxS2S::by_shop_transaction_id(SHOP, "LC-UNIQUE"),
            V11,
        )
        .0;
    assert!(r.is_ok());
    pay(&gw, "LC-DUP", 200);
    let r = gw
        .call(&CallReadTrxS2S::by_shop_transaction_id(SHOP, "LC-DUP"), V11)
        .0;
    assert_eq!(r.error_code, Some(1144), "not unique: {r:?}");
    let both = CallReadTrxS2S::new(SHOP, TransactionRef::both("LC-DUP", &bank));
    assert!(gw.call(&both, V11).0.is_ok());
    let missing = gw
        .call(&CallReadTrxS2S::by_bank_transaction_id(SHOP, "1"), V11)
        .0;
    assert_eq!(missing.error_code, Some(2011));
    // Another shop does not see the transaction.
    let other = CallReadTrxS2S::by_bank_transaction_id("OTHERSHOP", &bank);
    assert_eq!(gw.call(&other, V11).0.error_code, Some(2011));
    for r in [settle(&gw, "1", 1), refund(&gw, "1", 1), delete(&gw, "1")] {
        assert_eq!(r.error_code, Some(2011), "{r:?}");
    }
}

#[test]
fn custom_parameters_are_updated() {
    let gw = Gateway::default();
    let bank = pay(&gw, "LC-CP", 100);
    let update = CallUpdateCustomParamS2S::new(SHOP, TransactionRef::bank(&bank), "ref", "A1");
    assert!(gw.call(&update, V11).0.is_ok());
    let update = CallUpdateCustomParamS2S::new(SHOP, TransactionRef::bank(&bank), "ref", "B2");
    assert!(gw.call(&update, V11).0.is_ok());
    let missing = CallUpdateCustomParamS2S::new(SHOP, TransactionRef::bank("1"), "ref", "x");
    assert_eq!(gw.call(&missing, V11).0.error_code, Some(2011));
}

#[test]
fn card_tokens_request_use_update_delete() {
    let gw = Gateway::default();
    let req = CallRequestTokenS2S::new(
        SHOP,
        RequestToken::masked_pan(),
        "4111111111111111",
        "12",
        "30",
        false,
    );
    let r = gw.call(&req, V11).0;
    assert!(r.is_ok(), "{r:?}");
    // CallRequestTokenS2S answers with `Token`, not `TOKEN`.
    assert!(r.token.is_none());
    let token = r.mixed_case_token.clone().unwrap();
    let t = token.expose();
    assert_eq!(t.len(), 16);
    assert!(t.starts_with("411111") && t.ends_with("1111"), "{t}");
    assert_eq!(r.card_bin.as_deref(), Some("411111"));

    // Use it: a payment with the token, then a check of the token.
    let paid = gw
        .call(
            &CallPagamS2S::new(SHOP, Currency::EUR, eur(1_000), "LC-TOK-1").token(token.clone()),
            V11,
        )
        .0;
    assert!(paid.is_ok(), "{paid:?}");
    assert_eq!(paid.payment_method.as_deref(), Some("CREDITCARD"));
    let check = CallCheckCartaS2S::token(SHOP, "LC-TOK-CHK", token.clone(), true);
    let checked = gw.call(&check, V11).0;
    assert_eq!(checked.authorization_result, Some(TransactionResult::Ok));

    let update = CallUpdateTokenS2S::new(SHOP, token.clone(), "06", "32", false);
    assert!(gw.call(&update, V12).0.is_ok());
    // Another shop cannot touch it.
    let foreign = CallDeleteTokenS2S::new("OTHERSHOP", token.clone());
    assert_eq!(gw.call(&foreign, V11).0.error_code, Some(1165));

    let delete = CallDeleteTokenS2S::new(SHOP, token.clone());
    assert!(gw.call(&delete, V11).0.is_ok());
    assert_eq!(gw.call(&delete, V11).0.error_code, Some(1165));
    let update = CallUpdateTokenS2S::new(SHOP, token.clone(), "06", "32", false);
    assert_eq!(gw.call(&update, V11).0.error_code, Some(1165));
    let paid = gw
        .call(
            &CallPagamS2S::new(SHOP, Currency::EUR, eur(1_000), "LC-TOK-2").token(token.clone()),
            V11,
        )
        .0;
    assert_eq!(paid.error_code, Some(1165));
    assert_eq!(gw.call(&check, V11).0.transaction_error_code, Some(1165));

    // A custom token format gives an opaque token.
    let custom = CallRequestTokenS2S::new(
        SHOP,
        RequestToken::custom("MYFORMAT"),
        "5555555555554444",
        "01",
        "29",
        false,
    );
    let r = gw.call(&custom, V11).0;
    assert_eq!(r.mixed_case_token.clone().unwrap().expose().len(), 20);
}

#[test]
fn a_payment_can_ask_for_a_token() {
    let gw = Gateway::default();
    let req = CallPagamS2S::new(SHOP, Currency::EUR, eur(500), "LC-RT-1")
        .card("4111111111111111", "12", "30")
        .request_token(RequestToken::masked_pan());
    let paid = gw.call(&req, V11).0;
    let token = paid.token.unwrap();
    let again = CallPagamS2S::new(SHOP, Currency::EUR, eur(700), "LC-RT-2").token(token);
    let paid = gw.call(&again, V11).0;
    assert!(paid.is_ok(), "{paid:?}");
    assert_eq!(paid.amount, Some(eur(700)));
}

#[test]
fn the_declined_card_is_declined_everywhere() {
    let gw = Gateway::default();
    let card = gestpay_emulator::DECLINED_CARD;
    let pay = CallPagamS2S::new(SHOP, Currency::EUR, eur(500), "LC-DC-1").card(card, "12", "30");
    let paid = gw.call(&pay, V11).0;
    assert_eq!(paid.declined().unwrap().error_code, Some(74));
    // The declined payment is recorded and readable as a KO.
    let r = gw
        .call(
            &CallReadTrxS2S::by_shop_transaction_id(SHOP, "LC-DC-1"),
            V11,
        )
        .0;
    assert_eq!(r.transaction_result, Some(TransactionResult::Ko));
    assert_eq!(r.transaction_state, None);
    assert!(r.events.is_empty());
    let token = CallRequestTokenS2S::new(SHOP, RequestToken::masked_pan(), card, "12", "30", false);
    // CallRequestTokenS2S answers with `TransactionErrorCode`.
    assert_eq!(gw.call(&token, V11).0.transaction_error_code, Some(74));
    let check = CallCheckCartaS2S::card(SHOP, "LC-DC-2", card, "12", "30", true);
    let checked = gw.call(&check, V11).0;
    assert_eq!(checked.authorization_result, Some(TransactionResult::Ko));
    let verify = CallVerifycardS2S::new(SHOP, "LC-DC-3", card, "12", "30", "123");
    assert_eq!(gw.call(&verify, V11).0.error_code, Some(74));
}

#[test]
fn exchange_rates_by_code() {
    let gw = Gateway::default();
    let r = gw
        .call(&CallExchangeRateS2S::by_iso_code(SHOP, "GBP"), V11)
        .0;
    assert_eq!(r.exchange_rates.len(), 1);
    assert_eq!(r.exchange_rates[0].uic_code, Some(Currency::GBP));
    let none = gw
        .call(&CallExchangeRateS2S::new(SHOP, Currency::EUR), V11)
        .0;
    assert_eq!(none.error_code, Some(1111));
}
