"""The behaviour shared by the generated message classes (see ``_models.py``).

A message is a frozen dataclass whose ``_FIELDS`` table (generated) names, for each attribute,
its wire key in the core's camelCase JSON shape and how to convert it. This module holds the
conversion (checked when building from Python values, direct when reading the core's output),
and the methods that call the native module: building and parsing requests and results on both
sides of the exchange. No protocol rule is decided here; the core decides them all.
"""

from __future__ import annotations

import collections.abc
import re
from decimal import Decimal
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Generic,
    Iterable,
    List,
    Literal,
    Mapping,
    NamedTuple,
    Optional,
    Tuple,
    TypeVar,
    Union,
    cast,
)

from . import _gestpay as _core
from ._http import HttpRequest, HttpResponse
from ._secret import Secret
from .errors import InvalidRequestError

if TYPE_CHECKING:
    from ._models import Address, AmazonAddresses, Callback, Decrypt, SoapFault

SoapVersion = Union[Literal["1.1"], Literal["1.2"]]
"""The SOAP version of an exchange: ``"1.1"`` (what every official sample uses) or ``"1.2"``."""

Body = Union[bytes, bytearray, memoryview, str]
"""A message body: bytes, or text (encoded as UTF-8)."""

M = TypeVar("M", bound="Model")
R = TypeVar("R", bound="Result")
T = TypeVar("T", bound="Result")
Q = TypeVar("Q", bound="Request[Any]")

# isinstance against collections.abc directly: typing's alias answers the same, several times
# slower.
_MAPPING = collections.abc.Mapping

_AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,9})?")
_U32 = 2**32 - 1


class _F(NamedTuple):
    """One field of a generated class: attribute, wire key, kind, nested class, and whether the
    default value is left out of the JSON shape."""

    attr: str
    key: str
    kind: str
    target: Optional[type[Model]]
    omit_default: bool
    default: Any


# --- checking values given from Python ------------------------------------------------------


def _type_error(owner: str, f: _F, expected: str, value: object) -> InvalidRequestError:
    # The value itself is never quoted: it could be a card number.
    return InvalidRequestError(
        f"{owner}.{f.attr}: expected {expected}, got {type(value).__name__}",
        code="invalid_type", field=f.key)


def _check_str(value: object, f: _F, owner: str) -> object:
    if value is None:
        if f.default is None and not f.omit_default:
            raise _type_error(owner, f, "a str", value)
        return f.default
    if not isinstance(value, str):
        raise _type_error(owner, f, "a str", value)
    return str(value)


def _check_int(value: object, f: _F, owner: str, top: int = _U32) -> object:
    if value is None:
        return f.default
    if not isinstance(value, int) or isinstance(value, bool):
        raise _type_error(owner, f, "an int", value)
    if not 0 <= value <= top:
        raise InvalidRequestError(f"{owner}.{f.attr}: expected an int from 0 to {top}",
                                  code="invalid_format", field=f.key)
    return int(value)


def _check_byte(value: object, f: _F, owner: str) -> object:
    return _check_int(value, f, owner, 255)


def _check_bool(value: object, f: _F, owner: str) -> object:
    if value is None:
        return f.default
    if not isinstance(value, bool):
        raise _type_error(owner, f, "a bool", value)
    return value


def _check_secret(value: object, f: _F, owner: str) -> object:
    if value is None or isinstance(value, Secret):
        return value
    if not isinstance(value, str):
        raise _type_error(owner, f, "a str or Secret", value)
    return Secret(value)


def _check_amount(value: object, f: _F, owner: str) -> object:
    if value is None:
        return None
    if isinstance(value, float):
        raise InvalidRequestError(
            f"{owner}.{f.attr}: floats are not exact: pass a str, a Decimal or an int",
            code="invalid_type", field=f.key)
    if isinstance(value, bool) or not isinstance(value, (Decimal, str, int)):
        raise _type_error(owner, f, "a str, Decimal or int", value)
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if not _AMOUNT.fullmatch(text):
        raise InvalidRequestError(
            f"{owner}.{f.attr}: expected digits with an optional `.` and at most 9 decimals",
            code="invalid_amount", field=f.key)
    return value if isinstance(value, Decimal) else Decimal(text)


def _check_soap(value: object, f: _F, owner: str) -> object:
    if value not in ("1.1", "1.2"):
        raise InvalidRequestError(f"{owner}.{f.attr}: expected '1.1' or '1.2'",
                                  code="invalid_format", field=f.key)
    return value


def _check_model(value: object, f: _F, owner: str) -> object:
    if value is None:
        return None
    target = cast(type, f.target)
    if not isinstance(value, target):
        raise _type_error(owner, f, f"a {target.__name__}", value)
    return value


def _items(value: object, f: _F, owner: str, expected: str) -> Iterable[Any]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, _MAPPING)) or not hasattr(value, "__iter__"):
        raise _type_error(owner, f, f"an iterable of {expected}", value)
    return cast(Iterable[Any], value)


def _check_models(value: object, f: _F, owner: str) -> object:
    target = cast(type, f.target)
    items = tuple(_items(value, f, owner, target.__name__))
    for item in items:
        if not isinstance(item, target):
            raise _type_error(owner, f, f"{target.__name__} items", item)
    return items


def _check_strs(value: object, f: _F, owner: str) -> object:
    items = tuple(_items(value, f, owner, "str"))
    for item in items:
        if not isinstance(item, str):
            raise _type_error(owner, f, "str items", item)
    return items


_CHECK: Dict[str, Callable[[object, _F, str], object]] = {
    "str": _check_str,
    "int": _check_int,
    "byte": _check_byte,
    "bool": _check_bool,
    "secret": _check_secret,
    "amount": _check_amount,
    "soap": _check_soap,
    "model": _check_model,
    "models": _check_models,
    "strs": _check_strs,
}


# Per-class tables derived from ``_FIELDS`` on first use (the conversions below run for every
# message built or parsed: reading them from prepared tuples and dicts instead of interpreting
# ``_F`` each time is what keeps the binding's Python layer cheap).

_InitPlan = Tuple[Tuple[str, _F, Callable[[object, _F, str], object], bool, object,
                        Optional[type]], ...]
_INIT_PLANS: Dict[type, _InitPlan] = {}


def _init_plan(cls: type[Model]) -> _InitPlan:
    """For each field: attribute, field, check, whether ``None`` is accepted and what it stores
    (asked of the check itself, so the two can never disagree), and the one type stored as
    given without calling the check (for which the check would return the value unchanged)."""
    owner = cls.__name__
    plan = []
    for f in cls._FIELDS:
        check = _CHECK[f.kind]
        try:
            none_value, none_ok = check(None, f, owner), True
        except InvalidRequestError:
            none_value, none_ok = None, False
        exact: Optional[type] = {"str": str, "bool": bool, "secret": Secret}.get(f.kind)
        if f.kind == "model":
            exact = f.target
        plan.append((f.attr, f, check, none_ok, none_value, exact))
    _INIT_PLANS[cls] = result = tuple(plan)
    return result


def _init(obj: Model, values: Mapping[str, Any]) -> None:
    """The body of every generated ``__init__``: checks and stores each argument."""
    cls = type(obj)
    owner = cls.__name__
    slots = obj.__dict__  # frozen: stored as object.__setattr__ would
    for attr, f, check, none_ok, none_value, exact in _INIT_PLANS.get(cls) or _init_plan(cls):
        value = values[attr]
        if value is None:
            if none_ok:
                slots[attr] = none_value
                continue
        elif type(value) is exact:
            slots[attr] = value
            continue
        slots[attr] = check(value, f, owner)


# --- conversion to and from the core's JSON shape -------------------------------------------


def _models_to_wire(value: Any) -> Any:
    return [item.to_dict() for item in value]


def _model_to_wire(value: Any) -> Any:
    return value.to_dict()


def _secret_to_wire(value: Any) -> Any:
    return value.expose()


def _amount_to_wire(value: Any) -> Any:
    return format(value, "f")


_TO_WIRE: Dict[str, Callable[[Any], Any]] = {
    "model": _model_to_wire,
    "models": _models_to_wire,
    "strs": list,
    "secret": _secret_to_wire,
    "amount": _amount_to_wire,
}

_WirePlan = Tuple[Tuple[str, str, Optional[Callable[[Any], Any]], bool, Any], ...]
_WIRE_PLANS: Dict[type, _WirePlan] = {}


def _wire_plan(cls: type[Model]) -> _WirePlan:
    """For each field: attribute, wire key, conversion (``None``: as is), whether the default is
    left out, and the default."""
    _WIRE_PLANS[cls] = plan = tuple(
        (f.attr, f.key, _TO_WIRE.get(f.kind), f.omit_default, f.default) for f in cls._FIELDS)
    return plan


_KEYS: Dict[type, Dict[str, _F]] = {}
"""Each class's fields by wire key (``from_dict``)."""

_CorePlan = Tuple[Dict[str, Any], Dict[str, Tuple[str, Optional[Callable[[Any], Any]]]]]
_CORE_PLANS: Dict[type, _CorePlan] = {}


def _core_plan(cls: type[Model]) -> _CorePlan:
    """Every attribute's default, and for each wire key its attribute and conversion."""
    defaults: Dict[str, Any] = {}
    by_key: Dict[str, Tuple[str, Optional[Callable[[Any], Any]]]] = {}
    for f in cls._FIELDS:
        defaults[f.attr] = f.default
        read: Optional[Callable[[Any], Any]] = None
        if f.kind == "model":
            read = cast(type[Model], f.target)._from_core
        elif f.kind == "models":
            read = _tuple_of(cast(type[Model], f.target))
        else:
            read = {"strs": tuple, "amount": Decimal, "secret": Secret}.get(f.kind)
        by_key[f.key] = (f.attr, read)
    _CORE_PLANS[cls] = plan = (defaults, by_key)
    return plan


def _tuple_of(target: type[Model]) -> Callable[[Any], Any]:
    read = target._from_core
    return lambda items: tuple([read(item) for item in items])


class Model:
    """Base of every message class: conversion to and from the core's camelCase JSON shape."""

    _FIELDS: ClassVar[Tuple[_F, ...]] = ()

    def to_dict(self) -> Dict[str, Any]:
        """The core's JSON shape (camelCase keys; amounts and secrets as strings; absent values
        left out). Secrets are exposed: this is what is sent."""
        out: Dict[str, Any] = {}
        values = self.__dict__
        cls = type(self)
        for attr, key, write, omit, default in _WIRE_PLANS.get(cls) or _wire_plan(cls):
            value = values.get(attr, default)
            if value is None or (omit and value == default):
                continue
            out[key] = value if write is None else write(value)
        return out

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """Builds the message from the core's JSON shape (camelCase keys, nested dicts), with
        the same checks as the constructor; an unknown key raises ``InvalidRequestError``."""
        if not isinstance(data, _MAPPING):
            raise InvalidRequestError(
                f"{cls.__name__}.from_dict: expected a mapping, got {type(data).__name__}",
                code="invalid_type", field=None)
        by_key = _KEYS.get(cls)
        if by_key is None:
            _KEYS[cls] = by_key = {f.key: f for f in cls._FIELDS}
        kwargs: Dict[str, Any] = {}
        for key, value in data.items():
            f = by_key.get(key) if isinstance(key, str) else None
            if f is None:
                raise InvalidRequestError(f"{cls.__name__} has no field {str(key)[:64]!r}",
                                          code="unknown_field", field=str(key)[:64])
            if value is None:
                continue
            target = f.target
            if target is not None:
                kind = f.kind
                if kind == "model" and isinstance(value, _MAPPING):
                    value = target.from_dict(value)
                elif kind == "models" and isinstance(value, (list, tuple)):
                    value = [target.from_dict(v) if isinstance(v, _MAPPING) else v
                             for v in value]
            kwargs[f.attr] = value
        return cls(**kwargs)

    @classmethod
    def _from_core(cls: type[M], data: Mapping[str, Any]) -> M:
        """Builds the message from what the native module returned (trusted, no checks)."""
        defaults, by_key = _CORE_PLANS.get(cls) or _core_plan(cls)
        obj = object.__new__(cls)
        slots = obj.__dict__
        slots.update(defaults)
        for key, value in data.items():
            entry = by_key.get(key)
            if entry is None or value is None:
                continue
            attr, read = entry
            slots[attr] = value if read is None else read(value)
        return obj

    def __repr__(self) -> str:
        parts = []
        for f in self._FIELDS:
            value = getattr(self, f.attr)
            if value is None or (f.omit_default and value == f.default):
                continue
            parts.append(f"{f.attr}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


# --- arguments of the sans-IO functions -----------------------------------------------------


def _bytes(body: object, name: str = "body") -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        # Lone surrogates pass through, so that the core reports invalid UTF-8. A str is text
        # already: behind a byte-order mark, which the core takes over any charset its XML
        # declaration names (else `encoding="ISO-8859-1"` would decode it a second time).
        if not body.startswith("\ufeff"):
            body = "\ufeff" + body
        return body.encode("utf-8", "surrogatepass")
    raise InvalidRequestError(f"{name}: expected bytes or str, got {type(body).__name__}",
                              code="invalid_type", field=name)


def _text(value: object, name: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidRequestError(f"{name}: expected a str, got {type(value).__name__}",
                                  code="invalid_type", field=name)
    return value


def _status(status: object) -> int:
    if not isinstance(status, int) or isinstance(status, bool) or not 0 <= status <= 65535:
        raise InvalidRequestError("status: expected an HTTP status code (an int)",
                                  code="invalid_type", field="status")
    return status


def _http_response(parts: Tuple[int, List[Tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, body = parts
    return HttpResponse(status, tuple(headers), body)


# --- requests and results ---------------------------------------------------------------------


class Request(Model, Generic[R]):
    """A request of one operation: build it, validate it, describe its HTTP call; parse it
    back as the gateway would."""

    OPERATION: ClassVar[str]
    SERVICE: ClassVar[str]

    def validate(self) -> None:
        """Checks the documented rules; raises ``InvalidRequestError`` naming field and rule."""
        _core.validate_request(self.OPERATION, self.to_dict())

    def to_envelope(self, soap: SoapVersion = "1.1", *, validate: bool = True) -> bytes:
        """The SOAP envelope (validated unless ``validate=False``)."""
        return _core.request_envelope(
            self.OPERATION, self.to_dict(), _text(soap, "soap"), bool(validate))

    def to_http(self, env: str = "test", soap: SoapVersion = "1.1") -> HttpRequest:
        """The HTTP call to make (validated): ``env`` is ``"test"``, ``"production"`` or a base
        URL such as ``"http://127.0.0.1:8480"``."""
        method, url, headers, body = _core.build_request(
            self.OPERATION, self.to_dict(), _text(env, "env"), _text(soap, "soap"))
        return HttpRequest(method, url, tuple(headers), body)

    @classmethod
    def result_type(cls) -> type[R]:
        """The result class of this operation."""
        return cast("type[R]", getattr(cls, "RESULT"))

    def parse_response(self, status: int, content_type: Optional[str], body: Body) -> R:
        """Parses the HTTP response to this request (see ``Result.from_http``)."""
        return self.result_type().from_http(status, content_type, body)

    @classmethod
    def from_envelope(cls: type[Q], body: Body) -> Q:
        """Parses a request envelope (the gateway's side)."""
        return cls._from_core(_core.parse_request(cls.OPERATION, _bytes(body), False))

    @classmethod
    def from_xml(cls: type[Q], body: Body) -> Q:
        """Parses a request given as an envelope or as its bare wrapper element."""
        return cls._from_core(_core.parse_request(cls.OPERATION, _bytes(body), True))


class Result(Model):
    """The result of one operation: parse it from HTTP; build it as the gateway would."""

    OPERATION: ClassVar[str]
    SERVICE: ClassVar[str]

    @classmethod
    def from_http(cls: type[T], status: int, content_type: Optional[str], body: Body) -> T:
        """Parses an HTTP response: ``200`` with the result envelope; a SOAP fault raises
        ``SoapFaultError``; anything else raises ``MalformedResponseError``. A KO is a value."""
        data = _core.parse_http_result(cls.OPERATION, _status(status),
                                       _text(content_type, "content_type", optional=True),
                                       _bytes(body))
        return cls._from_core(data)

    @classmethod
    def from_envelope(cls: type[T], body: Body) -> T:
        """Parses a whole response envelope."""
        return cls._from_core(_core.parse_result(cls.OPERATION, _bytes(body), False))

    @classmethod
    def from_xml(cls: type[T], body: Body) -> T:
        """Parses an envelope, the Response or Result element, or the bare payload (what the
        docs show)."""
        return cls._from_core(_core.parse_result(cls.OPERATION, _bytes(body), True))

    def to_envelope(self, soap: SoapVersion = "1.1") -> bytes:
        """The response envelope (the gateway's side)."""
        return _core.result_envelope(self.OPERATION, self.to_dict(),
                                                 _text(soap, "soap"))

    def to_http_response(self, soap: SoapVersion = "1.1") -> HttpResponse:
        """The HTTP response the gateway sends for this result (status 200)."""
        return _http_response(_core.result_http_response(
            self.OPERATION, self.to_dict(), _text(soap, "soap")))


# --- behaviour of some generated classes -----------------------------------------------------

O = TypeVar("O", bound="OutcomeMixin")


class OutcomeMixin:
    """The business outcome of a result: ``OK``, ``KO`` or ``XX`` with an error code."""

    def _outcome(self) -> Tuple[Optional[str], Optional[int], Optional[str]]:
        """``TransactionResult``, the error code and its description: ``ErrorCode``, or
        ``TransactionErrorCode`` (callCheckCartaS2S, CallRequestTokenS2S) when only it came —
        ``ErrorCode`` wins when both did, as in the core's ``Outcome`` — and the description
        that goes with the code chosen, else the other one."""
        this = cast(Any, self)
        code: Optional[int] = this.error_code
        other: Optional[int] = getattr(this, "transaction_error_code", None)
        descriptions = (this.error_description,
                        getattr(this, "transaction_error_description", None))
        if code is None and other is not None:
            code, descriptions = other, descriptions[::-1]
        description = descriptions[0] if descriptions[0] is not None else descriptions[1]
        return this.transaction_result, code, description

    @property
    def is_ok(self) -> bool:
        """``TransactionResult`` is ``OK``."""
        return self._outcome()[0] == "OK"

    @property
    def is_ko(self) -> bool:
        """``TransactionResult`` is ``KO``: declined. To ship only on ``OK``, use
        :meth:`raise_for_ko`, which refuses ``XX`` and a missing result too."""
        return self._outcome()[0] == "KO"

    @property
    def is_pending(self) -> bool:
        """``TransactionResult`` is ``XX``: pending (asynchronous methods; do not ship yet)."""
        return self._outcome()[0] == "XX"

    @property
    def known_error_description(self) -> Optional[str]:
        """The English description of the error code from the documented table."""
        code = self._outcome()[1]
        return None if code is None else _core.error_description(code)

    def raise_for_ko(self: O) -> O:
        """The success check: returns ``self`` only when ``TransactionResult`` is ``OK``, the
        one answer an order may be shipped on. Otherwise it raises:

        * ``KO``: ``DeclinedError`` (code ``declined``);
        * ``XX``: ``PendingError`` (code ``pending``): the outcome is notified later;
        * missing or empty: ``MalformedResponseError`` with code ``no_result``;
        * any other value: ``MalformedResponseError`` with code ``unknown_result``.

        It used to refuse ``KO`` only: ``XX`` or no result at all passed as a success. The
        rule is the core's ``Outcome::ensure_ok``, the same in every language."""
        result, code, description = self._outcome()
        _core.ensure_ok(result, code, description)
        return self


class S2SPayloadMixin:
    """Helpers of the ``GestPayS2S`` payload."""

    def amazon_addresses(self) -> Optional[AmazonAddresses]:
        """Where to ship and whom to bill for an Amazon Pay transaction (from callReadTrxS2S);
        ``None`` when the result carries no ``OrderReferenceDetails``."""
        from ._models import AmazonAddresses

        data = _core.amazon_addresses(cast(Model, self).to_dict())
        return None if data is None else AmazonAddresses._from_core(data)

    @property
    def token_value(self) -> Optional[Secret]:
        """The card token, whichever element carried it: ``TOKEN`` (callPagamS2S, attribute
        ``token``) or ``Token`` (CallRequestTokenS2S, attribute ``mixed_case_token``);
        ``TOKEN`` wins when both came. Send it back as ``tokenValue``."""
        this = cast(Any, self)
        token: Optional[Secret] = this.token if this.token is not None else this.mixed_case_token
        return token


# What a result keeps beyond its known fields (unknown elements, attributes) may carry anything
# the gateway adds, a card number included: ``repr`` shows names only, never values (the values
# stay available as data: attributes, ``to_dict()``).


class UnknownElementMixin:
    """``repr`` of an element the library does not know: its name, its attributes' names, its
    children (likewise); its text is never shown."""

    def __repr__(self) -> str:
        this = cast(Any, self)
        parts = [f"name={this.name!r}"]
        if this.attributes:
            parts.append(f"attributes={tuple(a.name for a in this.attributes)!r}")
        if this.children:
            parts.append(f"children=({', '.join(repr(c) for c in this.children)},)")
        if this.text:
            parts.append("text=<redacted>")
        return f"UnknownElement({', '.join(parts)})"


class KeptAttributeMixin:
    """``repr`` of an attribute kept from a document: its name only."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={cast(Any, self).name!r}, value=<redacted>)"


class SoapFaultMixin:
    """Building and parsing SOAP faults (the gateway's side)."""

    def to_envelope(self, soap: Optional[SoapVersion] = None) -> bytes:
        """The fault envelope; in the fault's own version unless ``soap`` is given."""
        data = cast(Model, self).to_dict()
        return _core.fault_envelope(data, _text(soap or data["version"], "soap"))

    def to_http_response(self, soap: Optional[SoapVersion] = None) -> HttpResponse:
        """The HTTP response of the fault (status 500)."""
        data = cast(Model, self).to_dict()
        return _http_response(_core.fault_http_response(
            data, _text(soap or data["version"], "soap")))

    @classmethod
    def from_envelope(cls, body: Body) -> SoapFault:
        """Parses the fault of an envelope (``MalformedResponseError`` when it holds none)."""
        from ._models import SoapFault

        return SoapFault._from_core(_core.parse_fault(_bytes(body)))


def _pairs(mapping: Any) -> List[Tuple[str, str]]:
    """Every (key, value) of a query mapping, every value of repeated keys included."""
    if hasattr(mapping, "lists"):  # Django's QueryDict / MultiValueDict
        items: Iterable[Tuple[Any, Any]] = mapping.lists()
    elif hasattr(mapping, "multi_items"):  # Starlette's QueryParams
        items = mapping.multi_items()
    elif isinstance(mapping, _MAPPING):
        items = mapping.items()
    else:
        raise InvalidRequestError(
            f"expected a mapping of query parameters, got {type(mapping).__name__}",
            code="invalid_type", field=None)
    out: List[Tuple[str, str]] = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            if not isinstance(key, str) or not isinstance(v, str):
                raise InvalidRequestError("query parameters must be str keys and values",
                                          code="invalid_type", field=None)
            out.append((key, v))
    return out


class CallbackMixin:
    """Parsing the gateway's callback to the merchant's URLs (``a`` and ``b``).

    One rule, whichever way the callback is handed over, so that Decrypt gets the same ``b``:
    a raw URL or query (:meth:`parse`) is form-decoded like ``request.GET`` (``+`` is a space,
    ``%2B`` a plus); a mapping a framework has decoded (:meth:`from_mapping`) is taken as it
    is; :meth:`to_query` and ``payment_page_url`` write ``+`` as ``%2B`` and a space as
    ``%20``. A bad ``%`` escape or bytes that are not UTF-8 in ``a`` or ``b``, and a ``str``
    with a lone surrogate there, raise ``InvalidRequestError`` with code ``invalid_callback``."""

    @classmethod
    def parse(cls, url_or_query: str) -> Callback:
        """Parses a full URL, a query string (with or without ``?``) or a path with a query.
        The query is form-decoded once, as ``request.GET`` decodes it (``b=A+B%2BC`` is
        ``"A B+C"``); ``a`` and ``b`` must each appear once, non-empty; a ``#fragment`` and
        other parameters are ignored."""
        from ._models import Callback

        return Callback._from_core(_core.parse_callback(_text(url_or_query, "url_or_query")))

    @classmethod
    def from_mapping(cls, params: Any) -> Callback:
        """Builds the callback from decoded query parameters: a ``dict``, Django's
        ``request.GET`` (every value of a repeated key counts), Starlette's ``query_params``,
        or the output of ``urllib.parse.parse_qs``. The values are taken as they are, never
        decoded again (a ``+`` stays a ``+``)."""
        from ._models import Callback

        return Callback._from_core(_core.callback_from_pairs(_pairs(params)))

    def to_query(self) -> str:
        """The query string the gateway sends (``a=…&b=…``), URL-encoded (``+`` as ``%2B``, a
        space as ``%20``): :meth:`parse` and every framework read it back exactly."""
        return _core.callback_query(cast(Model, self).to_dict())


class DecryptMixin:
    """Building a Decrypt from a callback."""

    @classmethod
    def from_callback(cls, callback: Callback, *, api_key: Union[Secret, str, None] = None
                      ) -> Decrypt:
        """The Decrypt request of a callback: ``shopLogin`` = ``a``, ``CryptedString`` = ``b``."""
        from ._models import Decrypt

        return Decrypt(shop_login=callback.shop_login, crypted_string=callback.encrypted_string,
                       api_key=api_key)


class AddressMixin:
    """Helpers of the normalised ``Address``."""

    @property
    def is_empty(self) -> bool:
        """No part is set."""
        return not cast(Model, self).to_dict()

    @property
    def street_lines(self) -> Tuple[str, ...]:
        """The address lines that are set, in order."""
        this = cast(Any, self)
        lines = (this.address_line1, this.address_line2, this.address_line3)
        return tuple(line for line in lines if line is not None)

    @classmethod
    def from_model(cls, value: Model) -> Address:
        """The normalised address of a ``ShippingAddress``, ``BillingAddress``,
        ``ShippingDetails`` or ``AmazonAddress``."""
        from ._models import Address

        kind = type(value).__name__
        if kind not in ("ShippingAddress", "BillingAddress", "ShippingDetails", "AmazonAddress"):
            raise InvalidRequestError(f"no address can be read from a {kind}",
                                      code="invalid_type", field=None)
        return Address._from_core(_core.address_from(kind, value.to_dict()))
