//! The emulator's own control endpoints, for test suites (no counterpart at the real gateway):
//!
//! * `POST /emulator/transactions/{BankTransactionID}/resolve?result=OK` (or `result=KO`, with
//!   an optional `errorCode`, 74 by default; parameters in the query or a form body) gives a
//!   pending (`XX`) payment its final outcome, as the bank eventually does: Decrypt and
//!   callReadTrxS2S report it from then on, and the server-to-server URL is notified with a new
//!   `b`. Answers `{"bankTransactionId", "transactionResult", "b"}` as JSON; 404 for an unknown
//!   transaction, 409 for one that is not pending, 400 for a bad `result` or `errorCode`.

use std::collections::HashMap;

use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gestpay::codes::error_description;
use gestpay::payment_page::Callback;

use crate::App;
use crate::scenario::DECLINED;
use crate::state::Verdict;

fn text(status: StatusCode, message: &str) -> Response {
    (status, message.to_owned()).into_response()
}

pub(crate) fn handle(
    app: &App,
    method: &Method,
    path: &str,
    query: Option<&str>,
    body: &[u8],
) -> Response {
    let resolve = path
        .strip_prefix("/emulator/transactions/")
        .and_then(|rest| rest.strip_suffix("/resolve"));
    match (method, resolve) {
        (&Method::POST, Some(bank)) => {
            let mut params: HashMap<String, String> =
                form_urlencoded::parse(query.unwrap_or("").as_bytes())
                    .into_owned()
                    .collect();
            params.extend(form_urlencoded::parse(body).into_owned());
            resolve_pending(app, bank, &params)
        }
        (_, Some(_)) => text(StatusCode::METHOD_NOT_ALLOWED, "use POST"),
        _ => text(StatusCode::NOT_FOUND, "no such emulator endpoint"),
    }
}

fn resolve_pending(app: &App, bank: &str, params: &HashMap<String, String>) -> Response {
    let verdict = match params
        .get("result")
        .map(|r| r.to_ascii_uppercase())
        .as_deref()
    {
        Some("OK") => Verdict::Ok,
        Some("KO") => match params.get("errorCode") {
            None => Verdict::Ko(DECLINED),
            // A code the table does not document is refused, not replaced by 74: a test that
            // asked for it would otherwise check the wrong outcome.
            Some(c) => match c.parse::<u32>() {
                Ok(code) if code != 0 && error_description(code).is_some() => Verdict::Ko(code),
                _ => {
                    return text(
                        StatusCode::BAD_REQUEST,
                        "errorCode must be a documented, non-zero error code",
                    );
                }
            },
        },
        _ => return text(StatusCode::BAD_REQUEST, "result must be OK or KO"),
    };
    let config = app.config();
    let mut state = app.state();
    match state.resolve(bank, verdict, config.separate_settlement) {
        None => return text(StatusCode::NOT_FOUND, "no such transaction"),
        Some(false) => return text(StatusCode::CONFLICT, "the transaction is not pending"),
        Some(true) => {}
    }
    let Some(shop_login) = state.transactions.get(bank).map(|t| t.shop_login.clone()) else {
        return text(StatusCode::NOT_FOUND, "no such transaction");
    };
    let b = state.opaque();
    state.results.insert(b.clone(), bank.into());
    drop(state);
    let callback = Callback {
        shop_login: shop_login.to_string(),
        encrypted_string: b.to_string(),
    };
    crate::notify::send(config, &callback);
    // Every value here is digits, letters or `OK`/`KO`: nothing to escape.
    let json = format!(
        r#"{{"bankTransactionId":"{bank}","transactionResult":"{}","b":"{b}"}}"#,
        verdict.result()
    );
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}
