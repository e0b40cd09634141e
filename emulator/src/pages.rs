//! The browser side: the payment page, the emulated Amazon Pay screens (sign in, shipping
//! address, payment method), a card form for other methods, and a stand-in merchant page.
//! Every value shown is escaped by maud.

use gestpay::Text;
use std::collections::HashMap;

use axum::http::{Method, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use gestpay::codes::PaymentType;
use gestpay::cryptdecrypt::AmazonPayBillingAgreement;
use gestpay::payment_page::Callback;
use maud::{DOCTYPE, Markup, html};

use crate::App;
use crate::scenario;
use crate::state::{AmazonOrder, NewPayment, PendingPayment, TokenRecord, Verdict};

/// A card number the emulated issuer always declines.
pub(crate) const DECLINED_CARD: &str = "4000000000000002";

/// A little style, so that screenshots of the emulated pages read well.
const STYLE: &str = "body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.4rem;border-bottom:3px solid #f90;padding-bottom:.4rem}\
label{display:block;margin:.5rem 0}button{margin:.6rem .4rem .6rem 0;padding:.4rem 1rem}\
dd{font-family:monospace;word-break:break-all}";

/// "Transaction abandoned by buyer".
const ABANDONED: u32 = 1143;

fn page(title: &str, body: Markup) -> Response {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " — gestpay emulator" }
                    style { (STYLE) }
                }
                body { h1 { (title) } (body) p { small { "Emulated Axerve (Gestpay) payment page. No real payment is made." } } }
            }
        }
        .into_string(),
    )
    .into_response()
}

fn error_page(status: StatusCode, message: &str) -> Response {
    let mut r = page("Payment page error", html! { p.error { (message) } });
    *r.status_mut() = status;
    r
}

fn form(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn query(q: Option<&str>) -> HashMap<String, String> {
    form_urlencoded::parse(q.unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

pub(crate) fn handle(
    app: &App,
    method: &Method,
    path: &str,
    q: Option<&str>,
    body: &[u8],
) -> Response {
    match (method.as_str(), path) {
        ("GET", "/pagam/pagam.aspx") => payment_page(app, &query(q)),
        ("POST", "/pagam/amazonpay/signin") => amazon_address(app, &form(body)),
        ("POST", "/pagam/amazonpay/address") => amazon_wallet(app, &form(body)),
        ("POST", "/pagam/amazonpay/pay") => finish(app, &form(body), Outcome::Amazon),
        ("POST", "/pagam/amazonpay/cancel") | ("POST", "/pagam/card/cancel") => {
            finish(app, &form(body), Outcome::Abandoned)
        }
        ("POST", "/pagam/card/pay") => finish(app, &form(body), Outcome::Card),
        ("GET", "/merchant/response") => merchant_page(q),
        ("GET", "/") => page(
            "gestpay emulator",
            html! { p { "WsCryptDecrypt: " code { "/gestpay/GestPayWS/WsCryptDecrypt.asmx" } ", WsS2S: " code { "/gestpay/gestpayws/WSs2s.asmx" } ", payment page: " code { "/pagam/pagam.aspx" } } },
        ),
        _ => error_page(StatusCode::NOT_FOUND, "No such page."),
    }
}

fn pending(app: &App, b: Option<&String>) -> Option<(String, PendingPayment)> {
    let b = b?;
    app.state()
        .pending
        .get(b.as_str())
        .map(|p| (b.clone(), p.clone()))
}

fn payment_page(app: &App, q: &HashMap<String, String>) -> Response {
    let Some((b, p)) = pending(app, q.get("b")) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Unknown or already used payment (parameter b).",
        );
    };
    if q.get("a").map(String::as_str) != Some(p.request.shop_login.as_str()) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "The shop login (parameter a) does not match the payment.",
        );
    }
    let amount = p.request.amount.map(|a| a.to_string()).unwrap_or_default();
    let currency = p.request.uic_code.and_then(|c| c.iso_alpha()).unwrap_or("");
    let amazon = p.request.payment_types.contains(&PaymentType::AMAZONPAY)
        || q.get("paymentType").is_some_and(|t| t == "AMAZONPAY");
    if amazon {
        let profile = &app.config().amazon;
        return page(
            "Amazon Pay — Sign in",
            html! {
                p { "Pay " (amount) " " (currency) " to " (p.request.shop_login) " with your Amazon account." }
                form method="post" action="/pagam/amazonpay/signin" {
                    input type="hidden" name="b" value=(b);
                    label { "E-mail " input type="email" name="email" value=(profile.email); }
                    label { "Password " input type="password" name="password" value="emulated"; }
                    button type="submit" { "Sign in" }
                }
                form method="post" action="/pagam/amazonpay/cancel" {
                    input type="hidden" name="b" value=(b);
                    button type="submit" { "Cancel and return to the shop" }
                }
            },
        );
    }
    page(
        "Payment",
        html! {
            p { "Pay " (amount) " " (currency) " to " (p.request.shop_login) " by card." }
            form method="post" action="/pagam/card/pay" {
                input type="hidden" name="b" value=(b);
                label { "Card number " input name="card" value="4111111111111111"; }
                button type="submit" { "Pay" }
            }
            form method="post" action="/pagam/card/cancel" {
                input type="hidden" name="b" value=(b);
                button type="submit" { "Cancel and return to the shop" }
            }
            p { small { "The emulated issuer declines " (DECLINED_CARD) "." } }
        },
    )
}

fn amazon_address(app: &App, f: &HashMap<String, String>) -> Response {
    let Some((b, _)) = pending(app, f.get("b")) else {
        return error_page(StatusCode::BAD_REQUEST, "Unknown or already used payment.");
    };
    let profile = &app.config().amazon;
    page(
        "Amazon Pay — Choose a shipping address",
        html! {
            p { "Signed in as " (profile.name) " (" (profile.email) ")." }
            form method="post" action="/pagam/amazonpay/address" {
                input type="hidden" name="b" value=(b);
                @for (i, a) in profile.shipping_addresses.iter().enumerate() {
                    label.address {
                        input type="radio" name="address" value=(i) checked[i == 0];
                        (a.name.as_deref().unwrap_or("")) ", " (a.address_line1.as_deref().unwrap_or("")) ", "
                        (a.postal_code.as_deref().unwrap_or("")) " " (a.city.as_deref().unwrap_or("")) " "
                        (a.country_code.as_deref().unwrap_or(""))
                    }
                }
                button type="submit" { "Use this address" }
            }
        },
    )
}

fn amazon_wallet(app: &App, f: &HashMap<String, String>) -> Response {
    let Some((b, _)) = pending(app, f.get("b")) else {
        return error_page(StatusCode::BAD_REQUEST, "Unknown or already used payment.");
    };
    let address = f.get("address").cloned().unwrap_or_default();
    page(
        "Amazon Pay — Choose a payment method",
        html! {
            form method="post" action="/pagam/amazonpay/pay" {
                input type="hidden" name="b" value=(b);
                input type="hidden" name="address" value=(address);
                @for (i, (label, _)) in app.config().amazon.cards.iter().enumerate() {
                    label.card { input type="radio" name="card" value=(i) checked[i == 0]; (label) }
                }
                button type="submit" { "Pay now" }
            }
        },
    )
}

enum Outcome {
    Amazon,
    Card,
    Abandoned,
}

fn index(f: &HashMap<String, String>, key: &str, len: usize) -> Option<usize> {
    let i = f.get(key).map_or(Some(0), |v| v.parse().ok())?;
    (i < len).then_some(i)
}

/// Authorises (or declines, or abandons, or leaves pending) the payment, sends the buyer back
/// to the merchant's positive or negative URL with `a` and `b` as the gateway does, and notifies
/// the server-to-server URL.
fn finish(app: &App, f: &HashMap<String, String>, outcome: Outcome) -> Response {
    let config = app.config();
    let mut state = app.state();
    let Some(p) = f.get("b").and_then(|b| state.pending.remove(b.as_str())) else {
        return error_page(StatusCode::BAD_REQUEST, "Unknown or already used payment.");
    };
    let req = p.request;
    let currency = req.uic_code.unwrap_or(gestpay::codes::Currency::EUR);
    let minor = req
        .amount
        .and_then(|a| a.to_minor_units(currency).ok())
        .unwrap_or(0);
    let verdict = match &outcome {
        Outcome::Abandoned => Verdict::Ko(ABANDONED),
        Outcome::Card
            if f.get("card")
                .is_some_and(|c| c.replace(' ', "") == DECLINED_CARD) =>
        {
            Verdict::Ko(scenario::DECLINED)
        }
        _ => scenario::verdict(&req.shop_transaction_id, req.amount.as_ref()),
    };
    let agreement = req.amazon_pay_billing_agreement_description.clone();
    // An Amazon Pay page abandoned is still an Amazon Pay transaction.
    let amazon_only = matches!(outcome, Outcome::Abandoned)
        && req.payment_types.as_slice() == [PaymentType::AMAZONPAY];
    let amazon = match outcome {
        Outcome::Amazon => {
            let shipping_index =
                index(f, "address", config.amazon.shipping_addresses.len()).unwrap_or(0);
            let card_index = index(f, "card", config.amazon.cards.len()).unwrap_or(0);
            Some(AmazonOrder {
                order_reference_id: state.amazon_order_reference(),
                shipping_index,
                card_index,
                billing_agreement: agreement.is_some(),
            })
        }
        _ => None,
    };
    let only_token = matches!(agreement, Some(AmazonPayBillingAgreement::OnlyRecurring));
    let token = match &amazon {
        Some(order) if order.billing_agreement && verdict == Verdict::Ok => {
            let token = state.billing_agreement_token();
            state.tokens.insert(
                token.clone(),
                TokenRecord {
                    shop_login: req.shop_login.clone(),
                    payment_type: PaymentType::AMAZONPAY,
                    amazon: Some(order.clone()),
                    buyer_name: Some(config.amazon.name.clone().into()),
                    buyer_email: Some(config.amazon.email.clone().into()),
                    expiry_month: "12".into(),
                    expiry_year: "30".into(),
                },
            );
            Some(token)
        }
        _ => None,
    };
    let from_amazon = |value: &str| amazon.as_ref().map(|_| Text::from(value));
    let payment = NewPayment {
        shop_login: req.shop_login.clone(),
        shop_transaction_id: req.shop_transaction_id.clone(),
        currency,
        amount_minor: if only_token { 0 } else { minor },
        payment_type: if amazon.is_some() || amazon_only {
            PaymentType::AMAZONPAY
        } else {
            PaymentType::new("CREDITCARD")
        },
        buyer_name: from_amazon(&config.amazon.name).or(req.buyer_name.clone()),
        buyer_email: from_amazon(&config.amazon.email).or(req.buyer_email.clone()),
        custom_info: req.custom_info.clone(),
        token,
        amazon,
        verdict,
    };
    let bank_id = state.record(payment, config.separate_settlement);
    let result = state.opaque();
    state.results.insert(result.clone(), bank_id);
    drop(state);
    let callback = Callback {
        shop_login: req.shop_login.to_string(),
        encrypted_string: result.to_string(),
    };
    crate::notify::send(config, &callback);
    let positive = !matches!(verdict, Verdict::Ko(_));
    let target = crate::notify::with_callback(config.response_url(positive), &callback);
    Redirect::to(&target).into_response()
}

fn merchant_page(q: Option<&str>) -> Response {
    match Callback::parse(q.unwrap_or("")) {
        Ok(cb) => page(
            "Back at the merchant",
            html! {
                p { "The gateway sent the buyer back with:" }
                dl { dt { "a (shopLogin)" } dd #a { (cb.shop_login) } dt { "b (to Decrypt)" } dd #b { (cb.encrypted_string) } }
                p { "Configure " code { "--success-url" } ", " code { "--failure-url" } " or " code { "--merchant-url" } " to receive this at your own shop, and Decrypt " code { "b" } "." }
            },
        ),
        Err(e) => error_page(StatusCode::BAD_REQUEST, &e.to_string()),
    }
}
