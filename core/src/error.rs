//! The one error type of the crate, split by who is at fault.
//!
//! * [`Error::InvalidRequest`]: the caller asked for something the gateway would refuse (a
//!   missing mandatory field, a value too long, card data *and* a token, …).
//! * [`Error::MalformedResponse`]: the bytes that came back are not a well-formed answer to the
//!   operation that was called (bad XML, a DOCTYPE, an HTML error page, the wrong operation, …).
//! * [`Error::Fault`]: the gateway answered with a SOAP fault.
//! * [`Error::Declined`]: a business `KO`, only when the caller turned a result into an error on
//!   purpose (see `into_result` on the result types). A KO is otherwise a plain value.
//!
//! Every error has a stable string [`code`](Error::code), the [`field`](Error::field) it concerns
//! when there is one, and a message. No message ever contains the value of a secret field.

use std::fmt;

/// Everything that can go wrong in this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request is invalid: the caller's fault, nothing was sent.
    #[error("invalid request: {field}: {message} [{code}]")]
    InvalidRequest {
        /// Which rule was broken.
        code: ErrorCode,
        /// The field concerned, as a path of wire names (`OrderDetails/CustomerDetail/FirstName`).
        field: String,
        /// A human-readable explanation; never contains a secret value.
        message: String,
    },
    /// The response (or a document handed to a parser) is malformed or unexpected.
    #[error("malformed response: {message} [{code}]{}", field_suffix(.field))]
    MalformedResponse {
        /// What was wrong.
        code: ErrorCode,
        /// The element concerned, if any.
        field: Option<String>,
        /// A human-readable explanation.
        message: String,
    },
    /// The gateway answered with a SOAP fault.
    #[error("{0}")]
    Fault(Box<crate::soap::SoapFault>),
    /// A business `KO` turned into an error by the caller.
    #[error("{0}")]
    Declined(Declined),
    /// A `XX` (pending) result turned into an error by the success check
    /// ([`Outcome::ensure_ok`](crate::Outcome::ensure_ok)): neither paid nor declined; the final
    /// outcome is notified later, and the order must wait for it.
    #[error("transaction pending (XX): the outcome is notified later; do not ship yet")]
    Pending(Declined),
}

fn field_suffix(field: &Option<String>) -> String {
    match field {
        Some(f) => format!(" (at {f})"),
        None => String::new(),
    }
}

impl Error {
    /// The stable, machine-readable code of this error (`missing_field`, `soap_fault`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidRequest { code, .. } | Error::MalformedResponse { code, .. } => {
                code.as_str()
            }
            Error::Fault(_) => ErrorCode::SoapFault.as_str(),
            Error::Declined(_) => ErrorCode::Declined.as_str(),
            Error::Pending(_) => ErrorCode::Pending.as_str(),
        }
    }

    /// The field (wire path) this error concerns, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidRequest { field, .. } => Some(field),
            Error::MalformedResponse { field, .. } => field.as_deref(),
            Error::Fault(_) => None,
            Error::Declined(_) => Some("ErrorCode"),
            Error::Pending(_) => Some("TransactionResult"),
        }
    }

    /// The kind of error, as the bindings name their error classes: `invalid_request`,
    /// `malformed_response`, `soap_fault` or `declined`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidRequest { .. } => "invalid_request",
            Error::MalformedResponse { .. } => "malformed_response",
            Error::Fault(_) => "soap_fault",
            Error::Declined(_) => "declined",
            Error::Pending(_) => "pending",
        }
    }

    /// Which party is at fault.
    pub fn party(&self) -> Party {
        match self {
            Error::InvalidRequest { .. } => Party::Caller,
            Error::MalformedResponse { .. } | Error::Fault(_) => Party::Remote,
            Error::Declined(_) | Error::Pending(_) => Party::Business,
        }
    }

    pub(crate) fn invalid(
        code: ErrorCode,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::InvalidRequest {
            code,
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn malformed(code: ErrorCode, message: impl Into<String>) -> Self {
        Error::MalformedResponse {
            code,
            field: None,
            message: message.into(),
        }
    }

    pub(crate) fn malformed_at(
        code: ErrorCode,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::MalformedResponse {
            code,
            field: Some(field.into()),
            message: message.into(),
        }
    }
}

/// Who caused an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Party {
    /// The caller built an invalid request.
    Caller,
    /// The remote side sent something malformed, unexpected, or a SOAP fault.
    Remote,
    /// The transaction was processed and declined (`KO`).
    Business,
}

/// A business `KO`, as an error. Produced only on demand by `into_result()` on a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined {
    /// The gateway's numeric error code (`ErrorCode` or `TransactionErrorCode`).
    pub error_code: Option<u32>,
    /// The gateway's (often Italian) description, as sent.
    pub description: Option<String>,
    /// The English description from the documented error table, when the code is known.
    pub known_description: Option<&'static str>,
}

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transaction declined")?;
        if let Some(code) = self.error_code {
            write!(f, ": error {code}")?;
        }
        match (self.known_description, self.description.as_deref()) {
            (Some(d), _) => write!(f, " ({d})"),
            (None, Some(d)) if !d.is_empty() => write!(f, " ({d})"),
            _ => Ok(()),
        }
    }
}

/// The stable codes of [`Error`]. Their string forms never change once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    // --- invalid request (caller) ---
    /// A mandatory field is missing or empty.
    MissingField,
    /// A value is longer than the documented maximum.
    TooLong,
    /// A value does not have the documented format (digits, `Y`/`N`, a date …).
    InvalidFormat,
    /// A value contains a character the gateway forbids (customInfo rules).
    ForbiddenCharacter,
    /// A character XML 1.0 cannot carry (a control character).
    InvalidXmlCharacter,
    /// An amount that is not a valid positive decimal, or has too many decimals.
    InvalidAmount,
    /// Two fields that exclude each other were both given, or none of a required group.
    ConflictingFields,
    /// A URL or query string handed to the callback parser is unusable.
    InvalidCallback,
    /// A JSON input has a key its type does not have (`field` is the key's JSON path).
    UnknownField,
    /// A JSON input has a value of the wrong JSON type (a number where a string is expected).
    InvalidType,
    /// A JSON input is not one well-formed JSON value.
    InvalidJson,
    /// A key written twice in one JSON object.
    DuplicateField,
    /// No operation has this name (names are the exact wire names).
    UnknownOperation,
    /// An environment that is neither `test`, `production` nor a usable base URL.
    InvalidEnv,
    // --- malformed response (remote) ---
    /// Not well-formed XML.
    XmlSyntax,
    /// The body is not valid UTF-8.
    InvalidUtf8,
    /// A DOCTYPE or an entity declaration/reference that XML without a DTD cannot have.
    DtdRefused,
    /// Nesting deeper than the configured limit.
    TooDeep,
    /// A document or a text node larger than the configured limit.
    TooLarge,
    /// Not a SOAP envelope (an HTML error page, JSON, …).
    NotSoap,
    /// A SOAP envelope without the expected response or result element.
    MissingResult,
    /// The envelope answers another operation than the one called.
    UnexpectedOperation,
    /// A known element holds a value that cannot be read (a non-numeric error code …).
    InvalidValue,
    /// An HTTP status that carries no SOAP answer.
    HttpStatus,
    /// The body declares a charset (in its Content-Type or XML declaration) that this library
    /// cannot decode.
    UnsupportedCharset,
    /// The body's bytes are not valid in the charset it declares (UTF-8 itself: `invalid_utf8`).
    InvalidEncoding,
    /// An element that may appear once appears twice (`field`: its name): two
    /// `TransactionResult`, two spellings of one element, a second `Body`, `…Response`,
    /// `…Result` or payload. An answer is one answer.
    DuplicateElement,
    /// Text and elements mixed where only one is allowed (`field`: the element): an element
    /// inside a leaf (`O<x/>K`), text beside the children of an unknown element or of the
    /// element form of `CustomInfo`.
    MixedContent,
    // --- the others ---
    /// The gateway answered with a SOAP fault.
    SoapFault,
    /// A business KO turned into an error.
    Declined,
    // --- the success check (`Outcome::ensure_ok`), beside `declined` ---
    /// `TransactionResult` is `XX`: pending, the final outcome is notified later (do not ship).
    /// Carried by [`Error::MalformedResponse`] (field `TransactionResult`).
    Pending,
    /// `TransactionResult` is missing or empty: no outcome to act on. Carried by
    /// [`Error::MalformedResponse`] (field `TransactionResult`).
    NoResult,
    /// `TransactionResult` is none of `OK`, `KO`, `XX`. Carried by [`Error::MalformedResponse`]
    /// (field `TransactionResult`).
    UnknownResult,
}

impl ErrorCode {
    /// The stable string form.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingField => "missing_field",
            ErrorCode::TooLong => "too_long",
            ErrorCode::InvalidFormat => "invalid_format",
            ErrorCode::ForbiddenCharacter => "forbidden_character",
            ErrorCode::InvalidXmlCharacter => "invalid_xml_character",
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::ConflictingFields => "conflicting_fields",
            ErrorCode::InvalidCallback => "invalid_callback",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::DuplicateField => "duplicate_field",
            ErrorCode::UnknownOperation => "unknown_operation",
            ErrorCode::InvalidEnv => "invalid_env",
            ErrorCode::XmlSyntax => "xml_syntax",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::DtdRefused => "dtd_refused",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::NotSoap => "not_soap",
            ErrorCode::MissingResult => "missing_result",
            ErrorCode::UnexpectedOperation => "unexpected_operation",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::HttpStatus => "http_status",
            ErrorCode::UnsupportedCharset => "unsupported_charset",
            ErrorCode::InvalidEncoding => "invalid_encoding",
            ErrorCode::DuplicateElement => "duplicate_element",
            ErrorCode::MixedContent => "mixed_content",
            ErrorCode::SoapFault => "soap_fault",
            ErrorCode::Declined => "declined",
            ErrorCode::Pending => "pending",
            ErrorCode::NoResult => "no_result",
            ErrorCode::UnknownResult => "unknown_result",
        }
    }
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::MissingField,
        ErrorCode::TooLong,
        ErrorCode::InvalidFormat,
        ErrorCode::ForbiddenCharacter,
        ErrorCode::InvalidXmlCharacter,
        ErrorCode::InvalidAmount,
        ErrorCode::ConflictingFields,
        ErrorCode::InvalidCallback,
        ErrorCode::UnknownField,
        ErrorCode::InvalidType,
        ErrorCode::InvalidJson,
        ErrorCode::DuplicateField,
        ErrorCode::UnknownOperation,
        ErrorCode::InvalidEnv,
        ErrorCode::XmlSyntax,
        ErrorCode::InvalidUtf8,
        ErrorCode::DtdRefused,
        ErrorCode::TooDeep,
        ErrorCode::TooLarge,
        ErrorCode::NotSoap,
        ErrorCode::MissingResult,
        ErrorCode::UnexpectedOperation,
        ErrorCode::InvalidValue,
        ErrorCode::HttpStatus,
        ErrorCode::UnsupportedCharset,
        ErrorCode::InvalidEncoding,
        ErrorCode::DuplicateElement,
        ErrorCode::MixedContent,
        ErrorCode::SoapFault,
        ErrorCode::Declined,
        ErrorCode::Pending,
        ErrorCode::NoResult,
        ErrorCode::UnknownResult,
    ];

    /// The code with this string form (`invalid_amount`), if any.
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
