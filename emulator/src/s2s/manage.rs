//! The life cycle of an existing transaction: callSettleS2S, callDeleteS2S, callRefundS2S, and
//! the updates CallUpdateOrderS2S and CallUpdateCustomParamS2S.

use gestpay::codes::{EventType, TransactionState};
use gestpay::s2s::*;

use super::{ko, minor, ttype, with_transaction};
use crate::auth::Call;

/// "Transaction can not be settled" (not authorised, or already settled, cancelled, refunded).
const CANNOT_SETTLE: u32 = 2019;
/// "Settlement amount > Authorization amount".
const SETTLE_TOO_MUCH: u32 = 8014;
/// "Transaction can not be deleted" (only an authorised, unsettled one can).
const CANNOT_DELETE: u32 = 2017;
/// "Transaction can not be refunded" (nothing settled).
const CANNOT_REFUND: u32 = 2018;
/// "… a refund operation with an amount exceeding transaction balance".
const REFUND_TOO_MUCH: u32 = 2014;

pub(super) fn settle(call: &Call<'_>, req: &CallSettleS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_trans_id.as_deref(),
        req.shop_trans_id.as_deref(),
    );
    with_transaction(
        &mut state,
        ttype::<CallSettleS2S>(),
        found,
        |state, t, out| {
            let amount = minor(req.amount, t.currency);
            if !t.is_ok() || t.state != TransactionState::Aut {
                ko(ttype::<CallSettleS2S>(), CANNOT_SETTLE)
            } else if amount == 0 || t.settled_minor + amount > t.authorized_minor {
                ko(ttype::<CallSettleS2S>(), SETTLE_TOO_MUCH)
            } else {
                t.settled_minor += amount;
                t.state = TransactionState::Mov;
                t.events.push(state.event(EventType::Mov, amount));
                out
            }
        },
    )
}

pub(super) fn delete(call: &Call<'_>, req: &CallDeleteS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    with_transaction(
        &mut state,
        ttype::<CallDeleteS2S>(),
        found,
        |state, t, mut out| {
            if t.is_ok() && t.state == TransactionState::Aut && t.settled_minor == 0 {
                t.state = TransactionState::Can;
                t.events
                    .push(state.event(EventType::Can, t.authorized_minor));
                out.error_description = Some("Transazione ritirata".into());
                out
            } else {
                ko(ttype::<CallDeleteS2S>(), CANNOT_DELETE)
            }
        },
    )
}

pub(super) fn refund(call: &Call<'_>, req: &CallRefundS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    with_transaction(
        &mut state,
        ttype::<CallRefundS2S>(),
        found,
        |state, t, out| {
            let amount = minor(req.amount, t.currency);
            let balance = t.settled_minor - t.refunded_minor;
            if !t.is_ok() || t.settled_minor == 0 {
                ko(ttype::<CallRefundS2S>(), CANNOT_REFUND)
            } else if amount == 0 || amount > balance {
                ko(ttype::<CallRefundS2S>(), REFUND_TOO_MUCH)
            } else {
                t.refunded_minor += amount;
                t.state = TransactionState::Sto;
                t.events.push(state.event(EventType::Sto, amount));
                out
            }
        },
    )
}

pub(super) fn update_order(call: &Call<'_>, req: &CallUpdateOrderS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    with_transaction(
        &mut state,
        ttype::<CallUpdateOrderS2S>(),
        found,
        |_, _, out| out,
    )
}

pub(super) fn update_custom_param(call: &Call<'_>, req: &CallUpdateCustomParamS2S) -> GestPayS2S {
    let mut state = call.app.state();
    let found = state.find(
        &req.shop_login,
        req.bank_transaction_id.as_deref(),
        req.shop_transaction_id.as_deref(),
    );
    with_transaction(
        &mut state,
        ttype::<CallUpdateCustomParamS2S>(),
        found,
        |_, t, out| {
            let name = req.param_name.clone();
            let value = req.param_value.clone().unwrap_or_default();
            let info = t.custom_info.get_or_insert_with(Default::default);
            match info.0.iter_mut().find(|p| p.key == name) {
                Some(p) => p.value = value.to_string(),
                None => info.push(name, value),
            }
            out
        },
    )
}
