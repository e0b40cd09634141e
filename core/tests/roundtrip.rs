//! Property tests: any text XML can carry survives build → parse unchanged, in any string
//! field, for requests and results, in both SOAP versions.
#![allow(clippy::unwrap_used)]

use gestpay::models::{CustomerDetail, OrderDetails, ProductDetail, ShippingDetails};
use gestpay::prelude::*;
use proptest::prelude::*;

/// The characters XML 1.0 documents may contain (its `Char` production), written here from the
/// specification rather than taken from the core, which keeps its own private.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Non-empty strings of characters XML 1.0 can carry (CR, tabs, `&`, `<`, `]]>`, emoji …).
fn text() -> impl Strategy<Value = String> {
    any::<String>()
        .prop_map(|s| s.chars().filter(|c| is_xml_char(*c)).collect::<String>())
        .prop_filter("empty means no value", |s| !s.is_empty())
}

fn version() -> impl Strategy<Value = SoapVersion> {
    prop_oneof![Just(SoapVersion::Soap11), Just(SoapVersion::Soap12)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn encrypt_strings_survive(a in text(), b in text(), c in text(), d in text(), e in text(), v in version()) {
        let mut req = Encrypt::new("9000001", Currency::EUR, Amount::from_minor(100, Currency::EUR), "X");
        req.buyer_name = Some(a.as_str().into());
        req.buyer_email = Some(b.as_str().into());
        req.trans_key = Some(c.as_str().into());
        req.api_key = Some(Secret::new(d.clone()));
        req.order_details = Some(OrderDetails {
            customer_detail: Some(CustomerDetail { first_name: Some(e.as_str().into()), ..Default::default() }),
            product_details: vec![ProductDetail { name: Some(a.as_str().into()), ..Default::default() }],
            ..Default::default()
        });
        req.shipping_details = Some(ShippingDetails { ship_to_name: Some(c.as_str().into()), ..Default::default() });
        let body = req.to_envelope_unchecked(v).unwrap();
        let back = Encrypt::from_envelope(&body).unwrap();
        prop_assert_eq!(back, req);
    }

    #[test]
    fn mandatory_strings_survive(login in text(), id in text(), crypted in text(), v in version()) {
        let req = Decrypt::new(login, crypted);
        let back = Decrypt::from_envelope(&req.to_envelope_unchecked(v).unwrap()).unwrap();
        prop_assert_eq!(back, req);
        let enc = Encrypt::new("L", Currency::JPY, Amount::from_minor(5, Currency::JPY), id);
        let back = Encrypt::from_envelope(&enc.to_envelope_unchecked(v).unwrap()).unwrap();
        prop_assert_eq!(back, enc);
    }

    #[test]
    fn result_strings_survive(a in text(), b in text(), c in text(), code in any::<u32>(), minor in 0u64..1_000_000_000, v in version()) {
        let result = DecryptResult {
            transaction_result: Some(TransactionResult::Ko),
            shop_transaction_id: Some(a.as_str().into()),
            error_description: Some(b.as_str().into()),
            country: Some(c.as_str().into()),
            error_code: Some(code),
            amount: Some(Amount::from_minor(minor, Currency::EUR)),
            token: Some(Secret::new(a)),
            ..Default::default()
        };
        let body = result.to_envelope(v).unwrap();
        let back = DecryptResult::from_http(200, None, &body).unwrap();
        prop_assert_eq!(back, result);
    }

    #[test]
    fn amounts_survive_text(minor in any::<u64>(), exponent in 0u8..=9) {
        let a = Amount::from_minor_exponent(minor, exponent).unwrap();
        let parsed = Amount::parse(&a.to_string());
        if a.to_string().trim_start_matches('0').replace('.', "").len() <= 18 {
            prop_assert_eq!(parsed.unwrap(), a);
        }
    }

    #[test]
    fn custom_info_survives_the_result_encoding(k in "[A-Za-z0-9_]{1,20}", value in text()) {
        let result = DecryptResult {
            custom_info: Some(gestpay::custom_info::ReturnedCustomInfo(CustomInfo::new().with(k.clone(), value.clone()))),
            ..Default::default()
        };
        let back = DecryptResult::from_xml(&result.to_envelope(SoapVersion::Soap11).unwrap()).unwrap();
        let info = back.custom_info.unwrap();
        prop_assert_eq!(info.get(&k), Some(value.as_str()));
    }
}

mod s2s {
    use super::{text, version};
    use gestpay::codes::EventType;
    use gestpay::prelude::*;
    use gestpay::s2s::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn pagam_strings_survive(a in text(), b in text(), c in text(), d in text(), v in version()) {
            let mut req = CallPagamS2S::new("SHOP", Currency::EUR, Amount::from_minor(1234, Currency::EUR), a.clone())
                .amazon_pay_order_reference(b.clone())
                .buyer(c.clone(), d.clone());
            req.client_ip = Some(d.as_str().into());
            req.custom_info = Some(CustomInfo::new().with("K", "V"));
            let body = req.to_envelope_unchecked(v).unwrap();
            prop_assert_eq!(CallPagamS2S::from_envelope(&body).unwrap(), req);
        }

        #[test]
        fn capture_requests_survive(id in text(), reason in text(), v in version()) {
            let refund = CallRefundS2S::new("SHOP", TransactionRef::Shop(id.as_str().into()), Currency::GBP, Amount::from_minor(5, Currency::GBP))
                .reason(reason.clone());
            prop_assert_eq!(CallRefundS2S::from_envelope(&refund.to_envelope_unchecked(v).unwrap()).unwrap(), refund);
            let read = CallReadTrxS2S::by_shop_transaction_id("SHOP", id);
            prop_assert_eq!(CallReadTrxS2S::from_envelope(&read.to_envelope_unchecked(v).unwrap()).unwrap(), read);
        }

        #[test]
        fn read_results_survive(a in text(), b in text(), c in text(), n in 0usize..5, v in version()) {
            let result = CallReadTrxS2SResult(GestPayS2S {
                transaction_result: Some(TransactionResult::Ok),
                shop_transaction_id: Some(a.as_str().into()),
                authorization_code: Some(format!("00{n}").into()),
                company: Some(b.as_str().into()),
                events: (0..n).map(|i| Event {
                    event_type: Some(EventType::Mov),
                    event_amount: Some(Amount::from_minor(i as u64, Currency::EUR)),
                    event_id: Some(c.as_str().into()),
                    ..Event::default()
                }).collect(),
                order_reference_details: Some(OrderReferenceDetails {
                    amazon_order_reference_id: Some(a.as_str().into()),
                    destination: Some(Destination {
                        physical_destination: Some(AmazonAddress { name: Some(b.as_str().into()), address_line2: Some(c.as_str().into()), ..AmazonAddress::default() }),
                        ..Destination::default()
                    }),
                    ..OrderReferenceDetails::default()
                }),
                token: Some(Secret::new(c.clone())),
                ..GestPayS2S::default()
            });
            let back = CallReadTrxS2SResult::from_http(200, None, &result.to_envelope(v).unwrap()).unwrap();
            prop_assert_eq!(&back, &result);
            let who = back.amazon_addresses().unwrap();
            prop_assert_eq!(who.shipping.and_then(|s| s.name), Some(b.trim().to_owned()).filter(|s| !s.is_empty()));
        }
    }
}
