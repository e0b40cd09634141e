"""The exceptions of gestpay, split like the core's error enum by who is at fault.

* :class:`InvalidRequestError`: the caller asked for something the gateway would refuse (or
  passed a value of the wrong type); nothing was sent.
* :class:`MalformedResponseError`: the bytes that came back are not a well-formed answer to
  the operation that was called.
* :class:`SoapFaultError`: the gateway answered with a SOAP fault.
* :class:`DeclinedError`: a business ``KO``, only when asked for with ``raise_for_ko()``; a KO
  is otherwise a plain result.
* :class:`PendingError`: a ``XX`` (pending) result, only from ``raise_for_ko()``: neither paid
  nor declined, the outcome comes later.
* :class:`TransportError`: the HTTP exchange itself failed (connection, timeout); raised by the
  clients of :mod:`gestpay.transport` only.

``raise_for_ko()`` is the success check: it returns the result only when ``TransactionResult``
is ``OK``. ``KO`` raises :class:`DeclinedError` (code ``declined``), ``XX``
:class:`PendingError` (``pending``), a missing or empty ``TransactionResult``
:class:`MalformedResponseError` with code ``no_result``, any other value
:class:`MalformedResponseError` with code ``unknown_result`` (both with field
``TransactionResult``). The rule is the core's ``Outcome::ensure_ok``.

Every exception has a stable string :attr:`~GestpayError.code` (``missing_field``,
``too_long``, ``soap_fault`` …, see the core's ``ErrorCode``), the wire :attr:`~GestpayError.field`
it concerns when there is one, and a :attr:`~GestpayError.message`. No text ever contains the
value of a secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

if TYPE_CHECKING:
    from ._models import FaultCode, SoapFault, XmlElement

__all__ = [
    "DeclinedError",
    "GestpayError",
    "InvalidRequestError",
    "MalformedResponseError",
    "PendingError",
    "SoapFaultError",
    "TransportError",
]


class GestpayError(Exception):
    """Base class of every exception raised by gestpay.

    Codes added by the Python binding to the core's: ``invalid_type`` (a value of the wrong
    Python type, a ``str`` argument holding a lone surrogate such as ``"\\ud800"``, which is
    not Unicode text, or a dict without the message's shape), ``unknown_field`` (a dict key the
    message does not have), ``unknown_operation``, ``internal`` (a bug: a guarded panic),
    ``timeout`` and ``connection_error`` (transports).
    """

    code: str
    field: Optional[str]
    message: str

    def __init__(self, message: str, *, code: str, field: Optional[str] = None,
                 text: Optional[str] = None) -> None:
        super().__init__(text if text is not None else message)
        self.code = code
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: type[GestpayError], text: str, state: dict[str, Any]) -> GestpayError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, text)
    exc.__dict__.update(state)
    return exc


class InvalidRequestError(GestpayError):
    """The request is invalid (the caller's fault): nothing was sent."""


class MalformedResponseError(GestpayError):
    """The response is malformed or unexpected (the remote side's fault)."""


class SoapFaultError(GestpayError):
    """The gateway answered with a SOAP fault; :attr:`fault` holds it whole (the core's
    ``SoapFault``: code with its namespace, subcodes, reason and its language, actor/role,
    node, the detail as an element tree, the HTTP status); the properties give its fields."""

    fault: SoapFault

    def __init__(self, fault: SoapFault, *, text: Optional[str] = None) -> None:
        super().__init__(fault.reason, code="soap_fault", field=None,
                         text=text if text is not None else f"SOAP fault {fault.code}: {fault.reason}")
        self.fault = fault

    @property
    def fault_code(self) -> str:
        """``faultcode`` (1.1) or ``Code/Value`` (1.2) as written, e.g. ``soap:Client``."""
        return self.fault.code

    @property
    def code_namespace(self) -> Optional[str]:
        """The namespace URI of the code's prefix, where it was read."""
        return self.fault.code_namespace

    @property
    def code_local(self) -> str:
        """The local part of the code (``Client``)."""
        return self.fault.code_local

    @property
    def subcodes(self) -> tuple[FaultCode, ...]:
        """``Code/Subcode/Value``, … (1.2), outermost first."""
        return self.fault.subcodes

    @property
    def reason(self) -> str:
        """``faultstring`` (1.1) or the first ``Reason/Text`` (1.2)."""
        return self.fault.reason

    @property
    def reason_lang(self) -> Optional[str]:
        """The ``xml:lang`` of the reason."""
        return self.fault.reason_lang

    @property
    def actor(self) -> Optional[str]:
        """``faultactor`` (1.1) or ``Role`` (1.2)."""
        return self.fault.actor

    @property
    def node(self) -> Optional[str]:
        """``Node`` (1.2)."""
        return self.fault.node

    @property
    def detail(self) -> Optional[XmlElement]:
        """The ``detail`` / ``Detail`` element as a tree (name, namespace, attributes, text,
        children)."""
        return self.fault.detail

    @property
    def http_status(self) -> Optional[int]:
        """The HTTP status the fault came with (``None`` for a bare document)."""
        return self.fault.http_status


class _OutcomeError(GestpayError):
    """A result's outcome turned into an exception by ``raise_for_ko()`` (its text is the
    core's, which names the code and its description)."""

    _CODE: str
    _FIELD: str
    error_code: Optional[int]
    description: Optional[str]
    known_description: Optional[str]

    def __init__(self, error_code: Optional[int] = None, description: Optional[str] = None,
                 known_description: Optional[str] = None, *, text: Optional[str] = None) -> None:
        super().__init__(text or self._CODE, code=self._CODE, field=self._FIELD)
        self.error_code = error_code
        self.description = description
        self.known_description = known_description


class DeclinedError(_OutcomeError):
    """A business ``KO`` turned into an exception by ``raise_for_ko()``: code ``declined``,
    field ``ErrorCode``."""

    _CODE, _FIELD = "declined", "ErrorCode"


class PendingError(_OutcomeError):
    """A ``XX`` (pending) result turned into an exception by ``raise_for_ko()``: code
    ``pending``, field ``TransactionResult``.

    The payment is neither done nor refused: an asynchronous method (a bank transfer, some
    wallets) notifies its final outcome later, through the server-to-server callback. Do not
    ship, and do not offer to pay again: the buyer may still be charged. It is deliberately not
    a :class:`DeclinedError` (code that handles a decline by letting the buyer retry would
    charge twice) nor a :class:`MalformedResponseError` (the answer is well formed).
    """

    _CODE, _FIELD = "pending", "TransactionResult"


class TransportError(GestpayError):
    """The HTTP exchange failed: ``code`` is ``timeout`` or ``connection_error``; the message
    names the URL and the kind of failure.

    Nothing is chained (``__cause__`` and ``__context__`` are ``None``): the HTTP library's
    exception holds the request it was sending, whose body carries the API key and card data.
    """


def _from_core(kind: str, text: str, code: str, field: Optional[str], message: str,
               extra: Any) -> GestpayError:
    """Called by the native module to build the exception of a core error (``extra``: the
    ``SoapFault`` of a fault, the outcome of a decline)."""
    if kind == "soap_fault" and extra is not None:
        return SoapFaultError(extra, text=text)
    if kind in ("declined", "pending") and extra is not None:
        outcome = DeclinedError if kind == "declined" else PendingError
        return outcome(extra.get("errorCode"), extra.get("description"),
                       extra.get("knownDescription"), text=text)
    cls: type[GestpayError] = {
        "invalid_request": InvalidRequestError,
        "malformed_response": MalformedResponseError,
    }.get(kind, GestpayError)
    return cls(message, code=code, field=field, text=text)
