"""The code tables, from the core."""

from __future__ import annotations

import pytest

import gestpay
from gestpay import codes


def test_currencies() -> None:
    eur = codes.currency("eur")
    assert eur is not None and (eur.uic_code, eur.iso_alpha, eur.exponent) == (242, "EUR", 2)
    assert codes.currency(242) == eur == codes.currency("242")
    assert codes.currency_by_iso_numeric(978) == eur
    jpy = codes.currency("JPY")
    assert jpy is not None and jpy.exponent == 0
    assert codes.currency("XXX") is None
    unknown = codes.currency(999)
    assert unknown is not None and not unknown.known
    assert len(codes.currencies()) > 20 and all(c.known for c in codes.currencies())
    with pytest.raises(gestpay.InvalidRequestError):
        codes.currency(-1)


def test_languages_and_payment_types() -> None:
    italian = codes.language(1)
    assert italian is not None and italian.iso_639_1 == "it"
    assert codes.language("it") == italian and codes.language("zz") is None
    assert len(codes.languages()) >= 5
    amazon = codes.payment_type("AMAZONPAY")
    assert amazon.known and amazon.description
    assert not codes.payment_type("NOPE").known
    assert "AMAZONPAY" in {p.code for p in codes.payment_types()}


def test_error_and_alert_tables() -> None:
    assert codes.error_description(0) == "Transaction correctly processed"
    assert codes.error_description(1142)
    assert codes.error_description(424242) is None
    assert all(codes.error_description(c) == d for c, d in codes.error_codes())
    assert codes.alert_codes() and codes.alert_description(codes.alert_codes()[0][0])
    assert codes.transaction_type_of("callpagams2s") == "PAGAM"


def test_enumerated_values() -> None:
    assert codes.describe("TransactionResult", "KO")
    values = dict(codes.known_values("TransactionState"))
    assert "MOV" in values
    with pytest.raises(gestpay.InvalidRequestError):
        codes.describe("Nope", "x")  # type: ignore[arg-type]


def test_an_unknown_uic_code_is_a_currency_not_known() -> None:
    # The core's one lookup rule (Currency::lookup), the same answer as the JS packages'.
    info = gestpay.codes.currency(999)
    assert info is not None and (info.uic_code, info.known, info.iso_alpha) == (999, False, None)
    assert gestpay.codes.currency("XXX") is None
