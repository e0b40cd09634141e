//! WsS2S: payments (cards, Amazon Pay order references, recurring tokens), the transaction life
//! cycle (settle, delete, refund, read), tokens, bank lists, exchange rates.
//!
//! Every operation but callRenounce and callDeviceActivation (which carry no shop) is admitted
//! the same way: parsed (a client fault when unreadable), the caller checked (shop, address,
//! apikey), the request validated by the core; a refusal is the gateway's `KO` with its code.

mod cards;
mod manage;
mod pay;

use gestpay::Amount;
use gestpay::Text;
use gestpay::codes::{Currency, TransactionResult, error_description, transaction_type_of};
use gestpay::s2s::*;
use gestpay::soap::RequestInfo;
use gestpay::{Request, Secret};

use crate::auth::Call;
use crate::cryptdecrypt::{error_code_for, parse, reply};
use crate::soap::{Answer, client_fault};
use crate::state::{Lookup, State, Transaction};

const OK_TEXT: &str = "Transazione correttamente effettuata";

/// The gateway's KO when the caller may not call or the request is invalid; `None` to proceed.
fn refusal(
    call: &Call<'_>,
    shop_login: &str,
    api_key: Option<&Secret>,
    validation: gestpay::Result<()>,
    ttype: &str,
) -> Option<GestPayS2S> {
    if let Some(code) = call.refused(shop_login, api_key) {
        return Some(ko(ttype, code));
    }
    validation.err().map(|e| ko(ttype, error_code_for(&e)))
}

/// Dispatches on the operation: parse, admit, answer with the handler's payload. Each row is a
/// request type and its handler; the wire name and the `TransactionType` are the core's
/// (`Request::OPERATION`, `transaction_type_of`), so this table only says who answers.
macro_rules! operations {
    ($call:expr, $info:expr, $body:expr; $($req:ty => $res:ident, $handler:path;)*) => {
        match $info.operation.as_str() {
            $(name if name == <$req as Request>::OPERATION.name => {
                let ttype = ttype::<$req>();
                let req: $req = parse($call.version, $body)?;
                let refused = refusal($call, &req.shop_login, req.api_key.as_ref(), req.validate(), ttype);
                let out = match refused {
                    Some(ko) => ko,
                    None => $handler($call, &req),
                };
                reply($call.version, &$res(out))
            })*
            name if name == CallRenounce::OPERATION.name => {
                let _: CallRenounce = parse($call.version, $body)?;
                reply($call.version, &CallRenounceResult(ok(ttype::<CallRenounce>())))
            }
            name if name == CallDeviceActivation::OPERATION.name => {
                let _: CallDeviceActivation = parse($call.version, $body)?;
                reply($call.version, &CallDeviceActivationResult(ok(ttype::<CallDeviceActivation>())))
            }
            other => Err(client_fault(
                $call.version,
                format!("Server did not recognize the value of HTTP Header SOAPAction: https://ecomms2s.sella.it/{other}."),
            )),
        }
    };
}

/// The `TransactionType` the gateway answers an operation with: the core's table
/// (`codes::transaction_type_of`), and for the three operations it does not document, the value
/// this emulator answers.
pub(crate) fn ttype<R: Request>() -> &'static str {
    let name = R::OPERATION.name;
    transaction_type_of(name).unwrap_or(match name {
        "CallUpdateCustomParamS2S" => "UpdateCustomParam",
        "callRenounce" => "Renounce",
        "callDeviceActivation" => "DeviceActivation",
        other => other,
    })
}

pub(crate) fn handle(call: &Call<'_>, info: &RequestInfo, body: &[u8]) -> Answer {
    operations! { call, info, body;
        CallPagamS2S => CallPagamS2SResult, pay::pagam;
        CallReadTrxS2S => CallReadTrxS2SResult, pay::read;
        CallSettleS2S => CallSettleS2SResult, manage::settle;
        CallDeleteS2S => CallDeleteS2SResult, manage::delete;
        CallRefundS2S => CallRefundS2SResult, manage::refund;
        CallUpdateOrderS2S => CallUpdateOrderS2SResult, manage::update_order;
        CallUpdateCustomParamS2S => CallUpdateCustomParamS2SResult, manage::update_custom_param;
        CallRequestTokenS2S => CallRequestTokenS2SResult, cards::request_token;
        CallDeleteTokenS2S => CallDeleteTokenS2SResult, cards::delete_token;
        CallUpdateTokenS2S => CallUpdateTokenS2SResult, cards::update_token;
        CallCheckCartaS2S => CallCheckCartaS2SResult, cards::check_card;
        CallVerifycardS2S => CallVerifycardS2SResult, cards::verify_card;
        CallIdealListS2S => CallIdealListS2SResult, cards::ideal_banks;
        CallMyBankListS2S => CallMyBankListS2SResult, cards::mybank_banks;
        CallExchangeRateS2S => CallExchangeRateS2SResult, cards::exchange_rates;
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
        error_description: error_description(code).map(Text::from),
        ..GestPayS2S::default()
    }
}

/// The identity of a transaction, as every S2S answer about it carries.
fn about(mut out: GestPayS2S, t: &Transaction) -> GestPayS2S {
    out.shop_transaction_id = Some(t.shop_transaction_id.clone());
    out.bank_transaction_id = Some(t.bank_transaction_id.clone());
    out
}

/// "Transaction not found".
const NOT_FOUND: u32 = 2011;

/// The KO of a lookup that found nothing, or more than one transaction.
fn not_found(ttype: &str, found: &Lookup) -> GestPayS2S {
    match found {
        Lookup::NotUnique => {
            let mut out = ko(ttype, 1144);
            out.error_description =
                Some("Transaction not uniquely identified: use bankTransactionId".into());
            out
        }
        _ => ko(ttype, NOT_FOUND),
    }
}

/// Runs `f` on the looked-up transaction (with an OK answer about it to start from), or
/// answers the gateway's KO when it is not (uniquely) found.
fn with_transaction(
    state: &mut State,
    ttype: &str,
    found: Lookup,
    f: impl FnOnce(&mut State, &mut Transaction, GestPayS2S) -> GestPayS2S,
) -> GestPayS2S {
    let Lookup::Found(bank) = found else {
        return not_found(ttype, &found);
    };
    let Some(mut t) = state.transactions.remove(&bank) else {
        return ko(ttype, NOT_FOUND);
    };
    let start = about(ok(ttype), &t);
    let out = about(f(state, &mut t, start), &t);
    state.transactions.insert(bank, t);
    out
}

fn minor(amount: Option<Amount>, currency: Currency) -> u64 {
    amount
        .and_then(|a| a.to_minor_units(currency).ok())
        .unwrap_or(0)
}

fn exposed(secret: Option<&Secret>) -> String {
    secret.map(|s| s.expose().to_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transaction_types_are_the_core_table_and_the_undocumented_three() {
        assert_eq!(ttype::<CallPagamS2S>(), "PAGAM");
        assert_eq!(ttype::<CallReadTrxS2S>(), "QUERYTX");
        assert_eq!(ttype::<CallUpdateCustomParamS2S>(), "UpdateCustomParam");
        assert_eq!(ttype::<CallRenounce>(), "Renounce");
        assert_eq!(ttype::<CallDeviceActivation>(), "DeviceActivation");
    }
}
