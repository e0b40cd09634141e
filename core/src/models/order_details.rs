//! `OrderDetails` (docs/protocol.md §4.1–§4.7): the order description consumed by fraud
//! prevention (Riskified), Klarna and several alternative payments. Used by `Encrypt`,
//! `callPagamS2S` and `CallUpdateOrderS2S`.

use crate::Secret;
use crate::Text;

crate::xml_model! {
    /// `OrderDetails` (type `EcommGestpayPaymentDetails`): buyer, addresses, products and travel data.
    ///
    /// The docs' top-level `CustomerSocial` is not in the schema; it is read as unknown (ignored).
    /// Social data goes in [`CustomerDetail::social`].
    pub struct OrderDetails {
        /// `FraudPrevention`: Riskified submission settings.
        pub fraud_prevention: Option<FraudPrevention> => "FraudPrevention",
        /// `CustomerDetail`: the buyer (docs' Bitcoin page spelling `CustomerDetails` is read too).
        pub customer_detail: Option<CustomerDetail> => "CustomerDetail" | "CustomerDetails",
        /// `ShippingAddress`: where the goods go.
        pub shipping_address: Option<ShippingAddress> => "ShippingAddress",
        /// `BillingAddress`: the billing address.
        pub billing_address: Option<BillingAddress> => "BillingAddress",
        /// `ProductDetails/ProductDetail*`: the products bought.
        pub product_details: Vec<ProductDetail> => "ProductDetails" / "ProductDetail",
        /// `DiscountCodes/DiscountCode*`: discount codes applied.
        pub discount_codes: Vec<DiscountCode> => "DiscountCodes" / "DiscountCode",
        /// `ShippingLines/ShippingLine*`: shipping methods charged.
        pub shipping_lines: Vec<ShippingLine> => "ShippingLines" / "ShippingLine",
        /// `AccommodationDetails/AccommodationDetail*`: booked accommodations.
        pub accommodation_details: Vec<AccommodationDetail> => "AccommodationDetails" / "AccommodationDetail",
        /// `TravelTicketDetails/TravelTicketDetail*`: travel tickets (undocumented).
        pub travel_ticket_details: Vec<TravelTicketDetail> => "TravelTicketDetails" / "TravelTicketDetail",
        /// `PassengerDetails/PassengerDetail*`: travelling passengers.
        pub passenger_details: Vec<PassengerDetail> => "PassengerDetails" / "PassengerDetail",
    }
}

crate::xml_model! {
    /// `FraudPrevention`: how the order is submitted to Riskified.
    pub struct FraudPrevention {
        /// `SubmitForReview` (1): `0` no, `1` submit to Riskified.
        pub submit_for_review: Option<Text> => "SubmitForReview" [max 1],
        /// `OrderDateTime` (10): order date, `YYYY-MM-DD`.
        pub order_date_time: Option<Text> => "OrderDateTime" [max 10],
        /// `OrderNote` (50): the buyer's note.
        pub order_note: Option<Text> => "OrderNote" [max 50],
        /// `Source`: order channel (`desktop_web`, `mobile_app`, `phone`, ...).
        pub source: Option<Text> => "Source",
        /// `SubmissionReason` (20): why the order is submitted (`rule_decision`, ...).
        pub submission_reason: Option<Text> => "SubmissionReason" [max 20],
        /// `BeaconSessionID` (100): Riskified beacon session id.
        pub beacon_session_id: Option<Text> => "BeaconSessionID" [max 100],
        /// `VendorID` (10): selling vendor id (usually the shopLogin).
        pub vendor_id: Option<Text> => "VendorID",
        /// `VendorName` (100): vendor or domain name.
        pub vendor_name: Option<Text> => "VendorName" [max 100],
    }
}

crate::xml_model! {
    /// `CustomerDetail`: the buyer.
    pub struct CustomerDetail {
        /// `ProfileID` (12): reserved.
        pub profile_id: Option<Text> => "ProfileID" [max 12],
        /// `MerchantCustomerID` (50): reserved.
        pub merchant_customer_id: Option<Text> => "MerchantCustomerID" [max 50],
        /// `FirstName` (65): first name.
        pub first_name: Option<Text> => "FirstName" [max 65],
        /// `MiddleName` (65): middle name.
        pub middle_name: Option<Text> => "MiddleName" [max 65],
        /// `Lastname` (65): last name (lower-case n; `LastName` is read too).
        pub last_name: Option<Text> => "Lastname" | "LastName" [max 65],
        /// `PrimaryEmail` (100): main e-mail address.
        pub primary_email: Option<Text> => "PrimaryEmail" [max 100],
        /// `SecondaryEmail` (100): other e-mail address.
        pub secondary_email: Option<Text> => "SecondaryEmail" [max 100],
        /// `PrimaryPhone` (20): main phone, with prefix.
        pub primary_phone: Option<Text> => "PrimaryPhone" [max 20],
        /// `SecondaryPhone` (20): other phone.
        pub secondary_phone: Option<Text> => "SecondaryPhone" [max 20],
        /// `DateOfBirth` (10): `dd/mm/yyyy`.
        pub date_of_birth: Option<Text> => "DateOfBirth",
        /// `Gender` (1): `0` male, `1` female.
        pub gender: Option<Text> => "Gender" [max 1],
        /// `SocialSecurityNumber` (20): fiscal id (Klarna).
        pub social_security_number: Option<Text> => "SocialSecurityNumber" [max 20],
        /// `Company` (255): company name.
        pub company: Option<Text> => "Company" [max 255],
        /// `CreatedAtDate` (10, 16 in practice): account creation date.
        pub created_at_date: Option<Text> => "CreatedAtDate",
        /// `VerifiedEmail` (5): `true`/`false`.
        pub verified_email: Option<Text> => "VerifiedEmail" [max 5],
        /// `AccountType` (20): e.g. `free`, `premium`.
        pub account_type: Option<Text> => "AccountType" [max 20],
        /// `Social` (type `CustomerSocial`): the buyer's social network profile.
        pub social: Option<CustomerSocial> => "Social",
    }
}

crate::xml_model! {
    /// `CustomerSocial` (element `CustomerDetail/Social`): a social network profile.
    pub struct CustomerSocial {
        /// `Network` (12): e.g. `Facebook`.
        pub network: Option<Text> => "Network" [max 12],
        /// `PublicUsername` (50): public user name (docs spelling `PublicUserName` is read too).
        pub public_username: Option<Text> => "PublicUsername" | "PublicUserName" [max 50],
        /// `CommunityScore` (65): community score.
        pub community_score: Option<Text> => "CommunityScore" [max 65],
        /// `ProfilePicture` (65): picture URL.
        pub profile_picture: Option<Text> => "ProfilePicture",
        /// `Email` (65): e-mail on the network.
        pub email: Option<Text> => "Email" [max 65],
        /// `Bio` (100): biography.
        pub bio: Option<Text> => "Bio",
        /// `AccountUrl` (100): profile URL.
        pub account_url: Option<Text> => "AccountUrl" [max 100],
        /// `Following` (20): number of accounts followed.
        pub following: Option<Text> => "Following" [max 20],
        /// `Followed` (20): number of followers.
        pub followed: Option<Text> => "Followed" [max 20],
        /// `Posts`: number of posts (WSDL only).
        pub posts: Option<Text> => "Posts",
        /// `Id` (10): id on the network.
        pub id: Option<Text> => "Id",
        /// `AuthToken`: the network's authentication token (secret; documented length 1 is wrong).
        pub auth_token: Option<Secret> => "AuthToken",
        /// `SocialData` (20): other social data.
        pub social_data: Option<Text> => "SocialData" [max 20],
    }
}

crate::xml_model! {
    /// `ShippingAddress`: the delivery address.
    pub struct ShippingAddress {
        /// `ProfileID` (12): reserved.
        pub profile_id: Option<Text> => "ProfileID" [max 12],
        /// `FirstName` (65): first name.
        pub first_name: Option<Text> => "FirstName" [max 65],
        /// `MiddleName` (65): middle name.
        pub middle_name: Option<Text> => "MiddleName" [max 65],
        /// `Lastname` (65): last name.
        pub last_name: Option<Text> => "Lastname" | "LastName" [max 65],
        /// `StreetName` (100): street.
        pub street_name: Option<Text> => "StreetName" [max 100],
        /// `Streetname2` (100): second street line (docs spelling `StreetName2` is read too).
        pub street_name2: Option<Text> => "Streetname2" | "StreetName2" [max 100],
        /// `HouseNumber` (5): house number.
        pub house_number: Option<Text> => "HouseNumber" [max 5],
        /// `HouseExtention` (5): house number extension (misspelled in the schema).
        pub house_extention: Option<Text> => "HouseExtention",
        /// `City` (50): city.
        pub city: Option<Text> => "City" [max 50],
        /// `ZipCode` (50): postal code.
        pub zip_code: Option<Text> => "ZipCode" [max 50],
        /// `State` (50): state or province.
        pub state: Option<Text> => "State" [max 50],
        /// `CountryCode` (2): ISO 3166 alpha-2 country.
        pub country_code: Option<Text> => "CountryCode" [max 2],
        /// `Email` (100): e-mail address.
        pub email: Option<Text> => "Email" [max 100],
        /// `PrimaryPhone` (20): main phone.
        pub primary_phone: Option<Text> => "PrimaryPhone" [max 20],
        /// `SecondaryPhone` (20): other phone.
        pub secondary_phone: Option<Text> => "SecondaryPhone" [max 20],
        /// `Company` (255): company name (after the phones in the schema).
        pub company: Option<Text> => "Company" [max 255],
        /// `StateCode`: state code (WSDL only).
        pub state_code: Option<Text> => "StateCode",
    }
}

crate::xml_model! {
    /// `BillingAddress`: the billing address (as [`ShippingAddress`] plus `StreetNumber`).
    pub struct BillingAddress {
        /// `ProfileID` (12): reserved.
        pub profile_id: Option<Text> => "ProfileID" [max 12],
        /// `FirstName` (65): first name.
        pub first_name: Option<Text> => "FirstName" [max 65],
        /// `MiddleName` (65): middle name.
        pub middle_name: Option<Text> => "MiddleName" [max 65],
        /// `Lastname` (65): last name.
        pub last_name: Option<Text> => "Lastname" | "LastName" [max 65],
        /// `StreetNumber` (5): street number (Klarna: digits only).
        pub street_number: Option<Text> => "StreetNumber" [max 5],
        /// `StreetName` (100): street (Klarna: alphanumeric only).
        pub street_name: Option<Text> => "StreetName" [max 100],
        /// `Streetname2` (100): second street line (docs spelling `StreetName2` is read too).
        pub street_name2: Option<Text> => "Streetname2" | "StreetName2" [max 100],
        /// `HouseNumber` (5): house number.
        pub house_number: Option<Text> => "HouseNumber" [max 5],
        /// `HouseExtention` (5): house number extension (misspelled in the schema).
        pub house_extention: Option<Text> => "HouseExtention",
        /// `City` (50): city.
        pub city: Option<Text> => "City" [max 50],
        /// `ZipCode` (50): postal code.
        pub zip_code: Option<Text> => "ZipCode" [max 50],
        /// `State` (50): state or province.
        pub state: Option<Text> => "State" [max 50],
        /// `CountryCode` (2): ISO 3166 alpha-2 country.
        pub country_code: Option<Text> => "CountryCode" [max 2],
        /// `Email` (100): e-mail address.
        pub email: Option<Text> => "Email" [max 100],
        /// `PrimaryPhone` (20): main phone.
        pub primary_phone: Option<Text> => "PrimaryPhone" [max 20],
        /// `SecondaryPhone` (20): other phone.
        pub secondary_phone: Option<Text> => "SecondaryPhone" [max 20],
        /// `Company` (255): company name (after the phones in the schema).
        pub company: Option<Text> => "Company" [max 255],
        /// `StateCode`: state code (WSDL only).
        pub state_code: Option<Text> => "StateCode",
    }
}

crate::xml_model! {
    /// `ProductDetail`: one product (element `ProductDetail` in lists, `ProductDetails` in fulfilments).
    pub struct ProductDetail {
        /// `ProductCode` (12): product code.
        pub product_code: Option<Text> => "ProductCode" [max 12],
        /// `SKU` (50): stock keeping unit.
        pub sku: Option<Text> => "SKU" [max 50],
        /// `Name` (100): product name.
        pub name: Option<Text> => "Name" [max 100],
        /// `Description` (255): description.
        pub description: Option<Text> => "Description" [max 255],
        /// `Quantity` (3): quantity.
        pub quantity: Option<Text> => "Quantity" [max 3],
        /// `Price` (12): total price of the line.
        pub price: Option<Text> => "Price" [max 12],
        /// `UnitPrice` (12): price of one unit.
        pub unit_price: Option<Text> => "UnitPrice" [max 12],
        /// `Type` (2): product type (`1` product, `2` shipping, Klarna and Riskified codes, ...).
        pub r#type: Option<Text> => "Type",
        /// `TaxType`: tax type (undocumented).
        pub tax_type: Option<Text> => "TaxType",
        /// `Vat` (2): tax rate.
        pub vat: Option<Text> => "Vat" [max 2],
        /// `Discount` (2): discount (Klarna: percentage).
        pub discount: Option<Text> => "Discount" [max 2],
        /// `RequiresShipping`: `true`/`false`.
        pub requires_shipping: Option<Text> => "RequiresShipping",
        /// `Condition` (100): product condition (e.g. `new`).
        pub condition: Option<Text> => "Condition" [max 100],
        /// `Seller`: marketplace seller.
        pub seller: Option<Text> => "Seller",
        /// `Category`: category.
        pub category: Option<Text> => "Category",
        /// `SubCategory`: subcategory (docs spelling `Subcategory` is read too).
        pub sub_category: Option<Text> => "SubCategory" | "Subcategory",
        /// `Brand`: brand.
        pub brand: Option<Text> => "Brand",
        /// `DeliveryAt` (10): planned delivery date.
        pub delivery_at: Option<Text> => "DeliveryAt" [max 10],
        /// `DigitalGiftCardDetails`: gift card data, for gift card products.
        pub digital_gift_card_details: Option<DigitalGiftCardDetails> => "DigitalGiftCardDetails",
    }
}

crate::xml_model! {
    /// `DigitalGiftCardDetails`: the sender and recipient of a digital gift card (undocumented).
    pub struct DigitalGiftCardDetails {
        /// `SenderName`: who gives the card.
        pub sender_name: Option<Text> => "SenderName",
        /// `DisplayName`: name shown on the card.
        pub display_name: Option<Text> => "DisplayName",
        /// `GreetingMessage`: message to the recipient.
        pub greeting_message: Option<Text> => "GreetingMessage",
        /// `Recipient`: who receives the card.
        pub recipient: Option<Recipient> => "Recipient",
    }
}

crate::xml_model! {
    /// `Recipient`: the recipient of a digital gift card.
    pub struct Recipient {
        /// `Email`: recipient's e-mail address.
        pub email: Option<Text> => "Email",
        /// `Phone`: recipient's phone.
        pub phone: Option<Text> => "Phone",
        /// `Social`: recipient's social network handle.
        pub social: Option<Text> => "Social",
    }
}

crate::xml_model! {
    /// `DiscountCode`: one discount applied to the order.
    pub struct DiscountCode {
        /// `Amount` (12): discounted amount.
        pub amount: Option<Text> => "Amount" [max 12],
        /// `Code` (50): discount code.
        pub code: Option<Text> => "Code" [max 50],
    }
}

crate::xml_model! {
    /// `ShippingLine`: one shipping method charged.
    pub struct ShippingLine {
        /// `Price` (12): shipping price.
        pub price: Option<Text> => "Price" [max 12],
        /// `Title` (100): shipping method name.
        pub title: Option<Text> => "Title" [max 100],
        /// `Code` (50): shipping method code.
        pub code: Option<Text> => "Code" [max 50],
    }
}

crate::xml_model! {
    /// `AccommodationDetail`: one booked accommodation.
    pub struct AccommodationDetail {
        /// `City`: city of the accommodation.
        pub city: Option<Text> => "City",
        /// `CountryCode`: ISO 3166 alpha-2 country.
        pub country_code: Option<Text> => "CountryCode",
        /// `Title`: accommodation name.
        pub title: Option<Text> => "Title",
        /// `CheckInDate`: ISO date-time (e.g. `2018-01-20T00:00+0000`).
        pub check_in_date: Option<Text> => "CheckInDate",
        /// `CheckOutDate`: ISO date-time.
        pub check_out_date: Option<Text> => "CheckOutDate",
        /// `ProductId`: product id of the booking.
        pub product_id: Option<Text> => "ProductId",
        /// `Rating`: star rating.
        pub rating: Option<Text> => "Rating",
        /// `NumberOfGuests`: number of guests.
        pub number_of_guests: Option<Text> => "NumberOfGuests",
        /// `AccommodationType`: e.g. `Hotel`.
        pub accommodation_type: Option<Text> => "AccommodationType",
        /// `RoomType`: room type.
        pub room_type: Option<Text> => "RoomType",
        /// `Price`: price.
        pub price: Option<Text> => "Price",
        /// `Quantity`: quantity.
        pub quantity: Option<Text> => "Quantity",
        /// `CancellationPolicy`: cancellation policy.
        pub cancellation_policy: Option<Text> => "CancellationPolicy",
    }
}

crate::xml_model! {
    /// `TravelTicketDetail`: one travel leg (undocumented).
    pub struct TravelTicketDetail {
        /// `ArrivalCity`: arrival city.
        pub arrival_city: Option<Text> => "ArrivalCity",
        /// `ArrivalCountryCode`: arrival country.
        pub arrival_country_code: Option<Text> => "ArrivalCountryCode",
        /// `ArrivalDate`: arrival date.
        pub arrival_date: Option<Text> => "ArrivalDate",
        /// `ArrivalPortCode`: arrival port or airport code.
        pub arrival_port_code: Option<Text> => "ArrivalPortCode",
        /// `CarrierCode`: carrier code.
        pub carrier_code: Option<Text> => "CarrierCode",
        /// `CarrierName`: carrier name.
        pub carrier_name: Option<Text> => "CarrierName",
        /// `DepartureCity`: departure city.
        pub departure_city: Option<Text> => "DepartureCity",
        /// `DepartureCountryCode`: departure country.
        pub departure_country_code: Option<Text> => "DepartureCountryCode",
        /// `DepartureDate`: departure date.
        pub departure_date: Option<Text> => "DepartureDate",
        /// `DeparturePortCode`: departure port or airport code.
        pub departure_port_code: Option<Text> => "DeparturePortCode",
        /// `LegId`: leg id.
        pub leg_id: Option<Text> => "LegId",
        /// `LegIndex`: position of the leg in the route.
        pub leg_index: Option<Text> => "LegIndex",
        /// `RouteIndex`: position of the route in the order.
        pub route_index: Option<Text> => "RouteIndex",
        /// `TicketClass`: ticket class.
        pub ticket_class: Option<Text> => "TicketClass",
        /// `Price`: price.
        pub price: Option<Text> => "Price",
        /// `Quantity`: quantity.
        pub quantity: Option<Text> => "Quantity",
        /// `Title`: ticket description.
        pub title: Option<Text> => "Title",
    }
}

crate::xml_model! {
    /// `PassengerDetail`: one travelling passenger.
    pub struct PassengerDetail {
        /// `FirstName`: first name.
        pub first_name: Option<Text> => "FirstName",
        /// `LastName`: last name (capital N here).
        pub last_name: Option<Text> => "LastName",
        /// `DateOfBirth`: ISO date of birth.
        pub date_of_birth: Option<Text> => "DateOfBirth",
        /// `NationalityCode`: ISO 3166 alpha-2 nationality.
        pub nationality_code: Option<Text> => "NationalityCode",
        /// `InsuranceType`: travel insurance type.
        pub insurance_type: Option<Text> => "InsuranceType",
        /// `InsurancePrice`: travel insurance price.
        pub insurance_price: Option<Text> => "InsurancePrice",
        /// `DocumentNumber`: identity document number.
        pub document_number: Option<Text> => "DocumentNumber",
        /// `DocumentType`: identity document type.
        pub document_type: Option<Text> => "DocumentType",
        /// `DocumentIssueDate`: identity document issue date.
        pub document_issue_date: Option<Text> => "DocumentIssueDate",
        /// `DocumentExpirationDate`: identity document expiry date.
        pub document_expiration_date: Option<Text> => "DocumentExpirationDate",
        /// `PassengerType`: `adult` or `child`.
        pub passenger_type: Option<Text> => "PassengerType",
    }
}
