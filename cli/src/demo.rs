//! `gestpay demo`: the seed's whole Amazon Pay flow, as a merchant and a buyer would live it,
//! against the emulator started in-process on an ephemeral loopback port, over real HTTP.

use std::time::Duration;

use gestpay::address::Address;
use gestpay::codes::TransactionState;
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

/// Sends a described request and returns (status, content type, body): one line each way, and
/// with `--verbose` the headers and the envelope (secrets masked).
fn send(
    agent: &Agent,
    call: &HttpRequest,
    verbose: bool,
) -> Result<(u16, Option<String>, Vec<u8>), DemoError> {
    let action = call
        .headers
        .iter()
        .find_map(|(k, v)| {
            let v = v.trim_matches('"');
            if k.eq_ignore_ascii_case("SOAPAction") {
                Some(v)
            } else {
                // SOAP 1.2 carries the action in the Content-Type's `action` parameter.
                v.split("action=").nth(1).map(|a| a.trim_matches('"'))
            }
        })
        .and_then(|a| a.rsplit('/').next())
        .unwrap_or("?");
    println!(
        "   → {} {} ({action}, {} bytes)",
        call.method,
        call.url,
        call.body.len()
    );
    if verbose {
        for (k, v) in &call.headers {
            println!("       {k}: {v}");
        }
        println!("       {}", masked(&call.body));
    }
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
        "   ← {status} {} ({} bytes)",
        content_type.as_deref().unwrap_or(""),
        body.len()
    );
    if verbose {
        println!("       {}", String::from_utf8_lossy(&body));
    }
    Ok((status, content_type, body))
}

/// The envelope with the values of the secret elements the demo sends (API key, token)
/// masked, as a log line.
fn masked(body: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(body).into_owned();
    for tag in ["apikey", "tokenValue"] {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        let mut from = 0;
        while let Some(a) = text[from..].find(&open).map(|i| from + i + open.len()) {
            let Some(b) = text[a..].find(&close).map(|i| a + i) else {
                break;
            };
            text.replace_range(a..b, "***");
            from = a + "***".len() + close.len();
        }
    }
    text
}

/// `49.90 EUR`, or what is known of it.
fn money(amount: Option<Amount>, currency: Option<Currency>) -> String {
    match (amount, currency) {
        (Some(amount), Some(currency)) => amount.in_currency(currency).to_string(),
        (Some(amount), None) => amount.to_string(),
        (None, _) => "(no amount)".to_owned(),
    }
}

/// `OK`, `KO`, `XX (pending)`, or `(none)`.
fn outcome(result: Option<&TransactionResult>) -> String {
    match result {
        Some(TransactionResult::Pending) => "XX (pending)".to_owned(),
        Some(result) => result.to_string(),
        None => "(no result)".to_owned(),
    }
}

/// `state AUT: authorized`: the code and its documented meaning.
fn state(state: Option<&TransactionState>) -> String {
    match state {
        Some(s) => match s.description() {
            Some(meaning) => format!("state {s}: {}", meaning.to_lowercase()),
            None => format!("state {s}"),
        },
        None => "(no state)".to_owned(),
    }
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
    match a {
        Some(a) => println!("   {label}: {a}"),
        None => println!("   {label}: (none)"),
    }
}

fn err(e: gestpay::Error) -> DemoError {
    e.to_string()
}

pub(crate) fn run(verbose: bool) -> Result<(), DemoError> {
    let gateway = gestpay_emulator::spawn(gestpay_emulator::Config {
        api_key: Some(API_KEY.into()),
        ..gestpay_emulator::Config::default()
    })
    .map_err(|e| format!("cannot start the emulator: {e}"))?;
    let env = Environment::Custom(gateway.base_url());
    let agent = agent();
    println!(
        "gestpay demo: Amazon Pay through the gateway, against a local emulator at {}",
        gateway.base_url()
    );
    println!("The shop's calls are built and read by the sans-IO core and sent over real HTTP.");
    if !verbose {
        println!("(`gestpay demo --verbose` also prints each envelope, secrets masked.)");
    }
    println!();

    let order_id = "ORD-2026-000042";
    let price = Amount::from_minor(4_990, Currency::EUR);
    println!(
        "1. Encrypt: the shop registers order {order_id}, {}, payable by Amazon Pay,",
        price.in_currency(Currency::EUR)
    );
    println!("   and asks for a billing agreement for later charges");
    let encrypt = Encrypt::new(SHOP, Currency::EUR, price, order_id)
        .payment_types([PaymentType::AMAZONPAY])
        .amazon_pay_billing_agreement(AmazonPayBillingAgreement::PayNowAndRecurring)
        .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &encrypt.to_http(&env, SoapVersion::Soap11).map_err(err)?,
        verbose,
    )?;
    let encrypted = EncryptResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?
        .crypt_decrypt_string
        .ok_or("Encrypt returned no CryptDecryptString")?;
    println!("   OK: the payment page opens with the encrypted string {encrypted}\n");

    println!("2. The buyer on the payment page");
    let page =
        gestpay::payment_page::payment_page_url(&env, SHOP, &encrypted, None).map_err(err)?;
    println!("   the shop redirects the buyer to {page}");
    let (_, html, _) = browse(&agent, &page, None)?;
    expect_page(&html, "Amazon Pay — Sign in")?;
    println!("   Amazon asks the buyer to sign in: marco.rossi@example.it signs in");
    let base = gateway.base_url();
    let (_, html, _) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/signin"),
        Some(&[("b", &encrypted), ("email", "marco.rossi@example.it")]),
    )?;
    expect_page(&html, "Choose a shipping address")?;
    println!("   Amazon's address book: the buyer picks the first shipping address");
    let (_, html, _) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/address"),
        Some(&[("b", &encrypted), ("address", "0")]),
    )?;
    expect_page(&html, "Choose a payment method")?;
    println!("   Amazon's wallet: the buyer picks the Visa ending in 1111 and pays");
    let (status, _, location) = browse(
        &agent,
        &format!("{base}/pagam/amazonpay/pay"),
        Some(&[("b", &encrypted), ("address", "0"), ("card", "0")]),
    )?;
    let location = location.ok_or(format!(
        "expected a redirect to the merchant, got HTTP {status}"
    ))?;
    println!("   the gateway sends the buyer back to the shop: {location}\n");

    println!("3. The shop reads `a` and `b` from that URL and asks Decrypt what happened");
    let callback = Callback::parse(&location).map_err(err)?;
    let call = Decrypt::from_callback(&callback)
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call, verbose)?;
    let result = DecryptResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    let bank_id = result
        .bank_transaction_id
        .clone()
        .ok_or("no BankTransactionID")?;
    println!(
        "   {}: order {}, {}, authorisation {}, bank transaction {bank_id}",
        outcome(result.transaction_result.as_ref()),
        result.shop_transaction_id.as_deref().unwrap_or("?"),
        money(result.amount, result.currency),
        result.authorization_code.as_deref().unwrap_or("(none)"),
    );
    let token = result.token.clone().ok_or("no billing-agreement TOKEN")?;
    println!(
        "   billing agreement {token} received (shown masked; the shop stores token.expose())\n"
    );

    println!("4. callReadTrxS2S: where does the shop ship, whom does it bill?");
    let call = CallReadTrxS2S::by_bank_transaction_id(SHOP, bank_id.clone())
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call, verbose)?;
    let read = CallReadTrxS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!(
        "   {}; {} by {}",
        state(read.transaction_state.as_ref()),
        money(read.amount, read.currency),
        read.payment_method.as_deref().unwrap_or("?"),
    );
    let addresses = read
        .amazon_addresses()
        .ok_or("no OrderReferenceDetails in the answer")?;
    println!(
        "   buyer: {} <{}>",
        addresses.buyer_name.as_deref().unwrap_or("?"),
        addresses.buyer_email.as_deref().unwrap_or("?")
    );
    print_address("ship to", addresses.shipping.as_ref());
    print_address("bill to", addresses.billing.as_ref());
    println!();

    let monthly = Amount::from_minor(1_990, Currency::EUR);
    println!(
        "5. A month later: a recurring charge of {} on the billing agreement (callPagamS2S)",
        monthly.in_currency(Currency::EUR)
    );
    let charge = CallPagamS2S::new(SHOP, Currency::EUR, monthly, "ORD-2026-000043")
        .token(token.clone())
        .payment_types([PaymentType::AMAZONPAY])
        .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &charge.to_http(&env, SoapVersion::Soap11).map_err(err)?,
        verbose,
    )?;
    let paid = CallPagamS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!(
        "   {}: {}, bank transaction {}\n",
        outcome(paid.transaction_result.as_ref()),
        money(paid.amount, paid.currency.or(Some(Currency::EUR))),
        paid.bank_transaction_id.as_deref().unwrap_or("?"),
    );

    let partial = Amount::from_minor(990, Currency::EUR);
    println!(
        "6. A refund of {} on the first payment (callRefundS2S), then its history",
        partial.in_currency(Currency::EUR)
    );
    let refund = CallRefundS2S::new(
        SHOP,
        TransactionRef::Bank(bank_id.clone()),
        Currency::EUR,
        partial,
    )
    .api_key(API_KEY);
    let (status, ct, body) = send(
        &agent,
        &refund.to_http(&env, SoapVersion::Soap11).map_err(err)?,
        verbose,
    )?;
    let refunded = CallRefundS2SResult::from_http(status, ct.as_deref(), &body)
        .map_err(err)?
        .into_result()
        .map_err(err)?;
    println!(
        "   refund {}",
        outcome(refunded.transaction_result.as_ref())
    );
    let call = CallReadTrxS2S::by_bank_transaction_id(SHOP, bank_id)
        .api_key(API_KEY)
        .to_http(&env, SoapVersion::Soap11)
        .map_err(err)?;
    let (status, ct, body) = send(&agent, &call, verbose)?;
    let read = CallReadTrxS2SResult::from_http(status, ct.as_deref(), &body).map_err(err)?;
    println!("   now in {}", state(read.transaction_state.as_ref()));
    for e in &read.events {
        let kind = match e.event_type.as_ref() {
            Some(t) => format!("{t} {}", t.description().unwrap_or("").to_lowercase()),
            None => "?".to_owned(),
        };
        println!(
            "   event: {kind:<24} {:>10}  {}",
            money(e.event_amount, read.currency),
            e.event_date.as_deref().unwrap_or("")
        );
    }
    gateway.shutdown();
    println!(
        "\nDone: Encrypt → payment page → Decrypt → addresses → recurring charge → refund, all through the sans-IO core."
    );
    Ok(())
}
