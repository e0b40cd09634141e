//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback the
//! gateway makes to the merchant's URLs.

use gestpay::codes::PaymentType;
use gestpay::payment_page::{
    Callback, payment_page_url as core_url, three_ds_page_url as core_3ds,
};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::OrThrow;
use crate::soap::environment;
use crate::{Result, invalid_type, to_json};

/// `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>[&paymentType=<code>]` of `env`.
#[wasm_bindgen(js_name = paymentPageUrl)]
pub fn payment_page_url(
    env: String,
    shop_login: String,
    crypt_decrypt_string: String,
    payment_type: Option<String>,
) -> Result<String> {
    let env = environment(&env)?;
    let payment_type = payment_type.map(PaymentType::new);
    core_url(
        &env,
        &shop_login,
        &crypt_decrypt_string,
        payment_type.as_ref(),
    )
    .or_throw()
}

/// `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>` of `env`.
#[wasm_bindgen(js_name = threeDsPageUrl)]
pub fn three_ds_page_url(
    env: String,
    shop_login: String,
    vbv_risp: String,
    return_url: String,
) -> Result<String> {
    let env = environment(&env)?;
    core_3ds(&env, &shop_login, &vbv_risp, &return_url).or_throw()
}

/// The callback in a URL, a path with a query, or a query string (with or without `?`).
#[wasm_bindgen(js_name = parseCallback)]
pub fn parse_callback(input: String) -> Result<String> {
    to_json(&Callback::parse(&input).or_throw()?)
}

/// The callback in already decoded query pairs (`keys[i]` = `values[i]`).
#[wasm_bindgen(js_name = callbackFromPairs)]
pub fn callback_from_pairs(keys: Vec<String>, values: Vec<String>) -> Result<String> {
    if keys.len() != values.len() {
        return Err(invalid_type("pairs", "every key needs a value"));
    }
    to_json(&Callback::from_pairs(keys.into_iter().zip(values)).or_throw()?)
}
