//! callPagamS2S (card, card token, Amazon Pay order reference, Amazon Pay billing agreement) and
//! callReadTrxS2S, with Amazon's OrderReferenceDetails.

use gestpay::Amount;
use gestpay::Secret;
use gestpay::Text;
use gestpay::codes::{Currency, PaymentType};
use gestpay::payload::Buyer;
use gestpay::s2s::*;

use super::{exposed, ko, minor, ok, ttype, with_transaction};
use crate::auth::Call;
use crate::pages::DECLINED_CARD;
use crate::scenario;
use crate::state::{AmazonOrder, NewPayment, TokenRecord, Transaction, Verdict, now_iso};

/// "Token not found".
pub(super) const TOKEN_NOT_FOUND: u32 = 1165;
/// "Not accepted call: transaction already processed before" (Amazon Pay ids must be unique).
const ALREADY_PROCESSED: u32 = 1137;

pub(super) fn pagam(call: &Call<'_>, req: &CallPagamS2S) -> GestPayS2S {
    let config = call.app.config();
    let mut state = call.app.state();
    let currency = req.uic_code.unwrap_or(Currency::EUR);
    let amount = minor(req.amount, currency);
    let amazon_ref = req
        .payment_types
        .contains(&PaymentType::AMAZONPAY)
        .then(|| req.trans_key.clone())
        .flatten();
    let token = req.token_value.as_ref().map(|t| t.expose().to_owned());
    let (payment_type, amazon, buyer) = if let Some(token) = &token {
        match state
            .tokens
            .get(token.as_str())
            .filter(|t| t.shop_login == req.shop_login)
            .cloned()
        {
            Some(record) => {
                // Each recurring charge is a new Amazon order under the billing agreement.
                let amazon = record.amazon.map(|o| AmazonOrder {
                    order_reference_id: state.amazon_order_reference(),
                    ..o
                });
                (
                    record.payment_type,
                    amazon,
                    (record.buyer_name, record.buyer_email),
                )
            }
            None => return ko(ttype::<CallPagamS2S>(), TOKEN_NOT_FOUND),
        }
    } else if let Some(reference) = amazon_ref {
        if state.amazon_id_taken(&req.shop_login, &req.shop_transaction_id) {
            return ko(ttype::<CallPagamS2S>(), ALREADY_PROCESSED);
        }
        let order = AmazonOrder {
            order_reference_id: reference,
            shipping_index: 0,
            card_index: 0,
            billing_agreement: false,
        };
        (
            PaymentType::AMAZONPAY,
            Some(order),
            (
                Some(config.amazon.name.as_str().into()),
                Some(config.amazon.email.as_str().into()),
            ),
        )
    } else {
        (
            PaymentType::new("CREDITCARD"),
            None,
            (req.buyer_name.clone(), req.buyer_email.clone()),
        )
    };
    let declined_card = exposed(req.card_number.as_ref()) == DECLINED_CARD;
    let verdict = if declined_card {
        Verdict::Ko(scenario::DECLINED)
    } else {
        scenario::verdict(&req.shop_transaction_id, req.amount.as_ref())
    };
    let new_token = match (&req.request_token, &token, verdict) {
        (Some(_), None, Verdict::Ok) => {
            let t = Text::from(&state.opaque()[..16]);
            state.tokens.insert(
                t.clone(),
                TokenRecord {
                    shop_login: req.shop_login.clone(),
                    payment_type: payment_type.clone(),
                    amazon: None,
                    buyer_name: buyer.0.clone(),
                    buyer_email: buyer.1.clone(),
                    expiry_month: exposed(req.expiry_month.as_ref()).into(),
                    expiry_year: exposed(req.expiry_year.as_ref()).into(),
                },
            );
            Some(t)
        }
        _ => None,
    };
    let payment = NewPayment {
        shop_login: req.shop_login.clone(),
        shop_transaction_id: req.shop_transaction_id.clone(),
        currency,
        amount_minor: amount,
        payment_type,
        buyer_name: buyer.0,
        buyer_email: buyer.1,
        custom_info: req.custom_info.clone(),
        token: new_token,
        amazon,
        verdict,
    };
    let bank = state.record(payment, config.separate_settlement);
    let Some(t) = state.transactions.get(&bank) else {
        return ko(ttype::<CallPagamS2S>(), super::NOT_FOUND);
    };
    let mut out = super::about(outcome(ttype::<CallPagamS2S>(), t.verdict), t);
    out.authorization_code = t.is_ok().then(|| t.authorization_code.clone());
    out.currency = Some(currency);
    out.amount = Some(t.amount());
    out.buyer = buyer_of(t);
    out.payment_method = Some(t.payment_type.as_str().into());
    out.token = t.token.clone().map(Secret::new);
    out
}

/// The answer for a transaction's verdict: OK, KO with its code, or XX.
fn outcome(ttype: &str, verdict: Verdict) -> GestPayS2S {
    let mut out = match verdict {
        Verdict::Ko(code) => ko(ttype, code),
        Verdict::Ok | Verdict::Pending => ok(ttype),
    };
    out.transaction_result = Some(verdict.result());
    out.error_description = Some(verdict.description());
    out
}

fn buyer_of(t: &Transaction) -> Option<Buyer> {
    (t.buyer_name.is_some() || t.buyer_email.is_some()).then(|| Buyer {
        buyer_name: t.buyer_name.clone(),
        buyer_email: t.buyer_email.clone(),
        ..Buyer::default()
    })
}

pub(super) fn read(call: &Call<'_>, req: &CallReadTrxS2S) -> GestPayS2S {
    let config = call.app.config();
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    with_transaction(&mut state, ttype::<CallReadTrxS2S>(), found, |_, t, _| {
        let mut out = outcome(ttype::<CallReadTrxS2S>(), t.verdict);
        // A declined or pending payment has no state of its own yet.
        out.transaction_state = t.is_ok().then(|| t.state.clone());
        out.authorization_code = t.is_ok().then(|| t.authorization_code.clone());
        out.currency = Some(t.currency);
        out.amount = Some(t.amount());
        out.company = Some(if t.amazon.is_some() {
            "AMAZONPAY".into()
        } else {
            "VISA".into()
        });
        out.payment_method = Some(t.payment_type.as_str().into());
        out.buyer = buyer_of(t);
        out.alert_code = Some(0);
        out.events = t
            .events
            .iter()
            .map(|e| Event {
                event_type: Some(e.kind.clone()),
                event_amount: Some(Amount::from_minor(e.amount_minor, t.currency)),
                event_date: Some(e.date.clone()),
                event_id: Some(e.id.clone()),
                ..Event::default()
            })
            .collect();
        out.order_reference_details = t
            .amazon
            .as_ref()
            .map(|order| order_reference(config, t, order));
        out
    })
}

/// What Amazon reports about the order: the buyer, the shipping address chosen in the address
/// widget and the billing address of the payment method chosen in the wallet.
fn order_reference(
    config: &crate::Config,
    t: &Transaction,
    order: &AmazonOrder,
) -> OrderReferenceDetails {
    let profile = &config.amazon;
    let now = now_iso();
    OrderReferenceDetails {
        order_reference_status: Some(OrderReferenceStatus {
            state: Some(OrderReferenceState::from(profile.order_state.as_str())),
            last_update_timestamp: Some(now.clone()),
            ..OrderReferenceStatus::default()
        }),
        order_language: Some("it-IT".into()),
        destination: profile
            .shipping_addresses
            .get(order.shipping_index)
            .map(|a| Destination {
                destination_type: Some("Physical".into()),
                physical_destination: Some(a.clone()),
                ..Destination::default()
            }),
        seller_order_attributes: Some(SellerOrderAttributes {
            seller_order_id: Some(t.shop_transaction_id.clone()),
            ..SellerOrderAttributes::default()
        }),
        order_total: Some(OrderTotal {
            currency_code: t.currency.iso_alpha().map(Text::from),
            amount: Some(t.amount()),
            ..OrderTotal::default()
        }),
        buyer: Some(AmazonBuyer {
            name: Some(profile.name.clone().into()),
            email: Some(profile.email.clone().into()),
            phone: profile.phone.as_deref().map(Text::from),
            ..AmazonBuyer::default()
        }),
        release_environment: Some("Sandbox".into()),
        amazon_order_reference_id: Some(order.order_reference_id.clone()),
        creation_timestamp: Some(now),
        billing_address: profile
            .cards
            .get(order.card_index)
            .map(|(_, a)| AmazonBillingAddress {
                address_type: Some("Physical".into()),
                physical_address: Some(a.clone()),
                ..AmazonBillingAddress::default()
            }),
        request_payment_authorization: Some("false".into()),
        ..OrderReferenceDetails::default()
    }
}
