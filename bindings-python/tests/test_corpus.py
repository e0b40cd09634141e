"""The golden corpus (tests/fixtures, shared by every language) through the Python binding,
with the checks of tests/corpus.rs: every file kind of both services."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import gestpay
from gestpay import (
    GestpayError,
    InvalidRequestError,
    MalformedResponseError,
    SoapFaultError,
    SoapVersion,
)
from xmltree import same_document

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"

Case = Tuple[str, str, str, Dict[str, Path]]


def _cases() -> List[Case]:
    out: List[Case] = []
    for service_dir in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for op_dir in sorted(p for p in service_dir.iterdir() if p.is_dir()):
            kinds: Dict[str, Dict[str, Path]] = {}
            for file in op_dir.iterdir():
                name, dot, kind = file.name.partition(".")
                if dot:
                    kinds.setdefault(name, {})[kind] = file
            for name in sorted(kinds):
                out.append((service_dir.name, op_dir.name, name, kinds[name]))
    return out


CASES = _cases()


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _check_error(err: GestpayError, expected: Dict[str, Any]) -> None:
    assert err.code == expected["code"], f"expected `{expected['code']}`, got `{err.code}`: {err}"
    if "field" in expected:
        assert err.field == expected["field"], f"expected field {expected['field']!r}: {err}"


def _run_request(op: str, kinds: Dict[str, Path]) -> None:
    request_cls = gestpay.OPERATIONS[op][0]
    if "invalid.json" in kinds:
        expected = _json(kinds["error.json"])
        with pytest.raises(InvalidRequestError) as info:
            request_cls.from_dict(_json(kinds["invalid.json"])).to_envelope("1.1")
        _check_error(info.value, expected)
        return
    if "request.json" not in kinds:
        return
    data = _json(kinds["request.json"])
    request = request_cls.from_dict(data)
    assert request.to_dict() == data, "request.json → type → JSON"
    versions: Tuple[Tuple[str, SoapVersion], ...] = (("request.xml", "1.1"),
                                                     ("request12.xml", "1.2"))
    for kind, version in versions:
        if kind not in kinds:
            continue
        expected_xml = kinds[kind].read_bytes()
        diff = same_document(request.to_envelope(version), expected_xml)
        assert diff is None, f"{kind}: {diff}"
        assert request_cls.from_envelope(expected_xml).to_dict() == data, f"{kind} → type"
        http = request.to_http("test", version)
        assert http.method == "POST" and http.body == request.to_envelope(version)
    if "source.xml" in kinds:
        parsed = request_cls.from_xml(kinds["source.xml"].read_bytes())
        assert parsed.to_dict() == data, "source.xml → type"
        assert parsed == request


def _run_response(op: str, kinds: Dict[str, Path]) -> None:
    result_cls = gestpay.OPERATIONS[op][1]
    if "response.xml" not in kinds:
        return
    body = kinds["response.xml"].read_bytes()

    def parse() -> gestpay.Result:
        if "http.json" in kinds:
            http = _json(kinds["http.json"])
            return result_cls.from_http(http.get("status", 200), http.get("contentType"), body)
        return result_cls.from_xml(body)

    if "error.json" in kinds:
        expected = _json(kinds["error.json"])
        wanted = SoapFaultError if expected["code"] == "soap_fault" else MalformedResponseError
        with pytest.raises(wanted) as info:
            parse()
        _check_error(info.value, expected)
        if "fault.json" in kinds:
            # The whole fault, on the exception as the core reads it.
            assert isinstance(info.value, SoapFaultError)
            assert info.value.fault.to_dict() == _json(kinds["fault.json"]), "the fault"
            assert info.value.http_status == info.value.fault.http_status
        return
    expected_json = _json(kinds["response.json"])
    result = parse()
    assert result.to_dict() == expected_json, "response.xml → type"
    if "http.json" not in kinds:
        # The document as a str (text already, whatever charset its declaration names).
        text = _decoded(body)
        assert result_cls.from_xml(text).to_dict() == expected_json, "as a str"
    soap_versions: Tuple[SoapVersion, ...] = ("1.1", "1.2")
    for version in soap_versions:
        envelope = result.to_envelope(version)
        again = result_cls.from_envelope(envelope)
        assert again.to_dict() == expected_json, "round trip"
        assert again == result
        http = result.to_http_response(version)
        assert result_cls.from_http(http.status, http.content_type, http.body) == result


def _decoded(body: bytes) -> str:
    """The text of a document, decoded as its BOM or XML declaration says (UTF-8 otherwise)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(codec)
    declared = re.match(rb'\s*<\?xml[^>]*encoding=["\']([^"\']+)', body)
    return body.decode(declared.group(1).decode("ascii") if declared else "utf-8")


@pytest.mark.parametrize("service, op, name, kinds", CASES,
                         ids=[f"{s}/{o}/{n}" for s, o, n, _ in CASES])
def test_case(service: str, op: str, name: str, kinds: Dict[str, Path]) -> None:
    assert op in gestpay.OPERATIONS, f"no operation named {op} ({service})"
    _run_request(op, kinds)
    _run_response(op, kinds)


def test_the_corpus_covers_every_kind_and_operation() -> None:
    kinds = {k for _, _, _, files in CASES for k in files}
    assert kinds >= {"request.json", "request.xml", "request12.xml", "source.xml",
                     "invalid.json", "error.json", "response.xml", "response.json", "http.json"}
    assert {s for s, _, _, _ in CASES} == {"cryptdecrypt", "s2s"}
    assert len(CASES) >= 240


def _expected_fault(kinds: Dict[str, Path]) -> Optional[Dict[str, Any]]:
    if "error.json" in kinds and "response.xml" in kinds:
        expected: Dict[str, Any] = _json(kinds["error.json"])
        return expected if expected["code"] == "soap_fault" else None
    return None


@pytest.mark.parametrize("op, kinds", [(o, k) for _, o, _, k in CASES if _expected_fault(k)])
def test_faults_carry_code_and_reason(op: str, kinds: Dict[str, Path]) -> None:
    body = kinds["response.xml"].read_bytes()
    fault = gestpay.SoapFault.from_envelope(body)
    with pytest.raises(SoapFaultError) as info:
        gestpay.OPERATIONS[op][1].from_xml(body)
    assert info.value.fault == fault
    assert info.value.fault_code == fault.code and info.value.reason == fault.reason
    again = gestpay.SoapFault.from_envelope(fault.to_envelope())
    assert again == fault
