"""No public entry point lets anything but a ``GestpayError`` (or a ``TypeError`` for a wrong
call) out for a ``str`` holding a lone surrogate (``"\\ud800"``, or a byte kept by
``surrogateescape``), which UTF-8 cannot carry.

The public API is enumerated, not listed: every function of the modules' ``__all__``, every
constructor and every method or property the package defines on the classes it exports (the
message classes, the clients, the errors, ``Secret``, ``HttpRequest`` …). Each parameter that
admits a ``str`` gets ``"\\ud800"`` in turn (keys and values of a mapping too), the others a
valid value; a message built with a surrogate in a text field then has every method without
arguments called. The clients are pointed at a closed loopback port: nothing leaves the
machine.

What a surrogate gives (docs/python.md): ``InvalidRequestError`` with code ``invalid_type``
and the argument's name as ``field`` (``env``, ``soap``, ``operation``, ``service``, ``table``,
``value``, ``code``); inside a message's fields, ``invalid_type`` too; ``invalid_callback`` in a
callback's ``a``/``b`` and the payment page URL's values; a body (``str``) is encoded with
``surrogatepass``, so the core reports ``invalid_utf8``; a ``content_type`` handed to
``from_http`` is read with U+FFFD in place of the surrogate (the core decides, as for any other
odd header).
"""

from __future__ import annotations

import asyncio
import inspect
import re
import socket
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

import gestpay
import gestpay.codes
import gestpay.errors
import gestpay.payment_page
import gestpay.transport
from gestpay import GestpayError, InvalidRequestError

S = "\ud800"
MODULES = (gestpay, gestpay.codes, gestpay.payment_page, gestpay.transport, gestpay.errors)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


LOCAL = f"http://127.0.0.1:{_closed_port()}"
"""A base URL nothing listens on: a client that gets past its checks fails to connect."""


def _encrypt() -> gestpay.Encrypt:
    return gestpay.Encrypt(shop_login="GESPAY65987", uic_code="242", amount="1.00",
                           shop_transaction_id="ORD-1", api_key="k")


# --- valid values for the parameters that are not under test --------------------------------

BY_NAME: Dict[str, Any] = {
    "operation": "Encrypt",
    "service": "WsS2S",
    "table": "TransactionResult",
    "env": LOCAL,
    "soap": "1.1",
    "version": "1.1",
    "status": 200,
    "content_type": "text/xml",
    "url_or_query": "a=GESPAY65987&b=XYZ",
    "params": {"a": "GESPAY65987", "b": "XYZ"},
    "timeout": 2.0,
    "method": "POST",
    "url": "http://127.0.0.1/",
    "headers": (),
}


def _valid(name: str, annotation: str) -> Any:
    if name in BY_NAME:
        return BY_NAME[name]
    ann = annotation
    if "Callback" in ann:
        return gestpay.Callback(shop_login="GESPAY65987", encrypted_string="XYZ")
    if "SoapFault" in ann:
        return gestpay.SoapFault(version="1.1", code="soap:Client", reason="r")
    if re.search(r"\bRequest\b", ann):
        return _encrypt()
    if re.search(r"\bModel\b", ann):
        return gestpay.ShippingAddress(city="Roma")
    if "Mapping" in ann or ann == "Any":
        return {}
    if "Body" in ann or "bytes" in ann:
        return b""
    if re.search(r"\bint\b", ann) and "str" not in ann:
        return 1
    if "bool" in ann:
        return False
    if "float" in ann:
        return 1.0
    return "x"


def _takes_str(annotation: str) -> bool:
    return bool(re.search(r"\bstr\b|\bBody\b|SoapVersion|CodeTable|\bAny\b|Mapping", annotation))


def _surrogate_values(annotation: str) -> List[Any]:
    """What to pass to a parameter that admits a str: the surrogate itself, and for a mapping
    a surrogate key and value."""
    if "Mapping" in annotation or annotation == "Any":
        return [S, {"shopLogin": S}, {S: "x"}, {"a": S, "b": S}]
    return [S]


# --- the public API --------------------------------------------------------------------------


def _public_names() -> Iterator[Tuple[str, Any]]:
    seen: set[int] = set()
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            yield f"{module.__name__}.{name}", obj


def _ours(cls: type, name: str) -> bool:
    """The member is defined by this package (not inherited from object, Exception, tuple)."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass.__module__.startswith("gestpay")
    return False


def _members(cls: type) -> Iterator[Tuple[str, Any]]:
    for name in dir(cls):
        if name.startswith("_") or not _ours(cls, name):
            continue
        static = inspect.getattr_static(cls, name)
        if isinstance(static, (property, classmethod, staticmethod)) or inspect.isfunction(static):
            yield name, static


def _instance(cls: type) -> Any:
    """A valid instance of a public class, for its methods."""
    special: Dict[Any, Callable[[], Any]] = {
        gestpay.transport.Client: lambda: gestpay.transport.Client(LOCAL, timeout=2),
        gestpay.transport.AsyncClient: lambda: gestpay.transport.AsyncClient(LOCAL, timeout=2),
        gestpay.transport.UrllibClient: lambda: gestpay.transport.UrllibClient(LOCAL, timeout=2),
        gestpay.Secret: lambda: gestpay.Secret("k"),
        gestpay.HttpRequest: lambda: gestpay.HttpRequest("POST", "http://x/", (), b""),
        gestpay.HttpResponse: lambda: gestpay.HttpResponse(200, (), b""),
        gestpay.SoapFault: lambda: _valid("fault", "SoapFault"),
        gestpay.SoapFaultError: lambda: gestpay.SoapFaultError(_valid("fault", "SoapFault")),
        gestpay.DeclinedError: lambda: gestpay.DeclinedError(1, None, None),
    }
    if cls in special:
        return special[cls]()
    if issubclass(cls, GestpayError):
        return cls("m", code="c")
    return _call_with(cls, {})


def _call_with(fn: Callable[..., Any], overrides: Dict[str, Any]) -> Any:
    """Calls ``fn`` with ``overrides`` and valid values for its other required parameters."""
    args: List[Any] = []
    kwargs: Dict[str, Any] = {}
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name in overrides:
            value = overrides[p.name]
        elif p.default is not p.empty and p.name != "env":
            continue
        else:
            value = _valid(p.name, str(p.annotation))
        if p.kind == p.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[p.name] = value
    out = fn(*args, **kwargs)
    if inspect.iscoroutine(out):
        out = asyncio.run(out)
    return out


def _str_params(fn: Callable[..., Any]) -> List[Tuple[str, str]]:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return []
    return [(p.name, str(p.annotation)) for p in sig.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name not in ("self", "cls")
            and _takes_str(str(p.annotation))]


def _exercise(obj: Any) -> None:
    """Every method without arguments and every property of an instance, and a client's
    ``send``."""
    cls = type(obj)
    for name, static in _members(cls):
        if isinstance(static, property):
            _guarded(lambda: getattr(obj, name))
            continue
        bound = getattr(obj, name)
        if name == "send":
            _guarded(lambda: _call_with(bound, {}))
            continue
        params = [p for p in inspect.signature(bound).parameters.values()
                  if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        if not params:
            _guarded(lambda: _call_with(bound, {}))
    _guarded(lambda: (repr(obj), str(obj)))


def _guarded(thunk: Callable[[], Any]) -> Optional[BaseException]:
    """Runs ``thunk``; only a ``GestpayError`` or a ``TypeError`` may come out."""
    try:
        thunk()
    except (GestpayError, TypeError) as exc:
        return exc
    except BaseException as exc:  # noqa: BLE001 - the point of the test
        pytest.fail(f"{type(exc).__name__} escaped: {exc!r}")
    return None


ABSTRACT = (gestpay.Model, gestpay.Request, gestpay.Result)


def _cases() -> Iterator[Any]:
    for qualname, obj in _public_names():
        if inspect.isroutine(obj):
            for pname, ann in _str_params(obj):
                for i, value in enumerate(_surrogate_values(ann)):
                    case_id = f"{qualname}({pname})#{i}"
                    yield pytest.param(obj, None, pname, value, id=case_id)
        elif inspect.isclass(obj):
            if obj in ABSTRACT:
                continue  # their methods are exercised on every concrete class
            for pname, ann in _str_params(obj):
                for i, value in enumerate(_surrogate_values(ann)):
                    yield pytest.param(obj, "__init__", pname, value,
                                       id=f"{qualname}({pname})#{i}")
            for mname, static in _members(obj):
                if isinstance(static, property):
                    continue
                fn = getattr(obj, mname)
                for pname, ann in _str_params(fn):
                    for i, value in enumerate(_surrogate_values(ann)):
                        yield pytest.param(obj, mname, pname, value,
                                           id=f"{qualname}.{mname}({pname})#{i}")


CASES = list(_cases())


def test_the_enumeration_covers_the_api() -> None:
    ids = {c.id.split("#")[0] for c in CASES}
    for expected in [
        "gestpay.build_request(operation)", "gestpay.build_request(env)",
        "gestpay.build_request(soap)", "gestpay.build_request(request)",
        "gestpay.validate_request(operation)", "gestpay.endpoint(service)",
        "gestpay.endpoint(env)", "gestpay.payment_page_url(env)",
        "gestpay.three_ds_page_url(return_url)", "gestpay.identify_request(body)",
        "gestpay.codes.currency(code)", "gestpay.codes.describe(table)",
        "gestpay.codes.describe(value)", "gestpay.codes.known_values(table)",
        "gestpay.codes.language(id_or_iso)", "gestpay.codes.payment_type(code)",
        "gestpay.codes.transaction_type_of(operation)",
        "gestpay.Encrypt.to_http(env)", "gestpay.Encrypt.to_http(soap)",
        "gestpay.Encrypt.to_envelope(soap)", "gestpay.Encrypt.parse_response(content_type)",
        "gestpay.EncryptResult.from_http(content_type)", "gestpay.EncryptResult.from_xml(body)",
        "gestpay.CallPagamS2SResult.to_http_response(soap)", "gestpay.Callback.parse(url_or_query)",
        "gestpay.Callback.from_mapping(params)", "gestpay.Decrypt.from_callback(api_key)",
        "gestpay.SoapFault.to_envelope(soap)", "gestpay.Encrypt(shop_login)",
        "gestpay.Encrypt.from_dict(data)", "gestpay.transport.Client(env)",
        "gestpay.transport.AsyncClient(soap)", "gestpay.transport.UrllibClient(env)",
        "gestpay.Secret(value)", "gestpay.HttpRequest.header(name)",
    ]:
        assert expected in ids, expected
    assert len(CASES) > 1000


@pytest.mark.parametrize("owner, member, param, value", CASES)
def test_a_lone_surrogate_is_a_gestpay_error(owner: Any, member: Optional[str], param: str,
                                             value: Any) -> None:
    if member is None:
        _guarded(lambda: _call_with(owner, {param: value}))
        return
    if member == "__init__":
        made: List[Any] = []
        if _guarded(lambda: made.append(_call_with(owner, {param: value}))) is None:
            _exercise(made[0])
            if isinstance(made[0], gestpay.transport.Client):
                made[0].close()
        return
    static = inspect.getattr_static(owner, member)
    if isinstance(static, (classmethod, staticmethod)):
        target = getattr(owner, member)
    else:
        target = getattr(_instance(owner), member)
    _guarded(lambda: _call_with(target, {param: value}))


@pytest.mark.parametrize("call, field", [
    (lambda: gestpay.build_request(S, {}), "operation"),
    (lambda: gestpay.build_request("Encrypt", {}, env=S), "env"),
    (lambda: gestpay.build_request("Encrypt", {}, soap=S), "soap"),  # type: ignore[arg-type]
    (lambda: gestpay.validate_request(S, {}), "operation"),
    (lambda: gestpay.endpoint(S), "service"),
    (lambda: gestpay.endpoint("WsS2S", S), "env"),
    (lambda: _encrypt().to_http(env=S), "env"),
    (lambda: _encrypt().to_http(soap=S), "soap"),  # type: ignore[arg-type]
    (lambda: _encrypt().to_envelope(soap=S), "soap"),  # type: ignore[arg-type]
    (lambda: gestpay.EncryptResult().to_envelope(soap=S), "soap"),  # type: ignore[arg-type]
    (lambda: gestpay.EncryptResult().to_http_response(soap=S), "soap"),  # type: ignore[arg-type]
    (lambda: gestpay.SoapFault(version="1.1", code="c", reason="r").to_envelope(soap=S),  # type: ignore[arg-type]
     "soap"),
    (lambda: gestpay.codes.currency(S), "code"),
    (lambda: gestpay.codes.language(S), "code"),
    (lambda: gestpay.codes.payment_type(S), "code"),
    (lambda: gestpay.codes.transaction_type_of(S), "operation"),
    (lambda: gestpay.codes.describe(S, "OK"), "table"),  # type: ignore[arg-type]
    (lambda: gestpay.codes.describe("TransactionResult", S), "value"),
    (lambda: gestpay.codes.known_values(S), "table"),  # type: ignore[arg-type]
    (lambda: gestpay.transport.UrllibClient(S).send(_encrypt()), "env"),
])
def test_an_argument_with_a_surrogate_is_named(call: Callable[[], Any], field: str) -> None:
    with pytest.raises(InvalidRequestError) as info:
        call()
    assert (info.value.code, info.value.field) == ("invalid_type", field)
    assert S not in str(info.value) and "surrogate" in info.value.message


def test_a_content_type_with_a_surrogate_is_read_with_u_fffd() -> None:
    """The core reads it as any other odd Content-Type: an HTML type is an error page, a
    charset it cannot decode is the remote side's error; never a UnicodeEncodeError."""
    body = gestpay.EncryptResult(transaction_result="OK", crypt_decrypt_string="X") \
        .to_http_response().body
    result = gestpay.EncryptResult.from_http(200, "text/xml" + S + "; charset=utf-8", body)
    assert result.is_ok and result.crypt_decrypt_string == "X"
    with pytest.raises(gestpay.MalformedResponseError) as info:
        gestpay.EncryptResult.from_http(500, "text/html" + S, b"<html></html>")
    assert info.value.code == "not_soap"
    try:
        gestpay.EncryptResult.from_http(200, "text/xml; charset=utf-8" + S, body)
    except gestpay.MalformedResponseError as err:  # the charset is not one the core knows
        assert S not in str(err)


def test_message_fields_with_a_surrogate() -> None:
    with pytest.raises(InvalidRequestError) as info:
        _encrypt().replace(shop_transaction_id="ORD-" + S)
    assert (info.value.code, info.value.field) == ("invalid_type", "shopTransactionId")
    with pytest.raises(InvalidRequestError):
        gestpay.build_request("Encrypt", {"shopLogin": S, "uicCode": "242", "amount": "1.00",
                                          "shopTransactionId": "x"})
