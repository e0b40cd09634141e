//! The wire texts of the code types ([`XmlText`]): a round trip of every value of their tables
//! and of values they lack, and how the text is read (trimmed, with a reason when refused).
//! Here rather than in core/tests/codes.rs because the XML traits are private.

use std::fmt::Debug;

use crate::codes::{
    AuthenticationLevel, Currency, EventType, Language, PaymentType, RiskResponseCode,
    TransDetailsType, TransactionResult, TransactionState,
};
use crate::xml::XmlText;

fn wire_round_trip<T: XmlText + PartialEq + Debug>(value: &T) {
    let wire = value.to_xml_text().into_owned();
    assert_eq!(
        T::from_xml_text(wire.clone()).as_ref(),
        Ok(value),
        "wire round trip of {value:?} ({wire:?})"
    );
    assert_eq!(
        T::from_xml_cow(wire.as_str().into()).as_ref(),
        Ok(value),
        "borrowed wire round trip of {value:?}"
    );
}

#[test]
fn every_code_round_trips_on_the_wire() {
    for c in Currency::all()
        .iter()
        .copied()
        .chain([Currency::from_uic(999)])
    {
        wire_round_trip(&c);
    }
    for l in Language::all()
        .iter()
        .copied()
        .chain([Language::from_id(9)])
    {
        wire_round_trip(&l);
    }
    for p in PaymentType::all() {
        wire_round_trip(p);
    }
    wire_round_trip(&PaymentType::new("NEWMETHOD"));
    macro_rules! open_enums {
        ($($ty:ident $other:literal),*) => {$(
            for v in $ty::all() {
                wire_round_trip(v);
            }
            wire_round_trip(&$ty::from($other));
        )*};
    }
    open_enums!(
        TransactionResult "ZZ", TransactionState "NEW", EventType "XYZ",
        RiskResponseCode "error-42", AuthenticationLevel "3X", TransDetailsType "99"
    );
}

#[test]
fn currency_wire_text() {
    assert_eq!(Currency::EUR.to_xml_text(), "242");
    assert_eq!(Currency::from_uic(999).to_xml_text(), "999");
    assert_eq!(Currency::from_xml_text(" 242\n".into()), Ok(Currency::EUR));
    for bad in ["EUR", "", "-1", "1.0", "99999"] {
        assert_eq!(
            Currency::from_xml_text(bad.into()),
            Err("expected a numeric UIC currency code".to_owned()),
            "{bad:?}"
        );
    }
}

#[test]
fn codes_are_read_trimmed() {
    // An id the table lacks is read from a response as it is.
    assert_eq!(
        Language::from_xml_text("9".into()),
        Ok(Language::from_id(9))
    );
    assert!(Language::from_xml_text("en".into()).is_err());
    assert_eq!(
        PaymentType::from_xml_text(" PAYPAL ".into()),
        Ok(PaymentType::PAYPAL)
    );
    assert_eq!(
        TransactionResult::from_xml_text(" OK\n".into()),
        Ok(TransactionResult::Ok)
    );
}
