//! The callback, exact: what `payment_page_url` and `Callback::to_query` write reads back as
//! the same values, for any Unicode string, through `Callback::parse` and through a framework's
//! decoding (modelled by `form_urlencoded::parse`, the URL Standard's
//! `application/x-www-form-urlencoded` parser that `URLSearchParams` implements); and on any
//! query, `parse` agrees with the framework path wherever the framework's answer is exact.
#![allow(clippy::unwrap_used, clippy::panic)]

use gestpay::codes::PaymentType;
use gestpay::payment_page::{Callback, payment_page_url, three_ds_page_url};
use gestpay::{Environment, ErrorCode};
use proptest::prelude::*;

/// A framework's reading: every pair, decoded form-style, handed over as a mapping.
fn framework(query: &str) -> gestpay::Result<Callback> {
    Callback::from_decoded_pairs(form_urlencoded::parse(query.as_bytes()))
}

/// An RFC 3986 reader (no `+` rule): percent-decoding only.
fn rfc3986(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let d = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8()
                    .unwrap()
                    .into_owned()
            };
            (d(k), d(v))
        })
        .collect()
}

fn query_of(url: &str) -> &str {
    url.split_once('?').unwrap().1
}

/// Any non-empty string: every Unicode scalar value, and the characters that matter here
/// (`+`, space, `%`, `&`, `=`, `#`, `?`) often.
fn value() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "+", " ", "%", "%2B", "%20", "&", "=", "#", "?", "/", "*", "~", "\u{FFFD}", "é", "😀",
        "\u{0}", "\n", "a=", "b=",
    ]);
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        special.prop_map(String::from),
        "[A-Za-z0-9]{1,8}",
    ];
    prop::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

fn env() -> impl Strategy<Value = Environment> {
    prop_oneof![
        Just(Environment::Test),
        Just(Environment::Production),
        Just(Environment::Custom("http://127.0.0.1:8480/".to_owned())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn payment_page_url_round_trips(a in value(), b in value(), env in env(),
                                    pt in prop::option::of(value())) {
        let pt = pt.map(PaymentType::new);
        let url = payment_page_url(&env, &a, &b, pt.as_ref()).unwrap();
        let expected = Callback { shop_login: a.clone(), encrypted_string: b.clone() };
        // The URL is plain ASCII without a space, and no value holds a raw `+`.
        prop_assert!(url.is_ascii() && !url.contains(' '), "{url}");
        prop_assert!(!query_of(&url).contains('+'), "{url}");
        prop_assert!(!query_of(&url).contains('#'), "{url}");
        prop_assert_eq!(&Callback::parse(&url).unwrap(), &expected);
        prop_assert_eq!(&framework(query_of(&url)).unwrap(), &expected);
        let pairs = rfc3986(query_of(&url));
        prop_assert_eq!(&pairs[0], &("a".to_owned(), a));
        prop_assert_eq!(&pairs[1], &("b".to_owned(), b));
        if let Some(pt) = pt {
            prop_assert_eq!(&pairs[2], &("paymentType".to_owned(), pt.as_str().to_owned()));
        }
    }

    #[test]
    fn callback_query_round_trips(a in value(), b in value()) {
        let cb = Callback { shop_login: a, encrypted_string: b };
        let q = cb.to_query();
        prop_assert!(q.is_ascii() && !q.contains(' ') && !q.contains('+'), "{q}");
        prop_assert_eq!(&Callback::parse(&q).unwrap(), &cb);
        prop_assert_eq!(&Callback::parse(&format!("?{q}")).unwrap(), &cb);
        prop_assert_eq!(
            &Callback::parse(&format!("https://shop.example/ok?x=1&{q}#b=frag")).unwrap(),
            &cb
        );
        prop_assert_eq!(&framework(&q).unwrap(), &cb);
    }

    #[test]
    fn three_ds_page_url_round_trips(a in value(), b in value(), c in value()) {
        let url = three_ds_page_url(&Environment::Test, &a, &b, &c).unwrap();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query_of(&url).as_bytes())
            .into_owned()
            .collect();
        prop_assert_eq!(pairs, vec![
            ("a".to_owned(), a), ("b".to_owned(), b), ("c".to_owned(), c),
        ]);
    }

    /// Raw queries built from the pieces that matter: whenever the framework's answer is exact
    /// (no U+FFFD it made up, no `%` it left undecoded), `parse` gives the same answer; when
    /// `parse` accepts, so does the framework, with the same values.
    #[test]
    fn parse_agrees_with_the_framework(q in raw_query()) {
        let ours = Callback::parse(&q);
        // The server hands the framework the query: after the `?` (there is no fragment here).
        let theirs = framework(q.split_once('?').map_or(q.as_str(), |(_, query)| query));
        if let Ok(cb) = &ours {
            prop_assert_eq!(theirs.as_ref().ok(), Some(cb), "{}", q);
        }
        let exact = |cb: &Callback| {
            ![&cb.shop_login, &cb.encrypted_string]
                .iter()
                .any(|v| v.contains('\u{FFFD}') || v.contains('%'))
        };
        match (&ours, &theirs) {
            (_, Ok(cb)) if exact(cb) => prop_assert_eq!(ours.as_ref().ok(), Some(cb), "{}", q),
            (Err(e), Err(f)) => {
                prop_assert_eq!(e.code(), "invalid_callback");
                prop_assert_eq!(f.code(), "invalid_callback");
            }
            (Err(e), Ok(_)) => {
                // Only a bad encoding the framework smoothed over.
                prop_assert_eq!(e.code(), ErrorCode::InvalidCallback.as_str());
                prop_assert!(e.to_string().contains('%') || e.to_string().contains("UTF-8"));
            }
            _ => {}
        }
    }

    /// Never a panic on any input; what `parse` accepts, its own query gives back exactly.
    #[test]
    fn parse_is_total_and_its_answer_round_trips(input in any::<String>()) {
        if let Ok(cb) = Callback::parse(&input) {
            prop_assert_eq!(&Callback::parse(&cb.to_query()).unwrap(), &cb);
        }
    }
}

fn raw_query() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec!["a", "b", "%61", "%62", "a+", "c", "", "a%", "%FF"]);
    let token = prop::sample::select(vec![
        "A", "z9", "+", "%2B", "%2b", "%20", " ", "%", "%4", "%41", "%G1", "%FF", "%FE", "%C3%A9",
        "%C3", "é", "😀", "=", "*", "/", "%25", "\u{FFFD}",
    ]);
    let pair =
        (name, prop::collection::vec(token, 0..5), any::<bool>()).prop_map(|(n, v, with_eq)| {
            if with_eq || !v.is_empty() {
                format!("{n}={}", v.concat())
            } else {
                n.to_owned()
            }
        });
    let prefix = prop::sample::select(vec!["", "?", "https://shop.example/ok?", "/ok?"]);
    (prefix, prop::collection::vec(pair, 0..5))
        .prop_map(|(p, pairs)| format!("{p}{}", pairs.join("&")))
}

#[test]
fn plus_and_percent_2b() {
    // The example: a raw `+` is a space, `%2B` a plus, in both paths.
    let cb = Callback::parse("https://shop/url?a=9000001&b=A+B%2BC").unwrap();
    assert_eq!(cb.encrypted_string, "A B+C");
    assert_eq!(framework("a=9000001&b=A+B%2BC").unwrap(), cb);
    // A mapping is never decoded again.
    let cb = Callback::from_decoded_pairs([("a", "9000001"), ("b", "A+B%2BC")]).unwrap();
    assert_eq!(cb.encrypted_string, "A+B%2BC");
}

#[test]
fn bad_encodings_are_invalid_callback() {
    for (q, field) in [
        ("a=1&b=%FF%FE", "b"),
        ("a=1&b=%4", "b"),
        ("a=%&b=x", "a"),
        ("a=1&b=%C3", "b"),
        ("a=1&b=%zz", "b"),
    ] {
        let err = Callback::parse(q).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("invalid_callback", Some(field)),
            "{q}"
        );
    }
    // Elsewhere, nobody's business.
    let cb = Callback::parse("x=%FF&%FF=1&a%=2&a=1&b=2").unwrap();
    assert_eq!(
        (cb.shop_login.as_str(), cb.encrypted_string.as_str()),
        ("1", "2")
    );
}
