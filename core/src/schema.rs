//! The JSON Schema of every message type (feature `schema`): one declaration in Rust, from which
//! the bindings' type stubs (`.pyi`, `.d.ts`) are generated and checked in CI.
//!
//! [`catalog`] returns one document: every type under `$defs`, and under `x-operations` the
//! operations with their service, SOAPAction, request and result types.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::message::{Request, Response};
use crate::soap::{Operation, Service};

/// A string schema; `known` lists the documented values of an open set (`x-known-values`):
/// generators offer them as literals while still accepting any string.
pub(crate) fn string(description: &str, known: &[&str], pattern: Option<&str>) -> Schema {
    let mut schema = json_schema!({ "type": "string", "description": description });
    if !known.is_empty() {
        schema.insert(
            "x-known-values".into(),
            known.iter().map(|k| serde_json::Value::from(*k)).collect(),
        );
    }
    if let Some(p) = pattern {
        schema.insert("pattern".into(), p.into());
    }
    schema
}

/// Implements [`JsonSchema`] for a type whose JSON form is a string.
macro_rules! string_schema {
    ($ty:ty, $name:literal, $description:literal, known = $known:expr, pattern = $pattern:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                string($description, $known, $pattern)
            }
        }
    };
}

string_schema!(
    crate::amount::Amount,
    "Amount",
    "An exact decimal amount with `.` as separator (`49.90`); never a float.",
    known = &[],
    pattern = Some(r"^[0-9]+(\.[0-9]{1,9})?$")
);
string_schema!(
    crate::codes::PaymentType,
    "PaymentType",
    "A payment method code (`AMAZONPAY`, `PAYPAL`, …); unknown codes are kept.",
    known = &crate::codes::PaymentType::all()
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>(),
    pattern = None
);
string_schema!(
    crate::cryptdecrypt::RequestToken,
    "RequestToken",
    "`MASKEDPAN` or a custom token format, optionally prefixed by `:FORCED:`.",
    known = &["MASKEDPAN", ":FORCED:MASKEDPAN"],
    pattern = None
);
string_schema!(
    crate::cryptdecrypt::AmazonPayBillingAgreement,
    "AmazonPayBillingAgreement",
    "Amazon Pay recurring payments: `paynowandrecurring` or `onlyrecurring`.",
    known = &["paynowandrecurring", "onlyrecurring"],
    pattern = None
);
string_schema!(
    crate::s2s::Rate,
    "Rate",
    "An exact exchange rate as the gateway writes it, with a decimal comma (`1,0617`).",
    known = &[],
    pattern = None
);
string_schema!(
    crate::s2s::OrderReferenceState,
    "OrderReferenceState",
    "Amazon's order reference state; unknown states are kept.",
    known = &["Draft", "Open", "Suspended", "Canceled", "Closed"],
    pattern = None
);

impl JsonSchema for crate::codes::Currency {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Currency")
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let known: Vec<&str> = crate::codes::Currency::all()
            .iter()
            .filter_map(|c| c.iso_alpha())
            .collect();
        string(
            "A currency: its ISO 4217 code (`EUR`), or the gateway's numeric UIC code for unknown ones (`999`).",
            &known,
            None,
        )
    }
}

impl JsonSchema for crate::codes::Language {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Language")
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": 255,
            "description": "The gateway's language id: 1 Italian, 2 English, 3 Spanish, 4 French, 5 German."
        })
    }
}

/// Every message type and operation, as one JSON Schema document.
pub fn catalog() -> Schema {
    let mut generator = SchemaGenerator::default();
    let mut operations = Vec::new();
    macro_rules! ops {
        ($($name:literal => $req:ty, $res:ty;)*) => {$(
            generator.subschema_for::<$req>();
            generator.subschema_for::<$res>();
            operations.push(operation(&<$req as Request>::OPERATION, <$req>::schema_name(), <$res>::schema_name()));
            debug_assert_eq!(<$req as Request>::OPERATION, <$res as Response>::OPERATION);
            debug_assert_eq!(<$req as Request>::OPERATION.name, $name);
        )*};
    }
    crate::with_operations!(ops);
    generator.subschema_for::<crate::soap::SoapFault>();
    generator.subschema_for::<crate::payment_page::Callback>();
    generator.subschema_for::<crate::address::Address>();
    generator.subschema_for::<crate::s2s::AmazonAddresses>();
    let defs: serde_json::Map<String, serde_json::Value> = generator.definitions().clone();
    json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gestpay messages",
        "description": "Every request and result of the Axerve (Gestpay) gateway as the gestpay core serialises it (camelCase JSON).",
        "$defs": defs,
        "x-operations": operations,
    })
}

fn operation(
    op: &Operation,
    request: Cow<'static, str>,
    result: Cow<'static, str>,
) -> serde_json::Value {
    serde_json::json!({
        "name": op.name,
        "service": match op.service { Service::CryptDecrypt => "WsCryptDecrypt", Service::S2s => "WsS2S" },
        "action": op.action,
        "request": request,
        "result": result,
    })
}
