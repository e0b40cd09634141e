//! The two traits every operation implements: [`Request`] (build, validate, and parse back as
//! the gateway would) and [`Response`] (parse, and build as the gateway would).

use crate::codes::TransactionResult;
use crate::error::{Declined, Error, Result};
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

    /// Parses a whole response envelope (a fault becomes [`Error::Fault`]).
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
    /// `ErrorCode` (or `TransactionErrorCode`).
    fn error_code(&self) -> Option<u32>;
    /// `ErrorDescription` as sent (often Italian).
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

    /// `Ok(self)` unless the result is `KO`, which becomes [`Error::Declined`].
    fn into_result(self) -> Result<Self>
    where
        Self: Sized,
    {
        match self.declined() {
            Some(d) => Err(Error::Declined(d)),
            None => Ok(self),
        }
    }
}

/// Calls the macro `$callback` once with every operation of both services: its exact wire name,
/// request type and result type, as `"Encrypt" => Encrypt, EncryptResult; …`. Dispatchers
/// (the CLI, the bindings, the corpus runner, the schema) build their `match` from this one list.
///
/// ```
/// macro_rules! names {
///     ($($name:literal => $req:ty, $res:ty;)*) => { [$($name),*] };
/// }
/// let all = gestpay::with_operations!(names);
/// assert_eq!(all.len(), 19);
/// assert!(all.contains(&"CallRequestTokenS2S"));
/// ```
///
/// `with_operations!(callback [tokens…])` puts the tokens before the list, for callbacks that
/// need more input (`callback! { tokens… "Encrypt" => …; … }`).
#[macro_export]
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
