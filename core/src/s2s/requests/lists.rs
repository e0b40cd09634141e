//! Reference lists (docs/protocol.md §3.11, §3.13): the iDEAL and MyBank bank lists and the
//! exchange rates of the last 7 days.

use super::*;
use crate::Text;
use crate::codes::{Currency, Language};

crate::xml_model! {
    /// `CallIdealListS2S` (capital `C`): the iDEAL banks, whose `BankCode` preselects the bank
    /// in `Encrypt/paymentTypeDetail/IdealBankCode`.
    pub struct CallIdealListS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallIdealListS2S {
    /// The iDEAL banks available to `shop_login`.
    pub fn new(shop_login: impl AsRef<str>) -> Self {
        CallIdealListS2S {
            shop_login: Text::from(shop_login.as_ref()),
            api_key: None,
        }
    }
}

s2s_request!(
    CallIdealListS2S,
    "CallIdealListS2S",
    CallIdealListS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallMyBankListS2S` (capital `C`): the MyBank banks, whose `BankCode` preselects the bank
    /// in `Encrypt/paymentTypeDetail/MyBankBankCode`.
    pub struct CallMyBankListS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `languageId` (mandatory): the language of the bank names (`1` it … `5` de).
        pub language_id: Option<Language> => "languageId",
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallMyBankListS2S {
    /// The MyBank banks available to `shop_login`, names in `language`.
    pub fn new(shop_login: impl AsRef<str>, language: Language) -> Self {
        CallMyBankListS2S {
            shop_login: Text::from(shop_login.as_ref()),
            language_id: Some(language),
            api_key: None,
        }
    }
}

s2s_request!(
    CallMyBankListS2S,
    "CallMyBankListS2S",
    CallMyBankListS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.present("languageId", req.language_id.as_ref());
    }
);

crate::xml_model! {
    /// `callExchangeRateS2S`: the exchange rates of a currency against the euro for today and the
    /// 6 previous days (the rate applied when crediting the merchant). Give at least one of
    /// `uicCode`, `isoCode`, `numericIsoCode`.
    pub struct CallExchangeRateS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `uicCode`: the currency by UIC code.
        pub uic_code: Option<Currency> => "uicCode",
        /// `isoCode` (10): the currency by ISO 4217 alphabetic code (`USD`).
        pub iso_code: Option<Text> => "isoCode" [max 10],
        /// `numericIsoCode` (10): the currency by ISO 4217 numeric code (`840`).
        pub numeric_iso_code: Option<Text> => "numericIsoCode" [max 10],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallExchangeRateS2S {
    /// The rates of `currency`, named by its UIC code (`uicCode`).
    pub fn new(shop_login: impl AsRef<str>, currency: Currency) -> Self {
        CallExchangeRateS2S {
            shop_login: Text::from(shop_login.as_ref()),
            uic_code: Some(currency),
            ..CallExchangeRateS2S::default()
        }
    }

    /// The rates of a currency named by its ISO 4217 alphabetic code only (`isoCode`).
    pub fn by_iso_code(shop_login: impl AsRef<str>, iso_code: impl AsRef<str>) -> Self {
        CallExchangeRateS2S {
            shop_login: Text::from(shop_login.as_ref()),
            iso_code: Some(Text::from(iso_code.as_ref())),
            ..CallExchangeRateS2S::default()
        }
    }

    /// Also names the currency by its ISO codes (`isoCode`, `numericIsoCode`) when this library
    /// knows them; the gateway's docs send all three.
    pub fn with_iso_codes(mut self) -> Self {
        if let Some(currency) = self.uic_code {
            if let Some(alpha) = currency.iso_alpha() {
                self.iso_code = Some(alpha.into());
            }
            if let Some(numeric) = currency.iso_numeric() {
                self.numeric_iso_code = Some(compact_str::format_compact!("{numeric:03}"));
            }
        }
        self
    }
}

api_key_setter!(CallIdealListS2S, CallMyBankListS2S, CallExchangeRateS2S);

s2s_request!(
    CallExchangeRateS2S,
    "callExchangeRateS2S",
    CallExchangeRateS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        if req.uic_code.is_none()
            && !is_set(req.iso_code.as_deref())
            && !is_set(req.numeric_iso_code.as_deref())
        {
            c.fail(
                ErrorCode::MissingField,
                "uicCode",
                "one of uicCode, isoCode and numericIsoCode is mandatory",
            );
        }
    }
);
