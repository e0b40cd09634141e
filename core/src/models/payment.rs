//! `paymentTypeDetail` (PROTOCOL.md §4.12, Encrypt only): bank preselection on the payment page.

crate::xml_model! {
    /// `paymentTypeDetail` (type `PaymentTypeDetail`): preselects the buyer's bank (codes from the bank lists).
    pub struct PaymentTypeDetail {
        /// `MyBankBankCode` (25): MyBank bank code.
        pub my_bank_bank_code: Option<String> => "MyBankBankCode" [max 25],
        /// `IdealBankCode` (25): iDEAL bank code.
        pub ideal_bank_code: Option<String> => "IdealBankCode" [max 25],
    }
}
