//! 3-D Secure 2 request data (docs/protocol.md §4.17–§4.18): the two `transDetails` types and
//! their children. Element-name case is irregular and copied exactly (`threeDSAuthResult` but
//! `threeDsContainer`, `homePhone_cc`, ...).

use crate::Text;

crate::xml_model! {
    /// `transDetails` of `Encrypt` (type `ThreeDSEncryptTransDetails`): 3DS 2 data for the payment page.
    pub struct EncryptTransDetails {
        /// `type` (3): transaction type (`01F`, `03F`, `EC`, `NPA`; empty = Axerve rule).
        pub r#type: Option<Text> => "type" [max 3],
        /// `authenticationAmount` (9): amount to authenticate, ≥ `amount` (else ignored).
        pub authentication_amount: Option<Text> => "authenticationAmount" [max 9],
        /// `threeDsContainer` (type `EncryptThreeDsContainer`): buyer and risk data.
        pub three_ds_container: Option<EncryptThreeDsContainer> => "threeDsContainer",
        /// `recurringTransaction`: recurring payment terms.
        pub recurring_transaction: Option<RecurringTransaction> => "recurringTransaction",
        /// `previousTransDetails` (type `EncryptPreviousTransDetails`): the buyer's previous authentication.
        pub previous_trans_details: Option<PreviousTransDetails> => "previousTransDetails",
    }
}

crate::xml_model! {
    /// `transDetails` of `callPagamS2S` (type `TransDetails`): 3DS 2 data for a server-to-server payment.
    pub struct TransDetails {
        /// `type` (3): transaction type (`01F 01N 03F 03N 08 09 EC NPA`; empty = Axerve rule).
        pub r#type: Option<Text> => "type" [max 3],
        /// `authenticationAmount` (9): amount to authenticate, ≥ `amount` (else ignored).
        pub authentication_amount: Option<Text> => "authenticationAmount" [max 9],
        /// `threeDSAuthResult`: a 3DS authentication done elsewhere (old docs spelling `threeDsAuthResult` is read too).
        pub three_ds_auth_result: Option<ThreeDsAuthResult> => "threeDSAuthResult" | "threeDsAuthResult",
        /// `threeDsContainer`: buyer and risk data, with `SDKDetails` for in-app payments.
        pub three_ds_container: Option<ThreeDsContainer> => "threeDsContainer",
        /// `recurringTransaction`: recurring payment terms.
        pub recurring_transaction: Option<RecurringTransaction> => "recurringTransaction",
        /// `previousTransDetails`: the buyer's previous authentication.
        pub previous_trans_details: Option<PreviousTransDetails> => "previousTransDetails",
    }
}

crate::xml_model! {
    /// `threeDSAuthResult` (type `ThreeDSAuthResult`): the result of an external 3DS authentication.
    pub struct ThreeDsAuthResult {
        /// `authenticationLevel` (2): `1H 1F 2F 2C 2E OL`.
        pub authentication_level: Option<Text> => "authenticationLevel" [max 2],
        /// `authenticationStatus` (1): the authentication status.
        pub authentication_status: Option<Text> => "authenticationStatus" [max 1],
        /// `XID` (36): transaction id of the authentication.
        pub xid: Option<Text> => "XID" [max 36],
        /// `AV` (28): authentication value (CAVV/AAV).
        pub av: Option<Text> => "AV" [max 28],
        /// `ECI` (2): electronic commerce indicator.
        pub eci: Option<Text> => "ECI" [max 2],
        /// `AVAlgorithm` (2): algorithm of the authentication value (3DS 1.0 only).
        pub av_algorithm: Option<Text> => "AVAlgorithm" [max 2],
        /// `threeDsVersion` (8): 3DS protocol version.
        pub three_ds_version: Option<Text> => "threeDsVersion" [max 8],
    }
}

crate::xml_model! {
    /// `threeDsContainer` of `Encrypt` (type `EncryptThreeDsContainer`): as [`ThreeDsContainer`] without `SDKDetails`.
    pub struct EncryptThreeDsContainer {
        /// `transTypeReq` (1): `P` payment (default), `A` authentication only.
        pub trans_type_req: Option<Text> => "transTypeReq" [max 1],
        /// `acquirerBIN` (11): acquirer BIN, required with `A` (reserved).
        pub acquirer_bin: Option<Text> => "acquirerBIN" [max 11],
        /// `acquirerMerchantID` (35): acquirer merchant id, required with `A` (reserved).
        pub acquirer_merchant_id: Option<Text> => "acquirerMerchantID" [max 35],
        /// `exemption`: `SKIP` (force challenge) or `FORCE` (request an exemption).
        pub exemption: Option<Text> => "exemption",
        /// `buyerDetails`: what the merchant knows about the buyer.
        pub buyer_details: Option<BuyerDetails> => "buyerDetails",
        /// `merchantRiskIndicator`: risk data about the purchase.
        pub merchant_risk_indicator: Option<MerchantRiskIndicator> => "merchantRiskIndicator",
    }
}

crate::xml_model! {
    /// `threeDsContainer` of `callPagamS2S` (type `ThreeDsContainer`): buyer and risk data for 3DS 2.
    pub struct ThreeDsContainer {
        /// `transTypeReq` (1): `P` payment (default), `A` authentication only.
        pub trans_type_req: Option<Text> => "transTypeReq" [max 1],
        /// `acquirerBIN` (11): acquirer BIN, required with `A` (reserved).
        pub acquirer_bin: Option<Text> => "acquirerBIN" [max 11],
        /// `acquirerMerchantID` (35): acquirer merchant id, required with `A` (reserved).
        pub acquirer_merchant_id: Option<Text> => "acquirerMerchantID" [max 35],
        /// `exemption`: `SKIP` (force challenge) or `FORCE` (request an exemption).
        pub exemption: Option<Text> => "exemption",
        /// `buyerDetails`: what the merchant knows about the buyer.
        pub buyer_details: Option<BuyerDetails> => "buyerDetails",
        /// `merchantRiskIndicator`: risk data about the purchase.
        pub merchant_risk_indicator: Option<MerchantRiskIndicator> => "merchantRiskIndicator",
        /// `SDKDetails`: base64 3DS SDK data, for in-app payments.
        pub sdk_details: Option<Text> => "SDKDetails",
    }
}

crate::xml_model! {
    /// `buyerDetails`: the buyer's profile, addresses, contacts and account history.
    pub struct BuyerDetails {
        /// `profileDetails`: how the buyer logged in.
        pub profile_details: Option<ProfileDetails> => "profileDetails",
        /// `billingAddress`: billing address.
        pub billing_address: Option<ThreeDsAddress> => "billingAddress",
        /// `shippingAddress`: shipping address.
        pub shipping_address: Option<ThreeDsAddress> => "shippingAddress",
        /// `addrMatch` (1): `Y` if the shipping and billing addresses match, else `N`.
        pub addr_match: Option<Text> => "addrMatch" [max 1],
        /// `cardHolder`: cardholder name and contacts (docs table spelling `cardholder` is read too).
        pub card_holder: Option<CardHolder> => "cardHolder" | "cardholder",
        /// `accInfo`: the buyer's account history (docs table spelling `acctInfo` is read too).
        pub acc_info: Option<AccountInfo> => "accInfo" | "acctInfo",
    }
}

crate::xml_model! {
    /// `profileDetails` (type `BuyerProfileDetails`): how the buyer authenticated on the merchant site.
    pub struct ProfileDetails {
        /// `cardHolderID` (64): the buyer's id on the merchant site (docs spelling `cardholderID` is read too).
        pub card_holder_id: Option<Text> => "cardHolderID" | "cardholderID" [max 64],
        /// `authData`: data about the login.
        pub auth_data: Option<Text> => "authData",
        /// `authMethod` (2): login method, `01`–`08`.
        pub auth_method: Option<Text> => "authMethod" [max 2],
        /// `authTimestamp` (12): login time, `YYYYMMDDHHMM` (docs spelling `authTimeStamp` is read too).
        pub auth_timestamp: Option<Text> => "authTimestamp" | "authTimeStamp" [max 12],
    }
}

crate::xml_model! {
    /// `billingAddress` / `shippingAddress` of `buyerDetails` (types `ThreeDSBillingAddress`, `ThreeDSShippingAddress`).
    pub struct ThreeDsAddress {
        /// `city` (50): city.
        pub city: Option<Text> => "city" [max 50],
        /// `country` (2): country.
        pub country: Option<Text> => "country" [max 2],
        /// `line1` (50): first address line.
        pub line1: Option<Text> => "line1" [max 50],
        /// `line2` (50): second address line.
        pub line2: Option<Text> => "line2" [max 50],
        /// `line3` (50): third address line.
        pub line3: Option<Text> => "line3" [max 50],
        /// `postCode` (16): postal code.
        pub post_code: Option<Text> => "postCode" [max 16],
        /// `state` (32): state or province.
        pub state: Option<Text> => "state" [max 32],
    }
}

crate::xml_model! {
    /// `cardHolder`: the cardholder's name and contacts.
    pub struct CardHolder {
        /// `name` (45): cardholder name.
        pub name: Option<Text> => "name" [max 45],
        /// `email` (254): e-mail address (docs table spelling `Email` is read too).
        pub email: Option<Text> => "email" | "Email" [max 254],
        /// `homePhone_cc` (3): home phone country code.
        pub home_phone_cc: Option<Text> => "homePhone_cc" [max 3],
        /// `homePhone_num` (15): home phone number.
        pub home_phone_num: Option<Text> => "homePhone_num" [max 15],
        /// `mobilePhone_cc` (3): mobile phone country code.
        pub mobile_phone_cc: Option<Text> => "mobilePhone_cc" [max 3],
        /// `mobilePhone_num` (15): mobile phone number.
        pub mobile_phone_num: Option<Text> => "mobilePhone_num" [max 15],
        /// `workPhone_cc` (3): work phone country code.
        pub work_phone_cc: Option<Text> => "workPhone_cc" [max 3],
        /// `workPhone_num` (15): work phone number.
        pub work_phone_num: Option<Text> => "workPhone_num" [max 15],
    }
}

crate::xml_model! {
    /// `accInfo` (type `AccInfo`): the buyer's account history; dates `YYYYMMDD`, indicators per EMVCo 3DS 2.
    pub struct AccountInfo {
        /// `chAccAgeInd` (2): account age indicator.
        pub ch_acc_age_ind: Option<Text> => "chAccAgeInd" [max 2],
        /// `chAccChange` (8): date of the last account change.
        pub ch_acc_change: Option<Text> => "chAccChange" [max 8],
        /// `chAccChangeInd` (2): last account change indicator.
        pub ch_acc_change_ind: Option<Text> => "chAccChangeInd" [max 2],
        /// `chAccDate` (8): account creation date.
        pub ch_acc_date: Option<Text> => "chAccDate" [max 8],
        /// `chAccPwChange` (8): date of the last password change.
        pub ch_acc_pw_change: Option<Text> => "chAccPwChange" [max 8],
        /// `chAccPwChangeInd` (2): last password change indicator.
        pub ch_acc_pw_change_ind: Option<Text> => "chAccPwChangeInd" [max 2],
        /// `nbPurchaseAccount` (4): purchases in the last six months.
        pub nb_purchase_account: Option<Text> => "nbPurchaseAccount" [max 4],
        /// `provisionAttemptsDay` (3): card add attempts in the last 24 hours.
        pub provision_attempts_day: Option<Text> => "provisionAttemptsDay" [max 3],
        /// `txnActivityDay` (3): transactions in the last 24 hours.
        pub txn_activity_day: Option<Text> => "txnActivityDay" [max 3],
        /// `txnActivityYear` (3): transactions in the last year.
        pub txn_activity_year: Option<Text> => "txnActivityYear" [max 3],
        /// `paymentAccAge` (8): date the card was added to the account.
        pub payment_acc_age: Option<Text> => "paymentAccAge" [max 8],
        /// `paymentAccInd` (2): card age indicator.
        pub payment_acc_ind: Option<Text> => "paymentAccInd" [max 2],
        /// `shipAddressUsage` (8): date the shipping address was first used.
        pub ship_address_usage: Option<Text> => "shipAddressUsage" [max 8],
        /// `shipAddressUsageInd` (2): shipping address age indicator.
        pub ship_address_usage_ind: Option<Text> => "shipAddressUsageInd" [max 2],
        /// `shipNameIndicator` (2): whether the shipping name matches the cardholder name.
        pub ship_name_indicator: Option<Text> => "shipNameIndicator" [max 2],
        /// `suspiciousAccActivity` (2): suspicious activity observed on the account.
        pub suspicious_acc_activity: Option<Text> => "suspiciousAccActivity" [max 2],
    }
}

crate::xml_model! {
    /// `merchantRiskIndicator`: risk data about the purchase.
    pub struct MerchantRiskIndicator {
        /// `deliveryEmailAddress` (254): delivery e-mail, for electronic delivery.
        pub delivery_email_address: Option<Text> => "deliveryEmailAddress" [max 254],
        /// `deliveryTimeframe` (2): delivery timeframe indicator.
        pub delivery_timeframe: Option<Text> => "deliveryTimeframe" [max 2],
        /// `giftCardAmount` (15): total gift card amount, in major units.
        pub gift_card_amount: Option<Text> => "giftCardAmount" [max 15],
        /// `giftCardCount` (2): number of gift cards bought.
        pub gift_card_count: Option<Text> => "giftCardCount" [max 2],
        /// `giftCardCurr` (3): gift card currency, as a UIC code.
        pub gift_card_curr: Option<Text> => "giftCardCurr" [max 3],
        /// `preOrderDate` (8): availability date of a pre-ordered item, `YYYYMMDD`.
        pub pre_order_date: Option<Text> => "preOrderDate" [max 8],
        /// `preOrderPurchaseInd` (2): pre-order indicator.
        pub pre_order_purchase_ind: Option<Text> => "preOrderPurchaseInd" [max 2],
        /// `reorderItemsInd` (2): reorder indicator.
        pub reorder_items_ind: Option<Text> => "reorderItemsInd" [max 2],
        /// `shipIndicator` (2): shipping method indicator.
        pub ship_indicator: Option<Text> => "shipIndicator" [max 2],
    }
}

crate::xml_model! {
    /// `recurringTransaction`: the terms of a recurring payment.
    pub struct RecurringTransaction {
        /// `installNo`: instalment number (undocumented).
        pub install_no: Option<Text> => "installNo",
        /// `expiry` (8): end of the recurring payments, `YYYYMMDD`.
        pub expiry: Option<Text> => "expiry" [max 8],
        /// `frequency` (4): minimum number of days between payments.
        pub frequency: Option<Text> => "frequency" [max 4],
    }
}

crate::xml_model! {
    /// `previousTransDetails` (types `PreviousTransDetails`, `EncryptPreviousTransDetails`): a previous 3DS authentication of the buyer.
    pub struct PreviousTransDetails {
        /// `authData`: data about the previous authentication.
        pub auth_data: Option<Text> => "authData",
        /// `authMethod` (2): previous authentication method, `01`–`04`.
        pub auth_method: Option<Text> => "authMethod" [max 2],
        /// `authTimestamp` (12): previous authentication time, `YYYYMMDDHHMM`.
        pub auth_timestamp: Option<Text> => "authTimestamp" | "authTimeStamp" [max 12],
        /// `acsID` (36): ACS transaction id of the previous authentication.
        pub acs_id: Option<Text> => "acsID" [max 36],
        /// `bankTransactionID` (18): bank transaction id of the previous payment.
        pub bank_transaction_id: Option<Text> => "bankTransactionID",
        /// `XID` (36): 3DS transaction id of the previous authentication.
        pub xid: Option<Text> => "XID" [max 36],
    }
}
