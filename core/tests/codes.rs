//! The `codes` module against its CSV sources (public API only; the values' wire texts are
//! tested next to the private XML traits, in core/src/xml/tests.rs).

use std::fmt::Debug;

use gestpay::codes::{
    ALERT_CODES, AuthenticationLevel, Currency, ERROR_CODES, EventType, Language, PaymentType,
    RiskResponseCode, TransDetailsType, TransactionResult, TransactionState, alert_description,
    error_description, transaction_type_of,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A minimal RFC 4180 reader: the header row is dropped, each record is a list of fields.
fn csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records.remove(0);
    records
}

macro_rules! data {
    ($file:literal) => {
        csv(include_str!(concat!("../data/", $file)))
    };
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialises")
}

fn from_json<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("deserialises")
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    assert_eq!(
        &from_json::<T>(&json(value)),
        value,
        "serde round trip of {value:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Counts and plain tables

#[test]
fn table_sizes_match_the_csv_files() {
    assert_eq!(ERROR_CODES.len(), 445);
    assert_eq!(ERROR_CODES.len(), data!("error_codes.csv").len());
    assert_eq!(ALERT_CODES.len(), data!("alert_codes.csv").len());
    assert_eq!(Currency::all().len(), data!("currency_codes.csv").len());
    assert_eq!(Currency::all().len(), 53);
    assert_eq!(Language::all().len(), data!("language_codes.csv").len());
    assert_eq!(
        PaymentType::all().len(),
        data!("payment_type_codes.csv").len()
    );
}

#[test]
fn error_codes_are_sorted_and_match_the_csv() {
    assert!(ERROR_CODES.windows(2).all(|w| w[0].0 < w[1].0));
    for row in data!("error_codes.csv") {
        let code: u32 = row[0].parse().expect("numeric code");
        assert_eq!(
            error_description(code),
            Some(row[1].as_str()),
            "error {code}"
        );
    }
    assert_eq!(
        error_description(1142),
        Some("Not accepted call: invalid IP Address")
    );
    assert_eq!(
        error_description(0),
        Some("Transaction correctly processed")
    );
    assert_eq!(
        error_description(8006).map(|d| d.contains("Verif")),
        Some(true)
    );
    assert_eq!(error_description(4_000_000_000), None);
}

#[test]
fn alert_codes_match_the_csv() {
    for row in data!("alert_codes.csv") {
        let code: u32 = row[0].parse().expect("numeric code");
        assert_eq!(alert_description(code), Some(row[1].as_str()));
    }
    assert!(ALERT_CODES.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(alert_description(1), None);
}

#[test]
fn transaction_types() {
    for row in data!("transaction_types.csv") {
        assert_eq!(transaction_type_of(&row[0]), Some(row[1].as_str()));
    }
    assert_eq!(transaction_type_of("callPagamS2S"), Some("PAGAM"));
    assert_eq!(transaction_type_of("CallPagamS2S"), Some("PAGAM"));
    assert_eq!(transaction_type_of("Encrypt"), Some("ENCRYPT"));
    assert_eq!(transaction_type_of("callNothingS2S"), None);
}

// ---------------------------------------------------------------------------------------------
// Currency

#[test]
fn euro_lookups() {
    assert_eq!(Currency::EUR.uic_code(), 242);
    assert_eq!(Currency::from_uic(242), Currency::EUR);
    assert_eq!(Currency::EUR.iso_numeric(), Some(978));
    assert_eq!(Currency::from_iso_numeric(978), Some(Currency::EUR));
    assert_eq!(Currency::from_iso_alpha("EUR"), Some(Currency::EUR));
    assert_eq!(Currency::from_iso_alpha("eur"), Some(Currency::EUR));
    assert_eq!(Currency::EUR.iso_alpha(), Some("EUR"));
    assert_eq!(Currency::EUR.description(), Some("Euro"));
    assert_eq!(Currency::EUR.exponent(), 2);
    assert_eq!(Currency::USD.uic_code(), 1);
    assert_eq!(Currency::JPY.uic_code(), 71);
    assert_eq!(Currency::JPY.exponent(), 0);
    assert_eq!(Currency::BOB.iso_numeric(), Some(68));
    assert_eq!(Currency::from_iso_alpha("XYZ"), None);
    assert_eq!(Currency::from_iso_numeric(999), None);
    assert_eq!(Currency::EUR.to_string(), "EUR (242)");
    assert_eq!(format!("{:?}", Currency::USD), "USD (1)");
}

#[test]
fn every_currency_row_is_known() {
    for row in data!("currency_codes.csv") {
        let uic: u16 = row[0].parse().expect("numeric UIC");
        let numeric: u16 = row[2].parse().expect("numeric ISO");
        let c = Currency::from_uic(uic);
        assert!(c.is_known(), "{uic}");
        assert_eq!(c.iso_alpha(), Some(row[1].as_str()));
        assert_eq!(c.iso_numeric(), Some(numeric));
        assert_eq!(c.description(), Some(row[3].as_str()));
        assert_eq!(Currency::from_iso_alpha(&row[1].to_lowercase()), Some(c));
        assert_eq!(Currency::from_iso_numeric(numeric), Some(c));
        assert!(Currency::all().contains(&c));
        round_trip(&c);
    }
}

#[test]
fn currency_exponents() {
    let zero = ["CLP", "ISK", "ITL", "JPY", "KRW", "PYG", "VND"];
    for c in Currency::all() {
        let alpha = c.iso_alpha().expect("known");
        let expected = if zero.contains(&alpha) { 0 } else { 2 };
        assert_eq!(c.exponent(), expected, "{alpha}");
    }
    for row in data!("currency_exponents.csv") {
        let c = Currency::from_iso_alpha(&row[0]).expect("exponent row names a known currency");
        assert_eq!(c.exponent().to_string(), row[1]);
    }
    assert_eq!(Currency::from_uic(999).exponent(), 2);
}

#[test]
fn unknown_currency_is_kept() {
    let c = Currency::from_uic(999);
    assert!(!c.is_known());
    assert_eq!(c.uic_code(), 999);
    assert_eq!(c.iso_alpha(), None);
    assert_eq!(c.iso_numeric(), None);
    assert_eq!(c.description(), None);
    assert_eq!(c.to_string(), "UIC 999");
    assert_eq!(format!("{c:?}"), "UIC 999");
    assert_eq!(json(&c), "\"999\"");
    assert_eq!(from_json::<Currency>("\"999\""), c);
    round_trip(&c);
}

#[test]
fn currency_serde() {
    assert_eq!(json(&Currency::EUR), "\"EUR\"");
    assert_eq!(from_json::<Currency>("\"EUR\""), Currency::EUR);
    assert_eq!(from_json::<Currency>("\"eur\""), Currency::EUR);
    assert_eq!(from_json::<Currency>("\"242\""), Currency::EUR);
    assert_eq!(from_json::<Currency>("242"), Currency::EUR);
    assert_eq!(from_json::<Currency>("1"), Currency::USD);
    assert_eq!(from_json::<Currency>("\" jpy \""), Currency::JPY);
    for bad in ["\"XYZ\"", "\"\"", "-1", "70000", "\"70000\"", "true", "1.5"] {
        assert!(
            serde_json::from_str::<Currency>(bad).is_err(),
            "{bad} must be refused"
        );
    }
    let list: Vec<Currency> = from_json("[\"USD\", 242, \"999\"]");
    assert_eq!(
        list,
        [Currency::USD, Currency::EUR, Currency::from_uic(999)]
    );
}

// ---------------------------------------------------------------------------------------------
// Language

#[test]
fn languages() {
    assert_eq!(Language::ITALIAN.id(), 1);
    assert_eq!(Language::ENGLISH.id(), 2);
    assert_eq!(Language::SPANISH.id(), 3);
    assert_eq!(Language::FRENCH.id(), 4);
    assert_eq!(Language::GERMAN.id(), 5);
    for row in data!("language_codes.csv") {
        let l = Language::from_id(row[0].parse().expect("numeric id"));
        assert!(l.is_known());
        assert_eq!(l.name(), Some(row[1].as_str()));
        assert_eq!(l.iso_639_1(), Some(row[2].as_str()));
        assert_eq!(Language::from_iso_639_1(&row[2].to_uppercase()), Some(l));
        round_trip(&l);
    }
    assert_eq!(Language::ENGLISH.to_string(), "English (2)");
    assert_eq!(json(&Language::GERMAN), "5");
    assert_eq!(from_json::<Language>("1"), Language::ITALIAN);
    let other = Language::from_id(9);
    assert!(!other.is_known());
    assert_eq!(other.name(), None);
    assert_eq!(format!("{other:?}"), "language 9");
    assert_eq!(Language::from_iso_639_1("xx"), None);
    // An id the table lacks is read from a response as it is (core/src/xml/tests.rs), but a
    // request cannot carry it: JSON input refuses it.
    assert!(serde_json::from_str::<Language>("9").is_err());
}

// ---------------------------------------------------------------------------------------------
// PaymentType

#[test]
fn payment_types() {
    for row in data!("payment_type_codes.csv") {
        let p = PaymentType::new(row[0].as_str());
        assert!(p.is_known(), "{}", row[0]);
        assert_eq!(p.as_str(), row[0]);
        assert_eq!(p.description(), Some(row[1].as_str()));
        assert_eq!(p.status(), Some(row[2].as_str()));
        assert!(PaymentType::all().contains(&p));
        assert_eq!(json(&p), format!("\"{}\"", row[0]));
        round_trip(&p);
    }
    assert_eq!(PaymentType::PAYPAL.as_str(), "PAYPAL");
    assert_eq!(PaymentType::BANCOMATPAY.description(), Some("BANCOMAT PAY"));
    assert_eq!(PaymentType::AMAZON_PAY, PaymentType::AMAZONPAY);
    assert_eq!(PaymentType::ALIPAY, PaymentType::S2PALI);
    assert_eq!(PaymentType::SEPA_DIRECT_DEBIT.as_str(), "SEPADD");
    assert_eq!(PaymentType::CREDIT_CARD.as_str(), "CREDITCARD");
    assert_eq!(
        PaymentType::new(String::from("PAYPAL")),
        PaymentType::PAYPAL
    );
    assert_eq!(PaymentType::S2PBIT.status(), Some("commented-out"));
    assert_eq!(format!("{:?}", PaymentType::PAYPAL), "PAYPAL");
    assert_eq!(PaymentType::PAYPAL.to_string(), "PAYPAL");
}

#[test]
fn unknown_payment_type_is_kept() {
    let p = PaymentType::new("NEWMETHOD");
    assert!(!p.is_known());
    assert_eq!(p.description(), None);
    assert_eq!(p.status(), None);
    assert_eq!(json(&p), "\"NEWMETHOD\"");
    assert_eq!(from_json::<PaymentType>("\"NEWMETHOD\""), p);
    round_trip(&p);
}

// ---------------------------------------------------------------------------------------------
// Open enums

/// Every CSV row maps to a known variant with the CSV meaning, every known variant is a CSV
/// row, and an unknown value is kept in `Other` through every round trip.
macro_rules! check_enum {
    ($ty:ident, $rows:expr, $other:literal) => {{
        let rows: Vec<Vec<String>> = $rows;
        for row in &rows {
            let v = $ty::from(row[0].as_str());
            assert!(
                v.is_known(),
                "{} row {:?} is Other",
                stringify!($ty),
                row[0]
            );
            assert!(!matches!(v, $ty::Other(_)));
            assert_eq!(v.as_str(), row[0]);
            assert_eq!(v.description(), Some(row[1].as_str()));
            assert_eq!(v.to_string(), row[0]);
            assert_eq!(json(&v), format!("\"{}\"", row[0]));
            assert_eq!($ty::from(row[0].clone()), v);
            assert_eq!(row[0].parse::<$ty>(), Ok(v.clone()));
            round_trip(&v);
        }
        assert_eq!(
            $ty::all().len(),
            rows.len(),
            "{} variants vs CSV rows",
            stringify!($ty)
        );
        for v in $ty::all() {
            assert!(
                rows.iter().any(|r| r[0] == v.as_str()),
                "{v:?} is not in the CSV"
            );
        }
        let other = $ty::from($other);
        assert_eq!(other, $ty::Other($other.to_owned()));
        assert!(!other.is_known());
        assert_eq!(other.as_str(), $other);
        assert_eq!(json(&other), format!("\"{}\"", $other));
        assert_eq!(from_json::<$ty>(&format!("\"{}\"", $other)), other);
        round_trip(&other);
    }};
}

#[test]
fn transaction_result() {
    check_enum!(TransactionResult, data!("transaction_results.csv"), "ZZ");
    assert_eq!(TransactionResult::from("OK"), TransactionResult::Ok);
    assert_eq!(TransactionResult::from("KO"), TransactionResult::Ko);
    assert_eq!(TransactionResult::from("XX"), TransactionResult::Pending);
    assert!(TransactionResult::Ok.is_ok() && TransactionResult::Ko.is_ko());
    assert!(TransactionResult::Pending.is_pending());
    assert_eq!(
        TransactionResult::from("ok"),
        TransactionResult::Other("ok".into())
    );
    assert_eq!(TransactionResult::Other("ZZ".into()).description(), None);
}

#[test]
fn transaction_state() {
    check_enum!(TransactionState, data!("transaction_states.csv"), "NEW");
    assert_eq!(TransactionState::from("PRE"), TransactionState::Pre);
}

#[test]
fn event_type() {
    check_enum!(EventType, data!("event_types.csv"), "XYZ");
    assert_eq!(EventType::from("REQ"), EventType::Req);
}

#[test]
fn risk_response_code() {
    let rows: Vec<_> = data!("risk_response_codes.csv")
        .into_iter()
        .filter(|r| !r[0].starts_with('('))
        .collect();
    assert_eq!(rows.len(), 5);
    check_enum!(RiskResponseCode, rows, "error-42");
    assert_eq!(
        RiskResponseCode::from("approved"),
        RiskResponseCode::Approved
    );
    let catch_all = data!("risk_response_codes.csv")
        .into_iter()
        .find(|r| r[0].starts_with('('))
        .map(|r| r[1].clone());
    assert_eq!(
        RiskResponseCode::from("boom")
            .description()
            .map(str::to_owned),
        catch_all
    );
}

#[test]
fn authentication_level() {
    check_enum!(
        AuthenticationLevel,
        data!("threeds_authentication_levels.csv"),
        "3X"
    );
    assert_eq!(
        AuthenticationLevel::from("2C"),
        AuthenticationLevel::ThreeDs2Challenge
    );
}

#[test]
fn trans_details_type() {
    check_enum!(TransDetailsType, data!("trans_details_types.csv"), "99");
    assert_eq!(
        TransDetailsType::from("01F"),
        TransDetailsType::RecurringFirst
    );
    assert_eq!(TransDetailsType::RecurringFirst.as_str(), "01F");
    assert!(TransDetailsType::RecurringFirst.allowed_in_encrypt());
    assert!(TransDetailsType::RecurringFirst.allowed_in_s2s());
    assert!(!TransDetailsType::MailOrder.allowed_in_encrypt());
    assert!(TransDetailsType::MailOrder.allowed_in_s2s());
    assert!(!TransDetailsType::InstalmentFirst.allowed_in_s2s());
    assert!(!TransDetailsType::Other("99".into()).allowed_in_s2s());
}

#[test]
fn one_currency_lookup_rule() {
    use gestpay::codes::Currency;
    assert_eq!(
        Currency::lookup(" eur ").map(|c| c.info().iso_alpha),
        Some(Some("EUR"))
    );
    assert_eq!(
        Currency::lookup("242").map(Currency::iso_alpha),
        Some(Some("EUR"))
    );
    let unknown = Currency::lookup("999").expect("a UIC code").info();
    assert_eq!(
        (unknown.uic_code, unknown.known, unknown.iso_alpha),
        (999, false, None)
    );
    assert_eq!(Currency::lookup("XXX"), None);
    assert_eq!(Currency::lookup(""), None);
    assert_eq!(Currency::lookup("70000"), None); // not a UIC code (u16)
    let jpy = Currency::lookup("JPY").expect("a known code").info();
    let row = serde_json::to_value(jpy).expect("a row serialises");
    assert_eq!(row["exponent"], 0);
    assert_eq!(row["known"], true);
}

#[test]
fn code_tables_by_type_name() {
    use gestpay::codes::{CODE_TABLES, code_table, describe};
    for name in CODE_TABLES {
        assert!(
            code_table(name).is_ok_and(|rows| !rows.is_empty()),
            "{name}"
        );
    }
    assert!(describe("TransactionState", "MOV").is_ok_and(|d| d.is_some()));
    assert!(code_table("transactionState").is_err_and(|e| e.code() == "invalid_value"));
}
