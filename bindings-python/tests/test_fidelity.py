"""Response fidelity (issue 15) through the binding: distinct elements in distinct attributes,
the outcome answering whichever came, what a result keeps (unknown elements, attributes) kept
whole and shown by its names only in ``repr``."""

from __future__ import annotations

import pytest

import gestpay
from gestpay import DeclinedError, MalformedResponseError


def test_both_error_codes_are_kept_and_error_code_wins() -> None:
    result = gestpay.CallCheckCartaS2SResult.from_xml(
        b"<GestPayS2S><TransactionResult>KO</TransactionResult><ErrorCode>99</ErrorCode>"
        b"<ErrorDescription>Errore</ErrorDescription><TransactionErrorCode>0</TransactionErrorCode>"
        b"<TransactionErrorDescription>OK</TransactionErrorDescription></GestPayS2S>")
    assert (result.error_code, result.transaction_error_code) == (99, 0)
    assert result.transaction_error_description == "OK"
    with pytest.raises(DeclinedError) as info:
        result.raise_for_ko()
    assert info.value.error_code == 99
    only = gestpay.CallCheckCartaS2SResult.from_xml(
        b"<GestPayS2S><TransactionResult>KO</TransactionResult>"
        b"<TransactionErrorCode>1142</TransactionErrorCode>"
        b"<TransactionErrorDescription>No</TransactionErrorDescription></GestPayS2S>")
    assert only.error_code is None
    with pytest.raises(DeclinedError) as info:
        only.raise_for_ko()
    assert info.value.error_code == 1142
    assert only.known_error_description is not None


def test_both_token_spellings_are_kept() -> None:
    result = gestpay.CallRequestTokenS2SResult.from_xml(
        b"<GestPayS2S><Token>MIXED</Token></GestPayS2S>")
    assert result.token is None
    assert result.mixed_case_token is not None and result.mixed_case_token.expose() == "MIXED"
    assert result.token_value is not None and result.token_value.expose() == "MIXED"
    assert "MIXED" not in repr(result)


def test_unknown_elements_show_names_never_values() -> None:
    result = gestpay.DecryptResult.from_xml(
        b"<GestPayCryptDecrypt><CardNumber>4111111111111111</CardNumber>"
        b"<Holder pin='98765'><Name>Mario Segreto</Name></Holder></GestPayCryptDecrypt>")
    shown = repr(result)
    assert "CardNumber" in shown and "Holder" in shown and "pin" in shown
    for secret in ("4111111111111111", "98765", "Mario Segreto"):
        assert secret not in shown and secret not in repr(result.unknown)
    # The values stay available as data.
    card, holder = result.unknown
    assert card.text == "4111111111111111"
    assert holder.attributes[0].value == "98765"
    assert holder.children[0].text == "Mario Segreto"
    assert result.to_dict()["unknown"][0] == {"name": "CardNumber", "text": "4111111111111111"}


def test_attributes_show_names_never_values() -> None:
    result = gestpay.DecryptResult.from_xml(
        b"<GestPayCryptDecrypt><Buyer verified='SECRET-Y'>"
        b"<BuyerName lang='SECRET-L'>M</BuyerName></Buyer></GestPayCryptDecrypt>")
    assert result.buyer is not None
    assert result.buyer.attributes[0].value == "SECRET-Y"
    assert result.buyer.child_attributes[0].attributes[0].value == "SECRET-L"
    shown = repr(result)
    assert "verified" in shown and "lang" in shown and "SECRET" not in shown


def test_credit_date_keeps_its_format() -> None:
    result = gestpay.CallExchangeRateS2SResult.from_xml(
        b"<GestPayS2S><ExchangeRates><ExchangeRate>"
        b"<CreditDate DateFormat='DD/MM/YYYY'>19/04/2016</CreditDate>"
        b"</ExchangeRate></ExchangeRates></GestPayS2S>")
    date = result.exchange_rates[0].credit_date
    assert date is not None and (date.date, date.date_format) == ("19/04/2016", "DD/MM/YYYY")
    assert b'<CreditDate DateFormat="DD/MM/YYYY">19/04/2016</CreditDate>' in result.to_envelope()


def test_one_answer_only() -> None:
    with pytest.raises(MalformedResponseError) as info:
        gestpay.DecryptResult.from_xml(
            b"<GestPayCryptDecrypt><TransactionResult>OK</TransactionResult>"
            b"<TransactionResult>KO</TransactionResult></GestPayCryptDecrypt>")
    assert (info.value.code, info.value.field) == ("duplicate_element", "TransactionResult")
    with pytest.raises(MalformedResponseError) as info:
        gestpay.DecryptResult.from_xml(
            b"<GestPayCryptDecrypt><TransactionResult>O<x/>K</TransactionResult>"
            b"</GestPayCryptDecrypt>")
    assert info.value.code == "mixed_content"
