//! WsS2S: payments (cards, Amazon Pay order references, recurring tokens), the transaction life
//! cycle (settle, delete, refund, read), tokens, bank lists, exchange rates.

use gestpay::Amount;
use gestpay::codes::{
    Currency, EventType, PaymentType, TransactionResult, TransactionState, error_description,
};
use gestpay::payload::Buyer;
use gestpay::s2s::*;
use gestpay::soap::RequestInfo;
use gestpay::{Request, Secret, SoapVersion};

use crate::App;
use crate::cryptdecrypt::{api_key_ok, error_code_for, parse, reply};
use crate::pages::DECLINED_CARD;
use crate::soap::{Answer, client_fault};
use crate::state::{
    AmazonOrder, EventRecord, Lookup, State, TokenRecord, Transaction, now_event_date, now_iso,
};

const OK_TEXT: &str = "Transazione correttamente effettuata";

/// Parses, checks the API key and validates; on failure answers with the gateway's KO.
macro_rules! accept {
    ($app:expr, $v:expr, $body:expr, $req:ty, $result:ident, $ttype:literal) => {{
        let req: $req = parse($v, $body)?;
        if !api_key_ok($app, req.api_key.as_ref()) {
            return reply($v, &$result(ko($ttype, 1142)));
        }
        if let Err(e) = req.validate() {
            return reply($v, &$result(ko($ttype, error_code_for(&e))));
        }
        req
    }};
}

pub(crate) fn handle(app: &App, info: &RequestInfo, body: &[u8]) -> Answer {
    let v = info.version;
    match info.operation.as_str() {
        "callPagamS2S" => pagam(
            app,
            v,
            accept!(app, v, body, CallPagamS2S, CallPagamS2SResult, "PAGAM"),
        ),
        "callReadTrxS2S" => read(
            app,
            v,
            accept!(
                app,
                v,
                body,
                CallReadTrxS2S,
                CallReadTrxS2SResult,
                "QUERYTX"
            ),
        ),
        "callSettleS2S" => settle(
            app,
            v,
            accept!(app, v, body, CallSettleS2S, CallSettleS2SResult, "Settle"),
        ),
        "callDeleteS2S" => delete(
            app,
            v,
            accept!(app, v, body, CallDeleteS2S, CallDeleteS2SResult, "Delete"),
        ),
        "callRefundS2S" => refund(
            app,
            v,
            accept!(app, v, body, CallRefundS2S, CallRefundS2SResult, "Refund"),
        ),
        "CallRequestTokenS2S" => request_token(
            app,
            v,
            accept!(
                app,
                v,
                body,
                CallRequestTokenS2S,
                CallRequestTokenS2SResult,
                "REQUESTTOKEN"
            ),
        ),
        "callDeleteTokenS2S" => delete_token(
            app,
            v,
            accept!(
                app,
                v,
                body,
                CallDeleteTokenS2S,
                CallDeleteTokenS2SResult,
                "DisableToken"
            ),
        ),
        "CallUpdateTokenS2S" => update_token(
            app,
            v,
            accept!(
                app,
                v,
                body,
                CallUpdateTokenS2S,
                CallUpdateTokenS2SResult,
                "UpdateToken"
            ),
        ),
        "callCheckCartaS2S" => {
            let req = accept!(
                app,
                v,
                body,
                CallCheckCartaS2S,
                CallCheckCartaS2SResult,
                "CHECKCARD"
            );
            check_card(app, v, &req)
        }
        "callVerifycardS2S" => {
            let req = accept!(
                app,
                v,
                body,
                CallVerifycardS2S,
                CallVerifycardS2SResult,
                "VerCard"
            );
            let declined = req
                .card_number
                .as_ref()
                .is_some_and(|c| c.expose() == DECLINED_CARD);
            let mut out = if declined {
                ko("VerCard", 74)
            } else {
                ok("VerCard")
            };
            out.country = Some("ITALIA".into());
            out.company = Some("VISA".into());
            reply(v, &CallVerifycardS2SResult(out))
        }
        "CallIdealListS2S" => {
            accept!(
                app,
                v,
                body,
                CallIdealListS2S,
                CallIdealListS2SResult,
                "RequestIdealBankList"
            );
            reply(
                v,
                &CallIdealListS2SResult(banks(
                    "RequestIdealBankList",
                    &[
                        ("ABNANL2A", "ABN AMRO"),
                        ("INGBNL2A", "ING"),
                        ("RABONL2U", "Rabobank"),
                    ],
                )),
            )
        }
        "CallMyBankListS2S" => {
            accept!(
                app,
                v,
                body,
                CallMyBankListS2S,
                CallMyBankListS2SResult,
                "MyBank"
            );
            reply(
                v,
                &CallMyBankListS2SResult(banks(
                    "MyBank",
                    &[
                        ("SELBIT2B", "Banca Sella"),
                        ("BCITITMM", "Intesa Sanpaolo"),
                        ("UNCRITMM", "UniCredit"),
                    ],
                )),
            )
        }
        "callExchangeRateS2S" => {
            let req = accept!(
                app,
                v,
                body,
                CallExchangeRateS2S,
                CallExchangeRateS2SResult,
                "ExchangeRate"
            );
            exchange_rates(v, &req)
        }
        "CallUpdateOrderS2S" => {
            let req = accept!(
                app,
                v,
                body,
                CallUpdateOrderS2S,
                CallUpdateOrderS2SResult,
                "RiskifiedUpdateOrder"
            );
            let state = app.state();
            let found = state.find(
                &req.shop_login,
                req.bank_transaction_id.as_deref(),
                req.shop_transaction_id.as_deref(),
            );
            reply(
                v,
                &CallUpdateOrderS2SResult(after_lookup(
                    "RiskifiedUpdateOrder",
                    &state,
                    found,
                    |_, out| out,
                )),
            )
        }
        "CallUpdateCustomParamS2S" => {
            let req = accept!(
                app,
                v,
                body,
                CallUpdateCustomParamS2S,
                CallUpdateCustomParamS2SResult,
                "UpdateCustomParam"
            );
            update_custom_param(app, v, &req)
        }
        "callRenounce" => {
            let _: CallRenounce = parse(v, body)?;
            reply(v, &CallRenounceResult(ok("Renounce")))
        }
        "callDeviceActivation" => {
            let _: CallDeviceActivation = parse(v, body)?;
            reply(v, &CallDeviceActivationResult(ok("DeviceActivation")))
        }
        other => Err(client_fault(
            v,
            format!(
                "Server did not recognize the value of HTTP Header SOAPAction: https://ecomms2s.sella.it/{other}."
            ),
        )),
    }
}

fn ok(ttype: &str) -> GestPayS2S {
    GestPayS2S {
        transaction_type: Some(ttype.into()),
        transaction_result: Some(TransactionResult::Ok),
        error_code: Some(0),
        error_description: Some(OK_TEXT.into()),
        ..GestPayS2S::default()
    }
}

fn ko(ttype: &str, code: u32) -> GestPayS2S {
    GestPayS2S {
        transaction_type: Some(ttype.into()),
        transaction_result: Some(TransactionResult::Ko),
        error_code: Some(code),
        error_description: error_description(code).map(str::to_owned),
        ..GestPayS2S::default()
    }
}

/// The identity of a transaction, as every S2S answer about it carries.
fn about(mut out: GestPayS2S, t: &Transaction) -> GestPayS2S {
    out.shop_transaction_id = Some(t.shop_transaction_id.clone());
    out.bank_transaction_id = Some(t.bank_transaction_id.clone());
    out
}

/// Answers about a looked-up transaction, or the gateway's KO when it is not (uniquely) found.
fn after_lookup(
    ttype: &str,
    state: &State,
    found: Lookup,
    f: impl FnOnce(&Transaction, GestPayS2S) -> GestPayS2S,
) -> GestPayS2S {
    match found {
        Lookup::Found(bank) => match state.transactions.get(&bank) {
            Some(t) => f(t, about(ok(ttype), t)),
            None => ko(ttype, 2011),
        },
        Lookup::NotFound => ko(ttype, 2011),
        Lookup::NotUnique => {
            let mut out = ko(ttype, 1144);
            out.error_description =
                Some("Transaction not uniquely identified: use bankTransactionId".into());
            out
        }
    }
}

fn minor(amount: Option<Amount>, currency: Currency) -> u64 {
    amount
        .and_then(|a| a.to_minor_units(currency).ok())
        .unwrap_or(0)
}

fn event(state: &mut State, kind: EventType, amount_minor: u64) -> EventRecord {
    EventRecord {
        kind,
        amount_minor,
        date: now_event_date(),
        id: state.event_id(),
    }
}

fn pagam(app: &App, v: SoapVersion, req: CallPagamS2S) -> Answer {
    let config = app.config();
    let mut state = app.state();
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
            .get(token)
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
            None => return reply(v, &CallPagamS2SResult(ko("PAGAM", 1165))),
        }
    } else if let Some(reference) = amazon_ref {
        if state.amazon_id_taken(&req.shop_login, &req.shop_transaction_id) {
            return reply(v, &CallPagamS2SResult(ko("PAGAM", 1137)));
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
                Some(config.amazon.name.clone()),
                Some(config.amazon.email.clone()),
            ),
        )
    } else {
        if req
            .card_number
            .as_ref()
            .is_some_and(|c| c.expose() == DECLINED_CARD)
        {
            return reply(v, &CallPagamS2SResult(ko("PAGAM", 74)));
        }
        (
            PaymentType::new("CREDITCARD"),
            None,
            (req.buyer_name.clone(), req.buyer_email.clone()),
        )
    };
    let bank_id = state.bank_id();
    let mut events = vec![event(&mut state, EventType::Aut, amount)];
    if !config.separate_settlement {
        events.push(event(&mut state, EventType::Mov, amount));
    }
    let new_token = match (&req.request_token, &token) {
        (Some(_), None) => {
            let t = state.opaque()[..16].to_owned();
            state.tokens.insert(
                t.clone(),
                TokenRecord {
                    shop_login: req.shop_login.clone(),
                    payment_type: payment_type.clone(),
                    amazon: None,
                    buyer_name: buyer.0.clone(),
                    buyer_email: buyer.1.clone(),
                    expiry_month: req
                        .expiry_month
                        .as_ref()
                        .map(|m| m.expose().to_owned())
                        .unwrap_or_default(),
                    expiry_year: req
                        .expiry_year
                        .as_ref()
                        .map(|y| y.expose().to_owned())
                        .unwrap_or_default(),
                },
            );
            Some(t)
        }
        _ => None,
    };
    let t = Transaction {
        shop_login: req.shop_login.clone(),
        shop_transaction_id: req.shop_transaction_id.clone(),
        bank_transaction_id: bank_id.clone(),
        currency,
        authorized_minor: amount,
        settled_minor: if config.separate_settlement {
            0
        } else {
            amount
        },
        refunded_minor: 0,
        state: if config.separate_settlement {
            TransactionState::Aut
        } else {
            TransactionState::Mov
        },
        ok: true,
        error_code: 0,
        authorization_code: state.authorization_code(),
        payment_type,
        buyer_name: buyer.0,
        buyer_email: buyer.1,
        custom_info: req.custom_info.clone(),
        token: new_token,
        events,
        amazon,
    };
    let mut out = about(ok("PAGAM"), &t);
    out.authorization_code = Some(t.authorization_code.clone());
    out.currency = Some(currency);
    out.amount = Some(t.amount());
    out.buyer = buyer_of(&t);
    out.payment_method = Some(t.payment_type.as_str().to_owned());
    out.token = t.token.clone().map(Secret::new);
    state.transactions.insert(bank_id, t);
    reply(v, &CallPagamS2SResult(out))
}

fn buyer_of(t: &Transaction) -> Option<Buyer> {
    (t.buyer_name.is_some() || t.buyer_email.is_some()).then(|| Buyer {
        buyer_name: t.buyer_name.clone(),
        buyer_email: t.buyer_email.clone(),
    })
}

fn read(app: &App, v: SoapVersion, req: CallReadTrxS2S) -> Answer {
    let config = app.config();
    let state = app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    let out = after_lookup("QUERYTX", &state, found, |t, mut out| {
        out.transaction_result = Some(if t.ok {
            TransactionResult::Ok
        } else {
            TransactionResult::Ko
        });
        out.transaction_state = Some(t.state.clone());
        out.authorization_code = t.ok.then(|| t.authorization_code.clone());
        out.currency = Some(t.currency);
        out.amount = Some(t.amount());
        out.company = Some(if t.amazon.is_some() {
            "AMAZONPAY".into()
        } else {
            "VISA".into()
        });
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
    });
    reply(v, &CallReadTrxS2SResult(out))
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
            currency_code: t.currency.iso_alpha().map(str::to_owned),
            amount: Some(t.amount()),
            ..OrderTotal::default()
        }),
        buyer: Some(AmazonBuyer {
            name: Some(profile.name.clone()),
            email: Some(profile.email.clone()),
            phone: profile.phone.clone(),
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

fn settle(app: &App, v: SoapVersion, req: CallSettleS2S) -> Answer {
    let mut state = app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_trans_id.as_deref(),
        req.shop_trans_id.as_deref(),
    );
    let Lookup::Found(bank) = found else {
        return reply(
            v,
            &CallSettleS2SResult(after_lookup("Settle", &state, found, |_, o| o)),
        );
    };
    let e = event(&mut state, EventType::Mov, 0);
    let Some(t) = state.transactions.get_mut(&bank) else {
        return reply(v, &CallSettleS2SResult(ko("Settle", 2011)));
    };
    let amount = minor(req.amount, t.currency);
    let out = if !t.ok || t.state != TransactionState::Aut {
        ko("Settle", 2019)
    } else if amount == 0 || t.settled_minor + amount > t.authorized_minor {
        ko("Settle", 8014)
    } else {
        t.settled_minor += amount;
        t.state = TransactionState::Mov;
        t.events.push(EventRecord {
            amount_minor: amount,
            ..e
        });
        ok("Settle")
    };
    let out = about(out, t);
    reply(v, &CallSettleS2SResult(out))
}

fn delete(app: &App, v: SoapVersion, req: CallDeleteS2S) -> Answer {
    let mut state = app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    let Lookup::Found(bank) = found else {
        return reply(
            v,
            &CallDeleteS2SResult(after_lookup("Delete", &state, found, |_, o| o)),
        );
    };
    let e = event(&mut state, EventType::Can, 0);
    let Some(t) = state.transactions.get_mut(&bank) else {
        return reply(v, &CallDeleteS2SResult(ko("Delete", 2011)));
    };
    let out = if t.ok && t.state == TransactionState::Aut && t.settled_minor == 0 {
        t.state = TransactionState::Can;
        t.events.push(EventRecord {
            amount_minor: t.authorized_minor,
            ..e
        });
        let mut out = ok("Delete");
        out.error_description = Some("Transazione ritirata".into());
        out
    } else {
        ko("Delete", 2017)
    };
    let out = about(out, t);
    reply(v, &CallDeleteS2SResult(out))
}

fn refund(app: &App, v: SoapVersion, req: CallRefundS2S) -> Answer {
    let mut state = app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    let Lookup::Found(bank) = found else {
        return reply(
            v,
            &CallRefundS2SResult(after_lookup("Refund", &state, found, |_, o| o)),
        );
    };
    let e = event(&mut state, EventType::Sto, 0);
    let Some(t) = state.transactions.get_mut(&bank) else {
        return reply(v, &CallRefundS2SResult(ko("Refund", 2011)));
    };
    let amount = minor(req.amount, t.currency);
    let balance = t.settled_minor - t.refunded_minor;
    let out = if !t.ok || t.settled_minor == 0 {
        ko("Refund", 2018)
    } else if amount == 0 || amount > balance {
        ko("Refund", 2014)
    } else {
        t.refunded_minor += amount;
        t.state = TransactionState::Sto;
        t.events.push(EventRecord {
            amount_minor: amount,
            ..e
        });
        ok("Refund")
    };
    let out = about(out, t);
    reply(v, &CallRefundS2SResult(out))
}

fn request_token(app: &App, v: SoapVersion, req: CallRequestTokenS2S) -> Answer {
    let mut state = app.state();
    let number = req
        .card_number
        .as_ref()
        .map(|c| c.expose().to_owned())
        .unwrap_or_default();
    if number == DECLINED_CARD {
        return reply(v, &CallRequestTokenS2SResult(ko("REQUESTTOKEN", 74)));
    }
    let month = req
        .expiry_month
        .as_ref()
        .map(|m| m.expose().to_owned())
        .unwrap_or_default();
    let year = req
        .expiry_year
        .as_ref()
        .map(|y| y.expose().to_owned())
        .unwrap_or_default();
    let masked = req
        .request_token
        .as_ref()
        .is_none_or(|t| t.format == "MASKEDPAN");
    let token = if masked && number.len() >= 10 {
        format!(
            "{}{}{}",
            &number[..6],
            state.opaque()[..number.len() - 10].to_ascii_uppercase(),
            &number[number.len() - 4..]
        )
    } else {
        state.opaque()[..20].to_owned()
    };
    state.tokens.insert(
        token.clone(),
        TokenRecord {
            shop_login: req.shop_login.clone(),
            payment_type: PaymentType::new("CREDITCARD"),
            amazon: None,
            buyer_name: None,
            buyer_email: None,
            expiry_month: month.clone(),
            expiry_year: year.clone(),
        },
    );
    let mut out = ok("REQUESTTOKEN");
    out.token = Some(Secret::new(token));
    out.token_expiry_month = Some(Secret::new(month));
    out.token_expiry_year = Some(Secret::new(year));
    out.card_bin = number.get(..6).map(str::to_owned);
    out.check_digit = Some("OK".into());
    reply(v, &CallRequestTokenS2SResult(out))
}

fn delete_token(app: &App, v: SoapVersion, req: CallDeleteTokenS2S) -> Answer {
    let mut state = app.state();
    let key = req
        .token_value
        .as_ref()
        .map(|t| t.expose().to_owned())
        .unwrap_or_default();
    let removed = state
        .tokens
        .get(&key)
        .is_some_and(|t| t.shop_login == req.shop_login)
        && state.tokens.remove(&key).is_some();
    reply(
        v,
        &CallDeleteTokenS2SResult(if removed {
            ok("DisableToken")
        } else {
            ko("DisableToken", 1165)
        }),
    )
}

fn update_token(app: &App, v: SoapVersion, req: CallUpdateTokenS2S) -> Answer {
    let mut state = app.state();
    let exposed = |s: &Option<Secret>| {
        s.as_ref()
            .map(|s| s.expose().to_owned())
            .unwrap_or_default()
    };
    let out = match state
        .tokens
        .get_mut(&exposed(&req.token))
        .filter(|t| t.shop_login == req.shop_login)
    {
        Some(t) => {
            t.expiry_month = exposed(&req.expiry_month);
            t.expiry_year = exposed(&req.expiry_year);
            ok("UpdateToken")
        }
        None => ko("UpdateToken", 1165),
    };
    reply(v, &CallUpdateTokenS2SResult(out))
}

fn check_card(app: &App, v: SoapVersion, req: &CallCheckCartaS2S) -> Answer {
    if let Some(token) = &req.token_value {
        let known = app
            .state()
            .tokens
            .get(token.expose())
            .is_some_and(|t| t.shop_login == req.shop_login);
        if !known {
            return reply(v, &CallCheckCartaS2SResult(ko("CHECKCARD", 1165)));
        }
    }
    let declined = req
        .card_number
        .as_ref()
        .is_some_and(|c| c.expose() == DECLINED_CARD);
    let mut out = ok("CHECKCARD");
    out.authorization_result = Some(if req.with_auth == "Y" && !declined {
        TransactionResult::Ok
    } else {
        TransactionResult::Other("NULL".into())
    });
    if declined {
        out.authorization_result = Some(TransactionResult::Ko);
        out.authorization_error_code = Some("74".into());
    }
    out.check_digit = Some("OK".into());
    out.check_date = Some("OK".into());
    out.card_country = Some("ITALIA".into());
    out.card_country_code = Some("380".into());
    out.company_description = Some("VISA".into());
    out.product_type = Some("Credit".into());
    out.enrolled_code = Some("Y".into());
    reply(v, &CallCheckCartaS2SResult(out))
}

fn banks(ttype: &str, list: &[(&str, &str)]) -> GestPayS2S {
    GestPayS2S {
        bank_list: list
            .iter()
            .map(|(c, n)| Bank {
                bank_code: Some((*c).into()),
                bank_name: Some((*n).into()),
                ..Bank::default()
            })
            .collect(),
        ..ok(ttype)
    }
}

fn exchange_rates(v: SoapVersion, req: &CallExchangeRateS2S) -> Answer {
    // Fixed rates (EUR per unit is not the point: stable, exact test data is).
    let table: &[(Currency, &str)] = &[
        (Currency::USD, "1,0617"),
        (Currency::GBP, "0,8541"),
        (Currency::JPY, "157,32"),
        (Currency::CHF, "0,9402"),
    ];
    let wanted = |c: &Currency| {
        req.uic_code.is_some_and(|u| u == *c)
            || req
                .iso_code
                .as_deref()
                .is_some_and(|i| Some(i) == c.iso_alpha())
            || req
                .numeric_iso_code
                .as_deref()
                .is_some_and(|n| Some(n) == c.iso_numeric().map(|x| x.to_string()).as_deref())
    };
    let today = now_event_date()[..8].to_owned();
    let rates: Vec<ExchangeRateEntry> = table
        .iter()
        .filter(|(c, _)| wanted(c))
        .filter_map(|(c, r)| {
            Some(ExchangeRateEntry {
                uic_code: Some(*c),
                iso_code: c.iso_alpha().map(str::to_owned),
                numeric_iso_code: c.iso_numeric().map(|n| format!("{n:03}")),
                exchange_rate: Some(Rate::parse(r).ok()?),
                credit_date: Some(CreditDate(today.clone())),
                ..ExchangeRateEntry::default()
            })
        })
        .collect();
    let out = if rates.is_empty() {
        ko("ExchangeRate", 1111)
    } else {
        GestPayS2S {
            exchange_rates: rates,
            ..ok("ExchangeRate")
        }
    };
    reply(v, &CallExchangeRateS2SResult(out))
}

fn update_custom_param(app: &App, v: SoapVersion, req: &CallUpdateCustomParamS2S) -> Answer {
    let mut state = app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    let out = match found {
        Lookup::Found(bank) => match state.transactions.get_mut(&bank) {
            Some(t) => {
                let name = req.param_name.clone();
                let value = req.param_value.clone().unwrap_or_default();
                let info = t.custom_info.get_or_insert_with(Default::default);
                match info.0.iter_mut().find(|p| p.key == name) {
                    Some(p) => p.value = value,
                    None => info.push(name, value),
                }
                about(ok("UpdateCustomParam"), t)
            }
            None => ko("UpdateCustomParam", 2011),
        },
        other => after_lookup("UpdateCustomParam", &state, other, |_, o| o),
    };
    reply(v, &CallUpdateCustomParamS2SResult(out))
}
