"""The callback, exact: one rule for ``+`` and percent-encoding whichever way the callback is
handed over (raw URL or a framework's decoded mapping), URLs that read back exactly, and bad
encodings or lone surrogates refused as ``invalid_callback`` (never U+FFFD, never
``UnicodeEncodeError``)."""

from __future__ import annotations

import random
from typing import Callable, List
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import gestpay
from gestpay import Callback, InvalidRequestError


def _values() -> List[str]:
    fixed = ["A+B/C=", "A B", "+", " ", "%", "%2B", "a&b=c#d?", "7XsMjm*2ZBmcs+S1Pu9/==",
             "é😀", "\x00\r\n", "\ufffd", "~*-._", "A" * 5000]
    rng = random.Random(14)
    pool = "+ %&=#?/*~aZ09é€😀\x00\ufffd"
    for _ in range(200):
        n = rng.randint(1, 20)
        fixed.append("".join(
            rng.choice(pool) if rng.random() < 0.6 else chr(rng.choice(
                [rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xD7FF), rng.randint(0xE000, 0x10FFFF)]))
            for _ in range(n)))
    return fixed


def _refused(call: Callable[[], object], field: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        call()
    assert not isinstance(info.value, UnicodeError)
    assert (info.value.code, info.value.field) == ("invalid_callback", field)


def test_plus_is_a_space_in_a_query_and_the_same_through_a_framework() -> None:
    raw = Callback.parse("https://shop/url?a=9000001&b=A+B%2BC")
    assert raw.encrypted_string == "A B+C"
    assert Callback.from_mapping(parse_qs("a=9000001&b=A+B%2BC")) == raw
    # A decoded mapping is taken as it is: never decoded a second time.
    assert Callback.from_mapping({"a": "9000001", "b": "A+B%2BC"}).encrypted_string == "A+B%2BC"


def test_plus_through_django() -> None:
    django_conf = pytest.importorskip("django.conf")
    if not django_conf.settings.configured:
        django_conf.settings.configure()
    from django.http import QueryDict

    query = "a=9000001&b=A+B%2BC"
    assert Callback.from_mapping(QueryDict(query)) == Callback.parse(query)


_VALUES = _values()


@pytest.mark.parametrize("value", _VALUES, ids=[str(i) for i in range(len(_VALUES))])
def test_urls_round_trip_exactly(value: str) -> None:
    url = gestpay.payment_page_url("GES PAY+1", value)
    assert " " not in url and url.isascii()
    query = urlsplit(url).query
    assert "+" not in query
    expected = Callback(shop_login="GES PAY+1", encrypted_string=value)
    assert Callback.parse(url) == expected
    # A framework (form decoding) and an RFC 3986 decoder (no `+` rule) read the same.
    decoded = parse_qs(query, keep_blank_values=True, strict_parsing=True)
    assert decoded == {"a": ["GES PAY+1"], "b": [value]}
    assert Callback.from_mapping(decoded) == expected
    raw_b = query.split("&")[1].split("=", 1)[1]
    assert unquote(raw_b, errors="strict") == value
    # The gateway's side: the callback query.
    q = expected.to_query()
    assert Callback.parse(q) == expected
    assert Callback.from_mapping(parse_qs(q, keep_blank_values=True)) == expected


@pytest.mark.parametrize("text, field", [
    ("a=9000001&b=%FF%FE", "b"), ("a=9000001&b=ABC%4", "b"), ("a=%&b=X", "a"),
    ("a=1&b=%G1", "b"), ("a=1&b=AB%C3", "b"), ("a=1&b=%ED%A0%80", "b"),
])
def test_bad_encodings_are_invalid_callback(text: str, field: str) -> None:
    _refused(lambda: Callback.parse(text), field)


def test_bad_encodings_elsewhere_are_ignored() -> None:
    cb = Callback.parse("a=1&b=X&c=%FF&%FF=1&d=%4")
    assert (cb.shop_login, cb.encrypted_string) == ("1", "X")


def test_lone_surrogates_in_a_raw_url() -> None:
    _refused(lambda: Callback.parse("https://shop/ok?a=1&b=X\ud800"), "b")
    _refused(lambda: Callback.parse("a=\udcff&b=X"), "a")  # a surrogateescape'd byte
    # Elsewhere (another parameter, the path, the fragment): nobody's business.
    cb = Callback.parse("https://shop/\ud800?a=1&b=X&c=\udfff#\ud800")
    assert (cb.shop_login, cb.encrypted_string) == ("1", "X")


def test_lone_surrogates_in_a_mapping() -> None:
    _refused(lambda: Callback.from_mapping({"a": "1", "b": "X\ud800"}), "b")
    _refused(lambda: Callback.from_mapping({"a": ["\udc80"], "b": "X"}), "a")
    cb = Callback.from_mapping({"a": "1", "b": "X", "c": "\ud800", "\ud800": "y"})
    assert (cb.shop_login, cb.encrypted_string) == ("1", "X")


def test_lone_surrogates_in_payment_page_url() -> None:
    _refused(lambda: gestpay.payment_page_url("\ud800", "X"), "shop_login")
    _refused(lambda: gestpay.payment_page_url("1", "X\udfff"), "crypt_decrypt_string")
    _refused(lambda: gestpay.payment_page_url("1", "X", payment_type="\ud800"), "payment_type")
    # A well-formed pair (an astral character) is text like any other.
    assert gestpay.payment_page_url("1", "😀").endswith("b=%F0%9F%98%80")


def test_lone_surrogates_in_callback_query() -> None:
    # A str with a lone surrogate is not text: the Callback cannot even be made of it.
    with pytest.raises(InvalidRequestError) as info:
        Callback(shop_login="1", encrypted_string="\ud800")
    assert (info.value.code, info.value.field) == ("invalid_type", "encryptedString")
