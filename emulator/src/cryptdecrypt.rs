//! WsCryptDecrypt: Encrypt registers a payment for the payment page; Decrypt reveals the
//! result string the payment page sent to the merchant.

use gestpay::codes::{TransactionResult, error_description};
use gestpay::cryptdecrypt::{Decrypt, DecryptResult, Encrypt, EncryptResult};
use gestpay::custom_info::ReturnedCustomInfo;
use gestpay::payload::Buyer;
use gestpay::soap::RequestInfo;
use gestpay::{Error, Request, Response, Secret, SoapVersion};

use crate::App;
use crate::soap::{Answer, client_fault, server_fault};
use crate::state::{PendingPayment, Transaction};

pub(crate) fn handle(app: &App, info: &RequestInfo, body: &[u8]) -> Answer {
    let v = info.version;
    match info.operation.as_str() {
        "Encrypt" => encrypt(app, v, parse::<Encrypt>(v, body)?),
        "Decrypt" => decrypt(app, v, parse::<Decrypt>(v, body)?),
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
    R::from_envelope(body)
        .map_err(|e| client_fault(version, format!("Server was unable to read request. {e}")))
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

/// True when the call carries the API key the emulator was configured with (or none is needed).
pub(crate) fn api_key_ok(app: &App, sent: Option<&Secret>) -> bool {
    match &app.config().api_key {
        None => true,
        Some(expected) => sent.is_some_and(|s| s.expose() == expected),
    }
}

fn encrypt_ko(code: u32) -> EncryptResult {
    EncryptResult {
        transaction_type: Some("ENCRYPT".into()),
        transaction_result: Some(TransactionResult::Ko),
        error_code: Some(code),
        error_description: error_description(code).map(str::to_owned),
        ..EncryptResult::default()
    }
}

fn encrypt(app: &App, v: SoapVersion, req: Encrypt) -> Answer {
    if !api_key_ok(app, req.api_key.as_ref()) {
        return reply(v, &encrypt_ko(1142));
    }
    if let Err(e) = req.validate() {
        return reply(v, &encrypt_ko(error_code_for(&e)));
    }
    let mut state = app.state();
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
            error_description: Some(String::new()),
            ..EncryptResult::default()
        },
    )
}

fn decrypt_ko(code: u32) -> DecryptResult {
    DecryptResult {
        transaction_type: Some("DECRYPT".into()),
        transaction_result: Some(TransactionResult::Ko),
        error_code: Some(code),
        error_description: error_description(code).map(str::to_owned),
        ..DecryptResult::default()
    }
}

fn decrypt(app: &App, v: SoapVersion, req: Decrypt) -> Answer {
    if !api_key_ok(app, req.api_key.as_ref()) {
        return reply(v, &decrypt_ko(1142));
    }
    let state = app.state();
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
    let description = if t.ok {
        "Transazione correttamente effettuata".to_owned()
    } else {
        error_description(t.error_code).unwrap_or("").to_owned()
    };
    DecryptResult {
        transaction_type: Some("DECRYPT".into()),
        transaction_result: Some(if t.ok {
            TransactionResult::Ok
        } else {
            TransactionResult::Ko
        }),
        shop_transaction_id: Some(t.shop_transaction_id.clone()),
        bank_transaction_id: Some(t.bank_transaction_id.clone()),
        authorization_code: t.ok.then(|| t.authorization_code.clone()),
        currency: Some(t.currency),
        amount: Some(t.amount()),
        custom_info: t.custom_info.clone().map(ReturnedCustomInfo),
        buyer: (t.buyer_name.is_some() || t.buyer_email.is_some()).then(|| Buyer {
            buyer_name: t.buyer_name.clone(),
            buyer_email: t.buyer_email.clone(),
        }),
        error_code: Some(t.error_code),
        error_description: Some(description),
        payment_method: Some(t.payment_type.as_str().to_owned()),
        token: t.token.clone().map(Secret::new),
        ..DecryptResult::default()
    }
}
