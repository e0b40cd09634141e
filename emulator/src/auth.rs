//! Who may call: the shop logins, caller addresses and apikey of the configuration, checked as
//! the gateway checks them, with its error codes.

use std::net::IpAddr;

use gestpay::{Secret, SoapVersion};

use crate::App;

/// "Not accepted call: Shop not recognized".
pub(crate) const SHOP_NOT_RECOGNIZED: u32 = 1131;
/// "Not accepted call: invalid IP Address".
pub(crate) const INVALID_IP: u32 = 1142;
/// "Not accepted call: invalid Merchant APIKEY".
pub(crate) const INVALID_API_KEY: u32 = 1169;

/// One SOAP call being answered: the emulator, the SOAP version of the request, and the
/// caller's address when the server knows it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Call<'a> {
    pub(crate) app: &'a App,
    pub(crate) version: SoapVersion,
    pub(crate) peer: Option<IpAddr>,
}

impl Call<'_> {
    /// The gateway's error code when this caller may not act for `shop_login` (unknown shop,
    /// address not allowed, wrong or missing apikey), in that order; `None` when it may.
    pub(crate) fn refused(&self, shop_login: &str, api_key: Option<&Secret>) -> Option<u32> {
        let config = self.app.config();
        if !config.shop_logins.is_empty() && !config.shop_logins.iter().any(|s| s == shop_login) {
            return Some(SHOP_NOT_RECOGNIZED);
        }
        if !config.allowed_ips.is_empty()
            && !self
                .peer
                .is_some_and(|ip| config.allowed_ips.iter().any(|a| a.to_canonical() == ip))
        {
            return Some(INVALID_IP);
        }
        match &config.api_key {
            Some(expected) if api_key.is_none_or(|sent| sent.expose() != expected) => {
                Some(INVALID_API_KEY)
            }
            _ => None,
        }
    }
}
