//! Containers found inside result payloads of both services (docs/protocol.md §4b): `Buyer`,
//! `VbV`, `RISK`, `ThreeDS`. Like every result-side model, each keeps what it does not know
//! (unknown children whole, attributes) and writes it back.

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::codes::{AuthenticationLevel, RiskResponseCode};
use crate::error::Result;
use crate::xml::{
    Child, ChildAttributes, KeptList, Seen, UnknownElement, XmlNode, XmlReader, XmlWriter,
    child_attributes_for, keep_child_attributes, keep_unknown, write_unknown,
};

crate::xml_model! {
    #[unknown]
    /// `Buyer`: the buyer as the gateway recorded it.
    pub struct Buyer {
        /// `BuyerName` (50).
        pub buyer_name: Option<Text> => "BuyerName",
        /// `BuyerEmail` (50).
        pub buyer_email: Option<Text> => "BuyerEmail",
    }
}

crate::xml_model! {
    #[unknown]
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
/// both shapes are read, and written back in the shape they came in. Each child element may
/// appear once (`duplicate_element`); unknown children and the attributes of the known ones are
/// kept, as in every result-side model.
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
    /// Child elements this library does not know, kept whole.
    #[serde(skip_serializing_if = "KeptList::is_empty")]
    pub unknown: KeptList<UnknownElement>,
    /// The attributes of `VbVFlag`, `VbVBuyer`, `VbVRisp`, kept and written back.
    #[serde(skip_serializing_if = "KeptList::is_empty")]
    pub child_attributes: KeptList<ChildAttributes>,
}

/// `Vbv`'s children: (name, index for duplicate detection).
const VBV_CHILDREN: [&str; 3] = ["VbVFlag", "VbVBuyer", "VbVRisp"];

impl XmlNode for Vbv {
    fn write_node(&self, w: &mut XmlWriter, name: &'static str) -> Result<()> {
        let leaves = [
            (VBV_CHILDREN[0], &self.vbv_flag),
            (VBV_CHILDREN[1], &self.vbv_buyer),
            (VBV_CHILDREN[2], &self.vbv_risp),
        ];
        let no_children = leaves.iter().all(|(_, v)| v.is_none())
            && self.unknown.is_empty()
            && self.child_attributes.is_empty();
        if no_children {
            return w.text_element(name, self.value.as_deref().unwrap_or(""));
        }
        w.start(name)?;
        // Text beside the children (a hybrid never seen from the gateway) is kept too.
        if let Some(value) = &self.value {
            w.text(value)?;
        }
        for (n, v) in leaves {
            w.set_pending(child_attributes_for(&self.child_attributes, &[n]));
            if let Some(v) = v {
                w.text_element(n, v)?;
            }
            w.flush_pending(n)?;
        }
        write_unknown(&self.unknown, w)?;
        w.end(name)
    }

    fn read_node<'a>(r: &mut XmlReader<'a>, child: &Child<'a>) -> Result<Option<Self>> {
        let mut out = Vbv::default();
        let mut seen = Seen::default();
        let text = r.read_mixed(child, |r, c| {
            let Some(index) = VBV_CHILDREN.iter().position(|n| *n == c.local) else {
                return keep_unknown(&mut out.unknown, r, &c);
            };
            seen.mark(index as u32, &c)?;
            keep_child_attributes(&mut out.child_attributes, r, &c, |_| false)?;
            let slot = match index {
                0 => &mut out.vbv_flag,
                1 => &mut out.vbv_buyer,
                _ => &mut out.vbv_risp,
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
    #[unknown]
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
    #[unknown]
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
    #[unknown]
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
    #[unknown]
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
