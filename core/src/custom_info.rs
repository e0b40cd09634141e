//! `customInfo`: the merchant's own parameters, `key1=value1*P1*key2=value2`
//! (docs/protocol.md §5.1).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode, Result};

/// The separator between parameters.
pub const SEPARATOR: &str = "*P1*";
/// Longest accepted `customInfo`, in characters.
pub const MAX_TOTAL_CHARS: usize = 1000;
/// Longest accepted single parameter (`key=value`), in characters.
pub const MAX_PARAMETER_CHARS: usize = 300;

/// Characters and sequences the gateway forbids inside customInfo keys and values
/// (docs/protocol.md §1.8). Enforced on customInfo only: other fields legitimately carry spaces,
/// colons and slashes.
pub const FORBIDDEN: &[&str] = &[
    "&", " ", "§", "(", ")", "*", "<", ">", ",", ";", ":", "*P1*", "/", "[", "]", "?", "=", "--",
    "/*", "%", "//", "~", "°",
];

/// The first character of every [`FORBIDDEN`] sequence.
const FORBIDDEN_STARTS: &str = "& §()*<>,;:/[]?=-%~°";

/// One parameter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomParameter {
    /// The key, configured beforehand in the back office (Fields & Parameters).
    pub key: String,
    /// The value.
    pub value: String,
}

/// An ordered list of custom parameters.
///
/// On a request it is written verbatim (after [`validate`](CustomInfo::validate) checked the
/// forbidden characters and the limits); on a result the gateway sends the values URL-encoded,
/// and [`ReturnedCustomInfo`] decodes them once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct CustomInfo(pub Vec<CustomParameter>);

impl CustomInfo {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a parameter (builder style).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.push(key, value);
        self
    }

    /// Adds a parameter.
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.0.push(CustomParameter {
            key: key.into(),
            value: value.into(),
        });
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|p| p.key == key)
            .map(|p| p.value.as_str())
    }

    /// The parameters in order.
    pub fn iter(&self) -> impl Iterator<Item = &CustomParameter> {
        self.0.iter()
    }

    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is no parameter.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks the gateway's rules: non-empty keys, no forbidden character or sequence in keys
    /// and values, each `key=value` at most 300 characters, the whole at most 1000.
    pub fn validate(&self) -> Result<()> {
        let field = |i: usize| format!("customInfo[{i}]");
        let mut total = 0;
        for (i, p) in self.0.iter().enumerate() {
            if p.key.is_empty() {
                return Err(Error::invalid(
                    ErrorCode::MissingField,
                    field(i),
                    "empty key",
                ));
            }
            for (what, text) in [("key", &p.key), ("value", &p.value)] {
                // One pass for the usual text, which holds none of the characters a forbidden
                // sequence starts with; the sequences are searched only otherwise.
                if !text.chars().any(|c| FORBIDDEN_STARTS.contains(c)) {
                    continue;
                }
                if let Some(bad) = FORBIDDEN.iter().find(|f| text.contains(**f)) {
                    return Err(Error::invalid(
                        ErrorCode::ForbiddenCharacter,
                        format!("{}.{what}", field(i)),
                        format!("`{bad}` is not allowed in customInfo keys and values"),
                    ));
                }
            }
            let chars = p.key.chars().count() + 1 + p.value.chars().count();
            if chars > MAX_PARAMETER_CHARS {
                return Err(Error::invalid(
                    ErrorCode::TooLong,
                    field(i),
                    format!("{chars} characters, at most {MAX_PARAMETER_CHARS} per parameter"),
                ));
            }
            // The length of `to_wire()`, without building it.
            total += chars + if i > 0 { SEPARATOR.len() } else { 0 };
        }
        if total > MAX_TOTAL_CHARS {
            return Err(Error::invalid(
                ErrorCode::TooLong,
                "customInfo",
                format!("{total} characters, at most {MAX_TOTAL_CHARS}"),
            ));
        }
        Ok(())
    }

    /// The wire form, `k=v*P1*k=v`, values verbatim.
    pub fn to_wire(&self) -> String {
        self.join(|v| Cow::Borrowed(v))
    }

    /// Parses the wire form, values verbatim. A parameter without `=` is a key with an empty
    /// value; empty segments are skipped.
    pub fn parse_wire(text: &str) -> CustomInfo {
        Self::split(text, |v| v.to_owned())
    }

    fn join(&self, encode: impl Fn(&str) -> Cow<'_, str>) -> String {
        let mut out = String::new();
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(SEPARATOR);
            }
            out.push_str(&p.key);
            out.push('=');
            out.push_str(&encode(&p.value));
        }
        out
    }

    fn split(text: &str, decode: impl Fn(&str) -> String) -> CustomInfo {
        CustomInfo(
            text.split(SEPARATOR)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    let (k, v) = s.split_once('=').unwrap_or((s, ""));
                    CustomParameter {
                        key: k.to_owned(),
                        value: decode(v),
                    }
                })
                .collect(),
        )
    }
}

impl fmt::Display for CustomInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_wire())
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for CustomInfo {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        CustomInfo(
            iter.into_iter()
                .map(|(k, v)| CustomParameter {
                    key: k.into(),
                    value: v.into(),
                })
                .collect(),
        )
    }
}

impl crate::xml::XmlText for CustomInfo {
    fn to_xml_text(&self) -> Cow<'_, str> {
        self.to_wire().into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Ok(CustomInfo::parse_wire(&text))
    }
    fn from_xml_cow(text: Cow<'_, str>) -> std::result::Result<Self, String> {
        Ok(CustomInfo::parse_wire(&text))
    }
}

crate::xml_text_node!(CustomInfo);

/// `CustomInfo` as the gateway returns it in results, in either of its two shapes, read into
/// the same list:
///
/// * the documented text, `key=value*P1*key=value`, values URL-encoded on the wire and decoded
///   once here (`STORE_NAME=Negozio%2BAbc` → `Negozio+Abc`);
/// * child elements, as recorded sandbox answers of callPagamS2S carry them, keys upper-cased by
///   the gateway (`<CustomInfo><PAYMENT_ID>15</PAYMENT_ID><USER_ID>12</USER_ID></CustomInfo>`):
///   one parameter per element, in order, the key being the element's name as sent and the
///   value its text (plain XML text, not URL-decoded; escaped CDATA unwrapped). Text beside the
///   elements is refused (`mixed_content`), as is an element inside one of them.
///
/// Built back, the list is always written in the text form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ReturnedCustomInfo(pub CustomInfo);

impl std::ops::Deref for ReturnedCustomInfo {
    type Target = CustomInfo;
    fn deref(&self) -> &CustomInfo {
        &self.0
    }
}

impl crate::xml::XmlText for ReturnedCustomInfo {
    fn to_xml_text(&self) -> Cow<'_, str> {
        self.0
            .join(|v| {
                form_urlencoded::byte_serialize(v.as_bytes())
                    .collect::<String>()
                    .into()
            })
            .into()
    }
    fn from_xml_text(text: String) -> std::result::Result<Self, String> {
        Self::from_xml_cow(text.into())
    }
    fn from_xml_cow(text: Cow<'_, str>) -> std::result::Result<Self, String> {
        // .NET's UrlEncode: `+` is a space, `%XX` a byte.
        Ok(ReturnedCustomInfo(CustomInfo::split(&text, |v| {
            form_urlencoded::parse(format!("v={v}").as_bytes())
                .next()
                .map(|(_, value)| value.into_owned())
                .unwrap_or_default()
        })))
    }
}

impl crate::xml::XmlNode for ReturnedCustomInfo {
    fn write_node(&self, w: &mut crate::xml::XmlWriter, name: &'static str) -> Result<()> {
        w.text_element(name, &crate::xml::XmlText::to_xml_text(self))
    }

    fn read_node<'a>(
        r: &mut crate::xml::XmlReader<'a>,
        child: &crate::xml::Child<'a>,
    ) -> Result<Option<Self>> {
        use crate::xml::unwrap_escaped_cdata;
        let mut params: Vec<CustomParameter> = Vec::new();
        let text = r.read_mixed(child, |r, c| {
            let value = unwrap_escaped_cdata(r.read_text_cow(&c)?).into_owned();
            r.charge(c.local.len() + std::mem::size_of::<CustomParameter>())?;
            params.push(CustomParameter {
                key: c.local.to_owned(),
                value,
            });
            Ok(())
        })?;
        if !params.is_empty() {
            if !text.trim().is_empty() {
                return Err(Error::malformed_at(
                    ErrorCode::MixedContent,
                    child.local,
                    "`CustomInfo` holds both text and parameter elements",
                ));
            }
            return Ok(Some(ReturnedCustomInfo(CustomInfo(params))));
        }
        let text = unwrap_escaped_cdata(text.into());
        if text.is_empty() {
            return Ok(None);
        }
        <Self as crate::xml::XmlText>::from_xml_cow(text)
            .map(Some)
            .map_err(|reason| Error::malformed_at(ErrorCode::InvalidValue, child.local, reason))
    }
}

#[cfg(test)]
mod tests {
    use super::{FORBIDDEN, FORBIDDEN_STARTS};

    #[test]
    fn every_forbidden_sequence_starts_with_a_listed_character() {
        for f in FORBIDDEN {
            let first = f.chars().next().unwrap_or(' ');
            assert!(FORBIDDEN_STARTS.contains(first), "{f}");
        }
    }
}
