//! `gestpay demo`: the seed's whole Amazon Pay flow, as a merchant and a buyer would live it,
//! against the emulator started in-process on an ephemeral loopback port, over real HTTP.

use std::time::Duration;

use gestpay::address::Address;
use gestpay::prelude::*;
use gestpay::s2s::{
    CallPagamS2S, CallPagamS2SResult, CallReadTrxS2S, CallReadTrxS2SResult, CallRefundS2S,
    CallRefundS2SResult, TransactionRef,
};
use ureq::Agent;

const SHOP: &str = "GESPAY65987";
const API_KEY: &str = "demo-api-key-0123456789";

/// Why the demo stopped.
pub(crate) type DemoError = String;

fn agent() -> Agent {
    Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Sends a described request and returns (status, content type, body).
fn send(agent: &Agent, call: &HttpRequest) -> Result<(u16, Option<String>, Vec<u8>), DemoError> {
    println!("  -> {} {}", call.method, call.url);
    for (k, v) in &call.headers {
        println!("     {k}: {v}");
    }
    println!("     {}", masked(&call.body));
    let mut req = agent.post(&call.url);
    for (k, v) in &call.headers {
        req = req.header(k, v);
    }
    let mut resp = req
        .send(&call.body[..])
        .map_err(|e| format!("HTTP error: {e}"))?;
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = resp
        .body_mut()
        .read_to_vec()
        .map_err(|e| format!("HTTP error: {e}"))?;
    println!(
        "  <- {status} {} ({} bytes)",
        content_type.as_deref().unwrap_or(""),
        body.len()
    );
    Ok((status, content_type, body))
}

/// The envelope with the API key and token values masked, as a log line.
fn masked(body: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(body).into_owned();
    for tag in ["apikey", "tokenValue"] {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        if let (Some(a), Some(b)) = (text.find(&open), text.find(&close)) {
            text.replace_range(a + open.len()..b, "***");
        }
    }
    text
}

fn browse(
    agent: &Agent,
    url: &str,
    form: Option<&[(&str, &str)]>,
) -> Result<(u16, String, Option<String>), DemoError> {
    let resp = match form {
        None => agent.get(url).call(),
        Some(pairs) => agent.post(url).send_form(pairs.iter().copied()),
    };
    let mut resp = resp.map_err(|e| format!("HTTP error: {e}"))?;
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let html = resp
        .body_mut()
        .read_to_string()
        .map_err(|e| format!("HTTP error: {e}"))?;
    Ok((resp.status().as_u16(), html, location))
}

fn expect_page(html: &str, title: &str) -> Result<(), DemoError> {
    if html.contains(title) {
        Ok(())
    } else {
        Err(format!("expected the page `{title}`"))
    }
}

fn print_address(label: &str, a: Option<&Address>) {
    let Some(a) = a else {
        println!("  {label}: (none)");
        return;
    };
    let parts: Vec<&str> = [
        &a.name,
        &a.address_line1,
        &a.address_line2,
        &a.address_line3,
        &a.postal_code,
        &a.city,
        &a.state_or_region,
        &a.country_code,
        &a.phone,
    ]
    .into_iter()
    .filter_map(|p| p.as_deref())
    .collect();
    println!("  {label}: {}", parts.join(", "));
}

fn err(e: gestpay::Error) -> DemoError {
    e.to_string()
}

pub(crate) fn run() -> Result<(), DemoError> {
    let gateway = gestpay_emulator::spawn(gestpay_emulator::Config {
        api_key: Some(API_KEY.into()),
        ..gestpay_emulator::Config::default()
    })
    .map_err(|e| format!("cannot start the emulator: {e}"))?;
    let env = Environment::Custom(gateway.base_url());
    let agent = agent();
    println!(
        "gestpay demo: Amazon Pay through the gateway, against a local emulator at {}\n",
        gateway.base_url()
    );

    println!("1. Encrypt — register a 49.90 EUR Amazon Pay payment with a billing agreement");
    let order_id = "ORD-2026-000042";
    let encrypt = Encrypt::new(
        SHOP,
        Currency::EUR,
        Amount::from_minor(4_990, Currency::EUR),
        order_id,
    )
    .payment_types([PaymentType::AMAZONPAY])
    .amazon_pay_billing_agreement(AmazonPayBillingAgreement::PayNowAndRecurring)
    .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &encrypt.to_http(&env, SoapVersion::Soap11).map_err(err)?,
    )?;
    let encrypted = EncryptResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?
        .crypt_decrypt_string
        .ok_or("Encrypt returned no CryptDecryptString")?;
    println!("  CryptDecryptString = {encrypted}\n");

    println!("2. The buyer on the payment page");
    let page =
        gestpay::payment_page::payment_page_url(&env, SHOP, &encrypted, None).map_err(err)?;
    println!("  GET {page}");
    let (_, html, _) = browse(&agent, &page, None)?;
    expect_page(&html, "Amazon Pay — Sign in")?;
    println!("  Amazon asks the buyer to sign in: signing in as marco.rossi@example.it");
    let base = gateway.base_url();
    let (_, html, _) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/signin"),
        Some(&[("b", &encrypted), ("email", "marco.rossi@example.it")]),
    )?;
    expect_page(&html, "Choose a shipping address")?;
    println!("  The address book widget: the buyer picks the first shipping address");
    let (_, html, _) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/address"),
        Some(&[("b", &encrypted), ("address", "0")]),
    )?;
    expect_page(&html, "Choose a payment method")?;
    println!("  The wallet widget: the buyer picks Visa ending in 1111 and pays");
    let (status, _, location) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/pay"),
        Some(&[("b", &encrypted), ("address", "0"), ("card", "0")]),
    )?;
    let location = location.ok_or(format!(
        "expected a redirect to the merchant, got HTTP {status}"
    ))?;
    println!("  <- {status} redirect to the merchant: {location}\n");

    println!("3. The merchant receives `a` and `b` and calls Decrypt");
    let callback = Callback::parse(&location).map_err(err)?;
    let call = Decrypt::from_callback(&callback)
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call)?;
    let result = DecryptResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    let bank_id = result
        .bank_transaction_id
        .clone()
        .ok_or("no BankTransactionID")?;
    println!(
        "  result {:?}, order {:?}, bank id {bank_id}, amount {:?} {:?}, authorisation {:?}",
        result.transaction_result,
        result.shop_transaction_id,
        result.amount,
        result.currency,
        result.authorization_code
    );
    let token = result.token.clone().ok_or("no billing-agreement TOKEN")?;
    println!("  billing-agreement token: {token:?} (redacted; the shop stores token.expose())\n");

    println!("4. callReadTrxS2S — where do I ship, whom do I bill?");
    let call = CallReadTrxS2S::by_bank_transaction_id(SHOP, bank_id.clone())
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call)?;
    let read = CallReadTrxS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!(
        "  state {:?}, company {:?}, events {}",
        read.transaction_state,
        read.company,
        read.events.len()
    );
    let addresses = read
        .amazon_addresses()
        .ok_or("no OrderReferenceDetails in the answer")?;
    println!(
        "  buyer: {} <{}>",
        addresses.buyer_name.as_deref().unwrap_or("?"),
        addresses.buyer_email.as_deref().unwrap_or("?")
    );
    print_address("ship to", addresses.shipping.as_ref());
    print_address("bill to", addresses.billing.as_ref());
    println!();

    println!("5. A month later — a recurring charge of 19.90 EUR with the token (callPagamS2S)");
    let charge = CallPagamS2S::new(
        SHOP,
        Currency::EUR,
        Amount::from_minor(1_990, Currency::EUR),
        "ORD-2026-000043",
    )
    .token(token.clone())
    .payment_types([PaymentType::AMAZONPAY])
    .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &charge.to_http(&env, SoapVersion::Soap11).map_err(err)?,
    )?;
    let paid = CallPagamS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!(
        "  result {:?}, bank id {:?}, amount {:?}\n",
        paid.transaction_result, paid.bank_transaction_id, paid.amount
    );

    println!("6. A partial refund of the first payment (callRefundS2S), then its history");
    let refund = CallRefundS2S::new(
        SHOP,
        TransactionRef::Bank(bank_id.clone()),
        Currency::EUR,
        Amount::from_minor(990, Currency::EUR),
    )
    .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &refund.to_http(&env, SoapVersion::Soap11).map_err(err)?,
    )?;
    let refunded = CallRefundS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!("  refund {:?}", refunded.transaction_result);
    let call = CallReadTrxS2S::by_bank_transaction_id(SHOP, bank_id)
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call)?;
    let read = CallReadTrxS2SResult::from_http(status, ct.as_deref(), &body).map_err(err)?;
    println!("  state {:?}", read.transaction_state);
    for e in &read.events {
        println!(
            "  event {:?} {:?} on {}",
            e.event_type,
            e.event_amount,
            e.event_date.as_deref().unwrap_or("")
        );
    }
    gateway.shutdown();
    println!(
        "\nDone: Encrypt → payment page → Decrypt → addresses → recurring charge → refund, all through the sans-IO core."
    );
    Ok(())
}
