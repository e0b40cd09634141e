//! `Decrypt` (docs/protocol.md §2.3): turn the `b` parameter of the callback into the result.

use crate::Text;
use crate::cryptdecrypt::DecryptResult;
use crate::error::Result;
use crate::message::Request;
use crate::payment_page::Callback;
use crate::secret::Secret;
use crate::soap::Operation;
use crate::validate::Check;
use crate::xml::XmlModel;

crate::xml_model! {
    /// The `Decrypt` request. Element names are case-sensitive (`CryptedString`).
    pub struct Decrypt {
        /// `shopLogin` (30, mandatory): the `a` parameter received.
        pub shop_login: Text => "shopLogin" [max 30],
        /// `CryptedString` (mandatory): the `b` parameter received.
        pub crypted_string: Text => "CryptedString",
        /// `apikey`: API-key authentication.
        pub api_key: Option<Secret> => "apikey",
    }
}

impl Decrypt {
    /// A request for the shop login and encrypted string received.
    pub fn new(shop_login: impl AsRef<str>, crypted_string: impl AsRef<str>) -> Self {
        Decrypt {
            shop_login: Text::from(shop_login.as_ref()),
            crypted_string: Text::from(crypted_string.as_ref()),
            api_key: None,
        }
    }

    /// The request that decrypts what a callback carried.
    pub fn from_callback(callback: &Callback) -> Self {
        Decrypt::new(
            callback.shop_login.clone(),
            callback.encrypted_string.clone(),
        )
    }

    /// The API key, when API-key authentication is enabled in the back office.
    pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
        self.api_key = Some(key.into());
        self
    }
}

impl Request for Decrypt {
    const OPERATION: Operation = crate::operation!(CryptDecrypt, "Decrypt");
    type Response = DecryptResult;

    fn validate(&self) -> Result<()> {
        let mut c = Check::new();
        c.nonempty("shopLogin", &self.shop_login);
        c.nonempty("CryptedString", &self.crypted_string);
        self.check_children(&mut c, "");
        c.finish()
    }
}
