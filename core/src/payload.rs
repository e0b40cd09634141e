//! Containers found inside result payloads of both services (docs/protocol.md §4b): `Buyer`,
//! `VbV`, `RISK`, `ThreeDS`.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::codes::{AuthenticationLevel, RiskResponseCode};
use crate::error::Result;
use crate::xml::{Child, XmlNode, XmlReader, XmlWriter};

crate::xml_model! {
    /// `Buyer`: the buyer as the gateway recorded it.
    pub struct Buyer {
        /// `BuyerName` (50).
        pub buyer_name: Option<Text> => "BuyerName",
        /// `BuyerEmail` (50).
        pub buyer_email: Option<Text> => "BuyerEmail",
    }
}

crate::xml_model! {
    /// `RISK`: the Riskified outcome, nested (callReadTrxS2S); flat elsewhere.
    pub struct Risk {
        /// `RiskResponseCode`.
        pub risk_response_code: Option<RiskResponseCode> => "RiskResponseCode",
        /// `RiskResponseDescription`.
        pub risk_response_description: Option<Text> => "RiskResponseDescription",
    }
}

/// `VbV`: 3-D Secure information. The gateway sends it either as a flag text (`<VbV>OK</VbV>`,
/// Decrypt) or as a container (`<VbV><VbVFlag/><VbVBuyer/><VbVRisp/></VbV>`, callPagamS2S);
/// both shapes are read, and written back in the shape they came in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Vbv {
    /// The element's own text (flat shape).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `VbVFlag`: `OK` when the card is 3-D Secure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vbv_flag: Option<String>,
    /// `VbVBuyer`: `OK` enrolled / `KO` not enrolled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vbv_buyer: Option<String>,
    /// `VbVRisp`: the encrypted string for the 3-D Secure page (parameter `b`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vbv_risp: Option<String>,
}

impl XmlNode for Vbv {
    fn write_node(&self, w: &mut XmlWriter, name: &'static str) -> Result<()> {
        if self.vbv_flag.is_none() && self.vbv_buyer.is_none() && self.vbv_risp.is_none() {
            return w.text_element(name, self.value.as_deref().unwrap_or(""));
        }
        w.start(name)?;
        // Text beside the children (a hybrid never seen from the gateway) is kept too.
        if let Some(value) = &self.value {
            w.text(value)?;
        }
        for (n, v) in [
            ("VbVFlag", &self.vbv_flag),
            ("VbVBuyer", &self.vbv_buyer),
            ("VbVRisp", &self.vbv_risp),
        ] {
            if let Some(v) = v {
                w.text_element(n, v)?;
            }
        }
        w.end(name)
    }

    fn read_node<'a>(r: &mut XmlReader<'a>, child: &Child<'a>) -> Result<Option<Self>> {
        let mut out = Vbv::default();
        let text = r.read_mixed(child, |r, c| {
            let slot = match c.local {
                "VbVFlag" => &mut out.vbv_flag,
                "VbVBuyer" => &mut out.vbv_buyer,
                "VbVRisp" => &mut out.vbv_risp,
                _ => return r.skip(&c),
            };
            let text = r.read_text(&c)?;
            *slot = (!text.is_empty()).then_some(text);
            Ok(())
        })?;
        let text = text.trim();
        if !text.is_empty() {
            out.value = Some(text.to_owned());
        }
        Ok((out != Vbv::default()).then_some(out))
    }
}

crate::xml_model! {
    /// `ThreeDS/authenticationResult` (docs/protocol.md §4.20).
    pub struct AuthenticationResult {
        /// `authenticationLevel` (2): `1H 1F 2F 2C 2E OL NA`.
        pub authentication_level: Option<AuthenticationLevel> => "authenticationLevel",
        /// `authenticationStatus` (1).
        pub authentication_status: Option<Text> => "authenticationStatus",
        /// `authStatusReason` (2).
        pub auth_status_reason: Option<Text> => "authStatusReason",
        /// `XID` (36).
        pub xid: Option<Text> => "XID",
        /// `AV` (28): the authentication value.
        pub av: Option<Text> => "AV",
        /// `ECI` (2).
        pub eci: Option<Text> => "ECI",
        /// `AVAlgorithm` (2).
        pub av_algorithm: Option<Text> => "AVAlgorithm",
        /// `threeDsVersion` (8).
        pub three_ds_version: Option<Text> => "threeDsVersion",
    }
}

crate::xml_model! {
    /// `ThreeDS/transDetails`: store it and send it back as `previousTransDetails` next time.
    pub struct ThreeDsTransDetailsResult {
        /// `authData`.
        pub auth_data: Option<Text> => "authData",
        /// `authMethod` (2): `01`–`04`.
        pub auth_method: Option<Text> => "authMethod",
        /// `authTimestamp` (12): `YYYYMMDDHHMM`.
        pub auth_timestamp: Option<Text> => "authTimestamp",
        /// `acsID` (36).
        pub acs_id: Option<Text> => "acsID",
    }
}

crate::xml_model! {
    /// `ThreeDS/InAppChallenge` (callPagamS2S, in-app SDK flows).
    pub struct InAppChallenge {
        /// `threeDSServerTransID`.
        pub three_ds_server_trans_id: Option<Text> => "threeDSServerTransID",
        /// `acsSignedContent` (JWS).
        pub acs_signed_content: Option<Text> => "acsSignedContent",
        /// `acsTransID`.
        pub acs_trans_id: Option<Text> => "acsTransID",
        /// `acsURL`.
        pub acs_url: Option<Text> => "acsURL",
        /// `cardholderInfo`.
        pub cardholder_info: Option<Text> => "cardholderInfo",
        /// `messageExtension`.
        pub message_extension: Option<Text> => "messageExtension",
        /// `sdkTransID`.
        pub sdk_trans_id: Option<Text> => "sdkTransID",
    }
}

crate::xml_model! {
    /// `ThreeDS`: the 3-D Secure 2 outcome.
    pub struct ThreeDs {
        /// `authenticationResult`.
        pub authentication_result: Option<AuthenticationResult> => "authenticationResult",
        /// `transDetails`.
        pub trans_details: Option<ThreeDsTransDetailsResult> => "transDetails",
        /// `InAppChallenge`.
        pub in_app_challenge: Option<InAppChallenge> => "InAppChallenge",
    }
}

/// The accessors every card-payment result shares (Decrypt's `GestPayCryptDecrypt`, WsS2S's
/// `GestPayS2S`): amounts in minor units, and the fields the gateway sends flat in some payloads
/// and nested in others (`VbV*`, `RISK`), read whichever shape came.
macro_rules! card_result_accessors {
    ($ty:ty) => {
        impl $ty {
            /// The amount in the currency's minor units (`None` if either is missing or the
            /// amount has more decimals than the currency allows).
            pub fn amount_minor_units(&self) -> Option<u64> {
                self.amount?.to_minor_units(self.currency?).ok()
            }

            /// `VbVRisp`, whichever shape it came in: the `b` parameter of the 3-D Secure page.
            pub fn vbv_risp(&self) -> Option<&str> {
                self.vbv_risp
                    .as_deref()
                    .or_else(|| self.vbv.as_ref()?.vbv_risp.as_deref())
            }

            /// `VbVFlag`, whichever shape it came in (the text of a flat `<VbV>OK</VbV>` too).
            pub fn vbv_flag(&self) -> Option<&str> {
                self.vbv_flag.as_deref().or_else(|| {
                    let vbv = self.vbv.as_ref()?;
                    vbv.vbv_flag.as_deref().or(vbv.value.as_deref())
                })
            }

            /// `VbVBuyer`, whichever shape it came in.
            pub fn vbv_buyer(&self) -> Option<&str> {
                self.vbv_buyer
                    .as_deref()
                    .or_else(|| self.vbv.as_ref()?.vbv_buyer.as_deref())
            }

            /// `RiskResponseCode`, flat or nested under `RISK`.
            pub fn risk_code(&self) -> Option<&$crate::codes::RiskResponseCode> {
                self.risk_response_code
                    .as_ref()
                    .or_else(|| self.risk.as_ref()?.risk_response_code.as_ref())
            }

            /// `RiskResponseDescription`, flat or nested under `RISK`.
            pub fn risk_description(&self) -> Option<&str> {
                self.risk_response_description
                    .as_deref()
                    .or_else(|| self.risk.as_ref()?.risk_response_description.as_deref())
            }

            /// `Buyer/BuyerName`.
            pub fn buyer_name(&self) -> Option<&str> {
                self.buyer.as_ref()?.buyer_name.as_deref()
            }

            /// `Buyer/BuyerEmail`.
            pub fn buyer_email(&self) -> Option<&str> {
                self.buyer.as_ref()?.buyer_email.as_deref()
            }
        }
    };
}
pub(crate) use card_result_accessors;
