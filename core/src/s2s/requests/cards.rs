//! Card checks and tokens (docs/protocol.md §3.6–§3.10, §5.2): `callCheckCartaS2S`,
//! `callVerifycardS2S` (legacy), `CallRequestTokenS2S`, `callDeleteTokenS2S`,
//! `CallUpdateTokenS2S`.
//!
//! The element names differ from one operation to the next and are copied exactly:
//! `expMonth`/`expYear`/`CVV2` (check, verify) but `expiryMonth`/`expiryYear`/`cvv` (request
//! token, update token); `withAuth` but `withAut` (update token); `tokenValue` but `token`
//! (update token); `tokenValue` comes *first* in `callDeleteTokenS2S`.

use super::*;
use crate::Text;
use crate::cryptdecrypt::RequestToken;

crate::xml_model! {
    /// `callCheckCartaS2S`: checks a card (or that a token is still valid), optionally with an
    /// authorisation attempt (`withAuth` = `Y`). Card data XOR `tokenValue`.
    pub struct CallCheckCartaS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50, mandatory).
        pub shop_transaction_id: Text => "shopTransactionId" [max 50],
        /// `cardNumber` (20, secret): digits only, at least 12, with `expMonth` and `expYear`;
        /// excludes `tokenValue`.
        pub card_number: Option<Secret> => "cardNumber" [max 20],
        /// `expMonth` (2 digits, secret) — **not** `expiryMonth`.
        pub exp_month: Option<Secret> => "expMonth",
        /// `expYear` (2 digits, secret).
        pub exp_year: Option<Secret> => "expYear",
        /// `CVV2` (3 or 4 digits, secret) — upper case.
        pub cvv2: Option<Secret> => "CVV2" [max 4],
        /// `withAuth` (mandatory, `Y`/`N`): `Y` = also try an authorisation. `0` is accepted
        /// too, as the sandbox answered OK to it ([`FLAG_VALUES`](crate::validate::FLAG_VALUES)).
        pub with_auth: Text => "withAuth" [max 1],
        /// `tokenValue` (25, secret): check a token instead of card data.
        pub token_value: Option<Secret> => "tokenValue" [max 25],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallCheckCartaS2S {
    /// Checks card data (2-digit month and year); `with_auth` also tries an authorisation.
    pub fn card(
        shop_login: impl AsRef<str>,
        shop_transaction_id: impl AsRef<str>,
        number: impl Into<Secret>,
        exp_month: impl Into<Secret>,
        exp_year: impl Into<Secret>,
        with_auth: bool,
    ) -> Self {
        CallCheckCartaS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: Text::from(shop_transaction_id.as_ref()),
            card_number: Some(number.into()),
            exp_month: Some(exp_month.into()),
            exp_year: Some(exp_year.into()),
            with_auth: yes_no(with_auth),
            ..CallCheckCartaS2S::default()
        }
    }

    /// Checks that a token is still valid; `with_auth` also tries an authorisation.
    pub fn token(
        shop_login: impl AsRef<str>,
        shop_transaction_id: impl AsRef<str>,
        token: impl Into<Secret>,
        with_auth: bool,
    ) -> Self {
        CallCheckCartaS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: Text::from(shop_transaction_id.as_ref()),
            token_value: Some(token.into()),
            with_auth: yes_no(with_auth),
            ..CallCheckCartaS2S::default()
        }
    }

    /// The card's CVV2.
    pub fn cvv2(mut self, cvv2: impl Into<Secret>) -> Self {
        self.cvv2 = Some(cvv2.into());
        self
    }
}

s2s_request!(
    CallCheckCartaS2S,
    "callCheckCartaS2S",
    CallCheckCartaS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.nonempty("shopTransactionId", &req.shop_transaction_id);
        let card = [
            ("cardNumber", req.card_number.as_ref()),
            ("expMonth", req.exp_month.as_ref()),
            ("expYear", req.exp_year.as_ref()),
        ];
        check_card_xor_token(&mut c, &card, req.token_value.as_ref());
        check_card_formats(&mut c, &card, 20, ("CVV2", req.cvv2.as_ref()));
        check_required_yes_no(&mut c, "withAuth", &req.with_auth);
    }
);

crate::xml_model! {
    /// `callVerifycardS2S`: verifies a card (legacy).
    ///
    /// **Deprecated by the gateway**: removed from the published documentation on 2021-03-01,
    /// though still in every WSDL (2022 included). Prefer [`CallCheckCartaS2S`].
    pub struct CallVerifycardS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `shopTransactionId` (50, mandatory).
        pub shop_transaction_id: Text => "shopTransactionId" [max 50],
        /// `cardNumber` (20, mandatory, secret): digits only, at least 12.
        pub card_number: Option<Secret> => "cardNumber" [max 20],
        /// `expMonth` (2 digits, mandatory, secret).
        pub exp_month: Option<Secret> => "expMonth",
        /// `expYear` (2 digits, mandatory, secret).
        pub exp_year: Option<Secret> => "expYear",
        /// `CVV2` (3 or 4 digits, mandatory, secret).
        pub cvv2: Option<Secret> => "CVV2" [max 4],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallVerifycardS2S {
    /// Verifies a card: number, 2-digit month and year, CVV2. Deprecated by the gateway; prefer
    /// [`CallCheckCartaS2S::card`].
    pub fn new(
        shop_login: impl AsRef<str>,
        shop_transaction_id: impl AsRef<str>,
        number: impl Into<Secret>,
        exp_month: impl Into<Secret>,
        exp_year: impl Into<Secret>,
        cvv2: impl Into<Secret>,
    ) -> Self {
        CallVerifycardS2S {
            shop_login: Text::from(shop_login.as_ref()),
            shop_transaction_id: Text::from(shop_transaction_id.as_ref()),
            card_number: Some(number.into()),
            exp_month: Some(exp_month.into()),
            exp_year: Some(exp_year.into()),
            cvv2: Some(cvv2.into()),
            api_key: None,
        }
    }
}

s2s_request!(
    CallVerifycardS2S,
    "callVerifycardS2S",
    CallVerifycardS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        c.nonempty("shopTransactionId", &req.shop_transaction_id);
        required_secret(&mut c, "cardNumber", req.card_number.as_ref());
        required_secret(&mut c, "expMonth", req.exp_month.as_ref());
        required_secret(&mut c, "expYear", req.exp_year.as_ref());
        required_secret(&mut c, "CVV2", req.cvv2.as_ref());
        let card = [
            ("cardNumber", req.card_number.as_ref()),
            ("expMonth", req.exp_month.as_ref()),
            ("expYear", req.exp_year.as_ref()),
        ];
        check_card_formats(&mut c, &card, 20, ("CVV2", req.cvv2.as_ref()));
    }
);

crate::xml_model! {
    /// `CallRequestTokenS2S` (capital `C`): creates a token of a card, optionally trying an
    /// authorisation. Tokens of a merchant belonging to a group are usable by the whole group.
    pub struct CallRequestTokenS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `requestToken` (25, mandatory): `MASKEDPAN` or a custom token format. (The docs'
        /// 24 here disagrees with 25 everywhere else; 25 is allowed.)
        pub request_token: Option<RequestToken> => "requestToken",
        /// `cardNumber` (20, mandatory, secret): digits only, at least 12.
        pub card_number: Option<Secret> => "cardNumber" [max 20],
        /// `expiryMonth` (2 digits, mandatory, secret) — `expiry…` here, unlike check carta.
        pub expiry_month: Option<Secret> => "expiryMonth",
        /// `expiryYear` (2 digits, mandatory, secret).
        pub expiry_year: Option<Secret> => "expiryYear",
        /// `cvv` (3 or 4 digits, secret) — lower case here.
        pub cvv: Option<Secret> => "cvv" [max 4],
        /// `withAuth` (mandatory, `Y`/`N`): `Y` = also try an authorisation. `0` is accepted
        /// too, as the sandbox answered OK to it ([`FLAG_VALUES`](crate::validate::FLAG_VALUES)).
        pub with_auth: Text => "withAuth" [max 1],
        /// `originalId`: undocumented.
        pub original_id: Option<Text> => "originalId",
        /// `description`: undocumented.
        pub description: Option<Text> => "description",
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallRequestTokenS2S {
    /// Tokenises a card (2-digit month and year); `with_auth` also tries an authorisation.
    pub fn new(
        shop_login: impl AsRef<str>,
        request_token: RequestToken,
        number: impl Into<Secret>,
        expiry_month: impl Into<Secret>,
        expiry_year: impl Into<Secret>,
        with_auth: bool,
    ) -> Self {
        CallRequestTokenS2S {
            shop_login: Text::from(shop_login.as_ref()),
            request_token: Some(request_token),
            card_number: Some(number.into()),
            expiry_month: Some(expiry_month.into()),
            expiry_year: Some(expiry_year.into()),
            with_auth: yes_no(with_auth),
            ..CallRequestTokenS2S::default()
        }
    }

    /// The card's CVV.
    pub fn cvv(mut self, cvv: impl Into<Secret>) -> Self {
        self.cvv = Some(cvv.into());
        self
    }
}

s2s_request!(
    CallRequestTokenS2S,
    "CallRequestTokenS2S",
    CallRequestTokenS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        match &req.request_token {
            None => c.fail(ErrorCode::MissingField, "requestToken", "is mandatory"),
            Some(token) => {
                c.nonempty("requestToken", &token.format);
                c.max("requestToken", Some(&token.format), 25);
            }
        }
        required_secret(&mut c, "cardNumber", req.card_number.as_ref());
        required_secret(&mut c, "expiryMonth", req.expiry_month.as_ref());
        required_secret(&mut c, "expiryYear", req.expiry_year.as_ref());
        let card = [
            ("cardNumber", req.card_number.as_ref()),
            ("expiryMonth", req.expiry_month.as_ref()),
            ("expiryYear", req.expiry_year.as_ref()),
        ];
        check_card_formats(&mut c, &card, 20, ("cvv", req.cvv.as_ref()));
        check_required_yes_no(&mut c, "withAuth", &req.with_auth);
    }
);

crate::xml_model! {
    /// `callDeleteTokenS2S`: disables a token, or cancels a PayPal billing agreement. Note the
    /// wire order: `tokenValue` **first**, then `shopLogin`.
    pub struct CallDeleteTokenS2S {
        /// `tokenValue` (25, mandatory, secret): the token to disable.
        pub token_value: Option<Secret> => "tokenValue" [max 25],
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallDeleteTokenS2S {
    /// Disables `token` (group merchants may disable tokens of other merchants of the group).
    pub fn new(shop_login: impl AsRef<str>, token: impl Into<Secret>) -> Self {
        CallDeleteTokenS2S {
            token_value: Some(token.into()),
            shop_login: Text::from(shop_login.as_ref()),
            api_key: None,
        }
    }
}

s2s_request!(
    CallDeleteTokenS2S,
    "callDeleteTokenS2S",
    CallDeleteTokenS2SResult,
    |req, c| {
        required_secret(&mut c, "tokenValue", req.token_value.as_ref());
        c.nonempty("shopLogin", &req.shop_login);
    }
);

crate::xml_model! {
    /// `CallUpdateTokenS2S` (capital `C`): changes a token's expiry. Note the names `token`
    /// (not `tokenValue`) and `withAut` (no `h`).
    pub struct CallUpdateTokenS2S {
        /// `shopLogin` (30, mandatory).
        pub shop_login: Text => "shopLogin" [max 30],
        /// `token` (25, mandatory, secret): the token to update.
        pub token: Option<Secret> => "token" [max 25],
        /// `expiryMonth` (2 digits, mandatory, secret): the new expiry month.
        pub expiry_month: Option<Secret> => "expiryMonth",
        /// `expiryYear` (2 digits, mandatory, secret): the new expiry year.
        pub expiry_year: Option<Secret> => "expiryYear",
        /// `withAut` (mandatory, `Y`/`N`): `Y` = update only if not after the card's expiry and
        /// try an authorisation; `N` = update without checks. `0` is accepted too
        /// ([`FLAG_VALUES`](crate::validate::FLAG_VALUES)).
        pub with_aut: Text => "withAut" [max 1],
        /// `apikey` (secret).
        pub api_key: Option<Secret> => "apikey",
    }
}

impl CallUpdateTokenS2S {
    /// Sets `token`'s expiry to the 2-digit month and year; `with_auth` (`withAut`) checks the
    /// card's expiry and tries an authorisation.
    pub fn new(
        shop_login: impl AsRef<str>,
        token: impl Into<Secret>,
        expiry_month: impl Into<Secret>,
        expiry_year: impl Into<Secret>,
        with_auth: bool,
    ) -> Self {
        CallUpdateTokenS2S {
            shop_login: Text::from(shop_login.as_ref()),
            token: Some(token.into()),
            expiry_month: Some(expiry_month.into()),
            expiry_year: Some(expiry_year.into()),
            with_aut: yes_no(with_auth),
            api_key: None,
        }
    }
}

api_key_setter!(
    CallCheckCartaS2S,
    CallVerifycardS2S,
    CallRequestTokenS2S,
    CallDeleteTokenS2S,
    CallUpdateTokenS2S,
);

s2s_request!(
    CallUpdateTokenS2S,
    "CallUpdateTokenS2S",
    CallUpdateTokenS2SResult,
    |req, c| {
        c.nonempty("shopLogin", &req.shop_login);
        required_secret(&mut c, "token", req.token.as_ref());
        required_secret(&mut c, "expiryMonth", req.expiry_month.as_ref());
        required_secret(&mut c, "expiryYear", req.expiry_year.as_ref());
        c.expiry_year("expiryYear", req.expiry_year.as_ref());
        c.expiry_month("expiryMonth", req.expiry_month.as_ref());
        check_required_yes_no(&mut c, "withAut", &req.with_aut);
    }
);
