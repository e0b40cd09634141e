"""Bad input of every kind raises the right exception class, never a crash; secrets never show
in repr, str or exception texts."""

from __future__ import annotations

import collections
import json
import random
import threading
import types
from typing import Any, Callable, Dict, List, Tuple

import pytest

import gestpay
from gestpay import (
    GestpayError,
    InvalidRequestError,
    MalformedResponseError,
    Secret,
    SoapFaultError,
)

CARD = "4111111111111111"
KEY = "sk-live-0123456789abcdef"


def _garbage(seed: int) -> List[bytes]:
    rng = random.Random(seed)
    docs = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))) for _ in range(20)]
    envelope = gestpay.EncryptResult(transaction_result="OK").to_envelope()
    for _ in range(30):  # mutations of a valid document
        doc = bytearray(envelope)
        for _ in range(rng.randrange(1, 6)):
            doc[rng.randrange(len(doc))] = rng.randrange(256)
        docs.append(bytes(doc))
        docs.append(envelope[: rng.randrange(len(envelope))])
    return docs + [b"", b"\xef\xbb\xbf", b"<a>" * 200 + b"</a>" * 200,
                   b'<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>', b"\x00" * 10,
                   "<x>é</x>".encode("latin-1"), b"<html><body>500</body></html>"]


GARBAGE = _garbage(42)


@pytest.mark.parametrize("op", list(gestpay.OPERATIONS))
def test_every_parser_refuses_garbage_with_a_gestpay_error(op: str) -> None:
    request_cls, result_cls = gestpay.OPERATIONS[op]
    parsers: List[Callable[[bytes], Any]] = [
        result_cls.from_xml, result_cls.from_envelope, request_cls.from_envelope,
        request_cls.from_xml, lambda b: result_cls.from_http(200, "text/xml", b),
        lambda b: result_cls.from_http(500, None, b), gestpay.identify_request,
        gestpay.parse_request, gestpay.SoapFault.from_envelope,
    ]
    for doc in GARBAGE:
        for parse in parsers:
            try:
                parse(doc)
            except (MalformedResponseError, SoapFaultError):
                pass
            except GestpayError as err:  # pragma: no cover - reported with the input
                pytest.fail(f"{op}: {type(err).__name__} {err.code} for {doc[:60]!r}")


def test_text_bodies_and_wrong_body_types() -> None:
    envelope = gestpay.EncryptResult(transaction_result="OK").to_envelope().decode()
    assert gestpay.EncryptResult.from_xml(envelope).is_ok
    assert gestpay.EncryptResult.from_xml(bytearray(envelope.encode())).is_ok
    assert gestpay.EncryptResult.from_xml(memoryview(envelope.encode())).is_ok
    with pytest.raises(MalformedResponseError) as info:
        gestpay.EncryptResult.from_xml("<x>\udcff</x>")
    assert info.value.code == "invalid_utf8"
    for bad in (None, 42, ["<x/>"]):
        with pytest.raises(InvalidRequestError) as info2:
            gestpay.EncryptResult.from_xml(bad)  # type: ignore[arg-type]
        assert info2.value.code == "invalid_type" and info2.value.field == "body"
    for status in (-1, 70000, "200", True, None):
        with pytest.raises(InvalidRequestError):
            gestpay.EncryptResult.from_http(status, None, envelope)  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError):
        gestpay.EncryptResult.from_http(200, 5, envelope)  # type: ignore[arg-type]


def test_invalid_environment_and_soap_version() -> None:
    enc = gestpay.Encrypt(shop_login="a", uic_code="EUR", amount="1", shop_transaction_id="x")
    for env in ("staging", "", "ftp://x"):
        with pytest.raises(InvalidRequestError) as info:
            enc.to_http(env)
        assert info.value.field == "env"
    with pytest.raises(InvalidRequestError) as info:
        enc.to_http("test", "1.3")  # type: ignore[arg-type]
    assert info.value.field == "soap"
    with pytest.raises(InvalidRequestError):
        enc.to_http(None)  # type: ignore[arg-type]


def test_validation_names_field_and_rule() -> None:
    with pytest.raises(InvalidRequestError) as info:
        gestpay.Encrypt(shop_login="9000001", amount="1.00", shop_transaction_id="x").to_http()
    assert (info.value.code, info.value.field) == ("missing_field", "uicCode")
    assert isinstance(info.value, GestpayError) and info.value.message
    unchecked = gestpay.Encrypt(shop_login="9000001").to_envelope(validate=False)
    assert b"<shopLogin>9000001</shopLogin>" in unchecked
    with pytest.raises(InvalidRequestError) as info:
        gestpay.Encrypt(shop_login="a", uic_code="EURO", amount="1",
                        shop_transaction_id="x").to_http()
    assert info.value.field == "uicCode" and "EURO" not in str(info.value)


def test_secrets_are_redacted() -> None:
    pay = gestpay.CallPagamS2S(shop_login="9000001", uic_code="EUR", amount="1.00",
                               shop_transaction_id="x", card_number=CARD, expiry_month="12",
                               expiry_year="30", cvv="123", api_key=KEY)
    for text in (repr(pay), str(pay), repr(pay.to_http()), f"{pay.card_number}",
                 "%s" % pay.api_key):
        assert CARD not in text and KEY not in text and "123" not in text.replace("1.00", "")
    assert pay.card_number is not None and pay.card_number.expose() == CARD
    assert pay.to_dict()["cardNumber"] == CARD  # the JSON shape is what is sent
    assert Secret(CARD) == Secret(CARD) and Secret(CARD) != CARD
    token = gestpay.CallRequestTokenS2SResult(token="TOKEN-VALUE-123")
    assert "TOKEN-VALUE-123" not in repr(token)


def test_secrets_never_reach_exception_texts() -> None:
    cases: List[Callable[[], Any]] = [
        lambda: gestpay.CallPagamS2S(shop_login="a", card_number=int(CARD)),  # type: ignore[arg-type]
        lambda: gestpay.CallPagamS2S(shop_login="a", card_number=CARD + "0" * 40, uic_code="EUR",
                                     amount="1", shop_transaction_id="x", expiry_month="12",
                                     expiry_year="30").to_http(),
        lambda: gestpay.CallPagamS2S(shop_login="a", card_number=CARD, token_value=KEY,
                                     uic_code="EUR", amount="1",
                                     shop_transaction_id="x").to_http(),
        lambda: gestpay.CallPagamS2S.from_dict({"cardNumber": int(CARD)}),
        lambda: gestpay._gestpay.build_request("callPagamS2S", {"cardNumber": int(CARD)},
                                               "test", "1.1"),
        lambda: gestpay._gestpay.build_request("callPagamS2S", {"apiKey": [KEY]}, "test", "1.1"),
    ]
    for case in cases:
        with pytest.raises(InvalidRequestError) as info:
            case()
        text = f"{info.value} {info.value.message} {info.value.field} {info.value!r}"
        assert CARD not in text and KEY not in text, text


def test_native_module_guards_its_arguments() -> None:
    with pytest.raises(InvalidRequestError) as info:
        gestpay.build_request("NoSuchOperation", {})
    assert info.value.code == "unknown_operation"
    with pytest.raises(InvalidRequestError) as info:
        gestpay._gestpay.build_request("Encrypt", "not a dict", "test", "1.1")
    assert info.value.code == "invalid_type"


def test_exceptions_pickle() -> None:
    import pickle

    try:
        gestpay.Decrypt(shop_login="a").to_http()
    except InvalidRequestError as err:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is InvalidRequestError
        assert (again.code, again.field, str(again)) == (err.code, err.field, str(err))


# --- Python values the core's JSON shape cannot take ------------------------------------------


def _refusal(build: Callable[[], object]) -> InvalidRequestError:
    with pytest.raises(InvalidRequestError) as caught:
        build()
    return caught.value


def test_values_holding_themselves_or_nested_too_deep_are_refused_not_a_crash() -> None:
    cyclic: Dict[str, Any] = {}
    cyclic["orderDetails"] = cyclic
    looped: List[Any] = []
    looped.append(looped)
    deep: List[Any] = []
    for _ in range(10_000):
        deep = [deep]
    cases = [
        (lambda: gestpay.Encrypt.from_dict(cyclic), "data"),
        (lambda: gestpay.Encrypt(order_details=cyclic), "orderDetails"),
        (lambda: gestpay.Encrypt.from_dict({"paymentTypes": looped}), "data"),
        (lambda: gestpay.Encrypt(payment_types=deep), "paymentTypes"),
        (lambda: gestpay.build_request("Encrypt", {"paymentTypes": deep}), "request"),
    ]
    for build, field in cases:
        err = _refusal(build)
        assert (err.code, err.field) == ("too_deep", field)
        assert "64 levels" in err.message


def test_deep_values_are_refused_on_a_small_thread_stack() -> None:
    # A worker thread of a web server may have a small stack: the bound keeps the walk short.
    deep = json.loads("[" * 500 + "]" * 500)
    outcome: List[BaseException] = []

    def build() -> None:
        try:
            gestpay.Encrypt.from_dict({"paymentTypes": deep})
        except BaseException as e:  # the assertion below reads it
            outcome.append(e)

    threading.stack_size(256 * 1024)
    try:
        worker = threading.Thread(target=build)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(0)
    assert [type(e) for e in outcome] == [InvalidRequestError]


def test_non_finite_floats_are_refused_never_dropped() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        err = _refusal(lambda: gestpay.Encrypt(shop_login="GESPAY1", api_key=value))  # type: ignore[arg-type]
        assert (err.code, err.field) == ("invalid_type", "apiKey")
        err = _refusal(lambda: gestpay.Encrypt.from_dict({"amount": value}))
        assert (err.code, err.field) == ("invalid_type", "amount")


def test_refusals_inside_nested_values_name_the_whole_path() -> None:
    cases: List[Tuple[Dict[str, Any], str, str]] = [
        ({"customerDetail": {"firstName": b"x"}}, "invalid_type",
         "orderDetails.customerDetail.firstName"),
        ({"customerDetail": {"firstName": "\udc80"}}, "invalid_type",
         "orderDetails.customerDetail.firstName"),
        ({"customerDetail": {1: "x"}}, "invalid_type", "orderDetails.customerDetail"),
        ({"productDetails": [{"name": "a"}, {"name": object()}]}, "invalid_type",
         "orderDetails.productDetails[1].name"),
        ({"customerDetail": {"firstName": 7}}, "invalid_type",
         "orderDetails.customerDetail.firstName"),
    ]
    for details, code, field in cases:
        by_keyword = _refusal(lambda: gestpay.Encrypt(order_details=details))
        by_dict = _refusal(lambda: gestpay.Encrypt.from_dict({"orderDetails": details}))
        assert (by_keyword.code, by_keyword.field) == (code, field)
        assert (by_dict.code, by_dict.field) == (code, field)


def test_any_mapping_and_sequence_is_taken() -> None:
    details = types.MappingProxyType({"customerDetail": collections.ChainMap({"firstName": "A"})})
    encrypt = gestpay.Encrypt(order_details=details, payment_types=collections.UserList(["AMAZONPAY"]))
    assert encrypt.order_details is not None
    assert encrypt.order_details.customer_detail is not None
    assert encrypt.order_details.customer_detail.first_name == "A"
    assert encrypt.payment_types == ("AMAZONPAY",)
    for bad in ({"AMAZONPAY"}, (t for t in ["AMAZONPAY"]), b"AMAZONPAY"):
        err = _refusal(lambda: gestpay.Encrypt(payment_types=bad))  # type: ignore[arg-type]
        assert (err.code, err.field) == ("invalid_type", "paymentTypes")


def test_common_slips_raise_typed_errors() -> None:
    from gestpay.transport import UrllibClient

    err = _refusal(lambda: gestpay.Decrypt.from_callback({"a": "x", "b": "y"}))  # type: ignore[arg-type]
    assert (err.code, err.field) == ("invalid_type", "callback")
    for wrong in ("x", gestpay.EncryptResult()):
        err = _refusal(lambda: UrllibClient("http://127.0.0.1:9").send(wrong))  # type: ignore[arg-type]
        assert (err.code, err.field) == ("invalid_type", "request")
