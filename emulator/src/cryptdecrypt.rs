//! WsCryptDecrypt: Encrypt registers a payment for the payment page; Decrypt reveals the
//! result string the payment page sent to the merchant.

use gestpay::Text;
use gestpay::codes::{TransactionResult, error_description};
use gestpay::cryptdecrypt::{Decrypt, DecryptResult, Encrypt, EncryptResult};
use gestpay::custom_info::ReturnedCustomInfo;
use gestpay::payload::Buyer;
use gestpay::soap::RequestInfo;
use gestpay::{Error, Request, Response, Secret, SoapVersion};

use crate::auth::Call;
use crate::soap::{Answer, client_fault, server_fault, unreadable_request};
use crate::state::{PendingPayment, Transaction, Verdict};

pub(crate) fn handle(call: &Call<'_>, info: &RequestInfo, body: &[u8]) -> Answer {
    let v = info.version;
    match info.operation.as_str() {
        name if name == Encrypt::OPERATION.name => encrypt(call, parse::<Encrypt>(v, body)?),
        name if name == Decrypt::OPERATION.name => decrypt(call, parse::<Decrypt>(v, body)?),
        other => Err(client_fault(
            v,
            format!(
                "Server did not recognize the value of HTTP Header SOAPAction: https://ecomm.sella.it/{other}."
            ),
        )),
    }
}

/// Parses a request as ASMX would: unreadable XML is a client fault.
pub(crate) fn parse<R: Request>(
    version: SoapVersion,
    body: &[u8],
) -> Result<R, Box<gestpay::SoapFault>> {
    R::from_envelope(body).map_err(|e| unreadable_request(version, &e))
}

/// The answer as an HTTP response, or a server fault if it cannot be built.
pub(crate) fn reply<T: Response>(version: SoapVersion, result: &T) -> Answer {
    result
        .to_http_response(version)
        .map_err(|e| server_fault(version, e.to_string()))
}

/// The gateway error code for a request the core's validation refuses.
pub(crate) fn error_code_for(e: &Error) -> u32 {
    let field = e.field().unwrap_or("");
    match (e.code(), field) {
        (_, "shopLogin") => 1131,
        ("missing_field", "uicCode") => 1110,
        (_, "uicCode") => 1111,
        ("missing_field", "amount") => 1112,
        (_, "amount") => 1114,
        ("missing_field", "shopTransactionId") => 1115,
        (_, "shopTransactionId") => 1116,
        ("missing_field", _) => 1144,
        _ => 1141,
    }
}

fn encrypt_ko(code: u32) -> EncryptResult {
    EncryptResult {
        transaction_type: Some("ENCRYPT".into()),
        transaction_result: Some(TransactionResult::Ko),
        error_code: Some(code),
        error_description: error_description(code).map(Text::from),
        ..EncryptResult::default()
    }
}

fn encrypt(call: &Call<'_>, req: Encrypt) -> Answer {
    let v = call.version;
    if let Some(code) = call.refused(&req.shop_login, req.api_key.as_ref()) {
        return reply(v, &encrypt_ko(code));
    }
    if let Err(e) = req.validate() {
        return reply(v, &encrypt_ko(error_code_for(&e)));
    }
    let mut state = call.app.state();
    let amazon = req
        .payment_types
        .contains(&gestpay::codes::PaymentType::AMAZONPAY);
    if amazon && state.amazon_id_taken(&req.shop_login, &req.shop_transaction_id) {
        // Amazon Pay needs a unique shopTransactionId.
        return reply(v, &encrypt_ko(1137));
    }
    let crypt = state.opaque();
    state
        .pending
        .insert(crypt.clone(), PendingPayment { request: req });
    reply(
        v,
        &EncryptResult {
            transaction_type: Some("ENCRYPT".into()),
            transaction_result: Some(TransactionResult::Ok),
            crypt_decrypt_string: Some(crypt),
            error_code: Some(0),
            error_description: Some(Text::default()),
            ..EncryptResult::default()
        },
    )
}

fn decrypt_ko(code: u32) -> DecryptResult {
    DecryptResult {
        transaction_type: Some("DECRYPT".into()),
        transaction_result: Some(TransactionResult::Ko),
        error_code: Some(code),
        error_description: error_description(code).map(Text::from),
        ..DecryptResult::default()
    }
}

fn decrypt(call: &Call<'_>, req: Decrypt) -> Answer {
    let v = call.version;
    if let Some(code) = call.refused(&req.shop_login, req.api_key.as_ref()) {
        return reply(v, &decrypt_ko(code));
    }
    if let Err(e) = req.validate() {
        return reply(v, &decrypt_ko(error_code_for(&e)));
    }
    let state = call.app.state();
    let found = state
        .results
        .get(&req.crypted_string)
        .and_then(|bank| state.transactions.get(bank))
        .filter(|t| t.shop_login == req.shop_login);
    match found {
        Some(t) => reply(v, &decrypt_result(t)),
        None => reply(v, &decrypt_ko(1141)),
    }
}

/// What Decrypt tells the merchant about a transaction.
pub(crate) fn decrypt_result(t: &Transaction) -> DecryptResult {
    DecryptResult {
        transaction_type: Some("DECRYPT".into()),
        transaction_result: Some(t.verdict.result()),
        shop_transaction_id: Some(t.shop_transaction_id.clone()),
        bank_transaction_id: Some(t.bank_transaction_id.clone()),
        authorization_code: (t.verdict == Verdict::Ok).then(|| t.authorization_code.clone()),
        currency: Some(t.currency),
        amount: Some(t.amount()),
        custom_info: t.custom_info.clone().map(ReturnedCustomInfo),
        buyer: (t.buyer_name.is_some() || t.buyer_email.is_some()).then(|| Buyer {
            buyer_name: t.buyer_name.clone(),
            buyer_email: t.buyer_email.clone(),
            ..Buyer::default()
        }),
        error_code: Some(t.verdict.error_code()),
        error_description: Some(t.verdict.description()),
        payment_method: Some(t.payment_type.as_str().into()),
        token: t.token.clone().map(Secret::new),
        ..DecryptResult::default()
    }
}
