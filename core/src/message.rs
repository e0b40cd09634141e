//! The two traits every operation implements: [`Request`] (build, validate, and parse back as
//! the gateway would) and [`Response`] (parse, and build as the gateway would).

use crate::codes::TransactionResult;
use crate::error::{Declined, Error, ErrorCode, Result};
use crate::soap::{self, Environment, HttpRequest, HttpResponse, Operation, SoapVersion, Wrapping};
use crate::xml::{Limits, XmlModel};

/// A request of one operation.
pub trait Request: XmlModel {
    /// The operation's wire names.
    const OPERATION: Operation;
    /// The result type of the operation.
    type Response: Response;

    /// Checks the request against the documented rules, naming the field and the rule broken.
    fn validate(&self) -> Result<()>;

    /// The SOAP envelope, after [`validate`](Request::validate).
    fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>> {
        self.validate()?;
        self.to_envelope_unchecked(version)
    }

    /// The SOAP envelope without validation (escaping and XML-character checks still apply).
    fn to_envelope_unchecked(&self, version: SoapVersion) -> Result<Vec<u8>> {
        soap::request_envelope(&Self::OPERATION, version, self)
    }

    /// The HTTP call to make: URL of `env` (`invalid_env` for an unusable custom base), headers
    /// of `version`, validated body.
    fn to_http(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest> {
        let body = self.to_envelope(version)?;
        soap::http_request(&Self::OPERATION, env, version, body)
    }

    /// The HTTP call without validation (escaping and XML-character checks still apply): for
    /// tests that must send what the gateway would refuse.
    fn to_http_unchecked(&self, env: &Environment, version: SoapVersion) -> Result<HttpRequest> {
        let body = self.to_envelope_unchecked(version)?;
        soap::http_request(&Self::OPERATION, env, version, body)
    }

    /// Parses a request envelope (the gateway's side), with default limits.
    fn from_envelope(body: &[u8]) -> Result<Self> {
        soap::parse_request(&Self::OPERATION, body, Limits::default())
    }

    /// Parses a request envelope with explicit limits.
    fn from_envelope_with_limits(body: &[u8], limits: Limits) -> Result<Self> {
        soap::parse_request(&Self::OPERATION, body, limits)
    }

    /// Parses a request given as an envelope or as its bare wrapper element (`<Encrypt>…`, as
    /// the docs show it), qualified or not.
    fn from_xml(body: &[u8]) -> Result<Self> {
        soap::parse_request_any(&Self::OPERATION, body, Limits::default())
    }
}

/// The result of one operation.
pub trait Response: XmlModel {
    /// The operation's wire names.
    const OPERATION: Operation;

    /// Parses an HTTP response: `200` with the result envelope, or a SOAP fault
    /// ([`Error::Fault`]); anything else is a malformed response.
    ///
    /// Strict: the document must be one well-formed answer — a whole envelope whose `Body`
    /// holds one `…Response` in the service's namespace, holding one `…Result` in the same
    /// namespace, holding one payload in no namespace or the service's; each element of the
    /// payload that may appear once appears once (`duplicate_element`), a leaf holds text only
    /// (`mixed_content`), the XML declaration, if any, opens the document. See
    /// [`from_xml`](Response::from_xml) for what the lenient parser relaxes.
    fn from_http(status: u16, content_type: Option<&str>, body: &[u8]) -> Result<Self> {
        soap::parse_http_result(
            &Self::OPERATION,
            status,
            content_type,
            body,
            Limits::default(),
        )
    }

    /// [`from_http`](Response::from_http) with explicit limits.
    fn from_http_with_limits(
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
        limits: Limits,
    ) -> Result<Self> {
        soap::parse_http_result(&Self::OPERATION, status, content_type, body, limits)
    }

    /// Parses a whole response envelope (a fault becomes [`Error::Fault`]), as strictly as
    /// [`from_http`](Response::from_http) (without the HTTP status and content type).
    fn from_envelope(body: &[u8]) -> Result<Self> {
        soap::parse_result(
            &Self::OPERATION,
            body,
            Limits::default(),
            Wrapping::Envelope,
        )
    }

    /// Parses a result given as an envelope, the Response or Result element, or the bare
    /// payload (`<GestPayCryptDecrypt>…`): what the docs show and what a back office may hand to
    /// a browser.
    ///
    /// Lenient, compared with [`from_envelope`](Response::from_envelope) and
    /// [`from_http`](Response::from_http), in exactly two ways:
    ///
    /// * **wrapping**: the document may start at the envelope, the `…Response`, the `…Result`
    ///   or the payload itself;
    /// * **namespaces**: the `…Response`, `…Result` and payload elements are matched by local
    ///   name in any namespace (or none), where the strict parsers want the service's namespace
    ///   (the payload: none or the service's).
    ///
    /// Nothing else is relaxed: a document holding two answers (a second `Body`, `…Response`,
    /// `…Result` or payload), a repeated element, mixed content or a misplaced XML declaration
    /// is refused here too, and a SOAP fault is [`Error::Fault`].
    fn from_xml(body: &[u8]) -> Result<Self> {
        soap::parse_result(&Self::OPERATION, body, Limits::default(), Wrapping::Any)
    }

    /// [`from_xml`](Response::from_xml) with explicit limits.
    fn from_xml_with_limits(body: &[u8], limits: Limits) -> Result<Self> {
        soap::parse_result(&Self::OPERATION, body, limits, Wrapping::Any)
    }

    /// The response envelope (the gateway's side).
    fn to_envelope(&self, version: SoapVersion) -> Result<Vec<u8>> {
        soap::response_envelope(&Self::OPERATION, version, self)
    }

    /// The HTTP response the gateway sends for this result (status 200).
    fn to_http_response(&self, version: SoapVersion) -> Result<HttpResponse> {
        Ok(soap::http_response(version, self.to_envelope(version)?))
    }
}

/// The business outcome carried by a result: `OK`, `KO` or `XX` with an error code.
pub trait Outcome {
    /// `TransactionResult`.
    fn transaction_result(&self) -> Option<&TransactionResult>;
    /// `ErrorCode`, or `TransactionErrorCode` (callCheckCartaS2S, CallRequestTokenS2S) when
    /// only it came; `ErrorCode` wins when both came (both stay readable as fields).
    fn error_code(&self) -> Option<u32>;
    /// `ErrorDescription` as sent (often Italian), or `TransactionErrorDescription`: the one
    /// that goes with [`error_code`](Outcome::error_code), else the other.
    fn error_description(&self) -> Option<&str>;

    /// True when the result is `OK`.
    fn is_ok(&self) -> bool {
        matches!(self.transaction_result(), Some(TransactionResult::Ok))
    }

    /// True when the result is `XX` (pending: asynchronous methods; do not ship yet).
    fn is_pending(&self) -> bool {
        matches!(self.transaction_result(), Some(TransactionResult::Pending))
    }

    /// The English description of the error code from the documented table.
    fn known_error_description(&self) -> Option<&'static str> {
        self.error_code().and_then(crate::codes::error_description)
    }

    /// The KO as a value, or `None` when the result is not `KO`.
    fn declined(&self) -> Option<Declined> {
        matches!(self.transaction_result(), Some(TransactionResult::Ko)).then(|| Declined {
            error_code: self.error_code(),
            description: self.error_description().map(str::to_owned),
            known_description: self.known_error_description(),
        })
    }

    /// `Ok(self)` unless the result is `KO`, which becomes [`Error::Declined`]. Lets `XX`
    /// (pending), a missing and an unknown `TransactionResult` through: to decide whether to
    /// ship, use [`ensure_ok`](Outcome::ensure_ok) / [`into_ok`](Outcome::into_ok).
    fn into_result(self) -> Result<Self>
    where
        Self: Sized,
    {
        match self.declined() {
            Some(d) => Err(Error::Declined(d)),
            None => Ok(self),
        }
    }

    /// The success check: `Ok` only for `TransactionResult` `OK`, the one answer an order may be
    /// shipped on. Every other answer is an error, with a stable code:
    ///
    /// | `TransactionResult` | error | code |
    /// | --- | --- | --- |
    /// | `KO` | [`Error::Declined`] | `declined` |
    /// | `XX` | [`Error::Pending`], field `TransactionResult` | `pending` |
    /// | missing or empty | [`Error::MalformedResponse`], field `TransactionResult` | `no_result` |
    /// | anything else (`ok`, `OK `, `YY`) | [`Error::MalformedResponse`], field `TransactionResult` | `unknown_result` |
    ///
    /// `pending` is neither a success nor a decline: the final outcome is notified later
    /// (asynchronous methods), and the order must wait for it. No message quotes a value of the
    /// result.
    fn ensure_ok(&self) -> Result<()> {
        let outcome = || Declined {
            error_code: self.error_code(),
            description: self.error_description().map(str::to_owned),
            known_description: self.known_error_description(),
        };
        let (code, message) = match self.transaction_result() {
            Some(TransactionResult::Ok) => return Ok(()),
            Some(TransactionResult::Ko) => return Err(Error::Declined(outcome())),
            Some(TransactionResult::Pending) => return Err(Error::Pending(outcome())),
            None => (
                ErrorCode::NoResult,
                "no TransactionResult: the result carries no outcome",
            ),
            Some(TransactionResult::Other(value)) if value.trim().is_empty() => (
                ErrorCode::NoResult,
                "an empty TransactionResult: the result carries no outcome",
            ),
            Some(TransactionResult::Other(_)) => (
                ErrorCode::UnknownResult,
                "TransactionResult is none of OK, KO and XX",
            ),
        };
        Err(Error::MalformedResponse {
            code,
            field: Some("TransactionResult".to_owned()),
            message: message.to_owned(),
        })
    }

    /// `Ok(self)` only when the result is `OK`; every other answer is the error of
    /// [`ensure_ok`](Outcome::ensure_ok) (`declined`, `pending`, `no_result`, `unknown_result`).
    fn into_ok(self) -> Result<Self>
    where
        Self: Sized,
    {
        self.ensure_ok()?;
        Ok(self)
    }
}

/// The three outcome fields of a result held apart from its typed value (a binding's result
/// object, a JSON value): [`Outcome`] over them, so that [`Outcome::ensure_ok`] is the one rule
/// every language applies.
///
/// ```
/// use gestpay::Outcome;
/// use gestpay::message::OutcomeFields;
///
/// let xx = OutcomeFields::new(Some("XX"), Some(0), None);
/// assert_eq!(xx.ensure_ok().unwrap_err().code(), "pending");
/// assert!(OutcomeFields::new(Some("OK"), None, None).ensure_ok().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeFields {
    /// `TransactionResult`, as sent.
    pub transaction_result: Option<TransactionResult>,
    /// `ErrorCode` (or `TransactionErrorCode`).
    pub error_code: Option<u32>,
    /// `ErrorDescription` (or `TransactionErrorDescription`), as sent.
    pub error_description: Option<String>,
}

impl OutcomeFields {
    /// The fields, `TransactionResult` as its wire text.
    pub fn new(
        transaction_result: Option<&str>,
        error_code: Option<u32>,
        error_description: Option<&str>,
    ) -> Self {
        OutcomeFields {
            transaction_result: transaction_result.map(TransactionResult::from),
            error_code,
            error_description: error_description.map(str::to_owned),
        }
    }
}

impl Outcome for OutcomeFields {
    fn transaction_result(&self) -> Option<&TransactionResult> {
        self.transaction_result.as_ref()
    }
    fn error_code(&self) -> Option<u32> {
        self.error_code
    }
    fn error_description(&self) -> Option<&str> {
        self.error_description.as_deref()
    }
}

/// Calls the macro `$callback` once with every operation of both services: its exact wire name,
/// request type and result type, as `"Encrypt" => Encrypt, EncryptResult; …`. The registry
/// ([`dynamic`](crate::dynamic), which the CLI, the bindings and the corpus runner dispatch
/// through) and the schema build their `match` from this one list (internal: reached as
/// `crate::with_operations!`; outside the crate, `gestpay::dynamic::OPERATION_NAMES`).
///
/// ```text
/// macro_rules! names {
///     ($($name:literal => $req:ty, $res:ty;)*) => { [$($name),*] };
/// }
/// let all = crate::with_operations!(names);   // 19 names
/// ```
///
/// `with_operations!(callback [tokens…])` puts the tokens before the list, for callbacks that
/// need more input (`callback! { tokens… "Encrypt" => …; … }`).
#[cfg(any(feature = "json", feature = "schema"))]
macro_rules! with_operations {
    ($callback:ident) => {
        $crate::with_operations! { $callback [] }
    };
    ($callback:ident [$($prefix:tt)*]) => {
        $callback! {
            $($prefix)*
            "Encrypt" => $crate::cryptdecrypt::Encrypt, $crate::cryptdecrypt::EncryptResult;
            "Decrypt" => $crate::cryptdecrypt::Decrypt, $crate::cryptdecrypt::DecryptResult;
            "callRefundS2S" => $crate::s2s::CallRefundS2S, $crate::s2s::CallRefundS2SResult;
            "callReadTrxS2S" => $crate::s2s::CallReadTrxS2S, $crate::s2s::CallReadTrxS2SResult;
            "callPagamS2S" => $crate::s2s::CallPagamS2S, $crate::s2s::CallPagamS2SResult;
            "callDeleteS2S" => $crate::s2s::CallDeleteS2S, $crate::s2s::CallDeleteS2SResult;
            "callSettleS2S" => $crate::s2s::CallSettleS2S, $crate::s2s::CallSettleS2SResult;
            "callVerifycardS2S" => $crate::s2s::CallVerifycardS2S, $crate::s2s::CallVerifycardS2SResult;
            "callCheckCartaS2S" => $crate::s2s::CallCheckCartaS2S, $crate::s2s::CallCheckCartaS2SResult;
            "callRenounce" => $crate::s2s::CallRenounce, $crate::s2s::CallRenounceResult;
            "CallRequestTokenS2S" => $crate::s2s::CallRequestTokenS2S, $crate::s2s::CallRequestTokenS2SResult;
            "callDeleteTokenS2S" => $crate::s2s::CallDeleteTokenS2S, $crate::s2s::CallDeleteTokenS2SResult;
            "CallUpdateTokenS2S" => $crate::s2s::CallUpdateTokenS2S, $crate::s2s::CallUpdateTokenS2SResult;
            "CallIdealListS2S" => $crate::s2s::CallIdealListS2S, $crate::s2s::CallIdealListS2SResult;
            "CallMyBankListS2S" => $crate::s2s::CallMyBankListS2S, $crate::s2s::CallMyBankListS2SResult;
            "CallUpdateCustomParamS2S" => $crate::s2s::CallUpdateCustomParamS2S, $crate::s2s::CallUpdateCustomParamS2SResult;
            "CallUpdateOrderS2S" => $crate::s2s::CallUpdateOrderS2S, $crate::s2s::CallUpdateOrderS2SResult;
            "callExchangeRateS2S" => $crate::s2s::CallExchangeRateS2S, $crate::s2s::CallExchangeRateS2SResult;
            "callDeviceActivation" => $crate::s2s::CallDeviceActivation, $crate::s2s::CallDeviceActivationResult;
        }
    };
}
#[cfg(any(feature = "json", feature = "schema"))]
pub(crate) use with_operations;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::cryptdecrypt::EncryptResult;
    use crate::error::Party;

    fn check(result: Option<&str>) -> Result<()> {
        OutcomeFields::new(result, Some(1142), Some("Indirizzo IP non valido")).ensure_ok()
    }

    #[test]
    fn only_ok_passes_the_success_check() {
        assert_eq!(check(Some("OK")), Ok(()));
        let ko = check(Some("KO")).unwrap_err();
        assert_eq!(
            (ko.code(), ko.field(), ko.party()),
            ("declined", Some("ErrorCode"), Party::Business)
        );
        assert!(matches!(&ko, Error::Declined(d) if d.error_code == Some(1142)));
        for (input, code) in [
            (Some("XX"), "pending"),
            (None, "no_result"),
            (Some(""), "no_result"),
            (Some("  "), "no_result"),
            (Some("ok"), "unknown_result"),
            (Some("OK "), "unknown_result"),
            (Some("YY"), "unknown_result"),
        ] {
            let err = check(input).unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                (code, Some("TransactionResult")),
                "{input:?}"
            );
            let text = err.to_string();
            assert!(
                !text.contains("Indirizzo") && !text.contains("YY"),
                "{text}"
            );
        }
    }

    #[test]
    fn into_ok_is_stricter_than_into_result() {
        let xx = EncryptResult {
            transaction_result: Some(TransactionResult::Pending),
            ..EncryptResult::default()
        };
        assert!(xx.clone().into_result().is_ok());
        assert_eq!(xx.into_ok().unwrap_err().code(), "pending");
        assert_eq!(
            EncryptResult::default().into_ok().unwrap_err().code(),
            "no_result"
        );
        let ok = EncryptResult {
            transaction_result: Some(TransactionResult::Ok),
            ..EncryptResult::default()
        };
        assert_eq!(ok.clone().into_ok(), Ok(ok));
    }
}
