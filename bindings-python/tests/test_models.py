"""The generated dataclasses: construction, conversion, equality, immutability, amounts."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

import gestpay
from gestpay import InvalidRequestError, Secret


def _encrypt(**extra: object) -> gestpay.Encrypt:
    args: dict[str, object] = {"shop_login": "9000001", "uic_code": "EUR", "amount": "100.00",
                               "shop_transaction_id": "ORD-42"}
    return gestpay.Encrypt(**{**args, **extra})  # type: ignore[arg-type]


def test_keyword_arguments_and_snake_case() -> None:
    enc = _encrypt(payment_types=["AMAZONPAY"],
                   amazon_pay_billing_agreement_description="paynowandrecurring")
    assert enc.shop_login == "9000001" and enc.payment_types == ("AMAZONPAY",)
    assert enc.to_dict() == {
        "shopLogin": "9000001", "uicCode": "EUR", "amount": "100.00",
        "shopTransactionId": "ORD-42", "paymentTypes": ["AMAZONPAY"],
        "amazonPayBillingAgreementDescription": "paynowandrecurring"}
    with pytest.raises(TypeError):
        gestpay.Encrypt("9000001")  # type: ignore[call-arg]


def test_amounts_are_exact_decimals() -> None:
    assert _encrypt().amount == Decimal("100.00")
    assert _encrypt(amount=Decimal("49.90")).to_dict()["amount"] == "49.90"
    assert _encrypt(amount=Decimal("1E+2")).to_dict()["amount"] == "100"
    for bad in ("1,00", "-1", " 1", "1.", "1_000", "NaN", "1.1234567890"):
        with pytest.raises(InvalidRequestError) as info:
            _encrypt(amount=bad)
        assert info.value.code == "invalid_amount" and info.value.field == "amount"
    for bad_value in (Decimal("-1"), Decimal("Infinity")):
        with pytest.raises(InvalidRequestError):
            _encrypt(amount=bad_value)
    # Amounts are exact decimals: a float, and an int too, are refused as JSON numbers are.
    for number in (1.5, 1500):
        with pytest.raises(InvalidRequestError) as info:
            _encrypt(amount=number)
        assert info.value.code == "invalid_amount" and info.value.field == "amount"


def test_frozen_hashable_replaceable() -> None:
    enc = _encrypt(api_key="k")
    with pytest.raises(AttributeError):
        enc.shop_login = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        enc.not_a_field = "x"  # type: ignore[attr-defined]
    assert hash(enc) == hash(_encrypt(api_key="k"))
    assert enc.replace() == enc and hash(enc.replace()) == hash(enc)
    unset = _encrypt(custom_info=None)
    assert unset.replace().to_dict() == unset.to_dict()  # nothing unset becomes set
    assert enc.replace(api_key=None).api_key is None
    with pytest.raises(InvalidRequestError) as info:
        enc.replace(no_such_attribute=1)
    assert (info.value.code, info.value.field) == ("unknown_field", "no_such_attribute")
    changed = enc.replace(buyer_name="Nicolò Bianchi")
    assert changed.buyer_name == "Nicolò Bianchi" and enc.buyer_name is None
    assert changed != enc
    assert pickle.loads(pickle.dumps(enc)) == enc


def test_from_dict_is_strict_and_nested() -> None:
    data = {"shopLogin": "9000001", "uicCode": "EUR", "amount": "1.00",
            "shopTransactionId": "X", "orderDetails": {
                "customerDetail": {"firstName": "Marco"},
                "productDetails": [{"productCode": "A1", "quantity": "2"}]}}
    enc = gestpay.Encrypt.from_dict(data)
    assert enc.order_details is not None and enc.order_details.customer_detail is not None
    assert enc.order_details.customer_detail.first_name == "Marco"
    assert enc.to_dict() == data
    with pytest.raises(InvalidRequestError) as info:
        gestpay.Encrypt.from_dict({"shopLoginn": "x"})
    assert info.value.code == "unknown_field" and info.value.field == "shopLoginn"
    with pytest.raises(InvalidRequestError) as info:
        gestpay.Encrypt.from_dict([])  # type: ignore[arg-type]
    assert info.value.code == "invalid_type"


def test_wrong_python_types_are_invalid_requests() -> None:
    cases = [
        dict(shop_login=9000001), dict(language_id="it"), dict(language_id=256),
        dict(payment_types="AMAZONPAY"), dict(payment_types=[1]), dict(api_key=123),
        dict(order_details={"x": 1}), dict(custom_info=[{"key": "a"}]),
    ]
    for case in cases:
        with pytest.raises(InvalidRequestError) as info:
            gestpay.Encrypt(**case)  # type: ignore[arg-type]
        assert info.value.code in ("invalid_type", "invalid_format", "invalid_value",
                                   "unknown_field", "missing_field"), case
    with pytest.raises(InvalidRequestError):
        gestpay.CustomParameter(key="a", value=None)  # type: ignore[arg-type]


def test_custom_info_and_unknown_elements() -> None:
    enc = _encrypt(custom_info=[gestpay.CustomParameter(key="STORE", value="Roma")])
    assert enc.to_dict()["customInfo"] == [{"key": "STORE", "value": "Roma"}]
    xml = (b"<GestPayCryptDecrypt><TransactionResult>OK</TransactionResult>"
           b"<Extra a='1'>text</Extra></GestPayCryptDecrypt>")
    result = gestpay.EncryptResult.from_xml(xml)
    assert result.unknown == (gestpay.UnknownElement(
        name="Extra", text="text", attributes=[gestpay.KeptAttribute(name="a", value="1")]),)


def test_result_subclasses_share_the_payload() -> None:
    read = gestpay.CallReadTrxS2SResult(transaction_result="OK", amount="10.00")
    assert isinstance(read, gestpay.GestPayS2S) and isinstance(read, gestpay.Result)
    assert read.amount == Decimal("10.00") and read.is_ok
    assert read.OPERATION == "callReadTrxS2S" and gestpay.CallReadTrxS2S.RESULT is type(read)
    assert gestpay.CallReadTrxS2S(shop_login="x").result_type() is gestpay.CallReadTrxS2SResult
    assert read != gestpay.GestPayS2S(transaction_result="OK", amount="10.00")


def test_operations_table_matches_the_core() -> None:
    ops = gestpay.operations()
    assert [o.name for o in ops] == list(gestpay.OPERATIONS)
    assert len(ops) == 19
    for op in ops:
        request_cls, result_cls = gestpay.OPERATIONS[op.name]
        assert request_cls.OPERATION == result_cls.OPERATION == op.name
        assert request_cls.SERVICE == op.service
        assert gestpay.endpoint(op.service).startswith("https://sandbox.gestpay.net/")


def test_repr_shows_set_fields_only() -> None:
    assert repr(gestpay.Decrypt(shop_login="a", crypted_string="b")) == \
        "Decrypt(crypted_string='b', shop_login='a')"
    assert repr(Secret("x")) == "Secret('***')" and repr(Secret("")) == "Secret('')"


def test_server_side_parse_request() -> None:
    body = _encrypt(buyer_name="Marco").to_envelope("1.2")
    info = gestpay.identify_request(body)
    assert info == gestpay.RequestInfo("1.2", "WsCryptDecrypt", "Encrypt")
    parsed = gestpay.parse_request(body)
    assert parsed == _encrypt(buyer_name="Marco")


def test_nested_values_may_be_given_in_the_json_shape() -> None:
    # A nested value is a message object, or a dict in the core's JSON shape (as from_dict
    # takes it): the core reads both with one contract.
    enc = _encrypt(custom_info=[{"key": "STORE", "value": "Roma"}])
    assert enc.custom_info == (gestpay.CustomParameter(key="STORE", value="Roma"),)
    assert enc == _encrypt(custom_info=[gestpay.CustomParameter(key="STORE", value="Roma")])


def test_every_attribute_is_a_native_field_and_in_the_signature() -> None:
    # What the stubtest allowlist relies on: at run time each declared attribute is a native
    # read-only descriptor, and the class signature lists exactly those attributes.
    import inspect

    from gestpay import _gestpay

    classes = [c for c in vars(gestpay).values()
               if isinstance(c, type) and issubclass(c, gestpay.Model) and c._FIELDS]
    assert len(classes) > 100
    for cls in classes:
        attrs = [attr for attr, _ in cls._FIELDS]
        assert list(inspect.signature(cls).parameters) == attrs, cls
        for attr in attrs:
            assert isinstance(inspect.getattr_static(cls, attr), _gestpay.Field), (cls, attr)


def test_the_module_reloads() -> None:
    # A reload registers the new classes with the native module (nested values use them). In
    # a child interpreter: a reload replaces the classes every other test holds.
    import subprocess
    import sys

    code = """
import importlib
import gestpay._models as models
importlib.reload(models)
result = models.CallReadTrxS2SResult.from_xml(
    "<GestPayS2S><OrderReferenceDetails><Destination><DestinationType>Physical"
    "</DestinationType></Destination></OrderReferenceDetails></GestPayS2S>")
assert isinstance(result.order_reference_details, models.OrderReferenceDetails)
"""
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_attribute_is_converted_once() -> None:
    # Each attribute is read from the core's value on first access, then kept: a nested
    # message is the same view every time.
    result = gestpay.CallReadTrxS2SResult.from_xml(
        "<GestPayS2S><TransactionResult>OK</TransactionResult><OrderReferenceDetails>"
        "<AmazonOrderReferenceId>S02-1</AmazonOrderReferenceId></OrderReferenceDetails>"
        "</GestPayS2S>")
    assert result.order_reference_details is result.order_reference_details
    assert result.transaction_result is result.transaction_result
    assert result.events is result.events == ()
