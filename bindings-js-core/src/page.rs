//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback the
//! gateway makes to the merchant's URLs.

use gestpay::codes::PaymentType;
use gestpay::payment_page::{
    Callback, payment_page_url as core_url, three_ds_page_url as core_3ds,
};

use crate::soap::environment;
use crate::{Result, invalid_type, to_json};

/// `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>[&paymentType=<code>]` of `env`.
pub fn payment_page_url(
    env: &str,
    shop_login: &str,
    crypt_decrypt_string: &str,
    payment_type: Option<String>,
) -> Result<String> {
    let env = environment(env)?;
    let payment_type = payment_type.map(PaymentType::new);
    Ok(core_url(
        &env,
        shop_login,
        crypt_decrypt_string,
        payment_type.as_ref(),
    )?)
}

/// `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>` of `env`.
pub fn three_ds_page_url(
    env: &str,
    shop_login: &str,
    vbv_risp: &str,
    return_url: &str,
) -> Result<String> {
    let env = environment(env)?;
    Ok(core_3ds(&env, shop_login, vbv_risp, return_url)?)
}

/// The callback in a URL, a path with a query, or a query string (with or without `?`).
pub fn parse_callback(input: &str) -> Result<String> {
    to_json(&Callback::parse(input)?)
}

/// The callback in already decoded query pairs (`keys[i]` = `values[i]`).
pub fn callback_from_pairs(keys: Vec<String>, values: Vec<String>) -> Result<String> {
    if keys.len() != values.len() {
        return Err(invalid_type("pairs", "every key needs a value"));
    }
    to_json(&Callback::from_pairs(keys.into_iter().zip(values))?)
}

/// The query string the gateway sends for a callback (`a=…&b=…`), URL-encoded.
#[cfg(feature = "builders")]
pub fn callback_query(callback: &str) -> Result<String> {
    let callback: Callback = crate::from_json(callback, "callback")?;
    Ok(callback.to_query())
}
