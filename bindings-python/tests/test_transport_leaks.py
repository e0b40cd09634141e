"""A failed exchange leaks no request body: after a timeout (or a refused connection) of any of
the three clients, the ``TransportError`` chains nothing (``__cause__`` and ``__context__`` are
``None``, ``__suppress_context__`` is true), and neither its ``args``, its attributes, the
objects they reach, nor the transport's frames in its traceback hold the SOAP body, the API key
or the card data. (httpx's ``TimeoutException.request.content`` is the whole body.)

The server is a loopback socket that reads the request and never answers."""

from __future__ import annotations

import asyncio
import gc
import socket
import threading
import types
import urllib.request
from typing import Any, Callable, Iterator, List

import httpx
import pytest

import gestpay
from gestpay.transport import AsyncClient, Client, UrllibClient

API_KEY = "APIKEY-leak-canary-7f3a"
CARD = "4111111111111111"
CVV = "987"
CANARIES = (API_KEY, CARD, "<cvv>987</cvv>")


def _payment() -> gestpay.CallPagamS2S:
    return gestpay.CallPagamS2S(shop_login="GESPAY65987", uic_code="242", amount="10.00",
                                shop_transaction_id="ORD-leak", card_number=CARD,
                                expiry_month="12", expiry_year="30", cvv=CVV, api_key=API_KEY)


class SilentServer:
    """Accepts connections on a loopback port, reads what comes, never answers."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._conns: List[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def _serve(self) -> None:
        self._sock.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            conn.settimeout(0.05)
            self._conns.append(conn)
            for c in list(self._conns):
                try:
                    c.recv(65536)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for c in self._conns:
            c.close()
        self._sock.close()


@pytest.fixture()
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def _closed_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# --- what an exception reaches -----------------------------------------------------------------

SKIP = (types.FrameType, types.TracebackType, types.ModuleType, type, types.FunctionType,
        types.CodeType, types.BuiltinFunctionType, types.MethodType)


def _leaks(obj: object) -> bytes | str | None:
    """A str or bytes holding a canary, if one is among the objects reachable from ``obj``
    (frames, tracebacks, modules, classes and functions are not followed)."""
    seen: set[int] = set()
    todo: List[object] = [obj]
    while todo and len(seen) < 200_000:
        item = todo.pop()
        if id(item) in seen or isinstance(item, SKIP):
            continue
        seen.add(id(item))
        if isinstance(item, (bytes, bytearray, memoryview)):
            data = bytes(item)
            if any(c.encode() in data for c in CANARIES):
                return data
            continue
        if isinstance(item, str):
            if any(c in item for c in CANARIES):
                return item
            continue
        if isinstance(item, BaseException):
            todo.extend([item.__cause__, item.__context__, item.args, vars(item),
                         getattr(item, "__notes__", None)])
        if isinstance(item, (httpx.Request, urllib.request.Request, gestpay.HttpRequest)):
            return f"a {type(item).__name__}"
        todo.extend(gc.get_referents(item))
    return None


def _check(err: gestpay.TransportError, code: str) -> None:
    assert err.code == code, err
    assert err.__cause__ is None
    assert err.__context__ is None
    assert err.__suppress_context__ is True
    assert all(c not in str(err) and c not in repr(err) for c in CANARIES)
    assert err.field is None and err.message.startswith("POST http://127.0.0.1:")
    leak = _leaks(err)
    assert leak is None, f"reachable from the error: {leak!r:.200}"
    # Neither do the transport's own frames of the traceback hold the HTTP request.
    tb = err.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_filename.endswith("transport.py"):
            for name, value in frame.f_locals.items():
                assert not isinstance(value, (gestpay.HttpRequest, urllib.request.Request,
                                              httpx.Request, bytes)), name
        tb = tb.tb_next


SyncMaker = Callable[[str, float], Any]
MAKERS: List[Any] = [
    pytest.param(lambda env, t: Client(env, timeout=t), id="httpx"),
    pytest.param(lambda env, t: UrllibClient(env, timeout=t), id="urllib"),
]


def _close(client: Any) -> None:
    if isinstance(client, Client):
        client.close()


@pytest.mark.parametrize("make", MAKERS)
def test_a_timeout_leaks_no_body(silent: SilentServer, make: SyncMaker) -> None:
    client = make(silent.base_url, 0.3)
    try:
        with pytest.raises(gestpay.TransportError) as info:
            client.send(_payment())
    finally:
        _close(client)
    _check(info.value, "timeout")
    assert "timed out" in str(info.value)


@pytest.mark.parametrize("make", MAKERS)
def test_a_refused_connection_leaks_no_body(make: SyncMaker) -> None:
    client = make(_closed_url(), 2.0)
    try:
        with pytest.raises(gestpay.TransportError) as info:
            client.send(_payment())
    finally:
        _close(client)
    _check(info.value, "connection_error")


def test_the_async_client_leaks_no_body(silent: SilentServer) -> None:
    async def run(env: str, timeout: float) -> gestpay.TransportError:
        async with AsyncClient(env, timeout=timeout) as client:
            try:
                await client.send(_payment())
            except gestpay.TransportError as err:
                return err
        raise AssertionError("no TransportError")

    _check(asyncio.run(run(silent.base_url, 0.3)), "timeout")
    _check(asyncio.run(run(_closed_url(), 2.0)), "connection_error")


def test_the_canaries_are_in_the_body() -> None:
    """The check above looks for what the body really holds."""
    body = _payment().to_http("test").body
    assert all(c.encode() in body for c in CANARIES)
    request = httpx.Request("POST", "http://x/", content=body)
    assert _leaks(httpx.ReadTimeout("timed out", request=request)) is not None
    try:
        try:
            raise httpx.ReadTimeout("timed out", request=request)
        except httpx.ReadTimeout as exc:
            raise gestpay.TransportError("x", code="timeout") from exc
    except gestpay.TransportError as chained:
        assert _leaks(chained) is not None
