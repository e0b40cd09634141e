//! `paymentTypeDetail` (docs/protocol.md §4.12, Encrypt only): bank preselection on the payment
//! page.

use crate::Text;

crate::xml_model! {
    /// `paymentTypeDetail` (type `PaymentTypeDetail`): preselects the buyer's bank (codes from the bank lists).
    pub struct PaymentTypeDetail {
        /// `MyBankBankCode` (25): MyBank bank code.
        pub my_bank_bank_code: Option<Text> => "MyBankBankCode" [max 25],
        /// `IdealBankCode` (25): iDEAL bank code.
        pub ideal_bank_code: Option<Text> => "IdealBankCode" [max 25],
    }
}
