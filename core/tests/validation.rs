//! Declared length rules of the nested request models (docs/protocol.md §4), end to end: through
//! `Encrypt::validate()` and `Request::to_envelope`, with the exact error code and wire path.

use gestpay::models::*;
use gestpay::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn s<'a, T: From<&'a str>>(value: &'a str) -> Option<T> {
    Some(value.into())
}

fn text(n: usize) -> String {
    "a".repeat(n)
}

fn base() -> Encrypt {
    Encrypt::new(
        "GESPAY65987",
        Currency::EUR,
        Amount::from_minor(10_000, Currency::EUR),
        "ORD-42",
    )
}

fn with_customer(customer: CustomerDetail) -> Encrypt {
    base().order_details(OrderDetails {
        customer_detail: Some(customer),
        ..OrderDetails::default()
    })
}

fn with_3ds(container: EncryptThreeDsContainer) -> Encrypt {
    base().trans_details(EncryptTransDetails {
        three_ds_container: Some(container),
        ..EncryptTransDetails::default()
    })
}

fn with_card_holder(card_holder: CardHolder) -> Encrypt {
    with_3ds(EncryptThreeDsContainer {
        buyer_details: Some(BuyerDetails {
            card_holder: Some(card_holder),
            ..BuyerDetails::default()
        }),
        ..EncryptThreeDsContainer::default()
    })
}

/// Validates and serialises `req`; both must succeed.
fn accepted(req: &Encrypt) -> TestResult {
    req.validate()?;
    req.to_envelope(SoapVersion::Soap11)?;
    Ok(())
}

/// `req` must be refused, by `validate()` and by `to_envelope`, with `too_long` at `path`.
fn refused_too_long(req: &Encrypt, path: &str) -> Result<Error, Box<dyn std::error::Error>> {
    let Err(err) = req.validate() else {
        return Err(format!("accepted, expected too_long at {path}").into());
    };
    assert_eq!(err.code(), "too_long", "{err}");
    assert_eq!(err.field(), Some(path), "{err}");
    let Err(again) = req.to_envelope(SoapVersion::Soap12) else {
        return Err(format!("to_envelope accepted, expected too_long at {path}").into());
    };
    assert_eq!(again.code(), "too_long", "{again}");
    assert_eq!(again.field(), Some(path), "{again}");
    Ok(err)
}

/// A field with a length rule: its wire path, its limit, and a request carrying a value.
struct Case {
    path: &'static str,
    max: usize,
    build: fn(String) -> Encrypt,
}

const CASES: &[Case] = &[
    Case {
        path: "OrderDetails/CustomerDetail/FirstName",
        max: 65,
        build: |v| {
            with_customer(CustomerDetail {
                first_name: Some(v.into()),
                ..Default::default()
            })
        },
    },
    Case {
        path: "OrderDetails/CustomerDetail/PrimaryEmail",
        max: 100,
        build: |v| {
            with_customer(CustomerDetail {
                primary_email: Some(v.into()),
                ..Default::default()
            })
        },
    },
    Case {
        path: "OrderDetails/CustomerDetail/Social/Network",
        max: 12,
        build: |v| {
            with_customer(CustomerDetail {
                social: Some(CustomerSocial {
                    network: Some(v.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        path: "OrderDetails/BillingAddress/CountryCode",
        max: 2,
        build: |v| {
            base().order_details(OrderDetails {
                billing_address: Some(BillingAddress {
                    country_code: Some(v.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        path: "OrderDetails/FraudPrevention/OrderNote",
        max: 50,
        build: |v| {
            base().order_details(OrderDetails {
                fraud_prevention: Some(FraudPrevention {
                    order_note: Some(v.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        // Second product of three: the index is in the path.
        path: "OrderDetails/ProductDetails/ProductDetail[1]/Name",
        max: 100,
        build: |v| {
            let product = |name: Option<gestpay::Text>| ProductDetail {
                name,
                ..Default::default()
            };
            base().order_details(OrderDetails {
                product_details: vec![
                    product(s("Scarpe")),
                    product(Some(v.into())),
                    product(s("Borsa")),
                ],
                ..Default::default()
            })
        },
    },
    Case {
        // An amount kept as text gets its documented length.
        path: "OrderDetails/ProductDetails/ProductDetail[0]/UnitPrice",
        max: 12,
        build: |v| {
            base().order_details(OrderDetails {
                product_details: vec![ProductDetail {
                    unit_price: Some(v.into()),
                    ..Default::default()
                }],
                ..Default::default()
            })
        },
    },
    Case {
        path: "OrderDetails/ShippingLines/ShippingLine[0]/Price",
        max: 12,
        build: |v| {
            base().order_details(OrderDetails {
                shipping_lines: vec![ShippingLine {
                    price: Some(v.into()),
                    ..Default::default()
                }],
                ..Default::default()
            })
        },
    },
    Case {
        path: "shippingDetails/shipToName",
        max: 32,
        build: |v| {
            base().shipping_details(ShippingDetails {
                ship_to_name: Some(v.into()),
                ..Default::default()
            })
        },
    },
    Case {
        path: "transDetails/threeDsContainer/buyerDetails/cardHolder/name",
        max: 45,
        build: |v| {
            with_card_holder(CardHolder {
                name: Some(v.into()),
                ..Default::default()
            })
        },
    },
    Case {
        path: "transDetails/threeDsContainer/buyerDetails/billingAddress/postCode",
        max: 16,
        build: |v| {
            with_3ds(EncryptThreeDsContainer {
                buyer_details: Some(BuyerDetails {
                    billing_address: Some(ThreeDsAddress {
                        post_code: Some(v.into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        path: "transDetails/threeDsContainer/merchantRiskIndicator/deliveryEmailAddress",
        max: 254,
        build: |v| {
            with_3ds(EncryptThreeDsContainer {
                merchant_risk_indicator: Some(MerchantRiskIndicator {
                    delivery_email_address: Some(v.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        path: "transDetails/threeDsContainer/merchantRiskIndicator/giftCardAmount",
        max: 15,
        build: |v| {
            with_3ds(EncryptThreeDsContainer {
                merchant_risk_indicator: Some(MerchantRiskIndicator {
                    gift_card_amount: Some(v.into()),
                    ..Default::default()
                }),
                ..Default::default()
            })
        },
    },
    Case {
        path: "paymentTypeDetail/MyBankBankCode",
        max: 25,
        build: |v| {
            let mut req = base();
            req.payment_type_detail = Some(PaymentTypeDetail {
                my_bank_bank_code: Some(v.into()),
                ..Default::default()
            });
            req
        },
    },
    Case {
        path: "Consel_CustomerInfo/TaxationCode",
        max: 30,
        build: |v| {
            let mut req = base();
            req.consel_customer_info = Some(ConselCustomerInfo {
                taxation_code: Some(v.into()),
                ..Default::default()
            });
            req
        },
    },
];

#[test]
fn the_base_request_is_valid() -> TestResult {
    accepted(&base())
}

#[test]
fn a_value_at_the_limit_passes() -> TestResult {
    for case in CASES {
        let req = (case.build)(text(case.max));
        accepted(&req).map_err(|e| format!("{}: {e}", case.path))?;
    }
    Ok(())
}

#[test]
fn one_character_more_is_refused_with_the_wire_path() -> TestResult {
    for case in CASES {
        let req = (case.build)(text(case.max + 1));
        let err = refused_too_long(&req, case.path)?;
        let message = err.to_string();
        assert!(message.contains(case.path), "{message}");
        assert!(
            message.contains(&format!("at most {}", case.max)),
            "{message}"
        );
    }
    Ok(())
}

#[test]
fn first_name_65_ok_66_refused() -> TestResult {
    let first_name = |n| {
        with_customer(CustomerDetail {
            first_name: Some(text(n).into()),
            ..Default::default()
        })
    };
    accepted(&first_name(65))?;
    refused_too_long(&first_name(66), "OrderDetails/CustomerDetail/FirstName")?;
    Ok(())
}

#[test]
fn the_list_index_names_the_offending_item() -> TestResult {
    let products = |long: usize| {
        let items = (0..3)
            .map(|i| ProductDetail {
                name: Some(if i == long {
                    text(101).into()
                } else {
                    format!("Prodotto {i}").into()
                }),
                ..Default::default()
            })
            .collect();
        base().order_details(OrderDetails {
            product_details: items,
            ..Default::default()
        })
    };
    refused_too_long(
        &products(0),
        "OrderDetails/ProductDetails/ProductDetail[0]/Name",
    )?;
    refused_too_long(
        &products(2),
        "OrderDetails/ProductDetails/ProductDetail[2]/Name",
    )?;
    Ok(())
}

#[test]
fn lengths_count_characters_not_bytes() -> TestResult {
    let first_name = |v: String| {
        with_customer(CustomerDetail {
            first_name: Some(v.into()),
            ..Default::default()
        })
    };
    // 65 characters, 130 bytes.
    accepted(&first_name("è".repeat(65)))?;
    refused_too_long(
        &first_name("è".repeat(66)),
        "OrderDetails/CustomerDetail/FirstName",
    )?;

    let card_holder = |v: String| {
        with_card_holder(CardHolder {
            name: Some(v.into()),
            ..Default::default()
        })
    };
    // 45 characters, 180 bytes; one more is refused.
    accepted(&card_holder("😀".repeat(45)))?;
    let path = "transDetails/threeDsContainer/buyerDetails/cardHolder/name";
    refused_too_long(&card_holder("😀".repeat(46)), path)?;
    Ok(())
}

#[test]
fn spaces_in_names_are_accepted() -> TestResult {
    accepted(&base().buyer("Mario Bianchi", "mario.bianchi@example.it"))?;
    accepted(&with_card_holder(CardHolder {
        name: s("Mario Bianchi"),
        ..Default::default()
    }))?;
    accepted(&with_customer(CustomerDetail {
        first_name: s("Anna Maria"),
        last_name: s("De Luca"),
        ..Default::default()
    }))?;
    Ok(())
}

#[test]
fn the_error_for_a_secret_never_shows_it() -> TestResult {
    let mut req = base();
    req.cvv = Some(Secret::new("98765"));
    let Err(err) = req.validate() else {
        return Err("a 5-digit cvv was accepted".into());
    };
    assert_eq!(err.code(), "too_long");
    assert_eq!(err.field(), Some("cvv"));
    for shown in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        assert!(!shown.contains("98765"), "{shown}");
    }
    let Err(err) = req.to_envelope(SoapVersion::Soap11) else {
        return Err("a 5-digit cvv was serialised".into());
    };
    assert_eq!(err.field(), Some("cvv"));
    assert!(!format!("{err} {err:?}").contains("98765"));

    req.cvv = Some(Secret::new("9876"));
    accepted(&req)
}

#[test]
fn a_request_read_from_xml_is_checked_too() -> TestResult {
    // The docs' `LastName` spelling is read; the error names the schema's `Lastname`.
    let long = text(66);
    let xml = format!(
        "<Encrypt><shopLogin>GESPAY65987</shopLogin><uicCode>242</uicCode><amount>100.00</amount>\
         <shopTransactionId>ORD-42</shopTransactionId><OrderDetails><CustomerDetail>\
         <FirstName>Mario</FirstName><LastName>{long}</LastName></CustomerDetail></OrderDetails>\
         </Encrypt>"
    );
    let req = Encrypt::from_xml(xml.as_bytes())?;
    refused_too_long(&req, "OrderDetails/CustomerDetail/Lastname")?;
    Ok(())
}

/// Documented lengths that contradict another source (docs/protocol.md §8 D15 and the tables'
/// notes) are not enforced.
#[test]
fn contradictory_lengths_are_not_enforced() -> TestResult {
    // CreatedAtDate: 10 (sic), but the docs' example is 16 characters.
    accepted(&with_customer(CustomerDetail {
        created_at_date: s("2017-05-16 15:28"),
        date_of_birth: s("1985-02-21T00:00:00"),
        ..Default::default()
    }))?;
    // AuthToken: 1 (sic), the example is a JWT; Social ProfilePicture/Bio/Id: the docs' example
    // exceeds the table's 65/100/10.
    accepted(&with_customer(CustomerDetail {
        social: Some(CustomerSocial {
            auth_token: Some(Secret::new(text(300))),
            profile_picture: Some(format!("https://example.org/{}.jpg", text(200)).into()),
            bio: Some(text(128).into()),
            id: s("103151259725141"),
            ..Default::default()
        }),
        ..Default::default()
    }))?;
    // ProductDetail Type: 2, but Riskified's values are words.
    accepted(&base().order_details(OrderDetails {
        product_details: vec![ProductDetail {
            r#type: s("physical"),
            ..Default::default()
        }],
        ..Default::default()
    }))?;
    // VendorID: 10, but "usually the shopLogin" (30; `GESPAY65987` is 11).
    accepted(&base().order_details(OrderDetails {
        fraud_prevention: Some(FraudPrevention {
            vendor_id: s("GESPAY65987"),
            ..Default::default()
        }),
        ..Default::default()
    }))?;
    // shipToStreet2: 100 on one page, 200 on another.
    accepted(&base().shipping_details(ShippingDetails {
        ship_to_street2: Some(text(200).into()),
        ..Default::default()
    }))?;
    // previousTransDetails/bankTransactionID: 18, but the bank transaction id is 50 or 9 elsewhere.
    accepted(&base().trans_details(EncryptTransDetails {
        previous_trans_details: Some(PreviousTransDetails {
            bank_transaction_id: Some(text(50).into()),
            ..Default::default()
        }),
        ..Default::default()
    }))?;
    Ok(())
}
