//! The Amazon Pay flow through the gateway's payment page, end to end, with canned gateway
//! answers standing in for the network (the library never does I/O: in a shop, each
//! `HttpRequest` below is sent with the shop's own HTTP client).
//!
//! Run it with `cargo run -p gestpay --example amazon_pay`.

use gestpay::prelude::*;

const SHOP_LOGIN: &str = "GESPAY65987";

fn main() -> gestpay::Result<()> {
    let env = Environment::Test;

    println!("== 1. Encrypt: register the payment (Amazon Pay, with a billing agreement)");
    let order_id = "ORD-2026-000042"; // must be unique with Amazon Pay: the shop guarantees it
    let encrypt = Encrypt::new(
        SHOP_LOGIN,
        Currency::EUR,
        Amount::from_minor(4_990, Currency::EUR),
        order_id,
    )
    .payment_types([PaymentType::AMAZONPAY])
    .amazon_pay_billing_agreement(AmazonPayBillingAgreement::PayNowAndRecurring)
    .buyer("Nicolò Rossi", "nicolo.rossi@example.it")
    .language(Language::ITALIAN)
    .api_key("a-secret-api-key");
    println!(
        "order {order_id}, {} by Amazon Pay; the API key prints as {} (redacted)",
        Amount::from_minor(4_990, Currency::EUR).in_currency(Currency::EUR),
        encrypt
            .api_key
            .as_ref()
            .map(|k| k.to_string())
            .unwrap_or_default()
    );
    let call = encrypt.to_http(&env, SoapVersion::Soap11)?;
    print_call(&call);

    // The gateway's answer, canned: built with the same library, as an emulator would.
    let answer = EncryptResult {
        transaction_type: Some("ENCRYPT".into()),
        transaction_result: Some(TransactionResult::Ok),
        crypt_decrypt_string: Some("3AB4F5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2".into()),
        error_code: Some(0),
        error_description: Some(gestpay::Text::default()),
        ..Default::default()
    }
    .to_http_response(SoapVersion::Soap11)?;
    let result =
        EncryptResult::from_http(answer.status, content_type(&answer.headers), &answer.body)?
            .into_result()?;
    let encrypted = result.crypt_decrypt_string.unwrap_or_default();
    println!(
        "<- {} {}: CryptDecryptString = {encrypted}\n",
        answer.status,
        result
            .transaction_result
            .as_ref()
            .map_or("(no result)", |r| r.as_str())
    );

    println!("== 2. Redirect the buyer to the payment page (Amazon login, address, card)");
    let url = payment_page_url(&env, SHOP_LOGIN, &encrypted, None)?;
    println!("302 Location: {url}\n");

    println!("== 3. The gateway calls the merchant back with `a` and `b`: Decrypt them");
    let callback = Callback::parse(
        "https://shop.example/payment/ok?a=GESPAY65987&b=9F8E7D6C5B4A39281706F5E4D3C2B1A0",
    )?;
    println!(
        "callback: shopLogin = {}, encrypted string = {}",
        callback.shop_login, callback.encrypted_string
    );
    let call = Decrypt::from_callback(&callback)
        .api_key("a-secret-api-key")
        .to_http(&env, SoapVersion::Soap11)?;
    print_call(&call);

    let answer = DecryptResult {
        transaction_type: Some("DECRYPT".into()),
        transaction_result: Some(TransactionResult::Ok),
        shop_transaction_id: Some(order_id.into()),
        bank_transaction_id: Some("8754102".into()),
        authorization_code: Some("054321".into()),
        currency: Some(Currency::EUR),
        amount: Some(Amount::from_minor(4_990, Currency::EUR)),
        payment_method: Some("AMAZONPAY".into()),
        token: Some(Secret::new("B01-7755112-0303112")),
        error_code: Some(0),
        error_description: Some("Transazione correttamente effettuata".into()),
        ..Default::default()
    }
    .to_http_response(SoapVersion::Soap11)?;
    let outcome =
        DecryptResult::from_http(answer.status, content_type(&answer.headers), &answer.body)?;

    println!("<- {} DecryptResult:", answer.status);
    match outcome.declined() {
        Some(ko) => println!("   declined: {ko}"),
        None if outcome.is_pending() => {
            println!("   pending (XX): wait for the final notification")
        }
        None => {
            let text = |t: &Option<gestpay::Text>| t.as_deref().unwrap_or("(none)").to_owned();
            let money = match (outcome.amount, outcome.currency) {
                (Some(amount), Some(currency)) => amount.in_currency(currency).to_string(),
                (amount, _) => amount.map_or("(none)".to_owned(), |a| a.to_string()),
            };
            let result = outcome.transaction_result.as_ref();
            println!(
                "   result        : {}",
                result.map_or("(none)", |r| r.as_str())
            );
            println!("   order         : {}", text(&outcome.shop_transaction_id));
            println!(
                "   bank id       : {} (keep it for settle, refund, read)",
                text(&outcome.bank_transaction_id)
            );
            println!("   amount        : {money}");
            println!("   authorisation : {}", text(&outcome.authorization_code));
            println!("   method        : {}", text(&outcome.payment_method));
            println!(
                "   token         : {} (redacted when printed; store token.expose() for recurring charges)",
                outcome
                    .token
                    .as_ref()
                    .map_or("(none)".to_owned(), |t| t.to_string())
            );
        }
    }
    println!(
        "\nNext: callReadTrxS2S returns the buyer's Amazon shipping and billing addresses (WsS2S)."
    );
    Ok(())
}

fn content_type(headers: &[(String, String)]) -> Option<&str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str())
}

fn print_call(call: &HttpRequest) {
    println!("-> {} {}", call.method, call.url);
    for (k, v) in &call.headers {
        println!("   {k}: {v}");
    }
    // The envelope carries the API key: show it with the key masked, as a log would.
    let body = String::from_utf8_lossy(&call.body);
    let shown = match (body.find("<apikey>"), body.find("</apikey>")) {
        (Some(a), Some(b)) => format!(
            "{}<apikey>***</apikey>{}",
            &body[..a],
            &body[b + "</apikey>".len()..]
        ),
        _ => body.into_owned(),
    };
    println!("   {shown}\n");
}
