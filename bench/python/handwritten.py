"""The hand-written references of the benchmark: what a merchant would write without the binding.

* ``parse_read_trx(status, content_type, body)``: callReadTrxS2S's HTTP response into frozen
  dataclasses with the same attributes as the binding's (``GestPayS2S``, ``Event``,
  ``OrderReferenceDetails``, …), with ``xml.etree.ElementTree`` and a table per element type:
  empty elements are absent, ``ErrorCode`` / ``AlertCode`` are ints, amounts are ``Decimal``,
  the UIC currency code becomes its ISO code, unknown elements are kept as ``(name, text)``,
  a SOAP fault raises. ``read_gestpay(element)`` is the payload part alone: it also reads the
  lxml element that zeep hands back (the WSDL types the result as ``xs:any``).
* ``build_envelope(operation, namespace, fields)``: a request envelope from nested dicts keyed by
  wire names (the shape zeep takes), with ``xml.etree.ElementTree``; no validation, no schema.

Only the standard library is used; nothing here imports the binding or zeep.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
S2S = "https://ecomms2s.sella.it/"

# The UIC codes this document uses; a real parser would carry the whole table (a dict lookup
# either way).
UIC_TO_ISO = {"242": "EUR", "1": "USD", "2": "GBP", "3": "CHF", "71": "JPY"}


class ParseError(Exception):
    """The response is not a callReadTrxS2S answer (or is a SOAP fault)."""


@dataclass(frozen=True)
class UnknownElement:
    name: str
    text: str = ""
    children: Tuple["UnknownElement", ...] = ()


@dataclass(frozen=True)
class Event:
    event_amount: Optional[Decimal] = None
    event_arn: Optional[str] = None
    event_date: Optional[str] = None
    event_id: Optional[str] = None
    event_referred: Optional[str] = None
    event_type: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class Buyer:
    buyer_email: Optional[str] = None
    buyer_name: Optional[str] = None


@dataclass(frozen=True)
class Risk:
    risk_response_code: Optional[str] = None
    risk_response_description: Optional[str] = None


@dataclass(frozen=True)
class OrderReferenceStatus:
    last_update_timestamp: Optional[str] = None
    reason_code: Optional[str] = None
    reason_description: Optional[str] = None
    state: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class AmazonAddress:
    address_line1: Optional[str] = None
    address_line2: Optional[str] = None
    address_line3: Optional[str] = None
    city: Optional[str] = None
    country_code: Optional[str] = None
    county: Optional[str] = None
    district: Optional[str] = None
    name: Optional[str] = None
    phone: Optional[str] = None
    postal_code: Optional[str] = None
    state_or_region: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class Destination:
    destination_type: Optional[str] = None
    physical_destination: Optional[AmazonAddress] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class SellerOrderAttributes:
    custom_information: Optional[str] = None
    seller_note: Optional[str] = None
    seller_order_id: Optional[str] = None
    store_name: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class OrderTotal:
    amount: Optional[Decimal] = None
    currency_code: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class AmazonBuyer:
    email: Optional[str] = None
    name: Optional[str] = None
    phone: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class AmazonBillingAddress:
    address_type: Optional[str] = None
    physical_address: Optional[AmazonAddress] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class OrderReferenceDetails:
    amazon_order_reference_id: Optional[str] = None
    billing_address: Optional[AmazonBillingAddress] = None
    buyer: Optional[AmazonBuyer] = None
    creation_timestamp: Optional[str] = None
    destination: Optional[Destination] = None
    expiration_timestamp: Optional[str] = None
    id_list: Tuple[str, ...] = ()
    order_language: Optional[str] = None
    order_reference_status: Optional[OrderReferenceStatus] = None
    order_total: Optional[OrderTotal] = None
    release_environment: Optional[str] = None
    request_payment_authorization: Optional[str] = None
    seller_order_attributes: Optional[SellerOrderAttributes] = None
    unknown: Tuple[UnknownElement, ...] = ()


@dataclass(frozen=True)
class GestPayS2S:
    """The same 60 attributes as the binding's ``GestPayS2S``; the containers this benchmark's
    operation never returns (bank list, exchange rates, 3-D Secure, custom info) are kept as
    unknown elements."""

    alert_code: Optional[int] = None
    alert_description: Optional[str] = None
    amount: Optional[Decimal] = None
    authorization_code: Optional[str] = None
    authorization_code_description: Optional[str] = None
    authorization_error_code: Optional[str] = None
    authorization_result: Optional[str] = None
    bank_list: Tuple[Any, ...] = ()
    bank_transaction_id: Optional[str] = None
    buyer: Optional[Buyer] = None
    card_bin: Optional[str] = None
    card_country: Optional[str] = None
    card_country_code: Optional[str] = None
    check_cvv: Optional[str] = None
    check_cvv_description: Optional[str] = None
    check_date: Optional[str] = None
    check_date_description: Optional[str] = None
    check_digit: Optional[str] = None
    check_digit_description: Optional[str] = None
    commercial: Optional[str] = None
    company: Optional[str] = None
    company_code: Optional[str] = None
    company_description: Optional[str] = None
    country: Optional[str] = None
    currency: Optional[str] = None
    custom_info: Tuple[Any, ...] = ()
    cvv_present: Optional[str] = None
    enrolled_code: Optional[str] = None
    enrolled_description: Optional[str] = None
    error_code: Optional[int] = None
    error_description: Optional[str] = None
    events: Tuple[Event, ...] = ()
    exchange_rates: Tuple[Any, ...] = ()
    issuer_country: Optional[str] = None
    issuer_country_code: Optional[str] = None
    masked_pan: Optional[str] = None
    order_reference_details: Optional[OrderReferenceDetails] = None
    payment_method: Optional[str] = None
    paypal_fee: Optional[str] = None
    prepaid: Optional[str] = None
    product_description: Optional[str] = None
    product_type: Optional[str] = None
    risk: Optional[Risk] = None
    risk_response_code: Optional[str] = None
    risk_response_description: Optional[str] = None
    shop_transaction_id: Optional[str] = None
    td_level: Optional[str] = None
    three_ds: Optional[Any] = None
    token: Optional[str] = None
    token_expiry_month: Optional[str] = None
    token_expiry_year: Optional[str] = None
    transaction_key: Optional[str] = None
    transaction_result: Optional[str] = None
    transaction_state: Optional[str] = None
    transaction_type: Optional[str] = None
    unknown: Tuple[UnknownElement, ...] = ()
    vbv: Optional[Any] = None
    vbv_buyer: Optional[str] = None
    vbv_flag: Optional[str] = None
    vbv_risp: Optional[str] = None


# --- reading ---------------------------------------------------------------------------------

Conv = Callable[[Any], Any]
Spec = Dict[str, Tuple[str, Conv]]


def _text(el: Any) -> Optional[str]:
    return el.text or None


def _int(el: Any) -> Optional[int]:
    text = el.text
    return int(text) if text and text.strip() else None


def _amount(el: Any) -> Optional[Decimal]:
    text = el.text
    return Decimal(text) if text else None


def _currency(el: Any) -> Optional[str]:
    text = el.text
    return UIC_TO_ISO.get(text, text) if text else None


def _unknown(el: Any) -> UnknownElement:
    """An element kept whole, as the binding keeps it: a leaf's text, or its child elements."""
    children = tuple(_unknown(c) for c in el if isinstance(c.tag, str))
    return UnknownElement(el.tag, "" if children else (el.text or ""), children)


def _read(cls: type, spec: Spec, el: Any, has_unknown: bool = True) -> Any:
    """One element as ``cls``: known children through ``spec``, the others kept as unknown;
    ``None`` when nothing is set (an empty container)."""
    values: Dict[str, Any] = {}
    unknown = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):  # lxml's comments and processing instructions
            continue
        entry = spec.get(tag)
        if entry is None:
            if has_unknown:
                unknown.append(_unknown(child))
            continue
        value = entry[1](child)
        if value is not None:
            values[entry[0]] = value
    if unknown:
        values["unknown"] = tuple(unknown)
    return cls(**values) if values else None


def _reader(cls: type, spec: Spec, has_unknown: bool = True) -> Conv:
    return lambda el: _read(cls, spec, el, has_unknown)


def _list(item: Conv) -> Conv:
    def read(el: Any) -> Tuple[Any, ...]:
        return tuple(v for v in (item(c) for c in el if isinstance(c.tag, str)) if v is not None)
    return read


_ADDRESS: Spec = {
    "Name": ("name", _text),
    "AddressLine1": ("address_line1", _text),
    "AddressLine2": ("address_line2", _text),
    "AddressLine3": ("address_line3", _text),
    "City": ("city", _text),
    "County": ("county", _text),
    "District": ("district", _text),
    "StateOrRegion": ("state_or_region", _text),
    "PostalCode": ("postal_code", _text),
    "CountryCode": ("country_code", _text),
    "Phone": ("phone", _text),
}
_read_address = _reader(AmazonAddress, _ADDRESS)

_ORDER_REFERENCE: Spec = {
    "OrderReferenceStatus": ("order_reference_status", _reader(OrderReferenceStatus, {
        "State": ("state", _text),
        "LastUpdateTimestamp": ("last_update_timestamp", _text),
        "ReasonCode": ("reason_code", _text),
        "ReasonDescription": ("reason_description", _text),
    })),
    "OrderLanguage": ("order_language", _text),
    "Destination": ("destination", _reader(Destination, {
        "DestinationType": ("destination_type", _text),
        "PhysicalDestination": ("physical_destination", _read_address),
    })),
    "ExpirationTimestamp": ("expiration_timestamp", _text),
    "IdList": ("id_list", _list(_text)),
    "SellerOrderAttributes": ("seller_order_attributes", _reader(SellerOrderAttributes, {
        "SellerOrderId": ("seller_order_id", _text),
        "StoreName": ("store_name", _text),
        "CustomInformation": ("custom_information", _text),
        "SellerNote": ("seller_note", _text),
    })),
    "OrderTotal": ("order_total", _reader(OrderTotal, {
        "CurrencyCode": ("currency_code", _text),
        "Amount": ("amount", _amount),
    })),
    "Buyer": ("buyer", _reader(AmazonBuyer, {
        "Name": ("name", _text),
        "Email": ("email", _text),
        "Phone": ("phone", _text),
    })),
    "ReleaseEnvironment": ("release_environment", _text),
    "AmazonOrderReferenceId": ("amazon_order_reference_id", _text),
    "CreationTimestamp": ("creation_timestamp", _text),
    "BillingAddress": ("billing_address", _reader(AmazonBillingAddress, {
        "PhysicalAddress": ("physical_address", _read_address),
        "AddressType": ("address_type", _text),
    })),
    "RequestPaymentAuthorization": ("request_payment_authorization", _text),
}

_EVENT: Spec = {
    "eventtype": ("event_type", _text),
    "eventamount": ("event_amount", _amount),
    "eventdate": ("event_date", _text),
    "eventARN": ("event_arn", _text),
    "eventID": ("event_id", _text),
    "eventreferred": ("event_referred", _text),
}

_GESTPAY_S2S: Spec = {
    "TransactionType": ("transaction_type", _text),
    "TransactionResult": ("transaction_result", _text),
    "TransactionState": ("transaction_state", _text),
    "ShopTransactionID": ("shop_transaction_id", _text),
    "BankTransactionID": ("bank_transaction_id", _text),
    "AuthorizationCode": ("authorization_code", _text),
    "AuthorizationCodeDescription": ("authorization_code_description", _text),
    "AuthorizationResult": ("authorization_result", _text),
    "Currency": ("currency", _currency),
    "Amount": ("amount", _amount),
    "Country": ("country", _text),
    "Company": ("company", _text),
    "CompanyCode": ("company_code", _text),
    "CompanyDescription": ("company_description", _text),
    "TDLevel": ("td_level", _text),
    "PaymentMethod": ("payment_method", _text),
    "MaskedPAN": ("masked_pan", _text),
    "ProductType": ("product_type", _text),
    "ProductDescription": ("product_description", _text),
    "Prepaid": ("prepaid", _text),
    "Commercial": ("commercial", _text),
    "IssuerCountry": ("issuer_country", _text),
    "IssuerCountryCode": ("issuer_country_code", _text),
    "CardCountry": ("card_country", _text),
    "CardCountryCode": ("card_country_code", _text),
    "TransactionKey": ("transaction_key", _text),
    "Events": ("events", _list(_reader(Event, _EVENT))),
    "Buyer": ("buyer", _reader(Buyer, {
        "BuyerName": ("buyer_name", _text),
        "BuyerEmail": ("buyer_email", _text),
    }, has_unknown=False)),
    "RISK": ("risk", _reader(Risk, {
        "RiskResponseCode": ("risk_response_code", _text),
        "RiskResponseDescription": ("risk_response_description", _text),
    }, has_unknown=False)),
    "ErrorCode": ("error_code", _int),
    "ErrorDescription": ("error_description", _text),
    "AlertCode": ("alert_code", _int),
    "AlertDescription": ("alert_description", _text),
    "OrderReferenceDetails": ("order_reference_details",
                              _reader(OrderReferenceDetails, _ORDER_REFERENCE)),
}


def read_gestpay(payload: Any) -> GestPayS2S:
    """The ``GestPayS2S`` element (ElementTree or lxml) as dataclasses."""
    return _read(GestPayS2S, _GESTPAY_S2S, payload) or GestPayS2S()


def parse_read_trx(status: int, content_type: Optional[str], body: bytes) -> GestPayS2S:
    """callReadTrxS2S's HTTP response: ``200`` with the result envelope; a fault raises."""
    if content_type is None or "xml" not in content_type:
        raise ParseError(f"not XML: {content_type!r}")
    root = ET.fromstring(body)
    ns, _, local = root.tag[1:].partition("}")
    if local != "Envelope" or ns not in (SOAP11, SOAP12):
        raise ParseError("not a SOAP envelope")
    soap_body = root.find(f"{{{ns}}}Body")
    if soap_body is None:
        raise ParseError("no Body")
    fault = soap_body.find(f"{{{ns}}}Fault")
    if fault is not None or status != 200:
        raise ParseError(f"HTTP {status}" if fault is None else "SOAP fault")
    payload = soap_body.find(
        f"{{{S2S}}}callReadTrxS2SResponse/{{{S2S}}}callReadTrxS2SResult/GestPayS2S")
    if payload is None:
        raise ParseError("no GestPayS2S payload")
    return read_gestpay(payload)


# --- building --------------------------------------------------------------------------------


def _fill(parent: ET.Element, fields: Mapping[str, Any], ns: str) -> None:
    for name, value in fields.items():
        for item in value if isinstance(value, list) else (value,):
            el = ET.SubElement(parent, f"{{{ns}}}{name}")
            if isinstance(item, Mapping):
                _fill(el, item, ns)
            else:
                el.text = item


def build_envelope(operation: str, namespace: str, fields: Mapping[str, Any]) -> bytes:
    """A SOAP 1.1 request envelope: the wrapper ``operation`` in ``namespace`` with ``fields``
    (nested dicts keyed by wire names, lists for repeated elements) in order."""
    envelope = ET.Element(f"{{{SOAP11}}}Envelope")
    body = ET.SubElement(envelope, f"{{{SOAP11}}}Body")
    _fill(ET.SubElement(body, f"{{{namespace}}}{operation}"), fields, namespace)
    return ET.tostring(envelope, encoding="utf-8", xml_declaration=True)
