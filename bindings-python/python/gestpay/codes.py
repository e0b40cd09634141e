"""The gateway's code tables, from the core: currencies (UIC ⇄ ISO 4217), languages, payment
types, the meaning of enumerated values, and the error and alert code descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Literal, Mapping, Optional, Tuple, Union, cast

from . import _gestpay as _core
from ._base import _text
from .errors import InvalidRequestError

__all__ = [
    "CodeTable",
    "CurrencyInfo",
    "LanguageInfo",
    "PaymentTypeInfo",
    "alert_codes",
    "alert_description",
    "currencies",
    "currency",
    "describe",
    "error_codes",
    "error_description",
    "known_values",
    "language",
    "languages",
    "payment_type",
    "payment_types",
    "transaction_type_of",
]

CodeTable = Union[Literal["TransactionResult"], Literal["TransactionState"],
                  Literal["EventType"], Literal["RiskResponseCode"],
                  Literal["AuthenticationLevel"], Literal["TransDetailsType"]]
"""The open enums whose values have documented meanings."""


@dataclass(frozen=True)
class CurrencyInfo:
    """A currency: the gateway's UIC code, ISO 4217 codes, name and number of decimals."""

    uic_code: int
    iso_alpha: Optional[str]
    iso_numeric: Optional[int]
    description: Optional[str]
    exponent: int
    known: bool


@dataclass(frozen=True)
class LanguageInfo:
    """A payment page language: the gateway's id, its name and ISO 639-1 code."""

    id: int
    name: Optional[str]
    iso_639_1: Optional[str]
    known: bool


@dataclass(frozen=True)
class PaymentTypeInfo:
    """A payment type code with its description and documentation status."""

    code: str
    description: Optional[str]
    status: Optional[str]
    known: bool


# The core's rows (camelCase, absent when unknown) as the classes above.


def _currency(row: Optional[Mapping[str, Any]]) -> Optional[CurrencyInfo]:
    return None if row is None else CurrencyInfo(
        row["uicCode"], row.get("isoAlpha"), row.get("isoNumeric"), row.get("description"),
        row["exponent"], row["known"])


def _language(row: Optional[Mapping[str, Any]]) -> Optional[LanguageInfo]:
    return None if row is None else LanguageInfo(row["id"], row.get("name"),
                                                 row.get("iso639_1"), row["known"])


def _payment_type(row: Mapping[str, Any]) -> PaymentTypeInfo:
    return PaymentTypeInfo(row["code"], row.get("description"), row.get("status"), row["known"])


def _int(value: object, name: str, top: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
        raise InvalidRequestError(f"{name}: expected an int from 0 to {top}",
                                  code="invalid_type", field=name)
    return value


def currency(code: Union[str, int]) -> Optional[CurrencyInfo]:
    """A currency by ISO 4217 alphabetic code (``"EUR"``, any case) or by UIC code (``242`` or
    ``"242"``). ``None`` for an unknown alphabetic code; an unknown UIC code is still returned,
    with ``known`` false (the gateway may add currencies). The rule is the core's
    (``Currency::lookup``), the same in every language."""
    text = str(_int(code, "code", 65535)) if not isinstance(code, str) else code
    return _currency(_core.currency(text))


def currency_by_iso_numeric(code: int) -> Optional[CurrencyInfo]:
    """A known currency by ISO 4217 numeric code (``978`` → EUR)."""
    return _currency(_core.currency_by_iso_numeric(_int(code, "code", 65535)))


def currencies() -> List[CurrencyInfo]:
    """Every known currency, by ISO alphabetic code."""
    return [cast(CurrencyInfo, _currency(row)) for row in _core.table("currencies")]


def language(id_or_iso: Union[int, str]) -> Optional[LanguageInfo]:
    """A language by gateway id (``1`` Italian, ``2`` English …; unknown ids are returned with
    ``known`` false) or by ISO 639-1 code (``"it"``; ``None`` when unknown)."""
    if isinstance(id_or_iso, str):
        return _language(_core.language(0, id_or_iso))
    return _language(_core.language(_int(id_or_iso, "id", 255)))


def languages() -> List[LanguageInfo]:
    """Every known language."""
    return [cast(LanguageInfo, _language(row)) for row in _core.table("languages")]


def payment_type(code: str) -> PaymentTypeInfo:
    """A payment type code (``"AMAZONPAY"`` …) with its description (``known`` false when the
    code is not documented)."""
    return _payment_type(_core.payment_type(_text(code, "code")))


def payment_types() -> List[PaymentTypeInfo]:
    """Every documented payment type."""
    return [_payment_type(row) for row in _core.table("paymentTypes")]


def error_description(code: int) -> Optional[str]:
    """The documented English description of a gateway ``ErrorCode`` (``None`` if unknown)."""
    return _core.code_description(_int(code, "code", 2**32 - 1))


def alert_description(code: int) -> Optional[str]:
    """The documented description of an ``AlertCode`` (``None`` if unknown)."""
    return _core.code_description(_int(code, "code", 2**32 - 1), True)


def error_codes() -> List[Tuple[int, str]]:
    """The whole error table, in code order."""
    return [(code, text) for code, text in _core.table("errors")]


def alert_codes() -> List[Tuple[int, str]]:
    """The whole alert table, in code order."""
    return [(code, text) for code, text in _core.table("alerts")]


def transaction_type_of(operation: str) -> Optional[str]:
    """The ``TransactionType`` a result carries for an operation (``callPagamS2S`` →
    ``PAGAM``), matching the operation name in any case."""
    return _core.transaction_type_of(_text(operation, "operation"))


def describe(table: CodeTable, value: str) -> Optional[str]:
    """The documented meaning of a value of an enumerated field (``describe("TransactionState",
    "MOV")``)."""
    return _core.describe(_text(table, "table"), _text(value, "value"))


def known_values(table: CodeTable) -> List[Tuple[str, Optional[str]]]:
    """Every documented value of an enumerated field, with its meaning."""
    return [(row["code"], row.get("description")) for row in _core.table(_text(table, "table"))]
