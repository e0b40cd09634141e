"""The success check, ``raise_for_ko()``: only ``TransactionResult`` ``OK`` passes. ``KO`` raises
``DeclinedError``, ``XX`` ``PendingError``, a missing or empty result ``MalformedResponseError``
``no_result``, any other value ``MalformedResponseError`` ``unknown_result`` — the core's
``Outcome::ensure_ok``, the same answers as Node's ``assertOk``
(tests/fixtures/conformance/outcome.json holds the shared cases)."""

from __future__ import annotations

import pickle
from typing import Any, List, Optional

import pytest

import gestpay
import gestpay.codes
import gestpay.errors
from gestpay import (
    InvalidRequestError,
    DeclinedError,
    GestpayError,
    MalformedResponseError,
    PendingError,
    Result,
)
from gestpay._base import OutcomeMixin
from gestpay.transport import UrllibClient
from gateway import FakeGateway

RESULTS: List[type[Any]] = sorted(
    {cls for _, cls in gestpay.OPERATIONS.values()} | {gestpay.GestPayS2S},
    key=lambda c: c.__name__)
DESCRIPTION = "Chiamata non accettata: indirizzo IP non valido"


def _result(cls: type[Any], transaction_result: Optional[str], **extra: Any) -> Any:
    return cls(transaction_result=transaction_result, error_code=1142,
               error_description=DESCRIPTION, **extra)


def test_every_result_has_the_check() -> None:
    assert len(RESULTS) == 20
    for cls in RESULTS:
        assert issubclass(cls, OutcomeMixin), cls
        assert issubclass(cls, Result) or cls is gestpay.GestPayS2S, cls


@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_ok_passes_and_returns_the_result(cls: type[Any]) -> None:
    result = _result(cls, "OK")
    assert result.raise_for_ko() is result
    assert cls(transaction_result="OK").raise_for_ko().is_ok


@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_ko_is_declined(cls: type[Any]) -> None:
    with pytest.raises(DeclinedError) as info:
        _result(cls, "KO").raise_for_ko()
    err = info.value
    assert (err.code, err.field) == ("declined", "ErrorCode")
    assert err.error_code == 1142 and err.description == DESCRIPTION
    assert err.known_description == gestpay.codes.error_description(1142)
    assert str(err).startswith("transaction declined: error 1142 (")


@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_xx_is_pending_and_not_declined(cls: type[Any]) -> None:
    with pytest.raises(PendingError) as info:
        _result(cls, "XX").raise_for_ko()
    err = info.value
    assert (err.code, err.field) == ("pending", "TransactionResult")
    assert isinstance(err, GestpayError)
    assert not isinstance(err, (DeclinedError, MalformedResponseError))
    assert err.error_code == 1142 and err.description == DESCRIPTION
    assert err.known_description == gestpay.codes.error_description(1142)
    assert str(err).startswith("transaction pending (XX)")
    assert DESCRIPTION not in str(err)


@pytest.mark.parametrize("value", [None, "", " ", "\t"])
@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_missing_or_empty_is_no_result(cls: type[Any], value: Optional[str]) -> None:
    with pytest.raises(MalformedResponseError) as info:
        _result(cls, value).raise_for_ko()
    assert (info.value.code, info.value.field) == ("no_result", "TransactionResult")


@pytest.mark.parametrize("value", ["ok", "Ok", "OK ", " OK", "YY", "ERROR", "OKK", "O\u212a"])
def test_anything_else_is_unknown_result(value: str) -> None:
    for cls in RESULTS:
        with pytest.raises(MalformedResponseError) as info:
            _result(cls, value).raise_for_ko()
        assert (info.value.code, info.value.field) == ("unknown_result", "TransactionResult")
        if value in ("YY", "ERROR", "OKK"):
            assert value not in str(info.value)  # the value is not quoted


def test_parsed_results() -> None:
    xx = gestpay.DecryptResult.from_xml(
        "<GestPayCryptDecrypt><TransactionType>DECRYPT</TransactionType>"
        "<TransactionResult>XX</TransactionResult><ErrorCode>0</ErrorCode>"
        "<ErrorDescription>Transazione in attesa</ErrorDescription></GestPayCryptDecrypt>")
    assert xx.is_pending and not xx.is_ko
    with pytest.raises(PendingError) as info:
        xx.raise_for_ko()
    assert info.value.error_code == 0 and info.value.description == "Transazione in attesa"
    none = gestpay.DecryptResult.from_xml(
        "<GestPayCryptDecrypt><ErrorCode>0</ErrorCode></GestPayCryptDecrypt>")
    with pytest.raises(MalformedResponseError) as caught:
        none.raise_for_ko()
    assert caught.value.code == "no_result"


@pytest.mark.parametrize("value, code", [
    (None, "no_result"), ("", "no_result"), ("ok", "unknown_result"), ("ERROR", "unknown_result")])
def test_no_or_unknown_result_over_http(gateway: FakeGateway, value: Optional[str],
                                        code: str) -> None:
    # What only a scripted gateway sends (the emulator never does): a shop's callback view
    # must not ship on it (the Django example's callback answers 502).
    gateway.script.append(gestpay.DecryptResult(transaction_result=value, error_code=0))
    result = UrllibClient(gateway.base_url, timeout=5).send(
        gestpay.Decrypt(shop_login="GESPAY65987", crypted_string="anything"))
    assert not result.is_ok and not result.is_ko and not result.is_pending
    with pytest.raises(MalformedResponseError) as info:
        result.raise_for_ko()
    assert (info.value.code, info.value.field) == (code, "TransactionResult")


@pytest.mark.parametrize("field", ["transaction_result", "error_description"])
def test_surrogates_in_the_outcome_fields(field: str) -> None:
    # A str with a lone surrogate is not text: no result is made of it (the core's contract).
    with pytest.raises(InvalidRequestError) as info:
        kwargs: Any = {"transaction_result": "KO", field: "ca\udcffso"}
        gestpay.EncryptResult(**kwargs)
    assert info.value.code == "invalid_type"


def test_errors_pickle() -> None:
    for result in ("XX", "KO", None, "YY"):
        with pytest.raises(GestpayError) as info:
            _result(gestpay.EncryptResult, result).raise_for_ko()
        again = pickle.loads(pickle.dumps(info.value))
        assert type(again) is type(info.value)
        assert (again.code, again.field, str(again)) == (info.value.code, info.value.field,
                                                         str(info.value))
    pending = PendingError(7, "d", "k")
    assert (pending.error_code, pending.description, pending.known_description) == (7, "d", "k")


def test_exported() -> None:
    assert "PendingError" in gestpay.__all__
    assert gestpay.errors.PendingError is PendingError
    assert "PendingError" in gestpay.errors.__all__
