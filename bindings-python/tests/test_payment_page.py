"""The payment page and 3-D Secure URLs, and the callback from a URL, a query string or a
framework's query mapping."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

import gestpay
from gestpay import Callback, InvalidRequestError


def test_payment_page_url() -> None:
    assert gestpay.payment_page_url("9000001", "AB+/=") == \
        "https://sandbox.gestpay.net/pagam/pagam.aspx?a=9000001&b=AB%2B%2F%3D"
    assert gestpay.payment_page_url("9000001", "X", env="production",
                                    payment_type="AMAZONPAY") == \
        "https://ecomm.sella.it/pagam/pagam.aspx?a=9000001&b=X&paymentType=AMAZONPAY"
    assert gestpay.payment_page_url("s", "b", env="http://127.0.0.1:8480/").startswith(
        "http://127.0.0.1:8480/pagam/pagam.aspx?")
    with pytest.raises(InvalidRequestError) as info:
        gestpay.payment_page_url("9000001", "")
    assert (info.value.code, info.value.field) == ("missing_field", "b")


def test_three_ds_page_url() -> None:
    url = gestpay.three_ds_page_url("9000001", "VBV", "https://shop.example/3ds?x=1")
    assert url == ("https://sandbox.gestpay.net/pagam/pagam3d.aspx?a=9000001&b=VBV"
                   "&c=https%3A%2F%2Fshop.example%2F3ds%3Fx%3D1")


@pytest.mark.parametrize("text", [
    "https://shop.example/ok?a=9000001&b=AB%2BC",
    "?a=9000001&b=AB%2BC", "a=9000001&b=AB%2BC&extra=1", "/ok?b=AB%2BC&a=9000001#frag",
])
def test_callback_parse(text: str) -> None:
    cb = Callback.parse(text)
    assert cb == Callback(shop_login="9000001", encrypted_string="AB+C")
    assert Callback.parse(cb.to_query()) == cb


@pytest.mark.parametrize("text, field", [
    ("a=1", "b"), ("a=1&b=", "b"), ("a=1&a=2&b=x", "a"), ("https://shop.example/ok", "a"),
])
def test_callback_refused(text: str, field: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        Callback.parse(text)
    assert (info.value.code, info.value.field) == ("invalid_callback", field)


def test_callback_from_mappings() -> None:
    expected = Callback(shop_login="9000001", encrypted_string="AB+C")
    assert Callback.from_mapping({"a": "9000001", "b": "AB+C", "x": "y"}) == expected
    assert Callback.from_mapping(parse_qs("a=9000001&b=AB%2BC")) == expected
    with pytest.raises(InvalidRequestError):
        Callback.from_mapping(parse_qs("a=9000001&a=1&b=x"))
    with pytest.raises(InvalidRequestError):
        Callback.from_mapping({"a": 1, "b": "x"})
    with pytest.raises(InvalidRequestError):
        Callback.from_mapping("a=1&b=2")


def test_callback_from_django_querydict() -> None:
    django_conf = pytest.importorskip("django.conf")
    if not django_conf.settings.configured:
        django_conf.settings.configure()
    from django.http import QueryDict

    assert Callback.from_mapping(QueryDict("a=9000001&b=AB%2BC")).encrypted_string == "AB+C"
    with pytest.raises(InvalidRequestError) as info:
        Callback.from_mapping(QueryDict("a=9000001&b=x&b=y"))
    assert info.value.field == "b"


def test_decrypt_from_callback() -> None:
    dec = gestpay.Decrypt.from_callback(Callback.parse("a=S&b=T"), api_key="k")
    assert dec.to_dict() == {"shopLogin": "S", "cryptedString": "T", "apiKey": "k"}
