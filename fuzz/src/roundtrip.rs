//! Target `roundtrip`: structured inputs (derived with `arbitrary`) mapped onto the fields of an
//! Encrypt and a callPagamS2S request, a Decrypt result and a `GestPayS2S` payload. Whatever
//! builds must parse back equal; what cannot be built must be refused with a typed error (text
//! XML 1.0 cannot carry).
//!
//! The mapping respects the documented conventions, which are not round trips by design: an
//! empty text or an empty block is "no value" (so empty values are mapped to `None`), codes and
//! numbers are read trimmed (so they are generated trimmed), amounts have at most 18 digits,
//! customInfo keys cannot hold `=` nor the `*P1*` separator, and a text that is exactly one
//! escaped CDATA section is read as its content (so such texts are generated with a prefix).

use arbitrary::{Arbitrary, Unstructured};
use gestpay::Text;
use gestpay::codes::{Currency, EventType, Language, PaymentType, TransactionResult};
use gestpay::cryptdecrypt::{DecryptResult, Encrypt};
use gestpay::custom_info::{CustomInfo, ReturnedCustomInfo};
use gestpay::models::{CustomerDetail, OrderDetails, ProductDetail, ShippingDetails};
use gestpay::payload::Buyer;
use gestpay::s2s::{Bank, CallPagamS2S, CallReadTrxS2SResult, Event, GestPayS2S};
use gestpay::{Amount, ErrorCode, Request, Response, Secret, SoapVersion};

/// True for a text that is exactly one escaped CDATA section (`<![CDATA[…]]>`, nothing before
/// or after, no `]]>` inside), which the core reads as the section's content: the documented
/// rule, written here because the core's own function is private.
fn is_escaped_cdata(text: &str) -> bool {
    text.strip_prefix("<![CDATA[")
        .and_then(|rest| rest.strip_suffix("]]>"))
        .is_some_and(|inner| !inner.contains("]]>"))
}

#[derive(Arbitrary, Debug)]
struct Input {
    which: u8,
    texts: Vec<String>,
    minor: u64,
    exponent: u8,
    currency: u16,
    language: u8,
    error_code: Option<u32>,
    custom: Vec<(String, String)>,
    products: Vec<(String, String, String)>,
    events: Vec<(String, u64, String)>,
}

impl Input {
    fn text(&self, i: usize) -> Text {
        self.texts
            .get(i)
            .map(|t| {
                if is_escaped_cdata(t) {
                    Text::from(format!("_{t}").as_str())
                } else {
                    Text::from(t.as_str())
                }
            })
            .unwrap_or_default()
    }

    fn opt(&self, i: usize) -> Option<Text> {
        Some(self.text(i)).filter(|s| !s.is_empty())
    }

    fn secret(&self, i: usize) -> Option<Secret> {
        self.opt(i).map(Secret::new)
    }

    /// A code read trimmed: generated trimmed, absent when empty.
    fn code(&self, i: usize) -> Option<Text> {
        Some(Text::from(self.text(i).trim())).filter(|s| !s.is_empty())
    }

    fn amount(&self) -> Amount {
        // The parser reads at most 18 digits and 9 decimals.
        Amount::from_minor_exponent(self.minor % 1_000_000_000_000_000_000, self.exponent % 10)
            .unwrap_or_else(|_| Amount::from_minor(0, Currency::EUR))
    }

    fn custom_pairs(&self) -> Vec<(String, String)> {
        self.custom
            .iter()
            .map(|(k, v)| {
                let key: String = k.chars().filter(|c| c.is_alphanumeric()).collect();
                let value: String = v.chars().filter(|c| *c != '*').collect();
                (key, value)
            })
            .filter(|(k, _)| !k.is_empty())
            .collect()
    }

    fn custom_info(&self) -> Option<CustomInfo> {
        let info: CustomInfo = self.custom_pairs().into_iter().collect();
        Some(info).filter(|i| !i.is_empty())
    }

    fn order_details(&self) -> Option<OrderDetails> {
        let customer = CustomerDetail {
            first_name: self.opt(10),
            last_name: self.opt(11),
            primary_email: self.opt(12),
            ..CustomerDetail::default()
        };
        let products: Vec<ProductDetail> = self
            .products
            .iter()
            .map(|(name, sku, description)| ProductDetail {
                name: Some(Text::from(name.as_str())).filter(|s| !s.is_empty()),
                sku: Some(Text::from(sku.as_str())).filter(|s| !s.is_empty()),
                description: Some(Text::from(description.as_str())).filter(|s| !s.is_empty()),
                ..ProductDetail::default()
            })
            .filter(|p| *p != ProductDetail::default())
            .collect();
        let details = OrderDetails {
            customer_detail: Some(customer).filter(|c| *c != CustomerDetail::default()),
            product_details: products,
            ..OrderDetails::default()
        };
        Some(details).filter(|d| *d != OrderDetails::default())
    }

    fn shipping(&self) -> Option<ShippingDetails> {
        let s = ShippingDetails {
            ship_to_name: self.opt(13),
            ship_to_street: self.opt(14),
            ..ShippingDetails::default()
        };
        Some(s).filter(|s| *s != ShippingDetails::default())
    }

    fn payment_types(&self) -> Vec<PaymentType> {
        (15..18)
            .filter_map(|i| self.code(i))
            .map(PaymentType::new)
            .collect()
    }
}

/// Builds with `build`; a refusal must be the typed "character XML cannot carry" error; what
/// builds must parse back equal with `parse`.
fn check<T: PartialEq + std::fmt::Debug>(
    value: &T,
    build: impl Fn(&T) -> gestpay::Result<Vec<u8>>,
    parse: impl Fn(&[u8]) -> gestpay::Result<T>,
) {
    match build(value) {
        Ok(doc) => {
            let back = parse(&doc).unwrap_or_else(|e| {
                panic!(
                    "built but does not parse: {e}\n{value:?}\n{}",
                    String::from_utf8_lossy(&doc)
                )
            });
            assert!(back == *value, "round trip differs:\n{value:?}\n{back:?}");
        }
        Err(e) => assert_eq!(
            e.code(),
            ErrorCode::InvalidXmlCharacter.as_str(),
            "unexpected refusal: {e}"
        ),
    }
}

fn encrypt(input: &Input) -> Encrypt {
    Encrypt {
        shop_login: input.text(0),
        uic_code: Some(Currency::from_uic(input.currency)),
        amount: Some(input.amount()),
        shop_transaction_id: input.text(1),
        buyer_name: input.opt(2),
        buyer_email: input.opt(3),
        language_id: Some(Language::from_id(input.language)),
        custom_info: input.custom_info(),
        shipping_details: input.shipping(),
        payment_types: input.payment_types(),
        order_details: input.order_details(),
        api_key: input.secret(4),
        ..Encrypt::default()
    }
}

fn pagam(input: &Input) -> CallPagamS2S {
    CallPagamS2S {
        shop_login: input.text(0),
        uic_code: Some(Currency::from_uic(input.currency)),
        amount: Some(input.amount()),
        shop_transaction_id: input.text(1),
        card_number: input.secret(5),
        expiry_month: input.secret(6),
        expiry_year: input.secret(7),
        cvv: input.secret(8),
        buyer_name: input.opt(2),
        buyer_email: input.opt(3),
        custom_info: input.custom_info(),
        token_value: input.secret(9),
        order_details: input.order_details(),
        api_key: input.secret(4),
        ..CallPagamS2S::default()
    }
}

fn decrypt_result(input: &Input) -> DecryptResult {
    let returned: CustomInfo = input.custom_pairs().into_iter().collect();
    let buyer = Buyer {
        buyer_name: input.opt(2),
        buyer_email: input.opt(3),
        ..Buyer::default()
    };
    DecryptResult {
        transaction_type: input.opt(0),
        transaction_result: input.code(1).map(|c| TransactionResult::from(c.as_str())),
        shop_transaction_id: input.opt(5),
        bank_transaction_id: input.opt(6),
        authorization_code: input.opt(7),
        currency: Some(Currency::from_uic(input.currency)),
        amount: Some(input.amount()),
        country: input.opt(8),
        custom_info: Some(ReturnedCustomInfo(returned)).filter(|c| !c.is_empty()),
        buyer: Some(buyer).filter(|b| *b != Buyer::default()),
        error_code: input.error_code,
        error_description: input.opt(9),
        token: input.secret(4),
        ..DecryptResult::default()
    }
}

fn s2s_result(input: &Input) -> CallReadTrxS2SResult {
    let events = input
        .events
        .iter()
        .map(|(kind, minor, date)| Event {
            event_type: Some(kind.trim())
                .filter(|k| !k.is_empty())
                .map(EventType::from),
            event_amount: Amount::from_minor_exponent(minor % 1_000_000_000, 2).ok(),
            event_date: Some(Text::from(date.as_str())).filter(|d| !d.is_empty()),
            ..Event::default()
        })
        .collect();
    let banks = (10..13)
        .map(|i| Bank {
            bank_code: input.opt(i),
            bank_name: input.opt(i + 3),
            ..Bank::default()
        })
        .filter(|b| *b != Bank::default())
        .collect();
    CallReadTrxS2SResult(GestPayS2S {
        transaction_type: input.opt(0),
        transaction_result: input.code(1).map(|c| TransactionResult::from(c.as_str())),
        shop_transaction_id: input.opt(5),
        bank_transaction_id: input.opt(6),
        events,
        error_code: input.error_code,
        error_description: input.opt(9),
        bank_list: banks,
        ..GestPayS2S::default()
    })
}

/// The structured build → parse round trip.
pub fn roundtrip(data: &[u8]) {
    let Ok(input) = Input::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    let version = if input.which & 0x80 == 0 {
        SoapVersion::Soap11
    } else {
        SoapVersion::Soap12
    };
    match input.which % 4 {
        0 => {
            let value = encrypt(&input);
            let _ = value.validate();
            check(
                &value,
                |v| v.to_envelope_unchecked(version),
                Encrypt::from_envelope,
            );
        }
        1 => {
            let value = pagam(&input);
            let _ = value.validate();
            check(
                &value,
                |v| v.to_envelope_unchecked(version),
                CallPagamS2S::from_envelope,
            );
        }
        2 => check(
            &decrypt_result(&input),
            |v| v.to_envelope(version),
            <DecryptResult as Response>::from_envelope,
        ),
        _ => check(
            &s2s_result(&input),
            |v| v.to_envelope(version),
            <CallReadTrxS2SResult as Response>::from_envelope,
        ),
    }
}
