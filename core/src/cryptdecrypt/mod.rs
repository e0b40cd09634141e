//! WsCryptDecrypt: `Encrypt` (register a payment, get the payment page string) and `Decrypt`
//! (read the result the gateway sends back to the merchant's URLs).

mod decrypt;
mod encrypt;
mod result;

pub use decrypt::Decrypt;
pub use encrypt::{AmazonPayBillingAgreement, Encrypt, RequestToken};
pub use result::{DecryptResult, EncryptResult};
