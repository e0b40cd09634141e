"""The behaviour shared by the generated message classes (see ``_models.py``).

A message is an immutable object backed by the core's own Rust value (``_gestpay.Message``):
each attribute is a descriptor that converts its field when it is read, and building one hands
the keyword arguments to the core, whose input contract checks them. No protocol rule is
decided here; the core decides them all.
"""

from __future__ import annotations

import collections.abc
import inspect
from decimal import Decimal
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Dict,
    Generic,
    Iterable,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
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

_CONVERT = {"amount": Decimal, "secret": Secret}


def _fields(cls: type[Model], table: Sequence[Tuple[Any, ...]]) -> None:
    """Installs a generated field table: one descriptor per attribute (its key in the JSON
    shape, its value when absent, and ``Decimal`` or ``Secret`` for amounts and secrets), and
    the keyword-only signature that ``inspect`` and ``help()`` show."""
    cls._FIELDS = tuple((row[0], row[3]) for row in table)
    cls._KEYS = {row[0]: row[1] for row in table}
    params = []
    for attr, key, kind, default, annotation, *required in table:
        setattr(cls, attr, _core.Field(key, default, _CONVERT.get(kind)))
        params.append(inspect.Parameter(attr, inspect.Parameter.KEYWORD_ONLY,
                                        default=inspect.Parameter.empty if required else None,
                                        annotation=annotation))
    setattr(cls, "__signature__", inspect.Signature(params))


def _register(classes: Dict[str, Any]) -> Dict[str, Tuple[Any, Any]]:
    """Hands the classes to the native module (nested values get their class by type name),
    and returns every operation's request and result classes, as the core lists them."""
    _core.register_classes(classes)
    operations = {}
    for name, _, _, request, result in _core.operations():
        classes[request].RESULT = classes[result]
        operations[name] = (classes[request], classes[result])
    return operations


def _restore(cls: type[M], data: Dict[str, Any]) -> M:
    return cls.from_dict(data)


class Model(_core.Message):
    """Base of every message class: immutable, compared by value, convertible to and from the
    core's camelCase JSON shape."""

    __slots__ = ()
    _FIELDS: ClassVar[Tuple[Tuple[str, Any], ...]] = ()
    _KEYS: ClassVar[Dict[str, str]] = {}
    _KIND: ClassVar[str]
    _TYPE: ClassVar[str]

    def __new__(cls: type[M], **kwargs: Any) -> M:
        return cast(M, _core.Message.__new__(cls, _core.build(cls, kwargs)))

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """Builds the message from the core's JSON shape (camelCase keys, nested dicts), with
        the core's checks; an unknown key raises ``InvalidRequestError``."""
        return cast(M, _core.from_dict(cls, data))

    def to_dict(self) -> Dict[str, Any]:
        """The core's JSON shape (camelCase keys; amounts and secrets as strings; absent values
        left out). Secrets are exposed: this is what is sent."""
        return cast(Dict[str, Any], super().to_dict())

    def replace(self: M, **changes: Any) -> M:
        """A copy with some attributes changed (``None`` clears one); the rest is kept exactly
        as it is (through the JSON shape, so that nothing unset becomes set)."""
        data = self.to_dict()
        for attr, value in changes.items():
            key = self._KEYS.get(attr)
            if key is None:
                raise InvalidRequestError(
                    f"{type(self).__name__} has no attribute of this name",
                    code="unknown_field", field=attr[:64])
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return type(self).from_dict(data)

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_restore, (type(self), self.to_dict()))

    def __repr__(self) -> str:
        parts = []
        for attr, default in self._FIELDS:
            value = getattr(self, attr)
            if value is not None and value != default:
                parts.append(f"{attr}={value!r}")
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

    __slots__ = ()
    OPERATION: ClassVar[str]
    SERVICE: ClassVar[str]

    def validate(self) -> None:
        """Checks the documented rules; raises ``InvalidRequestError`` naming field and rule."""
        _core.validate(self)

    def to_envelope(self, soap: SoapVersion = "1.1", *, validate: bool = True) -> bytes:
        """The SOAP envelope (validated unless ``validate=False``)."""
        return _core.request_envelope(self, _text(soap, "soap"), bool(validate))

    def to_http(self, env: str = "test", soap: SoapVersion = "1.1") -> HttpRequest:
        """The HTTP call to make (validated): ``env`` is ``"test"``, ``"production"`` or a base
        URL such as ``"http://127.0.0.1:8480"``."""
        method, url, headers, body = _core.to_http(self, _text(env, "env"), _text(soap, "soap"))
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
        return cast(Q, _core.parse_request(cls, _bytes(body), False))

    @classmethod
    def from_xml(cls: type[Q], body: Body) -> Q:
        """Parses a request given as an envelope or as its bare wrapper element."""
        return cast(Q, _core.parse_request(cls, _bytes(body), True))


class Result(Model):
    """The result of one operation: parse it from HTTP; build it as the gateway would."""

    __slots__ = ()
    OPERATION: ClassVar[str]
    SERVICE: ClassVar[str]

    @classmethod
    def from_http(cls: type[T], status: int, content_type: Optional[str], body: Body) -> T:
        """Parses an HTTP response: ``200`` with the result envelope; a SOAP fault raises
        ``SoapFaultError``; anything else raises ``MalformedResponseError``. A KO is a value."""
        return cast(T, _core.parse_result(
            cls, _bytes(body), False, _status(status),
            _text(content_type, "content_type", optional=True)))

    @classmethod
    def from_envelope(cls: type[T], body: Body) -> T:
        """Parses a whole response envelope."""
        return cast(T, _core.parse_result(cls, _bytes(body), False))

    @classmethod
    def from_xml(cls: type[T], body: Body) -> T:
        """Parses an envelope, the Response or Result element, or the bare payload (what the
        docs show)."""
        return cast(T, _core.parse_result(cls, _bytes(body), True))

    def to_envelope(self, soap: SoapVersion = "1.1") -> bytes:
        """The response envelope (the gateway's side)."""
        return _core.result_envelope(self, _text(soap, "soap"))

    def to_http_response(self, soap: SoapVersion = "1.1") -> HttpResponse:
        """The HTTP response the gateway sends for this result (status 200)."""
        return _http_response(_core.result_http_response(self, _text(soap, "soap")))


# --- behaviour of some generated classes -----------------------------------------------------

O = TypeVar("O", bound="OutcomeMixin")


class OutcomeMixin:
    """The business outcome of a result: ``OK``, ``KO`` or ``XX`` with an error code."""

    __slots__ = ()

    @property
    def is_ok(self) -> bool:
        """``TransactionResult`` is ``OK``."""
        return bool(cast(Any, self).transaction_result == "OK")

    @property
    def is_ko(self) -> bool:
        """``TransactionResult`` is ``KO``: declined. To ship only on ``OK``, use
        :meth:`raise_for_ko`, which refuses ``XX`` and a missing result too."""
        return bool(cast(Any, self).transaction_result == "KO")

    @property
    def is_pending(self) -> bool:
        """``TransactionResult`` is ``XX``: pending (asynchronous methods; do not ship yet)."""
        return bool(cast(Any, self).transaction_result == "XX")

    @property
    def known_error_description(self) -> Optional[str]:
        """The English description of the error code from the documented table (the code of
        ``ErrorCode``, else of ``TransactionErrorCode``)."""
        return _core.known_error_description(cast(Any, self))

    def raise_for_ko(self: O) -> O:
        """The success check: returns ``self`` only when ``TransactionResult`` is ``OK``, the
        one answer an order may be shipped on. Otherwise it raises:

        * ``KO``: ``DeclinedError`` (code ``declined``);
        * ``XX``: ``PendingError`` (code ``pending``): the outcome is notified later;
        * missing or empty: ``MalformedResponseError`` with code ``no_result``;
        * any other value: ``MalformedResponseError`` with code ``unknown_result``.

        The rule is the core's ``Outcome::ensure_ok``, the same in every language."""
        _core.ensure_ok(cast(Any, self))
        return self


class S2SPayloadMixin:
    """Helpers of the ``GestPayS2S`` payload (derived by the core from the parsed value)."""

    __slots__ = ()

    def amazon_addresses(self) -> Optional[AmazonAddresses]:
        """Where to ship and whom to bill for an Amazon Pay transaction (from callReadTrxS2S);
        ``None`` when the result carries no ``OrderReferenceDetails``."""
        return cast("Optional[AmazonAddresses]", _core.amazon_addresses(cast(Any, self)))

    @property
    def token_value(self) -> Optional[Secret]:
        """The card token, whichever element carried it: ``TOKEN`` (callPagamS2S, attribute
        ``token``) or ``Token`` (CallRequestTokenS2S, attribute ``mixed_case_token``);
        ``TOKEN`` wins when both came. Send it back as ``tokenValue``."""
        token = _core.token_value(cast(Any, self))
        return None if token is None else Secret(token)


# What a result keeps beyond its known fields (unknown elements, attributes) may carry anything
# the gateway adds, a card number included: ``repr`` shows names only, never values (the values
# stay available as data: attributes, ``to_dict()``).


class UnknownElementMixin:
    """``repr`` of an element the library does not know: its name, its attributes' names, its
    children (likewise); its text is never shown."""

    __slots__ = ()

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

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={cast(Any, self).name!r}, value=<redacted>)"


class SoapFaultMixin:
    """Building and parsing SOAP faults (the gateway's side)."""

    __slots__ = ()

    def to_envelope(self, soap: Optional[SoapVersion] = None) -> bytes:
        """The fault envelope; in the fault's own version unless ``soap`` is given."""
        return _core.fault_envelope(cast(Any, self), _text(soap, "soap", optional=True))

    def to_http_response(self, soap: Optional[SoapVersion] = None) -> HttpResponse:
        """The HTTP response of the fault (status 500)."""
        return _http_response(_core.fault_http_response(
            cast(Any, self), _text(soap, "soap", optional=True)))

    @classmethod
    def from_envelope(cls, body: Body) -> SoapFault:
        """Parses the fault of an envelope (``MalformedResponseError`` when it holds none)."""
        return cast("SoapFault", _core.parse_fault(_bytes(body)))


def _pairs(mapping: Any) -> List[Tuple[str, str]]:
    """Every (key, value) of a query mapping, every value of repeated keys included."""
    if hasattr(mapping, "lists"):  # Django's QueryDict / MultiValueDict
        items: Iterable[Tuple[Any, Any]] = mapping.lists()
    elif hasattr(mapping, "multi_items"):  # Starlette's QueryParams
        items = mapping.multi_items()
    elif isinstance(mapping, collections.abc.Mapping):
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

    __slots__ = ()

    @classmethod
    def parse(cls, url_or_query: str) -> Callback:
        """Parses a full URL, a query string (with or without ``?``) or a path with a query.
        The query is form-decoded once, as ``request.GET`` decodes it (``b=A+B%2BC`` is
        ``"A B+C"``); ``a`` and ``b`` must each appear once, non-empty; a ``#fragment`` and
        other parameters are ignored."""
        return cast("Callback", _core.parse_callback(_text(url_or_query, "url_or_query")))

    @classmethod
    def from_mapping(cls, params: Any) -> Callback:
        """Builds the callback from decoded query parameters: a ``dict``, Django's
        ``request.GET`` (every value of a repeated key counts), Starlette's ``query_params``,
        or the output of ``urllib.parse.parse_qs``. The values are taken as they are, never
        decoded again (a ``+`` stays a ``+``)."""
        return cast("Callback", _core.callback_from_pairs(_pairs(params)))

    def to_query(self) -> str:
        """The query string the gateway sends (``a=…&b=…``), URL-encoded (``+`` as ``%2B``, a
        space as ``%20``): :meth:`parse` and every framework read it back exactly."""
        return _core.callback_query(self)


class DecryptMixin:
    """Building a Decrypt from a callback."""

    __slots__ = ()

    @classmethod
    def from_callback(cls, callback: Callback, *, api_key: Union[Secret, str, None] = None
                      ) -> Decrypt:
        """The Decrypt request of a callback: ``shopLogin`` = ``a``, ``CryptedString`` = ``b``."""
        from ._models import Callback, Decrypt

        if not isinstance(callback, Callback):
            raise InvalidRequestError(
                f"callback: expected a gestpay.Callback (Callback.from_mapping(request.GET)), "
                f"got {type(callback).__name__}", code="invalid_type", field="callback")

        return Decrypt(shop_login=callback.shop_login, crypted_string=callback.encrypted_string,
                       api_key=api_key)


class AddressMixin:
    """Helpers of the normalised ``Address``."""

    __slots__ = ()

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
        if not isinstance(value, Model):
            raise InvalidRequestError(f"no address can be read from a {type(value).__name__}",
                                      code="invalid_type", field=None)
        return cast("Address", _core.address_from(value))
