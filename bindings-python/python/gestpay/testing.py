"""Testing helpers for shops: the project's local gateway in your own test suite.

:class:`LocalGateway` runs ``gestpay sandbox`` (an emulator of the Axerve gateway: both web
services, the payment page with its Amazon Pay screens, the test scenarios; see the project's
``docs/emulator.md``) as a child process on a free loopback port, and plays the buyer on its
payment page over plain HTTP, so that a shop's CI runs the whole Amazon Pay flow without
credentials, a whitelisted IP or a browser. The binary comes with ``pip install gestpay-cli``
(or set ``GESTPAY_BIN``; see :func:`find_gateway_binary`).

With pytest, load the plugin in your ``conftest.py`` and use the session-scoped fixture
``gestpay_gateway`` (a started :class:`LocalGateway`, stopped at the end of the session); pass
its options by overriding ``gestpay_gateway_options``::

    # conftest.py
    import pytest

    pytest_plugins = ["gestpay.testing"]

    @pytest.fixture(scope="session")
    def gestpay_gateway_options():
        return {"api_key": "test-key", "shop_logins": ["GESPAY65987"],
                "merchant_url": "http://127.0.0.1:8000/gestpay/callback/"}

    # test_checkout.py
    import gestpay
    from gestpay.transport import UrllibClient

    def test_amazon_pay(gestpay_gateway):
        client = UrllibClient(gestpay_gateway.url)   # the gateway's URL is the environment
        started = client.send(gestpay.Encrypt(
            shop_login="GESPAY65987", uic_code="EUR", amount="49.90",
            shop_transaction_id="ORD-42", payment_types=["AMAZONPAY"],
            api_key="test-key")).raise_for_ko()
        page = gestpay.payment_page_url("GESPAY65987", started.crypt_decrypt_string or "",
                                        env=gestpay_gateway.url)
        # The buyer signs in to Amazon, picks the second address and the first card:
        back = gestpay_gateway.pay_with_amazon(page, address=1, card=0)
        assert back.startswith("http://127.0.0.1:8000/gestpay/callback/?a=GESPAY65987&b=")
        paid = client.send(gestpay.Decrypt.from_callback(
            gestpay.Callback.parse(back), api_key="test-key")).raise_for_ko()
        assert paid.shop_transaction_id == "ORD-42"

In a real shop, ``page`` is where your checkout view redirects to, and ``back`` is the URL to
hand to your callback view (Django's test client: ``client.get(back)``). The unhappy paths
come from the emulator's scenarios, chosen by the order itself: a ``shop_transaction_id``
starting with ``KO-`` (or an amount ending in ``.13``) is declined, ``XX-`` stays pending until
:meth:`LocalGateway.resolve_pending`, ``FAULT-`` gets a SOAP fault, ``SLOW-`` a late answer;
:meth:`LocalGateway.cancel` is the buyer giving up on the Amazon Pay screen (the card form has no
cancel), :meth:`LocalGateway.pay_with_card` the card form (the card ``4000000000000002`` is
declined).

Without pytest, :class:`LocalGateway` is a context manager::

    with LocalGateway(api_key="test-key") as gateway:
        ...  # gateway.url

The gateway's standard input is a pipe that only this process holds (``--stop-on-stdin-eof``):
when the test process ends, even killed with SIGKILL, the gateway ends too. The API key goes to
the gateway in its environment (``GESTPAY_SANDBOX_API_KEY``), never on its command line.

A missing binary is an error, not a skip: a shop's CI must not pass without having run its
payment tests. Errors are :class:`LocalGatewayError` (a :class:`gestpay.GestpayError`) with a
stable ``code``: ``gateway_not_found``, ``gateway_not_started``, ``gateway_stopped`` or
``unexpected_page``; an option or argument of the wrong type is a ``TypeError``, a bad value a
``ValueError``, both naming it. No message holds the API key or a card number.

This module needs only the standard library; the fixtures exist only when pytest can be
imported.
"""

from __future__ import annotations

import collections.abc
import http.client
import json
import math
import os
import queue
import shutil
import subprocess
import sys
import sysconfig
import threading
import weakref
from html.parser import HTMLParser
from typing import IO, Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union
from urllib.parse import quote, urlencode, urljoin, urlsplit

from .errors import GestpayError

__all__ = ["LocalGateway", "LocalGatewayError", "find_gateway_binary"]

_PathArg = Union[str, "os.PathLike[str]"]

_BINARY = "gestpay.exe" if os.name == "nt" else "gestpay"
_INSTALL_HINT = "pip install gestpay-cli (it puts the gestpay binary next to python), " \
                "or set GESTPAY_BIN to the binary's path"
_KEEP_STDERR = 4000
"""How much of what the gateway printed on stderr an error quotes (the last characters)."""
_API_KEY_ENV = "GESTPAY_SANDBOX_API_KEY"
"""The environment variable ``gestpay sandbox`` reads its API key from (not in ``ps``)."""


class LocalGatewayError(GestpayError):
    """The local gateway could not be found or started, or a page was not the expected one.

    A :class:`gestpay.GestpayError` (so ``except gestpay.GestpayError`` catches it too): the
    error model of the package, with a stable ``code`` and a ``message``; ``field`` is always
    ``None``. Codes: ``gateway_not_found`` (no ``gestpay`` binary: explicit path,
    ``GESTPAY_BIN``, the interpreter's scripts directory, ``PATH``), ``gateway_not_started``
    (the process failed or printed no URL in time; the message quotes its stderr; or
    :attr:`LocalGateway.url` was read while the gateway was not running), ``gateway_stopped``
    (a buyer method or :meth:`LocalGateway.resolve_pending` was called on a gateway that was
    never started, was stopped, or whose process has exited: nothing was sent, since another
    process may have taken its port), ``unexpected_page`` (a buyer step got an HTTP status or
    a page other than the expected screen, or the card form was to be cancelled; the message
    names the step, the URL and the status).
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message, code=code)


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _resolve(value: str) -> Optional[str]:
    """A path to an executable file, or a bare command name looked up on ``PATH``."""
    if _executable(value):
        return os.path.abspath(value)
    if os.sep not in value and (os.altsep is None or os.altsep not in value):
        return shutil.which(value)
    return None


# --- the arguments' checks ------------------------------------------------------------------

def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _text(value: object, name: str) -> str:
    """A ``str`` (``TypeError`` naming ``name`` otherwise) that UTF-8, a command line, an
    environment variable and a form can carry: no lone surrogate, no NUL (``ValueError``)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_kind(value)}")
    if "\0" in value:
        raise ValueError(f"{name} must not contain a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} is not Unicode text (it holds a lone surrogate)") from None
    return value


def _optional_text(value: object, name: str) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {_kind(value)}")
    return _text(value, name)


def _texts(value: object, name: str, *, one_str: bool) -> List[str]:
    """An iterable of ``str`` as a list (a lone ``str`` is one item when ``one_str``)."""
    if isinstance(value, str):
        if one_str:
            return [_text(value, name)]
        raise TypeError(f"{name} must be an iterable of str (a list), not a single str")
    if (not isinstance(value, collections.abc.Iterable)
            or isinstance(value, (bytes, bytearray, memoryview))):
        raise TypeError(f"{name} must be an iterable of str (a list), not {_kind(value)}")
    return [_text(item, f"{name}[{i}]") for i, item in enumerate(value)]


def _number(value: object, name: str, *, positive: bool = False) -> float:
    """An ``int`` or ``float`` (not a ``bool``), finite, ``>= 0`` (``> 0`` when
    ``positive``); the value as given."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds (int or float), not {_kind(value)}")
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    if not finite or value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be a finite number of seconds "
                         f"{'above' if positive else 'at least'} 0, not {repr(value)[:30]}")
    return value


def _index(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int (an index on the screen), not {_kind(value)}")
    if value < 0:
        raise ValueError(f"{name} must be an index at least 0, not {value}")
    return value


def _page_url(value: object, name: str = "payment_page_url") -> str:
    """An absolute http(s) URL with a host (``ValueError`` otherwise)."""
    url = _text(value, name)
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        raise ValueError(f"{name} must be an absolute http:// or https:// URL with a host, "
                         f"not {url[:200]!r}")
    return url


def _binary_arg(binary: object) -> Optional[str]:
    if binary is None:
        return None
    if not isinstance(binary, (str, os.PathLike)):
        raise TypeError(f"binary must be a str or a path (os.PathLike), not {_kind(binary)}")
    path = os.fspath(binary)
    if not isinstance(path, str):
        raise TypeError(f"binary must be a str or a path (os.PathLike) of str, not "
                        f"{_kind(path)}")
    return path


def find_gateway_binary(binary: Optional[_PathArg] = None) -> str:
    """The path of the ``gestpay`` binary that runs the local gateway.

    In this order: ``binary`` when given; else the environment variable ``GESTPAY_BIN``; else
    ``gestpay`` in the scripts directory of the running interpreter
    (``sysconfig.get_path("scripts")``, where ``pip install gestpay-cli`` puts it, in a
    virtual environment too); else ``gestpay`` on ``PATH``. An explicit value (argument or
    ``GESTPAY_BIN``) is a path, or a bare command name looked up on ``PATH``; it is not
    replaced by the later places when it does not exist. Raises :class:`LocalGatewayError`
    with code ``gateway_not_found`` otherwise (``TypeError`` when ``binary`` is neither a
    ``str`` nor a path).
    """
    explicit = _binary_arg(binary)
    source = "binary argument"
    if not explicit:
        explicit = os.environ.get("GESTPAY_BIN") or None
        source = "GESTPAY_BIN"
    if explicit:
        found = _resolve(explicit)
        if found is None:
            raise LocalGatewayError(
                f"the gestpay binary was not found: {explicit!r} ({source}) is not an "
                f"executable file; {_INSTALL_HINT}", code="gateway_not_found")
        return found
    scripts = sysconfig.get_path("scripts")
    if scripts:
        candidate = os.path.join(scripts, _BINARY)
        if _executable(candidate):
            return candidate
    found = shutil.which(_BINARY)
    if found is not None:
        return found
    raise LocalGatewayError(
        f"the gestpay binary was not found (GESTPAY_BIN is not set, and there is no "
        f"{_BINARY} in {scripts or 'the scripts directory'} nor on PATH); {_INSTALL_HINT}",
        code="gateway_not_found")


# --- the child process ----------------------------------------------------------------------

def _terminate(proc: "subprocess.Popen[bytes]", timeout: float) -> None:
    """Stops the process: closes its standard input (``--stop-on-stdin-eof``: it exits by
    itself), then SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if proc.stdin is not None:
        try:
            proc.stdin.close()
        except (OSError, ValueError):  # a broken pipe: the process is gone
            pass
    if proc.poll() is None:
        try:
            proc.terminate()
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        except OSError:  # already gone
            pass


class _Output:
    """Reads the child's stdout (first line → the URL) and stderr (kept for the errors of
    ``start``, then forwarded to ``sys.stderr``, so that a test runner shows it) in
    background threads, so that the child never blocks on a full pipe."""

    def __init__(self, proc: "subprocess.Popen[bytes]", redact: Tuple[str, ...]) -> None:
        self.first_line: "queue.Queue[Optional[bytes]]" = queue.Queue()
        self.forward = False
        self._redact = redact
        self._stderr: List[str] = []
        self._lock = threading.Lock()
        assert proc.stdout is not None and proc.stderr is not None
        self._threads = [
            threading.Thread(target=self._read_stdout, args=(proc.stdout,), daemon=True,
                             name="gestpay-gateway-stdout"),
            threading.Thread(target=self._read_stderr, args=(proc.stderr,), daemon=True,
                             name="gestpay-gateway-stderr"),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self, stream: IO[bytes]) -> None:
        try:
            self.first_line.put(stream.readline() or None)
            for _ in stream:  # the rest of the banner: not needed
                pass
        except (OSError, ValueError):
            self.first_line.put(None)

    def _read_stderr(self, stream: IO[bytes]) -> None:
        try:
            for raw in stream:
                line = self.redacted(raw.decode("utf-8", "replace"))
                with self._lock:
                    forward = self.forward
                    if not forward:
                        self._stderr.append(line)
                if forward:
                    try:
                        sys.stderr.write(line)
                    except (OSError, ValueError, AttributeError):
                        pass
        except (OSError, ValueError):
            pass

    def redacted(self, text: str) -> str:
        for secret in self._redact:
            text = text.replace(secret, "***")
        return text

    def stderr(self, wait: float) -> str:
        """What stderr held so far (after waiting up to ``wait`` s for its end)."""
        self._threads[1].join(wait)
        with self._lock:
            text = "".join(self._stderr)
        return text[-_KEEP_STDERR:].strip()

    def start_forwarding(self) -> None:
        with self._lock:
            self.forward = True
            pending, self._stderr = self._stderr, []
        for line in pending:
            sys.stderr.write(line)

    def join(self, timeout: float) -> bool:
        """Waits for both pipes to end; whether they did (then they may be closed)."""
        for thread in self._threads:
            thread.join(timeout)
        return not any(thread.is_alive() for thread in self._threads)


# --- the buyer's pages ----------------------------------------------------------------------

class _Form:
    def __init__(self, action: str) -> None:
        self.action = action
        self.fields: Dict[str, str] = {}
        self.choices: Dict[str, List[str]] = {}


class _Page(HTMLParser):
    """The forms of an HTML page (action, fields with their values, radio choices), its
    heading and error paragraph: what a buyer sees and submits."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: List[_Form] = []
        self.heading = ""
        self.error = ""
        self._in: Optional[str] = None
        self._form: Optional[_Form] = None
        try:
            self.feed(text)
            self.close()
        except Exception:  # noqa: BLE001 - an unreadable page is just one without forms
            pass

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = _Form(a.get("action", ""))
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and a.get("name"):
            name, kind = a["name"], a.get("type", "text").lower()
            if kind == "radio":
                self._form.choices.setdefault(name, []).append(a.get("value", ""))
                if "checked" in a or name not in self._form.fields:
                    self._form.fields[name] = a.get("value", "")
            else:
                self._form.fields[name] = a.get("value", "")
        elif tag == "h1":
            self._in = "heading"
        elif tag == "p" and "error" in a.get("class", "").split():
            self._in = "error"

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag in ("h1", "p"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "heading":
            self.heading += data
        elif self._in == "error":
            self.error += data

    def form(self, action_suffix: str) -> Optional[_Form]:
        for form in self.forms:
            if urlsplit(form.action).path.lower().endswith(action_suffix):
                return form
        return None

    def describe(self) -> str:
        said = " ".join(part.strip() for part in (self.heading, self.error) if part.strip())
        return f" (the page says: {said[:200]!r})" if said else ""


_Answer = Tuple[int, Optional[str], str]
"""status, Location header, body text."""

_REDIRECTS = (301, 302, 303, 307, 308)


class LocalGateway:
    """``gestpay sandbox --port 0`` as a child process, and a buyer on its payment page.

    The keyword options map to the sandbox's flags (``docs/emulator.md``): ``api_key``
    (``--api-key``, passed in the environment variable ``GESTPAY_SANDBOX_API_KEY`` rather than
    on the command line, which any user's ``ps`` shows: every call must carry it; when it is
    ``None``, that variable is removed from the gateway's environment), ``shop_logins``
    (``--shop-login``, repeated; a ``str`` is one login), ``merchant_url``, ``success_url``,
    ``failure_url`` (where the buyer goes back with ``a`` and ``b``), ``notify_url`` (the
    server-to-server URL), ``separate_settlement``, ``amazon_order_state``, ``slow_seconds``
    (the delay of a ``SLOW-`` order), ``host`` and ``extra_args`` (a list, appended as it is,
    e.g. ``["--allowed-ip", "127.0.0.1"]``). The port is always a free one, and the gateway
    runs with ``--stop-on-stdin-eof`` on a standard input only this process holds: it ends
    when this process does, even killed. ``binary`` is passed to :func:`find_gateway_binary`
    when the gateway is started. ``start_timeout`` is how long to wait for the gateway's URL,
    ``stop_timeout`` how long it may take to exit before it is killed, ``timeout`` the buyer's
    HTTP timeout (seconds).

    The options are checked when the object is made: a string option must be a ``str``,
    ``shop_logins`` and ``extra_args`` iterables of ``str``, ``separate_settlement`` a
    ``bool``, the numbers ``int`` or ``float`` (not ``bool``); ``TypeError`` naming the option
    otherwise, and ``ValueError`` for a negative or infinite number (``start_timeout`` and
    ``timeout`` must be above 0), an empty ``api_key``, or a string with a NUL or a lone
    surrogate.
    """

    def __init__(self, *, binary: Optional[_PathArg] = None, api_key: Optional[str] = None,
                 shop_logins: Iterable[str] = (), merchant_url: Optional[str] = None,
                 success_url: Optional[str] = None, failure_url: Optional[str] = None,
                 notify_url: Optional[str] = None, separate_settlement: bool = False,
                 amazon_order_state: Optional[str] = None,
                 slow_seconds: Optional[float] = None, host: str = "127.0.0.1",
                 extra_args: Iterable[str] = (), start_timeout: float = 30.0,
                 stop_timeout: float = 5.0, timeout: float = 10.0) -> None:
        binary_path = _binary_arg(binary)
        if binary_path is not None:
            _text(binary_path, "binary")
        api_key = _optional_text(api_key, "api_key")
        if api_key == "":
            # The environment cannot tell an empty key from none (clap reads it as absent).
            raise ValueError("api_key must not be empty (None: no key required)")
        flags: List[str] = [f"--host={_text(host, 'host')}"]
        for name, flag, value in (
                ("merchant_url", "--merchant-url", merchant_url),
                ("success_url", "--success-url", success_url),
                ("failure_url", "--failure-url", failure_url),
                ("notify_url", "--notify-url", notify_url),
                ("amazon_order_state", "--amazon-order-state", amazon_order_state)):
            if _optional_text(value, name) is not None:
                flags.append(f"{flag}={value}")  # `=`: a value may start with "-"
        flags += [f"--shop-login={login}"
                  for login in _texts(shop_logins, "shop_logins", one_str=True)]
        if not isinstance(separate_settlement, bool):
            raise TypeError(f"separate_settlement must be a bool, not "
                            f"{_kind(separate_settlement)}")
        if separate_settlement:
            flags.append("--separate-settlement")
        if slow_seconds is not None:
            flags.append(f"--slow-seconds={float(_number(slow_seconds, 'slow_seconds'))}")
        flags += _texts(extra_args, "extra_args", one_str=False)
        self._binary = binary
        self._api_key = api_key
        self._flags = flags
        self.start_timeout = _number(start_timeout, "start_timeout", positive=True)
        self.stop_timeout = _number(stop_timeout, "stop_timeout")
        self.timeout = _number(timeout, "timeout", positive=True)
        self._url: Optional[str] = None
        self._proc: Optional["subprocess.Popen[bytes]"] = None
        self._output: Optional[_Output] = None
        self._finalizer: Optional[Callable[[], object]] = None
        self._was_started = False

    # --- life cycle -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether the gateway's process has been started and is still alive."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> Optional[int]:
        """The gateway's process id while it runs, else ``None``."""
        proc = self._proc
        return proc.pid if proc is not None and self._url is not None and self.running else None

    @property
    def url(self) -> str:
        """The gateway's base URL (``http://127.0.0.1:PORT``): what a shop passes as ``env``
        (``UrllibClient(url)``, ``payment_page_url(..., env=url)``). Raises
        ``gateway_not_started`` before :meth:`start` and after :meth:`stop`."""
        if self._url is None:
            raise LocalGatewayError("the local gateway is not started (call start(), or use "
                                    "it as a context manager)", code="gateway_not_started")
        return self._url

    def start(self) -> LocalGateway:
        """Starts the gateway (if it is not running yet) and waits for its URL; returns
        ``self``. Raises ``gateway_not_found`` or ``gateway_not_started`` (the process exited or
        printed no URL within ``start_timeout`` seconds: it is stopped, and the message quotes
        what it wrote on stderr)."""
        if self.running:
            return self
        self.stop()
        binary = find_gateway_binary(self._binary)
        redact = tuple(s for s in (self._api_key,) if s)
        env = dict(os.environ)
        if self._api_key is not None:
            env[_API_KEY_ENV] = self._api_key
        else:
            env.pop(_API_KEY_ENV, None)  # an inherited key would be required by surprise
        try:
            # stdin: a pipe nobody writes to, held open by this process only (the write end is
            # not inheritable): the gateway exits when it is closed, by stop() or by this
            # process's end, however it ends.
            proc = subprocess.Popen(
                [binary, "sandbox", "--port", "0", "--stop-on-stdin-eof", *self._flags],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=env)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else None
            raise LocalGatewayError(
                f"the local gateway {binary} could not be run: {type(exc).__name__} "
                f"({reason or 'no reason given'})", code="gateway_not_started") from None
        self._proc = proc
        self._finalizer = weakref.finalize(self, _terminate, proc, self.stop_timeout)
        self._output = output = _Output(proc, redact)
        timed_out = False
        try:
            first = output.first_line.get(timeout=self.start_timeout)
        except queue.Empty:
            first, timed_out = None, True
        line = first.decode("utf-8", "replace").strip() if first else ""
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in line:
            self.stop()
            if line:
                why = f"it printed {output.redacted(line)[:200]!r} instead of its URL"
            elif timed_out:
                why = f"it printed no URL within {self.start_timeout:g} s"
            else:
                why = f"it exited with status {proc.returncode} before printing its URL"
            said = output.stderr(wait=2.0)
            raise LocalGatewayError(
                f"the local gateway ({binary} sandbox) did not start: {why}"
                + (f"; its stderr: {said}" if said else "; nothing on stderr"),
                code="gateway_not_started")
        self._url = line.rstrip("/")
        self._was_started = True
        output.start_forwarding()
        return self

    def stop(self) -> None:
        """Stops the gateway: closes its standard input (it exits by itself), terminates it,
        waits ``stop_timeout`` seconds, then kills it. Does nothing when it is not running;
        may be called any number of times."""
        if self._finalizer is not None:
            self._finalizer()  # runs _terminate once
        # A pipe is closed only once its reader is done (closing it under a blocked reader
        # would wait for it: a grandchild may still hold the pipe open).
        done = self._output.join(1.0) if self._output is not None else True
        proc = self._proc
        if proc is not None and done:
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    try:
                        stream.close()
                    except (OSError, ValueError):
                        pass
        self._proc = None
        self._output = None
        self._finalizer = None
        self._url = None

    def __enter__(self) -> LocalGateway:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        if self._url is not None:
            proc = self._proc
            code = proc.poll() if proc is not None else None
            where = f"url={self._url!r}" + (f", exited with status {code}"
                                            if code is not None else "")
        else:
            where = "stopped" if self._was_started else "not started"
        binary = f", binary={os.fspath(self._binary)!r}" if self._binary is not None else ""
        return f"<LocalGateway {where}{binary}>"

    # --- the buyer --------------------------------------------------------------------------

    def _require_running(self, step: str) -> None:
        """Raises ``gateway_stopped`` unless the gateway runs: nothing is sent to a port that
        another process may have taken since."""
        if self._url is None:
            state = ("stopped (stop() was called)" if self._was_started
                     else "not started (call start(), or use it as a context manager)")
            raise LocalGatewayError(f"{step}: the local gateway is {state}",
                                    code="gateway_stopped")
        proc = self._proc
        code = proc.poll() if proc is not None else None
        if proc is None or code is not None:
            raise LocalGatewayError(f"{step}: the local gateway's process has exited "
                                    f"(status {code}); start() it again",
                                    code="gateway_stopped")

    def _request(self, step: str, method: str, url: str,
                 form: Optional[Mapping[str, str]] = None) -> _Answer:
        """One HTTP exchange (no redirect followed, no proxy). Raises ``unexpected_page`` when
        there is no answer, or when a URL the gateway gave is not http(s); the error never
        holds the form's values."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LocalGatewayError(f"{step}: {url!r} is not an http(s) URL",
                                    code="unexpected_page")
        conn_cls = http.client.HTTPSConnection if parts.scheme == "https" \
            else http.client.HTTPConnection
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        body = urlencode(form).encode() if form is not None else None
        headers = {"Accept": "text/html"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        failure: Optional[str] = None
        try:
            conn = conn_cls(parts.hostname, parts.port, timeout=self.timeout)
            try:
                conn.request(method, target, body=body, headers=headers)
                resp = conn.getresponse()
                text = resp.read().decode("utf-8", "replace")
                return resp.status, resp.getheader("Location"), text
            finally:
                conn.close()
        except (OSError, http.client.HTTPException, ValueError) as exc:
            failure = type(exc).__name__
        raise LocalGatewayError(f"{step}: {method} {url} got no answer ({failure})",
                                code="unexpected_page")

    def _screen(self, step: str, method: str, url: str, action: str, expected: str,
                form: Optional[Mapping[str, str]] = None) -> Tuple[str, _Form]:
        """Gets or submits a page and checks that it is the screen with a form posting to
        ``action``; returns the form's absolute URL and the form."""
        status, _, text = self._request(step, method, url, form)
        page = _Page(text)
        found = page.form(action) if status == 200 else None
        if found is None:
            raise LocalGatewayError(
                f"{step}: {method} {url} answered HTTP {status}, not {expected}"
                f"{page.describe()}", code="unexpected_page")
        return urljoin(url, found.action), found

    def _back_to_shop(self, step: str, url: str, form: Mapping[str, str]) -> str:
        """Submits the last form and returns where the gateway sends the buyer (absolute)."""
        status, location, text = self._request(step, "POST", url, form)
        if status not in _REDIRECTS or not location:
            raise LocalGatewayError(
                f"{step}: POST {url} answered HTTP {status}, not a redirect to the shop"
                f"{_Page(text).describe()}", code="unexpected_page")
        return urljoin(url, location)

    @staticmethod
    def _choose(form: _Form, name: str, index: int, what: str) -> str:
        offered = form.choices.get(name, [])
        value = str(index)
        if value not in offered:
            raise ValueError(f"{what} {index} is not offered: the screen offers "
                             f"{', '.join(offered) or 'none'}")
        return value

    def pay_with_amazon(self, payment_page_url: str, *, email: Optional[str] = None,
                        address: int = 0, card: int = 0) -> str:
        """Plays the buyer on the Amazon Pay screens of the payment page: opens it, signs in
        (as ``email``, else the emulated account's), chooses the shipping address and the
        wallet card by their index on the screens, pays. Returns the URL the gateway sends
        the buyer back to: the shop's response URL with ``a`` and ``b`` (Decrypt ``b``).
        Raises ``gateway_stopped`` when the gateway does not run, ``unexpected_page`` when a
        step gets another status or screen (a payment page for cards only, an unknown or used
        ``b``), ``TypeError`` for an argument of the wrong type, ``ValueError`` for a page URL
        that is not http(s) or an index the screen does not offer."""
        url = _page_url(payment_page_url)
        email = _optional_text(email, "email")
        address = _index(address, "address")
        card = _index(card, "card")
        self._require_running("pay with Amazon Pay")
        signin, form = self._screen("open the payment page", "GET", url,
                                    "/amazonpay/signin", "the Amazon Pay sign-in screen")
        fields = dict(form.fields)
        if email is not None:
            fields["email"] = email
        chosen, form = self._screen("sign in to Amazon Pay", "POST", signin,
                                    "/amazonpay/address", "the shipping address screen",
                                    fields)
        fields = dict(form.fields)
        fields["address"] = self._choose(form, "address", address, "address")
        pay, form = self._screen("choose the shipping address", "POST", chosen,
                                 "/amazonpay/pay", "the payment method screen", fields)
        fields = dict(form.fields)
        fields["card"] = self._choose(form, "card", card, "card")
        return self._back_to_shop("pay with Amazon Pay", pay, fields)

    def pay_with_card(self, payment_page_url: str, *,
                      card_number: str = "4111111111111111") -> str:
        """Plays the buyer on the card form of the payment page (a payment without
        ``AMAZONPAY``): enters ``card_number`` (a ``str``) and pays (``4000000000000002`` is
        declined). Returns the URL the gateway sends the buyer back to, with ``a`` and ``b``.
        Raises as :meth:`pay_with_amazon` does."""
        url = _page_url(payment_page_url)
        card_number = _text(card_number, "card_number")  # its errors never quote the value
        self._require_running("pay by card")
        pay, form = self._screen("open the payment page", "GET", url,
                                 "/card/pay", "the card form")
        fields = dict(form.fields)
        fields["card"] = card_number
        return self._back_to_shop("pay by card", pay, fields)

    def cancel(self, payment_page_url: str) -> str:
        """Plays the buyer who gives up ("Cancel and return to the shop", on the Amazon Pay
        sign-in screen or the card form): the payment is ``KO`` with error 1143 (abandoned).
        Returns the URL the gateway sends the buyer back to (the failure URL), with ``a`` and
        ``b``. Raises as :meth:`pay_with_amazon` does otherwise."""
        url = _page_url(payment_page_url)
        step = "cancel the payment"
        self._require_running(step)
        status, _, text = self._request("open the payment page", "GET", url)
        page = _Page(text)
        found = None
        if status == 200:
            found = page.form("/amazonpay/cancel") or page.form("/card/cancel")
        if found is None:
            raise LocalGatewayError(
                f"open the payment page: GET {url} answered HTTP {status}, not a payment page "
                f"with a cancel{page.describe()}", code="unexpected_page")
        return self._back_to_shop(step, urljoin(url, found.action), dict(found.fields))

    def resolve_pending(self, bank_transaction_id: str, *, result: str = "OK",
                        error_code: Optional[int] = None) -> Dict[str, Any]:
        """Gives a pending (``XX``) payment its outcome, as the bank eventually does (the
        emulator's ``POST /emulator/transactions/{id}/resolve``): ``result`` ``"OK"`` or
        ``"KO"`` (with ``error_code``, an ``int``, 74 by default). Decrypt (of the old ``b``
        too) and callReadTrxS2S report it from then on, and the notification URL is called.
        Returns the gateway's JSON answer: ``{"bankTransactionId", "transactionResult", "b"}``.
        Raises ``gateway_stopped`` when the gateway does not run, ``unexpected_page`` for an
        unknown transaction (404), one that is not pending (409) or an error code the gateway
        does not know (400); ``TypeError`` for an argument of the wrong type, ``ValueError``
        for an empty ``bank_transaction_id``, a ``result`` other than ``"OK"`` or ``"KO"``, a
        negative ``error_code`` or one with ``"OK"``."""
        bank_id = _text(bank_transaction_id, "bank_transaction_id")
        if not bank_id:
            raise ValueError("bank_transaction_id must not be empty")
        result = _text(result, "result")
        if result not in ("OK", "KO"):
            raise ValueError(f"result must be 'OK' or 'KO', not {result[:20]!r}")
        form = {"result": result}
        if error_code is not None:
            if isinstance(error_code, bool) or not isinstance(error_code, int):
                raise TypeError(f"error_code must be an int or None, not {_kind(error_code)}")
            if error_code < 0:
                raise ValueError(f"error_code must be at least 0, not {error_code}")
            if result != "KO":
                raise ValueError("error_code must be None unless result is 'KO'")
            form["errorCode"] = str(error_code)
        step = f"resolve the pending payment {bank_id}"
        self._require_running(step)
        url = f"{self.url}/emulator/transactions/{quote(bank_id, safe='')}/resolve"
        status, _, text = self._request(step, "POST", url, form)
        answer: Any = None
        if status == 200:
            try:
                answer = json.loads(text)
            except ValueError:
                pass
        if not isinstance(answer, dict):
            said = " ".join(text.split())[:200]
            raise LocalGatewayError(f"{step}: POST {url} answered HTTP {status}"
                                    + (f" ({said!r})" if said else ""),
                                    code="unexpected_page")
        return answer


# --- pytest ---------------------------------------------------------------------------------

try:
    import pytest
except ImportError:  # pragma: no cover - the helpers work without pytest
    _HAVE_PYTEST = False
else:
    _HAVE_PYTEST = True

if _HAVE_PYTEST:
    @pytest.fixture(scope="session")
    def gestpay_gateway_options() -> Dict[str, Any]:
        """The keyword options of the session's :class:`LocalGateway`: none. Override this
        fixture (session-scoped) in your ``conftest.py`` to pass some."""
        return {}

    @pytest.fixture(scope="session")
    def gestpay_gateway(gestpay_gateway_options: Mapping[str, Any]) -> Iterator[LocalGateway]:
        """A started :class:`LocalGateway` for the whole session, stopped at its end."""
        with LocalGateway(**gestpay_gateway_options) as gateway:
            yield gateway
