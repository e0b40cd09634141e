//! Cards and tokens (CallRequestTokenS2S, callDeleteTokenS2S, CallUpdateTokenS2S,
//! callCheckCartaS2S, callVerifycardS2S) and the reference lists (iDEAL and MyBank banks,
//! exchange rates).

use gestpay::Secret;
use gestpay::Text;
use gestpay::codes::{Currency, PaymentType, TransactionResult};
use gestpay::s2s::*;

use super::pay::TOKEN_NOT_FOUND;
use super::{exposed, ko, ok, ttype};
use crate::auth::Call;
use crate::pages::DECLINED_CARD;
use crate::scenario::DECLINED;
use crate::state::{TokenRecord, now_event_date};

/// "Invalid currency code".
const INVALID_CURRENCY: u32 = 1111;

/// callCheckCartaS2S and CallRequestTokenS2S answer with `TransactionErrorCode` and
/// `TransactionErrorDescription` (and the token as `Token`), not the names of the other
/// operations (docs/protocol.md §8 D12, D13).
fn transaction_error_names(mut out: GestPayS2S) -> GestPayS2S {
    out.transaction_error_code = out.error_code.take();
    out.transaction_error_description = out.error_description.take();
    out.mixed_case_token = out.token.take();
    out
}

pub(super) fn request_token(call: &Call<'_>, req: &CallRequestTokenS2S) -> GestPayS2S {
    transaction_error_names(new_token(call, req))
}

fn new_token(call: &Call<'_>, req: &CallRequestTokenS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let number = exposed(req.card_number.as_ref());
    if number == DECLINED_CARD {
        return ko(ttype::<CallRequestTokenS2S>(), DECLINED);
    }
    let month = exposed(req.expiry_month.as_ref());
    let year = exposed(req.expiry_year.as_ref());
    let masked = req
        .request_token
        .as_ref()
        .is_none_or(|t| t.format == "MASKEDPAN");
    let token = if masked && number.len() >= 10 && number.is_ascii() {
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
        token.clone().into(),
        TokenRecord {
            shop_login: req.shop_login.clone(),
            payment_type: PaymentType::new("CREDITCARD"),
            amazon: None,
            buyer_name: None,
            buyer_email: None,
            expiry_month: month.clone().into(),
            expiry_year: year.clone().into(),
        },
    );
    let mut out = ok(ttype::<CallRequestTokenS2S>());
    out.token = Some(Secret::new(token));
    out.token_expiry_month = Some(Secret::new(month));
    out.token_expiry_year = Some(Secret::new(year));
    out.card_bin = number.get(..6).map(Text::from);
    out.check_digit = Some("OK".into());
    out
}

pub(super) fn delete_token(call: &Call<'_>, req: &CallDeleteTokenS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let key = exposed(req.token_value.as_ref());
    let owned = state
        .tokens
        .get(key.as_str())
        .is_some_and(|t| t.shop_login == req.shop_login);
    if owned && state.tokens.remove(key.as_str()).is_some() {
        ok(ttype::<CallDeleteTokenS2S>())
    } else {
        ko(ttype::<CallDeleteTokenS2S>(), TOKEN_NOT_FOUND)
    }
}

pub(super) fn update_token(call: &Call<'_>, req: &CallUpdateTokenS2S) -> GestPayS2S {
    let mut state = call.app.state();
    match state
        .tokens
        .get_mut(exposed(req.token.as_ref()).as_str())
        .filter(|t| t.shop_login == req.shop_login)
    {
        Some(t) => {
            t.expiry_month = exposed(req.expiry_month.as_ref()).into();
            t.expiry_year = exposed(req.expiry_year.as_ref()).into();
            ok(ttype::<CallUpdateTokenS2S>())
        }
        None => ko(ttype::<CallUpdateTokenS2S>(), TOKEN_NOT_FOUND),
    }
}

pub(super) fn check_card(call: &Call<'_>, req: &CallCheckCartaS2S) -> GestPayS2S {
    transaction_error_names(card_check(call, req))
}

fn card_check(call: &Call<'_>, req: &CallCheckCartaS2S) -> GestPayS2S {
    if let Some(token) = &req.token_value {
        let known = call
            .app
            .state()
            .tokens
            .get(token.expose())
            .is_some_and(|t| t.shop_login == req.shop_login);
        if !known {
            return ko(ttype::<CallCheckCartaS2S>(), TOKEN_NOT_FOUND);
        }
    }
    let declined = exposed(req.card_number.as_ref()) == DECLINED_CARD;
    let mut out = ok(ttype::<CallCheckCartaS2S>());
    out.authorization_result = Some(if declined {
        TransactionResult::Ko
    } else if req.with_auth == "Y" {
        TransactionResult::Ok
    } else {
        TransactionResult::Other("NULL".into())
    });
    if declined {
        out.authorization_error_code = Some(
            gestpay::compact_str::ToCompactString::to_compact_string(&DECLINED),
        );
    }
    out.check_digit = Some("OK".into());
    out.check_date = Some("OK".into());
    out.card_country = Some("ITALIA".into());
    out.card_country_code = Some("380".into());
    out.company_description = Some("VISA".into());
    out.product_type = Some("Credit".into());
    out.enrolled_code = Some("Y".into());
    out
}

pub(super) fn verify_card(_: &Call<'_>, req: &CallVerifycardS2S) -> GestPayS2S {
    let declined = exposed(req.card_number.as_ref()) == DECLINED_CARD;
    let mut out = if declined {
        ko(ttype::<CallVerifycardS2S>(), DECLINED)
    } else {
        ok(ttype::<CallVerifycardS2S>())
    };
    out.country = Some("ITALIA".into());
    out.company = Some("VISA".into());
    out
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

pub(super) fn ideal_banks(_: &Call<'_>, _: &CallIdealListS2S) -> GestPayS2S {
    banks(
        ttype::<CallIdealListS2S>(),
        &[
            ("ABNANL2A", "ABN AMRO"),
            ("INGBNL2A", "ING"),
            ("RABONL2U", "Rabobank"),
        ],
    )
}

pub(super) fn mybank_banks(_: &Call<'_>, _: &CallMyBankListS2S) -> GestPayS2S {
    banks(
        ttype::<CallMyBankListS2S>(),
        &[
            ("SELBIT2B", "Banca Sella"),
            ("BCITITMM", "Intesa Sanpaolo"),
            ("UNCRITMM", "UniCredit"),
        ],
    )
}

pub(super) fn exchange_rates(_: &Call<'_>, req: &CallExchangeRateS2S) -> GestPayS2S {
    // Fixed rates: stable, exact test data is the point, not today's market.
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
    let today = now_event_date().get(..8).unwrap_or_default().to_owned();
    let rates: Vec<ExchangeRateEntry> = table
        .iter()
        .filter(|(c, _)| wanted(c))
        .filter_map(|(c, r)| {
            Some(ExchangeRateEntry {
                uic_code: Some(*c),
                iso_code: c.iso_alpha().map(Text::from),
                numeric_iso_code: c
                    .iso_numeric()
                    .map(|n| gestpay::compact_str::format_compact!("{n:03}")),
                exchange_rate: Some(Rate::parse(r).ok()?),
                credit_date: Some(CreditDate::from(today.as_str())),
                ..ExchangeRateEntry::default()
            })
        })
        .collect();
    if rates.is_empty() {
        ko(ttype::<CallExchangeRateS2S>(), INVALID_CURRENCY)
    } else {
        GestPayS2S {
            exchange_rates: rates,
            ..ok(ttype::<CallExchangeRateS2S>())
        }
    }
}
