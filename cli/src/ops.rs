//! The operations the command knows, by their exact wire names: JSON in, XML out, and back.

use gestpay::{Environment, Error, HttpRequest, Request, Response, SoapVersion};
use serde_json::Value;

/// What went wrong, classified for the exit code.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The JSON input does not describe a request of the operation.
    Json(String),
    /// The library refused or failed.
    Gestpay(Error),
    /// No such operation.
    UnknownOperation(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Gestpay(e)
    }
}

fn build<R: Request + serde::de::DeserializeOwned>(
    input: Value,
    env: &Environment,
    version: SoapVersion,
) -> Result<HttpRequest, Failure> {
    let req: R = serde_json::from_value(input).map_err(|e| Failure::Json(e.to_string()))?;
    Ok(req.to_http(env, version)?)
}

/// The typed result as pretty JSON, fields in wire order. With `http` (status, content type),
/// the body is an HTTP response (strict); without, any part of a result document.
fn parse<T: Response + serde::Serialize>(
    body: &[u8],
    http: Option<(u16, Option<&str>)>,
) -> Result<String, Failure> {
    let result = match http {
        Some((status, content_type)) => T::from_http(status, content_type, body)?,
        None => T::from_xml(body)?,
    };
    serde_json::to_string_pretty(&result).map_err(|e| Failure::Json(e.to_string()))
}

macro_rules! registry {
    ($($name:literal => $req:ty, $res:ty;)*) => {
        /// Every operation name, in the gateway's spelling.
        pub(crate) const OPERATIONS: &[&str] = &[$($name),*];

        /// Builds the HTTP request of `op` from its JSON description.
        pub(crate) fn build_request(op: &str, input: Value, env: &Environment, version: SoapVersion) -> Result<HttpRequest, Failure> {
            match op {
                $($name => build::<$req>(input, env, version),)*
                other => Err(Failure::UnknownOperation(other.to_owned())),
            }
        }

        /// Parses a response of `op` (an envelope, or any part of it down to the payload; or,
        /// with `http`, an HTTP response).
        pub(crate) fn parse_response(op: &str, body: &[u8], http: Option<(u16, Option<&str>)>) -> Result<String, Failure> {
            match op {
                $($name => parse::<$res>(body, http),)*
                other => Err(Failure::UnknownOperation(other.to_owned())),
            }
        }
    };
}

gestpay::with_operations!(registry);

/// Finds an operation by name, ignoring case (`callreadtrxs2s` → `callReadTrxS2S`).
pub(crate) fn canonical(op: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .copied()
        .find(|o| o.eq_ignore_ascii_case(op))
}
