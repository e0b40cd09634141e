"""Clients that move the bytes: they send a request's HTTP description and parse the answer.

* :class:`Client` and :class:`AsyncClient`: on `httpx <https://www.python-httpx.org>`_
  (``pip install httpx``, or the extra ``gestpay[httpx]``), with connection pooling.
* :class:`UrllibClient`: the standard library only.

All three take ``env`` (``"test"``, ``"production"`` or a base URL), the SOAP version and a
timeout in seconds, and have one method, ``send(request) -> result``. A SOAP fault raises
``SoapFaultError``, an unusable answer ``MalformedResponseError``, a failed exchange
``TransportError`` (``code`` ``timeout`` or ``connection_error``); a ``KO`` is returned as a
value. Nothing is logged but, at DEBUG level on the ``gestpay`` logger, the operation, the URL,
the status and the body size: never a body, a header value or a secret.

A ``TransportError`` chains nothing (``__cause__`` and ``__context__`` are ``None``,
``__suppress_context__`` is true): the HTTP library's exception holds the request it was sending
(``httpx.TimeoutException.request.content``), whose body carries the API key and card data. The
message names the URL and the kind of failure (``ReadTimeout``, ``ConnectError`` …); the frames
of the traceback hold no request body either.

The sans-IO API (``request.to_http()``, ``Result.from_http()``) stays usable on its own with
any other HTTP stack.
"""

from __future__ import annotations

import logging
import socket
import ssl
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Any, Optional, TypeVar, Union

from ._base import Request, Result, SoapVersion
from ._http import HttpRequest
from .errors import InvalidRequestError, TransportError

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncClient", "Client", "UrllibClient"]

R = TypeVar("R", bound=Result)
log = logging.getLogger("gestpay")

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the gateway (connect, send, read) unless told otherwise."""


def _failure(http: HttpRequest, exc: BaseException, timeout: bool) -> TransportError:
    """The error of a failed exchange: the URL and the name of the exception's class, never
    the exception itself (raise it ``from None``, outside the ``except`` block)."""
    what = "timed out" if timeout else "failed"
    return TransportError(f"POST {http.url} {what} ({type(exc).__name__})",
                          code="timeout" if timeout else "connection_error", field=None)


def _http(request: Request[Any], env: str, soap: SoapVersion) -> HttpRequest:
    """The HTTP call of what ``send`` was given (a request object, else ``invalid_type``)."""
    if not isinstance(request, Request):
        raise InvalidRequestError(
            f"request: expected a request object (gestpay.Encrypt …), got {type(request).__name__}",
            code="invalid_type", field="request")
    return request.to_http(env, soap)


def _done(request: Request[Any], http: HttpRequest, status: int, body: bytes) -> None:
    log.debug("%s %s -> HTTP %d (%d bytes)", request.OPERATION, http.url, status, len(body))


def _import_httpx() -> Any:
    try:
        import httpx
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('gestpay.transport.Client needs httpx: pip install httpx '
                          "(or use UrllibClient)") from exc
    return httpx


class Client:
    """A synchronous client on httpx. Use it as a context manager, or call :meth:`close`."""

    def __init__(self, env: str = "test", *, soap: SoapVersion = "1.1",
                 timeout: Union[float, httpx.Timeout] = DEFAULT_TIMEOUT,
                 http_client: Optional[httpx.Client] = None) -> None:
        mod = _import_httpx()
        self.env = env
        self.soap: SoapVersion = soap
        self._own = http_client is None
        self._http: httpx.Client = http_client or mod.Client(timeout=timeout)
        self._timeout = timeout

    def send(self, request: Request[R]) -> R:
        """Sends the request and parses the result (a KO is a value)."""
        import httpx

        http = _http(request, self.env, self.soap)
        failure: Optional[TransportError] = None
        try:
            response = self._http.post(http.url, content=http.body, headers=list(http.headers),
                                       timeout=self._timeout)
        except httpx.TimeoutException as exc:
            failure = _failure(http, exc, True)
        except httpx.HTTPError as exc:
            failure = _failure(http, exc, False)
        if failure is not None:
            del http  # not in the traceback's frame either
            raise failure from None
        _done(request, http, response.status_code, response.content)
        return request.parse_response(response.status_code,
                                      response.headers.get("content-type"), response.content)

    def close(self) -> None:
        """Closes the connection pool (unless it was given by the caller)."""
        if self._own:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncClient:
    """An asynchronous client on httpx. Use it as an async context manager, or call
    :meth:`aclose`."""

    def __init__(self, env: str = "test", *, soap: SoapVersion = "1.1",
                 timeout: Union[float, httpx.Timeout] = DEFAULT_TIMEOUT,
                 http_client: Optional[httpx.AsyncClient] = None) -> None:
        mod = _import_httpx()
        self.env = env
        self.soap: SoapVersion = soap
        self._own = http_client is None
        self._http: httpx.AsyncClient = http_client or mod.AsyncClient(timeout=timeout)
        self._timeout = timeout

    async def send(self, request: Request[R]) -> R:
        """Sends the request and parses the result (a KO is a value)."""
        import httpx

        http = _http(request, self.env, self.soap)
        failure: Optional[TransportError] = None
        try:
            response = await self._http.post(http.url, content=http.body,
                                             headers=list(http.headers), timeout=self._timeout)
        except httpx.TimeoutException as exc:
            failure = _failure(http, exc, True)
        except httpx.HTTPError as exc:
            failure = _failure(http, exc, False)
        if failure is not None:
            del http  # not in the traceback's frame either
            raise failure from None
        _done(request, http, response.status_code, response.content)
        return request.parse_response(response.status_code,
                                      response.headers.get("content-type"), response.content)

    async def aclose(self) -> None:
        """Closes the connection pool (unless it was given by the caller)."""
        if self._own:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class UrllibClient:
    """A synchronous client on ``urllib.request``: no dependency, one connection per call."""

    def __init__(self, env: str = "test", *, soap: SoapVersion = "1.1",
                 timeout: float = DEFAULT_TIMEOUT,
                 ssl_context: Optional[ssl.SSLContext] = None) -> None:
        self.env = env
        self.soap: SoapVersion = soap
        self.timeout = timeout
        self._ssl = ssl_context

    def send(self, request: Request[R]) -> R:
        """Sends the request and parses the result (a KO is a value)."""
        http = _http(request, self.env, self.soap)
        call = urllib.request.Request(http.url, data=http.body, headers=dict(http.headers),
                                      method=http.method)
        failure: Optional[TransportError] = None
        try:
            with urllib.request.urlopen(call, timeout=self.timeout, context=self._ssl) as resp:
                status, content_type, body = resp.status, resp.headers.get("Content-Type"), \
                    resp.read()
        except urllib.error.HTTPError as exc:  # 500 with a SOAP fault, 502 …: still an answer
            try:
                status, content_type, body = exc.code, exc.headers.get("Content-Type"), exc.read()
            except (OSError, socket.timeout) as read_exc:
                failure = _failure(http, read_exc, isinstance(read_exc, socket.timeout))
            finally:
                exc.close()
        except urllib.error.URLError as exc:
            reason = exc.reason if isinstance(exc.reason, BaseException) else exc
            failure = _failure(http, reason, isinstance(reason, (socket.timeout, TimeoutError)))
        except (socket.timeout, TimeoutError) as exc:
            failure = _failure(http, exc, True)
        except OSError as exc:
            failure = _failure(http, exc, False)
        if failure is not None:
            del http, call  # not in the traceback's frame either
            raise failure from None
        _done(request, http, status, body)
        return request.parse_response(status, content_type, body)
