//! Legacy blocks (docs/protocol.md §4.13, §4.16): Consel instalment data of `Encrypt` and the
//! undocumented ReD fraud-screening blocks present in every WSDL source.

use crate::Text;

crate::xml_model! {
    /// `ConselCustomerInfo` (Encrypt only): buyer data for Consel instalment payments (30 chars each).
    pub struct ConselCustomerInfo {
        /// `Surname` (30): surname.
        pub surname: Option<Text> => "Surname" [max 30],
        /// `Name` (30): first name.
        pub name: Option<Text> => "Name" [max 30],
        /// `TaxationCode` (30): fiscal code.
        pub taxation_code: Option<Text> => "TaxationCode" [max 30],
        /// `Address` (30): home address.
        pub address: Option<Text> => "Address" [max 30],
        /// `City` (30): home city.
        pub city: Option<Text> => "City" [max 30],
        /// `StateCode` (30): province code.
        pub state_code: Option<Text> => "StateCode" [max 30],
        /// `DateAddress` (30): living at the address since, `dd/mm/yyyy`.
        pub date_address: Option<Text> => "DateAddress" [max 30],
        /// `Phone` (30): phone number.
        pub phone: Option<Text> => "Phone" [max 30],
        /// `MobilePhone` (30): mobile phone number.
        pub mobile_phone: Option<Text> => "MobilePhone" [max 30],
        /// `MunicipalCode`: municipality code of the address.
        pub municipal_code: Option<Text> => "MunicipalCode",
        /// `StateBirthDate`: province of birth.
        pub state_birth_date: Option<Text> => "StateBirthDate",
        /// `BirthDate`: date of birth.
        pub birth_date: Option<Text> => "BirthDate",
        /// `Mail`: e-mail address.
        pub mail: Option<Text> => "Mail",
        /// `MunicipalDocumentCode`: municipality code of the identity document's issuer.
        pub municipal_document_code: Option<Text> => "MunicipalDocumentCode",
        /// `Employment`: employment.
        pub employment: Option<Text> => "Employment",
        /// `WorkingAddress`: work address.
        pub working_address: Option<Text> => "WorkingAddress",
        /// `MunicipalWorkingCode`: municipality code of the work address.
        pub municipal_working_code: Option<Text> => "MunicipalWorkingCode",
        /// `DocumentState`: province of the identity document's issuer.
        pub document_state: Option<Text> => "DocumentState",
        /// `DocumentNumber`: identity document number.
        pub document_number: Option<Text> => "DocumentNumber",
        /// `MunicipalBirthCode`: municipality code of the place of birth.
        pub municipal_birth_code: Option<Text> => "MunicipalBirthCode",
        /// `VisaExpiryDate`: residence permit expiry date.
        pub visa_expiry_date: Option<Text> => "VisaExpiryDate",
        /// `Iban`: the buyer's IBAN.
        pub iban: Option<Text> => "Iban",
        /// `DocumentDate`: identity document issue date.
        pub document_date: Option<Text> => "DocumentDate",
        /// `WorkingTelNumber`: work phone number.
        pub working_tel_number: Option<Text> => "WorkingTelNumber",
        /// `WorkingState`: province of the work address.
        pub working_state: Option<Text> => "WorkingState",
        /// `MonthlyPay`: monthly income (undocumented).
        pub monthly_pay: Option<Text> => "MonthlyPay",
    }
}

crate::xml_model! {
    /// `RedCustomerInfo` (legacy ReD): the customer.
    pub struct RedCustomerInfo {
        /// `Customer_Title`: title.
        pub customer_title: Option<Text> => "Customer_Title",
        /// `Customer_Name`: first name.
        pub customer_name: Option<Text> => "Customer_Name",
        /// `Customer_Surname`: surname.
        pub customer_surname: Option<Text> => "Customer_Surname",
        /// `Customer_Email`: e-mail address.
        pub customer_email: Option<Text> => "Customer_Email",
        /// `Customer_Address`: address.
        pub customer_address: Option<Text> => "Customer_Address",
        /// `Customer_Address2`: second address line.
        pub customer_address2: Option<Text> => "Customer_Address2",
        /// `Customer_City`: city.
        pub customer_city: Option<Text> => "Customer_City",
        /// `Customer_StateCode`: state code.
        pub customer_state_code: Option<Text> => "Customer_StateCode",
        /// `Customer_Country`: country.
        pub customer_country: Option<Text> => "Customer_Country",
        /// `Customer_PostalCode`: postal code.
        pub customer_postal_code: Option<Text> => "Customer_PostalCode",
        /// `Customer_Phone`: phone number.
        pub customer_phone: Option<Text> => "Customer_Phone",
    }
}

crate::xml_model! {
    /// `RedShippingInfo` (legacy ReD): the shipping recipient.
    pub struct RedShippingInfo {
        /// `Shipping_Name`: first name.
        pub shipping_name: Option<Text> => "Shipping_Name",
        /// `Shipping_Surname`: surname.
        pub shipping_surname: Option<Text> => "Shipping_Surname",
        /// `Shipping_Email`: e-mail address.
        pub shipping_email: Option<Text> => "Shipping_Email",
        /// `Shipping_Address`: address.
        pub shipping_address: Option<Text> => "Shipping_Address",
        /// `Shipping_Address2`: second address line.
        pub shipping_address2: Option<Text> => "Shipping_Address2",
        /// `Shipping_City`: city.
        pub shipping_city: Option<Text> => "Shipping_City",
        /// `Shipping_StateCode`: state code.
        pub shipping_state_code: Option<Text> => "Shipping_StateCode",
        /// `Shipping_Country`: country.
        pub shipping_country: Option<Text> => "Shipping_Country",
        /// `Shipping_PostalCode`: postal code.
        pub shipping_postal_code: Option<Text> => "Shipping_PostalCode",
        /// `Shipping_HomePhone`: home phone.
        pub shipping_home_phone: Option<Text> => "Shipping_HomePhone",
        /// `Shipping_MobilePhone`: mobile phone.
        pub shipping_mobile_phone: Option<Text> => "Shipping_MobilePhone",
        /// `Shipping_FaxPhone`: fax number.
        pub shipping_fax_phone: Option<Text> => "Shipping_FaxPhone",
        /// `Shipping_TimeToDeparture`: time until departure.
        pub shipping_time_to_departure: Option<Text> => "Shipping_TimeToDeparture",
    }
}

crate::xml_model! {
    /// `RedBillingInfo` (legacy ReD): the billing party.
    pub struct RedBillingInfo {
        /// `Billing_Id`: billing id.
        pub billing_id: Option<Text> => "Billing_Id",
        /// `Billing_Name`: first name.
        pub billing_name: Option<Text> => "Billing_Name",
        /// `Billing_Surname`: surname.
        pub billing_surname: Option<Text> => "Billing_Surname",
        /// `Billing_DateOfBirth`: date of birth.
        pub billing_date_of_birth: Option<Text> => "Billing_DateOfBirth",
        /// `Billing_Email`: e-mail address.
        pub billing_email: Option<Text> => "Billing_Email",
        /// `Billing_Address`: address.
        pub billing_address: Option<Text> => "Billing_Address",
        /// `Billing_Address2`: second address line.
        pub billing_address2: Option<Text> => "Billing_Address2",
        /// `Billing_City`: city.
        pub billing_city: Option<Text> => "Billing_City",
        /// `Billing_StateCode`: state code.
        pub billing_state_code: Option<Text> => "Billing_StateCode",
        /// `Billing_Country`: country.
        pub billing_country: Option<Text> => "Billing_Country",
        /// `Billing_PostalCode`: postal code.
        pub billing_postal_code: Option<Text> => "Billing_PostalCode",
        /// `Billing_HomePhone`: home phone.
        pub billing_home_phone: Option<Text> => "Billing_HomePhone",
        /// `Billing_WorkPhone`: work phone.
        pub billing_work_phone: Option<Text> => "Billing_WorkPhone",
        /// `Billing_MobilePhone`: mobile phone.
        pub billing_mobile_phone: Option<Text> => "Billing_MobilePhone",
    }
}

crate::xml_model! {
    /// `RedCustomerData` (legacy ReD): the shopping session.
    pub struct RedCustomerData {
        /// `MerchantWebSite`: the merchant's web site.
        pub merchant_web_site: Option<Text> => "MerchantWebSite",
        /// `Customer_IPAddress`: the buyer's IP address.
        pub customer_ip_address: Option<Text> => "Customer_IPAddress",
        /// `PC_FingerPrint`: device fingerprint.
        pub pc_finger_print: Option<Text> => "PC_FingerPrint",
        /// `PreviousCustomer`: whether the buyer bought before.
        pub previous_customer: Option<Text> => "PreviousCustomer",
        /// `Red_Merchant_ID`: ReD merchant id.
        pub red_merchant_id: Option<Text> => "Red_Merchant_ID",
        /// `Red_ServiceType`: ReD service type.
        pub red_service_type: Option<Text> => "Red_ServiceType",
    }
}

crate::xml_model! {
    /// `RedCustomInfo` (legacy ReD): free custom data.
    pub struct RedCustomInfo {
        /// `UserCustomData`*: custom values, repeated directly.
        pub user_custom_data: Vec<Text> => "UserCustomData",
    }
}

crate::xml_model! {
    /// `RedItems` (legacy ReD): the purchased items.
    pub struct RedItems {
        /// `NumberOfItems`: number of items.
        pub number_of_items: Option<Text> => "NumberOfItems",
        /// `Red_Item`*: the items, repeated directly (no wrapper).
        pub red_item: Vec<RedItem> => "Red_Item",
    }
}

crate::xml_model! {
    /// `Red_Item` (type `RedItem`, legacy ReD): one purchased item.
    pub struct RedItem {
        /// `Item_ProductCode`: product code.
        pub item_product_code: Option<Text> => "Item_ProductCode",
        /// `Item_StockKeepingUnit`: stock keeping unit.
        pub item_stock_keeping_unit: Option<Text> => "Item_StockKeepingUnit",
        /// `Item_Description`: description.
        pub item_description: Option<Text> => "Item_Description",
        /// `Item_Quantity`: quantity.
        pub item_quantity: Option<Text> => "Item_Quantity",
        /// `Item_UnitCost`: unit cost.
        pub item_unit_cost: Option<Text> => "Item_UnitCost",
        /// `Item_TotalCost`: total cost.
        pub item_total_cost: Option<Text> => "Item_TotalCost",
        /// `Item_ShippingNumber`: shipping number.
        pub item_shipping_number: Option<Text> => "Item_ShippingNumber",
        /// `Item_GiftMessage`: gift message.
        pub item_gift_message: Option<Text> => "Item_GiftMessage",
        /// `Item_PartEAN_Number`: EAN code.
        pub item_part_ean_number: Option<Text> => "Item_PartEAN_Number",
        /// `Item_ShippingComments`: shipping comments.
        pub item_shipping_comments: Option<Text> => "Item_ShippingComments",
    }
}
