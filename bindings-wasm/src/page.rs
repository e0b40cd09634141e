//! `gestpay::payment_page`: the payment page and 3-D Secure page URLs, and the callback the
//! gateway makes to the merchant's URLs.

use gestpay_js_core::page as shared;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::held::Held;
use crate::{Result, Thrown};

/// `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>[&paymentType=<code>]` of `env`.
#[wasm_bindgen(js_name = paymentPageUrl)]
pub fn payment_page_url(
    env: String,
    shop_login: String,
    crypt_decrypt_string: String,
    payment_type: Option<String>,
) -> Result<String> {
    let url = shared::payment_page_url(&env, &shop_login, &crypt_decrypt_string, payment_type);
    url.map_err(Thrown)
}

/// `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>` of `env`.
#[wasm_bindgen(js_name = threeDsPageUrl)]
pub fn three_ds_page_url(
    env: String,
    shop_login: String,
    vbv_risp: String,
    return_url: String,
) -> Result<String> {
    shared::three_ds_page_url(&env, &shop_login, &vbv_risp, &return_url).map_err(Thrown)
}

/// The callback in a URL, a path with a query, or a query string (with or without `?`).
#[wasm_bindgen(js_name = parseCallback)]
pub fn parse_callback(input: String) -> Result<Held> {
    Held::root(shared::parse_callback(&input).map_err(Thrown)?)
}

/// The callback in already decoded query pairs (`keys[i]` = `values[i]`).
#[wasm_bindgen(js_name = callbackFromPairs)]
pub fn callback_from_pairs(keys: Vec<String>, values: Vec<String>) -> Result<Held> {
    Held::root(shared::callback_from_pairs(keys, values).map_err(Thrown)?)
}
