"""The conformance table (tests/fixtures/conformance, format in its README): every case gives
the same answer here as in Rust, the CLI, Node and WASM: success, or an error with the same
``code`` and ``field``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

import gestpay
from gestpay import GestpayError
from gestpay._base import OutcomeMixin

TABLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "conformance"
LANG = "python"


def _cases() -> List[Dict[str, Any]]:
    cases: List[Dict[str, Any]] = []
    for file in sorted(TABLE.glob("*.json")):
        for case in json.loads(file.read_text(encoding="utf-8")):
            if LANG in case.get("only", [LANG]):
                cases.append(case)
    return cases


def _build(case: Dict[str, Any]) -> Dict[str, Any]:
    http = gestpay.build_request(case["operation"], case["input"],
                                 env=case.get("env", "test"), soap=case.get("soap", "1.1"))
    return {"url": http.url}


def _validate(case: Dict[str, Any]) -> Dict[str, Any]:
    gestpay.validate_request(case["operation"], case["input"])
    return {}


def _env(case: Dict[str, Any]) -> Dict[str, Any]:
    return {"url": gestpay.endpoint("WsCryptDecrypt", case.get("env", "test"))}


def _payment_page_url(case: Dict[str, Any]) -> Dict[str, Any]:
    args = case["input"]
    url = gestpay.payment_page_url(args.get("shopLogin", ""), args.get("encryptedString", ""),
                                   env=case.get("env", "test"),
                                   payment_type=args.get("paymentType"))
    return {"url": url}


def _callback(cb: gestpay.Callback) -> Dict[str, Any]:
    return {"shopLogin": cb.shop_login, "encryptedString": cb.encrypted_string}


def _callback_url(case: Dict[str, Any]) -> Dict[str, Any]:
    return _callback(gestpay.Callback.parse(case["input"]))


def _callback_mapping(case: Dict[str, Any]) -> Dict[str, Any]:
    return _callback(gestpay.Callback.from_mapping(case["input"]))


def _outcome(case: Dict[str, Any]) -> Dict[str, Any]:
    result = gestpay.OPERATIONS[case["operation"]][1].from_dict(case["input"])
    assert isinstance(result, OutcomeMixin), type(result)
    result.raise_for_ko()
    return {}


def _currency(case: Dict[str, Any]) -> Dict[str, Any]:
    info = gestpay.codes.currency(case["input"])
    if info is None:
        return {"row": None}
    row = {"uicCode": info.uic_code, "isoAlpha": info.iso_alpha, "isoNumeric": info.iso_numeric,
           "description": info.description, "exponent": info.exponent, "known": info.known}
    return {"row": {k: v for k, v in row.items() if v is not None}}


ENTRIES: Dict[str, Callable[[Dict[str, Any]], Dict[str, Any]]] = {
    "build": _build,
    "validate": _validate,
    "env": _env,
    "payment_page_url": _payment_page_url,
    "callback_url": _callback_url,
    "callback_mapping": _callback_mapping,
    "outcome": _outcome,
    "currency": _currency,
}


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_case(case: Dict[str, Any]) -> None:
    entry = ENTRIES.get(case["entry"])
    assert entry is not None, f"the Python runner has no entry {case['entry']!r}"
    expect = case.get("differs", {}).get(LANG, {}).get("expect", case["expect"])
    if "code" in expect:
        with pytest.raises(GestpayError) as caught:
            entry(case)
        err = caught.value
        assert (err.code, err.field) == (expect["code"], expect.get("field")), str(err)
        assert len(str(err)) <= 400, "the message is bounded"
    else:
        got = entry(case)
        for key, want in expect.items():
            if key != "ok":
                assert got.get(key) == want, key


def test_the_table_is_large_enough() -> None:
    assert len(_cases()) >= 150
