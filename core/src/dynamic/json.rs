//! The JSON input contract: how every caller (the CLI, the Node and WASM bindings through JSON
//! text, the Python binding through a `serde_json::Value`) hands the core a request or a result.
//!
//! * The text is one JSON value; a leading byte-order mark is ignored; a key written twice in one
//!   object is `duplicate_field`; bad JSON is `invalid_json`.
//! * Objects are read against the type: a key the type does not have is `unknown_field` naming
//!   the key's JSON path (`customInfo[0].valu`), with a hint when it is another spelling of a
//!   known key (`apikey` → `apiKey`); a value of the wrong JSON type is `invalid_type`; a value
//!   of the right type that the field cannot take is the field's own rule (`invalid_amount`,
//!   `invalid_value`, …). A struct is never read from an array.
//! * No message contains a value, and every message is bounded: the key of an unknown field is
//!   cut to 64 characters.

use std::fmt;

use serde::de;
use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};

/// The longest key or detail quoted in a message, in characters.
const MAX_QUOTED: usize = 64;

mod reader;

/// Reads `T` from JSON text (see the module docs). `what` names the whole value in errors that
/// concern it (`request`). The text is read straight into the type (no JSON tree between).
pub fn from_json_text<T: de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    reader::read_text(text).map_err(|e| e.into_error(what))
}

/// Reads `T` from a JSON value with the contract of [`from_json_text`].
pub fn from_json_value<T: de::DeserializeOwned>(value: &Value, what: &str) -> Result<T> {
    reader::read_value(value).map_err(|e| e.into_error(what))
}

/// Where a value of the core's JSON shape is read from: JSON text or a JSON value.
pub trait JsonSource: Copy {
    /// Reads `T` with the input contract; `what` names the whole value in errors.
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T>;
}

impl JsonSource for &str {
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T> {
        from_json_text(self, what)
    }
}

impl JsonSource for &Value {
    fn read<T: de::DeserializeOwned>(self, what: &str) -> Result<T> {
        from_json_value(self, what)
    }
}

/// At most `max` characters of `text`, with `…` when cut.
fn bounded(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// One step of a JSON path.
#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// An error met while reading a value, before it knows its path: the contract's own, and a
/// binding's refusals of a host value it converts to JSON (Python), so that both name the
/// field by the same path rule (`orderDetails.productDetails[0].name`).
#[derive(Debug)]
pub struct InputError {
    code: ErrorCode,
    /// Innermost step last once complete (steps are pushed on the way up, then reversed).
    path: Vec<Step>,
    message: String,
}

impl InputError {
    /// A refusal of the value being read (not yet placed: see [`InputError::at_key`]).
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        InputError {
            code,
            path: Vec::new(),
            message: message.into(),
        }
    }

    fn at(mut self, step: Step) -> Self {
        self.path.push(step);
        self
    }

    /// The error placed under `key` (called on the way out, innermost first).
    pub fn at_key(self, key: &str) -> Self {
        self.at(Step::Key(key.to_owned()))
    }

    /// The error placed at item `index` of a list.
    pub fn at_index(self, index: usize) -> Self {
        self.at(Step::Index(index))
    }

    /// The core error, its field the path (`what`, naming the whole value, when it has none).
    pub fn into_error(self, what: &str) -> Error {
        let mut field = String::new();
        for step in self.path.iter().rev() {
            match step {
                Step::Key(k) if field.is_empty() => field.push_str(&bounded(k, MAX_QUOTED)),
                Step::Key(k) => {
                    field.push('.');
                    field.push_str(&bounded(k, MAX_QUOTED));
                }
                Step::Index(i) => field.push_str(&format!("[{i}]")),
            }
        }
        if field.is_empty() || self.code == ErrorCode::InvalidJson {
            field = what.to_owned();
        }
        Error::invalid(self.code, field, self.message)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// What a JSON value is, without the value itself.
fn kind(unexpected: &de::Unexpected<'_>) -> &'static str {
    use de::Unexpected as U;
    match unexpected {
        U::Bool(_) => "a boolean",
        U::Unsigned(_) | U::Signed(_) => "an integer",
        U::Float(_) => "a number with a fraction",
        U::Char(_) | U::Str(_) => "a string",
        U::Bytes(_) => "bytes",
        U::Unit | U::Option => "null",
        U::Seq => "an array",
        U::Map => "an object",
        _ => "another kind of value",
    }
}

/// What serde expects, in the words of the JSON shape every language writes (serde says
/// `struct Encrypt`, `u64`, `a sequence`).
fn plain(expected: &dyn de::Expected) -> String {
    let text = expected.to_string();
    match text.as_str() {
        t if t.starts_with("struct ") => "an object".to_owned(),
        "u8" => "an integer from 0 to 255".to_owned(),
        "u16" => "an integer from 0 to 65535".to_owned(),
        "u32" => "an integer from 0 to 4294967295".to_owned(),
        "u64" | "usize" => "a non-negative integer".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "an integer".to_owned(),
        "a sequence" => "an array".to_owned(),
        "a map" => "an object".to_owned(),
        _ => text,
    }
}

impl de::Error for InputError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // The core's own types (amounts, codes …) refuse a value with a core `Error`, whose text
        // ends in `[code]`: keep that code and its message; anything else is `invalid_value`.
        let text = msg.to_string();
        if let Some((head, code)) = text
            .strip_suffix(']')
            .and_then(|t| t.rsplit_once(" ["))
            .and_then(|(head, code)| Some((head, ErrorCode::from_name(code)?)))
        {
            let message = head
                .strip_prefix("invalid request: ")
                .and_then(|m| m.split_once(": ").map(|(_, m)| m))
                .unwrap_or(head);
            return InputError::new(code, bounded(message, 200));
        }
        InputError::new(ErrorCode::InvalidValue, bounded(&text, 200))
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        InputError::new(
            ErrorCode::InvalidType,
            format!("expected {}, found {}", plain(expected), kind(&unexpected)),
        )
    }

    fn invalid_value(_unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        InputError::new(
            ErrorCode::InvalidValue,
            format!("expected {}", plain(expected)),
        )
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        InputError::new(
            ErrorCode::InvalidValue,
            format!("expected {expected}, found {len} items"),
        )
    }

    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        InputError::new(
            ErrorCode::InvalidValue,
            format!("expected one of {}", bounded(&expected.join(", "), 200)),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let folded = |s: &str| s.replace(['_', '-'], "").to_ascii_lowercase();
        let hint = expected
            .iter()
            .find(|known| folded(known) == folded(field))
            .map(|known| format!(" (did you mean `{known}`?)"))
            .unwrap_or_default();
        InputError::new(
            ErrorCode::UnknownField,
            format!("this type has no such field{hint}"),
        )
        .at(Step::Key(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        InputError::new(ErrorCode::MissingField, "the field is required")
            .at(Step::Key(field.to_owned()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        InputError::new(ErrorCode::DuplicateField, "the field is given twice")
            .at(Step::Key(field.to_owned()))
    }
}
