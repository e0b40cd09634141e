//! Nested request models (docs/protocol.md §4), through the requests that carry them: write →
//! read round trips, wire order, and the docs' example fragments with their spelling variants.

use std::fmt::Debug;

use gestpay::cryptdecrypt::Encrypt;
use gestpay::models::*;
use gestpay::s2s::{CallPagamS2S, CallRefundS2S, CallSettleS2S};
use gestpay::{Request, Secret, SoapVersion};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn s<'a, T: From<&'a str>>(value: &'a str) -> Option<T> {
    Some(value.into())
}

fn secret(value: &str) -> Option<Secret> {
    Some(Secret::new(value))
}

/// The request's envelope, unvalidated: the models are under test, not the mandatory fields.
fn envelope<R: Request>(request: &R) -> Result<String, Box<dyn std::error::Error>> {
    Ok(String::from_utf8(
        request.to_envelope_unchecked(SoapVersion::Soap11)?,
    )?)
}

/// The first `<name>…</name>` element of `xml`, whole.
fn element<'x>(xml: &'x str, name: &str) -> Result<&'x str, Box<dyn std::error::Error>> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let start = xml
        .find(&open)
        .ok_or_else(|| format!("no {open} in {xml}"))?;
    let end = xml[start..]
        .find(&close)
        .ok_or_else(|| format!("no {close} in {xml}"))?;
    Ok(&xml[start..start + end + close.len()])
}

/// The `name` element written in `request`'s envelope.
fn write<R: Request>(request: &R, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    Ok(element(&envelope(request)?, name)?.to_owned())
}

/// Written, then read back equal.
fn round_trip<R: Request + Debug>(request: &R) -> TestResult {
    let bytes = request.to_envelope_unchecked(SoapVersion::Soap11)?;
    let back = R::from_envelope(&bytes)?;
    assert_eq!(&back, request, "{}", String::from_utf8_lossy(&bytes));
    Ok(())
}

/// Reads `xml` as the (bare) request element `wrapper`, as the docs show requests.
fn read<R: Request>(wrapper: &str, xml: &str) -> Result<R, Box<gestpay::Error>> {
    Ok(R::from_xml(
        format!("<{wrapper}>{xml}</{wrapper}>").as_bytes(),
    )?)
}

/// An Encrypt carrying `order`.
fn with_order(order: OrderDetails) -> Encrypt {
    Encrypt {
        order_details: Some(order),
        ..Default::default()
    }
}

// Fixtures: data only, several fields per line (rustfmt would give each its own line).

#[rustfmt::skip]
fn product(n: u32) -> ProductDetail {
    ProductDetail {
        product_code: Some(format!("P{n}").into()), sku: Some(format!("SKU-{n}").into()), name: s("Scale model"),
        description: s("A <small> & \"fine\" model"), quantity: s("2"), price: s("101.00"),
        unit_price: s("50.50"), r#type: s("1"), tax_type: s("T"), vat: s("22"), discount: s("5"),
        requires_shipping: s("true"), condition: s("new"), seller: s("seller-1"),
        category: s("Models"), sub_category: s("cars"), brand: s("LittleCars"),
        delivery_at: s("2017-12-29"),
        digital_gift_card_details: Some(DigitalGiftCardDetails {
            sender_name: s("Marty"), display_name: s("Doc"), greeting_message: s("Great Scott!"),
            recipient: Some(Recipient {
                email: s("doc@example.com"), phone: s("+391234"), social: s("@doc"),
            }),
        }),
    }
}

#[rustfmt::skip]
fn full_order_details() -> OrderDetails {
    OrderDetails {
        fraud_prevention: Some(FraudPrevention {
            submit_for_review: s("1"), order_date_time: s("2017-12-26"), order_note: s("blue"),
            source: s("desktop_web"), submission_reason: s("rule_decision"),
            beacon_session_id: s("ff1db05b"), vendor_id: s("9000002"),
            vendor_name: s("www.example.it"),
        }),
        customer_detail: Some(CustomerDetail {
            profile_id: s("1"), merchant_customer_id: s("C-1"), first_name: s("Michael"),
            middle_name: s("J."), last_name: s("Fox"), primary_email: s("marty@example.com"),
            secondary_email: s("mcfly@example.com"), primary_phone: s("+390298987643"),
            secondary_phone: s("+393351029384"), date_of_birth: s("29/09/1932"), gender: s("0"),
            social_security_number: s("BRLSLV36P29F205W"), company: s("Universal"),
            created_at_date: s("2017-05-16 15:28"), verified_email: s("true"),
            account_type: s("premium"),
            social: Some(CustomerSocial {
                network: s("Facebook"), public_username: s("Marty McFly"),
                community_score: s("100"), profile_picture: s("https://example.com/p?a=1&b=2"),
                email: s("marty@example.com"), bio: s("Time traveller"),
                account_url: s("https://example.com/marty"), following: s("0"),
                followed: s("1157"), posts: s("12"), id: s("103151259725141"),
                auth_token: secret("eyJhbGciOiJIUzI1NiJ9.e30.sig"), social_data: s("data"),
            }),
        }),
        shipping_address: Some(ShippingAddress {
            profile_id: s("2"), first_name: s("Michael"), middle_name: s("J."),
            last_name: s("Fox"), street_name: s("Hollywood Boulevard"), street_name2: s("Suite 1"),
            house_number: s("1432"), house_extention: s("B"), city: s("Los Angeles"),
            zip_code: s("90213"), state: s("California"), country_code: s("US"),
            email: s("marty@example.com"), primary_phone: s("+0199332285321"),
            secondary_phone: s("+0199332285322"), company: s("Universal Studios"),
            state_code: s("CA"),
        }),
        billing_address: Some(BillingAddress {
            profile_id: s("3"), first_name: s("Emmett"), middle_name: s("L."),
            last_name: s("Brown"), street_number: s("1640"), street_name: s("Riverside Drive"),
            street_name2: s("Garage"), house_number: s("1640"), house_extention: s("A"),
            city: s("Hill Valley"), zip_code: s("95420"), state: s("California"),
            country_code: s("US"), email: s("doc@example.com"), primary_phone: s("+15550001"),
            secondary_phone: s("+15550002"), company: s("Doc Brown Enterprises"),
            state_code: s("CA"),
        }),
        product_details: vec![product(1), product(2)],
        discount_codes: vec![
            DiscountCode { amount: s("10"), code: s("53232") },
            DiscountCode { amount: s("5"), code: s("XMAS") },
        ],
        shipping_lines: vec![ShippingLine { price: s("20"), title: s("FedEx"), code: s("72-B03") }],
        accommodation_details: vec![AccommodationDetail {
            city: s("Eindhoven"), country_code: s("NL"), title: s("Tulip Inn"),
            check_in_date: s("2018-01-20T00:00+0000"), check_out_date: s("2018-01-22T00:00+0000"),
            product_id: s("NL2133"), rating: s("3"), number_of_guests: s("3"),
            accommodation_type: s("Hotel"), room_type: s("Deluxe Triple"), price: s("370"),
            quantity: s("1"), cancellation_policy: s("Non-Refundable"),
        }],
        travel_ticket_details: vec![TravelTicketDetail {
            arrival_city: s("Rome"), arrival_country_code: s("IT"), arrival_date: s("2018-01-20"),
            arrival_port_code: s("FCO"), carrier_code: s("AZ"), carrier_name: s("Alitalia"),
            departure_city: s("Milan"), departure_country_code: s("IT"),
            departure_date: s("2018-01-20"), departure_port_code: s("LIN"), leg_id: s("AZ2010"),
            leg_index: s("1"), route_index: s("1"), ticket_class: s("economy"),
            price: s("120"), quantity: s("2"), title: s("Milan-Rome"),
        }],
        passenger_details: vec![
            PassengerDetail {
                first_name: s("Antonio"), last_name: s("Esposito"), date_of_birth: s("1970-05-03"),
                nationality_code: s("IT"), insurance_type: s("ERV"), insurance_price: s("17"),
                document_number: s("AO1234567"), document_type: s("Identity Card"),
                document_issue_date: s("2010-10-02"), document_expiration_date: s("2020-10-02"),
                passenger_type: s("adult"),
            },
            PassengerDetail { first_name: s("Maria"), passenger_type: s("child"), ..Default::default() },
        ],
    }
}

#[rustfmt::skip]
fn buyer_details() -> BuyerDetails {
    let address = |city: &str| ThreeDsAddress {
        city: s(city), country: s("IT"), line1: s("Via Roma 1"), line2: s("Scala B"),
        line3: s("Interno 4"), post_code: s("20100"), state: s("MI"),
    };
    BuyerDetails {
        profile_details: Some(ProfileDetails {
            card_holder_id: s("user-42"), auth_data: s("login data"), auth_method: s("02"),
            auth_timestamp: s("201907011200"),
        }),
        billing_address: Some(address("Milano")),
        shipping_address: Some(address("Torino")),
        addr_match: s("N"),
        card_holder: Some(CardHolder {
            name: s("Mario Rossi"), email: s("mario@example.com"),
            home_phone_cc: s("39"), home_phone_num: s("021234567"),
            mobile_phone_cc: s("39"), mobile_phone_num: s("3331234567"),
            work_phone_cc: s("39"), work_phone_num: s("027654321"),
        }),
        acc_info: Some(AccountInfo {
            ch_acc_age_ind: s("05"), ch_acc_change: s("20190101"), ch_acc_change_ind: s("04"),
            ch_acc_date: s("20150101"), ch_acc_pw_change: s("20190201"),
            ch_acc_pw_change_ind: s("05"), nb_purchase_account: s("12"),
            provision_attempts_day: s("0"), txn_activity_day: s("1"), txn_activity_year: s("30"),
            payment_acc_age: s("20160101"), payment_acc_ind: s("05"),
            ship_address_usage: s("20160101"), ship_address_usage_ind: s("04"),
            ship_name_indicator: s("01"), suspicious_acc_activity: s("01"),
        }),
    }
}

#[rustfmt::skip]
fn three_ds_auth_result() -> ThreeDsAuthResult {
    ThreeDsAuthResult {
        authentication_level: s("2F"), authentication_status: s("Y"), xid: s("xid"), av: s("av"),
        eci: s("05"), av_algorithm: s("2"), three_ds_version: s("2.1.0"),
    }
}

#[rustfmt::skip]
fn merchant_risk_indicator() -> MerchantRiskIndicator {
    MerchantRiskIndicator {
        delivery_email_address: s("gift@example.com"), delivery_timeframe: s("01"),
        gift_card_amount: s("50"), gift_card_count: s("1"), gift_card_curr: s("242"),
        pre_order_date: s("20191224"), pre_order_purchase_ind: s("02"),
        reorder_items_ind: s("01"), ship_indicator: s("05"),
    }
}

fn recurring() -> RecurringTransaction {
    RecurringTransaction {
        install_no: s("1"),
        expiry: s("20251231"),
        frequency: s("30"),
    }
}

#[rustfmt::skip]
fn previous() -> PreviousTransDetails {
    PreviousTransDetails {
        auth_data: s("data"), auth_method: s("01"), auth_timestamp: s("201906011200"),
        acs_id: s("acs-1"), bank_transaction_id: s("123456789012345678"), xid: s("xid-1"),
    }
}

#[test]
fn order_details_round_trip() -> TestResult {
    round_trip(&with_order(full_order_details()))?;
    round_trip(&CallPagamS2S {
        order_details: Some(full_order_details()),
        ..Default::default()
    })
}

#[test]
fn order_details_wraps_lists_and_nests_social() -> TestResult {
    let xml = write(&with_order(full_order_details()), "OrderDetails")?;
    assert!(xml.starts_with("<OrderDetails><FraudPrevention><SubmitForReview>1</SubmitForReview>"));
    assert!(xml.contains("<ProductDetails><ProductDetail><ProductCode>P1</ProductCode>"));
    assert!(xml.contains("</ProductDetail><ProductDetail><ProductCode>P2</ProductCode>"));
    assert!(xml.contains("<DiscountCodes><DiscountCode><Amount>10</Amount>"));
    assert!(xml.contains("<AccountType>premium</AccountType><Social><Network>Facebook</Network>"));
    assert!(xml.contains("<PublicUsername>Marty McFly</PublicUsername>"));
    assert!(xml.contains("<Streetname2>Suite 1</Streetname2>"));
    assert!(xml.contains("<SubCategory>cars</SubCategory>"));
    assert!(xml.contains("&amp;"));
    assert!(!xml.contains("CustomerSocial"));
    Ok(())
}

#[test]
fn empty_lists_are_not_written() -> TestResult {
    let order = OrderDetails {
        fraud_prevention: Some(FraudPrevention::default()),
        shipping_lines: vec![ShippingLine {
            code: s("72-B03"),
            ..Default::default()
        }],
        ..Default::default()
    };
    let xml = write(&with_order(order), "OrderDetails")?;
    // An empty block is omitted like an absent one, and so are empty lists.
    assert_eq!(
        xml,
        "<OrderDetails><ShippingLines><ShippingLine><Code>72-B03</Code></ShippingLine>\
         </ShippingLines></OrderDetails>"
    );

    // Its empty block only: the element holds nothing.
    let empty = OrderDetails {
        fraud_prevention: Some(FraudPrevention::default()),
        ..Default::default()
    };
    assert_eq!(
        write(&with_order(empty), "OrderDetails")?,
        "<OrderDetails></OrderDetails>"
    );
    Ok(())
}

#[test]
fn billing_address_wire_order() -> TestResult {
    let address = BillingAddress {
        company: s("ACME"),
        state_code: s("MI"),
        last_name: s("Rossi"),
        street_name2: s("Scala B"),
        street_number: s("12"),
        street_name: s("Via Roma"),
        first_name: s("Mario"),
        ..Default::default()
    };
    let order = OrderDetails {
        billing_address: Some(address),
        ..Default::default()
    };
    let xml = write(&with_order(order), "BillingAddress")?;
    assert_eq!(
        xml,
        "<BillingAddress><FirstName>Mario</FirstName><Lastname>Rossi</Lastname>\
         <StreetNumber>12</StreetNumber><StreetName>Via Roma</StreetName>\
         <Streetname2>Scala B</Streetname2><Company>ACME</Company><StateCode>MI</StateCode>\
         </BillingAddress>"
    );
    Ok(())
}

#[test]
fn encrypt_trans_details_round_trip() -> TestResult {
    let details = EncryptTransDetails {
        r#type: s("EC"),
        authentication_amount: s("12.50"),
        three_ds_container: Some(EncryptThreeDsContainer {
            trans_type_req: s("P"),
            acquirer_bin: s("12345678901"),
            acquirer_merchant_id: s("M-1"),
            exemption: s("FORCE"),
            buyer_details: Some(buyer_details()),
            merchant_risk_indicator: Some(merchant_risk_indicator()),
        }),
        recurring_transaction: Some(recurring()),
        previous_trans_details: Some(previous()),
    };
    round_trip(&Encrypt {
        trans_details: Some(details),
        ..Default::default()
    })
}

#[test]
fn trans_details_round_trip_and_order() -> TestResult {
    let details = TransDetails {
        r#type: s("01F"),
        authentication_amount: s("12.50"),
        three_ds_auth_result: Some(three_ds_auth_result()),
        three_ds_container: Some(ThreeDsContainer {
            trans_type_req: s("A"),
            acquirer_bin: s("12345678901"),
            acquirer_merchant_id: s("M-1"),
            exemption: s("SKIP"),
            buyer_details: Some(buyer_details()),
            merchant_risk_indicator: Some(merchant_risk_indicator()),
            sdk_details: s("eyJEZXZpY2VEYXRhIjoiIn0="),
        }),
        recurring_transaction: Some(recurring()),
        previous_trans_details: Some(previous()),
    };
    let request = CallPagamS2S {
        trans_details: Some(details),
        ..Default::default()
    };
    round_trip(&request)?;

    let xml = write(&request, "transDetails")?;
    assert!(xml.starts_with(
        "<transDetails><type>01F</type><authenticationAmount>12.50</authenticationAmount>\
         <threeDSAuthResult><authenticationLevel>2F</authenticationLevel>"
    ));
    assert!(
        xml.contains(
            "<threeDsVersion>2.1.0</threeDsVersion></threeDSAuthResult><threeDsContainer>"
        )
    );
    assert!(xml.contains("<cardHolderID>user-42</cardHolderID>"));
    assert!(xml.contains("<authTimestamp>201907011200</authTimestamp>"));
    assert!(
        xml.contains("<homePhone_cc>39</homePhone_cc><homePhone_num>021234567</homePhone_num>")
    );
    assert!(xml.contains("</merchantRiskIndicator><SDKDetails>"));
    assert!(xml.ends_with(
        "<previousTransDetails><authData>data</authData><authMethod>01</authMethod>\
         <authTimestamp>201906011200</authTimestamp><acsID>acs-1</acsID>\
         <bankTransactionID>123456789012345678</bankTransactionID><XID>xid-1</XID>\
         </previousTransDetails></transDetails>"
    ));
    Ok(())
}

#[test]
fn trans_details_reads_old_three_ds_auth_result_spelling() -> TestResult {
    let xml = "<transDetails><threeDsAuthResult><ECI>05</ECI></threeDsAuthResult></transDetails>";
    let request: CallPagamS2S = read("callPagamS2S", xml)?;
    assert_eq!(
        request
            .trans_details
            .and_then(|d| d.three_ds_auth_result)
            .and_then(|r| r.eci)
            .as_deref(),
        Some("05")
    );
    Ok(())
}

#[test]
fn full_fillment_details_round_trip_and_order() -> TestResult {
    let settle = |details| CallSettleS2S {
        full_fillment: Some(details),
        ..Default::default()
    };
    round_trip(&settle(fulfilment()))?;
    round_trip(&settle(full_fillment_product()))?;

    let xml = write(&settle(fulfilment()), "FullFillment")?;
    assert_eq!(
        xml,
        "<FullFillment><FullFillmentlst><FullfillmentDetail><Status>success</Status>\
         <ProductDetails><ProductCode>A</ProductCode><SKU>SKU-A</SKU></ProductDetails>\
         <ProductDetails><ProductCode>B</ProductCode></ProductDetails>\
         <TrackingCompany>FedEx</TrackingCompany><TrackingNumbers>TN1</TrackingNumbers>\
         <TrackingUrls>https://track.example/TN1</TrackingUrls><Message>shipped</Message>\
         <Receipt>R1</Receipt></FullfillmentDetail>\
         <FullfillmentDetail><Status>cancelled</Status></FullfillmentDetail>\
         </FullFillmentlst></FullFillment>"
    );
    Ok(())
}

#[rustfmt::skip]
fn fulfilment() -> FullFillmentDetails {
    FullFillmentDetails {
        full_fillment_lst: vec![
            FullfillmentDetail {
                status: s("success"),
                product_details: vec![
                    ProductDetail { product_code: s("A"), sku: s("SKU-A"), ..Default::default() },
                    ProductDetail { product_code: s("B"), ..Default::default() },
                ],
                tracking_company: s("FedEx"), tracking_numbers: s("TN1"),
                tracking_urls: s("https://track.example/TN1"), message: s("shipped"),
                receipt: s("R1"),
            },
            FullfillmentDetail { status: s("cancelled"), ..Default::default() },
        ],
    }
}

#[rustfmt::skip]
fn full_fillment_product() -> FullFillmentDetails {
    FullFillmentDetails {
        full_fillment_lst: vec![FullfillmentDetail {
            status: s("success"), product_details: vec![product(7)], ..Default::default()
        }],
    }
}

#[test]
fn refund_product_detail_round_trip() -> TestResult {
    let refund = CallRefundS2S {
        order_detail: Some(RefundProductDetail {
            product_details: vec![product(1), product(2)],
        }),
        ..Default::default()
    };
    round_trip(&refund)?;
    let xml = write(&refund, "OrderDetail")?;
    assert!(
        xml.starts_with(
            "<OrderDetail><ProductDetails><ProductDetail><ProductCode>P1</ProductCode>"
        )
    );
    Ok(())
}

#[test]
fn red_items_round_trip() -> TestResult {
    let item = |code: &str| RedItem {
        item_product_code: s(code),
        item_stock_keeping_unit: s("SKU"),
        item_description: s("Item"),
        item_quantity: s("1"),
        item_unit_cost: s("1000"),
        item_total_cost: s("1000"),
        item_shipping_number: s("S1"),
        item_gift_message: s("Enjoy"),
        item_part_ean_number: s("8001234567890"),
        item_shipping_comments: s("Fragile"),
    };
    let items = RedItems {
        number_of_items: s("2"),
        red_item: vec![item("A"), item("B")],
    };
    let request = Encrypt {
        red_items: Some(items),
        ..Default::default()
    };
    round_trip(&request)?;
    let xml = write(&request, "Red_Items")?;
    assert!(
        xml.starts_with("<Red_Items><NumberOfItems>2</NumberOfItems><Red_Item><Item_ProductCode>A")
    );
    assert!(xml.contains("</Red_Item><Red_Item><Item_ProductCode>B"));

    let request = Encrypt {
        red_custom_info: Some(RedCustomInfo {
            user_custom_data: vec!["a".into(), "b".into()],
        }),
        ..Default::default()
    };
    round_trip(&request)?;
    assert_eq!(
        write(&request, "Red_CustomInfo")?,
        "<Red_CustomInfo><UserCustomData>a</UserCustomData><UserCustomData>b</UserCustomData></Red_CustomInfo>"
    );
    Ok(())
}

#[test]
#[rustfmt::skip]
fn other_models_round_trip() -> TestResult {
    round_trip(&Encrypt { consel_customer_info: Some(ConselCustomerInfo {
        surname: s("Rossi"), name: s("Mario"), date_address: s("01/01/2000"),
        mobile_phone: s("333"), municipal_code: s("F205"), monthly_pay: s("2000"),
        ..Default::default()
    }), ..Default::default() })?;
    round_trip(&Encrypt { payment_type_detail: Some(PaymentTypeDetail {
        my_bank_bank_code: s("BANK1"), ideal_bank_code: s("INGBNL2A"),
    }), ..Default::default() })?;
    round_trip(&CallPagamS2S { apple_pay: Some(ApplePayRequest {
        apple_pay_pk_payment_token: secret(r#"{"paymentData":{"version":"EC_v1"}}"#),
        online_payment_cryptogram: secret("crypto"), eci_indicator: s("05"),
        request_token: s("MASKEDPAN"), token: secret("tok"),
    }), ..Default::default() })?;
    round_trip(&CallPagamS2S { google_pay: Some(GooglePayRequest {
        tokenization_data: Some(TokenizationData { token: secret(r#"{"signature":"x"}"#) }),
    }), ..Default::default() })?;
    round_trip(&CallPagamS2S {
        payment_device_details: Some(PaymentDeviceDetails { terminal_id: s("T1") }), ..Default::default()
    })?;
    round_trip(&CallPagamS2S { card_reader_payments: Some(CardReaderPayments {
        device_name: s("Reader"),
        device_provided_info: Some(DeviceProvidedInfo {
            device_id: s("D1"), ksn: secret("ksn"),
            card_data: Some(CardData {
                track1: secret("%B4111"), track2: secret(";4111"), card_holder_name: s("M ROSSI"),
            }),
        }),
        buyer_signature: s("sig"),
    }), ..Default::default() })?;
    let marketplace = CallPagamS2S { market_place: Some(Marketplace {
        mkp_type: s("SPLIT"),
        mkp_ref_master: Some(RefMaster { mkp_bank_id: s("1"), mkp_payment_id: s("2") }),
        mkp_splits: vec![MkpSplit { mkp_sub_merchant: s("S1") }, MkpSplit { mkp_sub_merchant: s("S2") }],
    }), ..Default::default() };
    round_trip(&marketplace)?;
    assert!(write(&marketplace, "marketPlace")?
        .contains("<mkpSplits><mkpSplit><mkpSubMerchant>S1</mkpSubMerchant></mkpSplit><mkpSplit>"));
    round_trip(&Encrypt { red_customer_info: Some(RedCustomerInfo {
        customer_title: s("Mr"), customer_phone: s("1"), ..Default::default()
    }), ..Default::default() })?;
    round_trip(&Encrypt { red_shipping_info: Some(RedShippingInfo {
        shipping_name: s("A"), shipping_time_to_departure: s("2"), ..Default::default()
    }), ..Default::default() })?;
    round_trip(&Encrypt { red_billing_info: Some(RedBillingInfo {
        billing_id: s("A"), billing_mobile_phone: s("2"), ..Default::default()
    }), ..Default::default() })?;
    round_trip(&Encrypt { red_customer_data: Some(RedCustomerData {
        customer_ip_address: s("10.0.0.1"), red_service_type: s("X"), ..Default::default()
    }), ..Default::default() })?;
    Ok(())
}

#[test]
fn secrets_are_not_debug_printed() {
    let apple = ApplePayRequest {
        token: secret("very-secret-token"),
        ..Default::default()
    };
    assert!(!format!("{apple:?}").contains("very-secret-token"));
    let social = CustomerSocial {
        auth_token: secret("jwt-value"),
        ..Default::default()
    };
    assert!(!format!("{social:?}").contains("jwt-value"));
}

#[test]
fn json_shape_is_camel_case() -> TestResult {
    let product = ProductDetail {
        r#type: s("1"),
        sub_category: s("cars"),
        sku: s("X"),
        ..Default::default()
    };
    let json = serde_json::to_value(&product)?;
    assert_eq!(
        json,
        serde_json::json!({"sku": "X", "type": "1", "subCategory": "cars"})
    );
    let back: ProductDetail = serde_json::from_value(json)?;
    assert_eq!(back, product);

    let holder = CardHolder {
        home_phone_cc: s("39"),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&holder)?,
        serde_json::json!({"homePhoneCc": "39"})
    );
    Ok(())
}

#[test]
fn docs_order_details_example() -> TestResult {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/OrderDetails.fragment.fixed.xml"
    ))?;
    let order_details = |xml: &str| -> Result<OrderDetails, Box<dyn std::error::Error>> {
        let request: Encrypt = read("Encrypt", xml)?;
        Ok(request.order_details.ok_or("OrderDetails")?)
    };
    let order = order_details(&text)?;

    let fraud = order.fraud_prevention.as_ref().ok_or("FraudPrevention")?;
    assert_eq!(fraud.submit_for_review.as_deref(), Some("1"));
    assert_eq!(fraud.vendor_name.as_deref(), Some("www.yourdomain.it"));

    let customer = order.customer_detail.as_ref().ok_or("CustomerDetail")?;
    assert_eq!(customer.last_name.as_deref(), Some("Fox"));
    assert_eq!(customer.profile_id, None, "an empty element is no value");
    assert_eq!(
        customer.created_at_date.as_deref(),
        Some("2017-05-16 15:28")
    );
    // The docs' top-level CustomerSocial is not in the schema: ignored, not mapped to Social.
    assert_eq!(customer.social, None);

    let shipping = order.shipping_address.as_ref().ok_or("ShippingAddress")?;
    assert_eq!(
        shipping.company.as_deref(),
        Some("Universal Studios"),
        "read whatever its position"
    );
    assert_eq!(shipping.street_name2, None);
    assert_eq!(shipping.city.as_deref(), Some("Los Angeles"));
    let billing = order.billing_address.as_ref().ok_or("BillingAddress")?;
    assert_eq!(billing.country_code.as_deref(), Some("US"));

    assert_eq!(order.product_details.len(), 2);
    let first = &order.product_details[0];
    assert_eq!(first.sku.as_deref(), Some("AB-333222-WFG-4"));
    assert_eq!(
        first.sub_category.as_deref(),
        Some("cars"),
        "Subcategory alias"
    );
    assert_eq!(first.condition.as_deref(), Some("new"));
    assert_eq!(first.requires_shipping.as_deref(), Some("true"));
    assert_eq!(
        order.product_details[1].name.as_deref(),
        Some("Ferrari scale model")
    );

    assert_eq!(
        order.discount_codes,
        vec![DiscountCode {
            amount: s("10"),
            code: s("53232")
        }]
    );
    assert_eq!(order.shipping_lines[0].title.as_deref(), Some("FedEx"));
    // The second accommodation/passenger hold only "..." placeholder text: no value, dropped.
    assert_eq!(order.accommodation_details.len(), 1);
    assert_eq!(
        order.accommodation_details[0].check_in_date.as_deref(),
        Some("2018-01-20T00:00+0000")
    );
    assert_eq!(order.passenger_details.len(), 1);
    assert_eq!(
        order.passenger_details[0].last_name.as_deref(),
        Some("Esposito")
    );

    // The docs' aliases, including PublicUserName, once the social block sits where the WSDL has it.
    let moved = text
        .replace(
            "<AccountType>premium</AccountType>\n  </CustomerDetail>\n  <CustomerSocial>",
            "<AccountType>premium</AccountType><Social>",
        )
        .replace("</CustomerSocial>", "</Social></CustomerDetail>")
        .replace("<StreetName2 />", "<StreetName2>Apt 5</StreetName2>");
    let order = order_details(&moved)?;
    let social = order
        .customer_detail
        .and_then(|c| c.social)
        .ok_or("Social")?;
    assert_eq!(social.public_username.as_deref(), Some("Marty McFly"));
    assert_eq!(social.followed.as_deref(), Some("1157"));
    assert_eq!(
        social.auth_token.as_ref().map(Secret::expose),
        Some("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...")
    );
    assert!(
        social
            .profile_picture
            .as_deref()
            .is_some_and(|p| p.contains("&w=264&h=264"))
    );
    assert_eq!(
        order
            .shipping_address
            .and_then(|a| a.street_name2)
            .as_deref(),
        Some("Apt 5")
    );
    assert_eq!(
        order
            .billing_address
            .and_then(|a| a.street_name2)
            .as_deref(),
        Some("Apt 5")
    );
    Ok(())
}

#[test]
fn docs_three_ds_container_example() -> TestResult {
    let original = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/threeDsContainer.fragment.xml"
    ))?;
    // Every value of the docs' example is empty: blocks without a value mean "no value".
    let container = |xml: &str| -> Result<Option<ThreeDsContainer>, Box<gestpay::Error>> {
        let request: CallPagamS2S = read(
            "callPagamS2S",
            &format!("<transDetails>{xml}</transDetails>"),
        )?;
        Ok(request.trans_details.and_then(|d| d.three_ds_container))
    };
    assert_eq!(container(&original)?, None, "all values empty");

    // Fill the empty example to check every name, the docs' cardholderID/authTimeStamp included.
    let filled = original
        .replace(
            "<cardholderID></cardholderID>",
            "<cardholderID>user-42</cardholderID>",
        )
        .replace(
            "<authTimeStamp></authTimeStamp>",
            "<authTimeStamp>201907011200</authTimeStamp>",
        )
        .replace(
            "<homePhone_cc></homePhone_cc>",
            "<homePhone_cc>39</homePhone_cc>",
        )
        .replace(
            "<suspiciousAccActivity></suspiciousAccActivity>",
            "<suspiciousAccActivity>01</suspiciousAccActivity>",
        )
        .replace(
            "<giftCardCurr></giftCardCurr>",
            "<giftCardCurr>242</giftCardCurr>",
        )
        .replace("<postCode></postCode>", "<postCode>20100</postCode>")
        .replace("<SDKDetails></SDKDetails>", "<SDKDetails>e30=</SDKDetails>");
    let container = container(&filled)?.ok_or("threeDsContainer")?;
    let buyer = container.buyer_details.ok_or("buyerDetails")?;
    let profile = buyer.profile_details.ok_or("profileDetails")?;
    assert_eq!(profile.card_holder_id.as_deref(), Some("user-42"));
    assert_eq!(profile.auth_timestamp.as_deref(), Some("201907011200"));
    assert_eq!(
        buyer.card_holder.and_then(|c| c.home_phone_cc).as_deref(),
        Some("39")
    );
    assert_eq!(
        buyer
            .acc_info
            .and_then(|a| a.suspicious_acc_activity)
            .as_deref(),
        Some("01")
    );
    assert_eq!(
        buyer.billing_address.and_then(|a| a.post_code).as_deref(),
        Some("20100")
    );
    assert_eq!(
        buyer.shipping_address.and_then(|a| a.post_code).as_deref(),
        Some("20100")
    );
    assert_eq!(
        container
            .merchant_risk_indicator
            .and_then(|m| m.gift_card_curr)
            .as_deref(),
        Some("242")
    );
    assert_eq!(container.sdk_details.as_deref(), Some("e30="));

    // Written back with the WSDL spellings.
    let again = CallPagamS2S {
        trans_details: Some(TransDetails {
            three_ds_container: Some(ThreeDsContainer {
                buyer_details: Some(BuyerDetails {
                    profile_details: Some(profile),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        write(&again, "threeDsContainer")?,
        "<threeDsContainer><buyerDetails><profileDetails><cardHolderID>user-42</cardHolderID>\
         <authTimestamp>201907011200</authTimestamp></profileDetails></buyerDetails></threeDsContainer>"
    );

    // The Encrypt container has no SDKDetails: it is ignored there.
    let encrypt: Encrypt = read("Encrypt", &format!("<transDetails>{filled}</transDetails>"))?;
    let container = encrypt.trans_details.and_then(|d| d.three_ds_container);
    assert!(container.and_then(|c| c.buyer_details).is_some());
    Ok(())
}
