"""``gestpay.testing``: the local gateway as a child process (start, stop, URL, errors, no orphan
when the test process is killed, the API key kept off the command line), the checks of the
options and arguments, the buyer on its payment page (Amazon Pay, card form, cancel), pending
payments resolved, and the pytest plugin, against the real ``gestpay sandbox`` binary (skipped
when there is none)."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Type

import pytest

import gestpay
from gestpay.testing import LocalGateway, LocalGatewayError, find_gateway_binary
from gestpay.transport import UrllibClient

pytest_plugins = ["pytester"]

SHOP = "GESPAY65987"
KEY = "testing-api-key-7f3a9c"
OK_URL = "https://shop.example/paid"
KO_URL = "https://shop.example/failed"
CARD = "4111111111111111"


def _binary() -> str:
    try:
        return find_gateway_binary()
    except LocalGatewayError as err:
        pytest.skip(f"the gestpay CLI is not built (cargo build -p gestpay-cli): {err}")


@pytest.fixture(scope="module")
def gw() -> Iterator[LocalGateway]:
    _binary()
    with LocalGateway(api_key=KEY, shop_logins=[SHOP], success_url=OK_URL,
                      failure_url=KO_URL) as gateway:
        yield gateway


@pytest.fixture(scope="module")
def client(gw: LocalGateway) -> UrllibClient:
    return UrllibClient(gw.url, timeout=10)


def _page(gw: LocalGateway, client: UrllibClient, order: str, *, amount: str = "49.90",
          amazon: bool = True) -> str:
    """Encrypt (Amazon Pay or any method), and the payment page to send the buyer to."""
    encrypt = gestpay.Encrypt(shop_login=SHOP, uic_code="EUR", amount=amount,
                              shop_transaction_id=order, api_key=KEY,
                              payment_types=["AMAZONPAY"] if amazon else None)
    encrypted = client.send(encrypt).raise_for_ko().crypt_decrypt_string
    assert encrypted
    return gestpay.payment_page_url(SHOP, encrypted, env=gw.url)


def _decrypt(client: UrllibClient, back: str) -> gestpay.DecryptResult:
    return client.send(gestpay.Decrypt.from_callback(gestpay.Callback.parse(back), api_key=KEY))


def _script(tmp_path: Path, body: str) -> str:
    """An executable shell script standing in for the binary."""
    path = tmp_path / "fake-gestpay"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


# --- life cycle -----------------------------------------------------------------------------

def test_start_url_stop() -> None:
    gateway = LocalGateway(binary=_binary())
    assert not gateway.running
    with pytest.raises(LocalGatewayError) as info:
        gateway.url
    assert info.value.code == "gateway_not_started"
    assert gateway.start() is gateway
    assert gateway.running
    url = gateway.url
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url), url
    assert gateway.start() is gateway and gateway.url == url  # already running: unchanged
    with urllib.request.urlopen(f"{url}/", timeout=5) as home:
        assert home.status == 200 and "gestpay emulator" in home.read().decode()
    gateway.stop()
    assert not gateway.running
    with pytest.raises(LocalGatewayError) as info:
        gateway.url
    assert info.value.code == "gateway_not_started"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/", timeout=5)  # the process is gone
    gateway.stop()  # stop twice: nothing happens
    gateway.stop()
    assert not gateway.running


def test_context_manager_and_restart() -> None:
    _binary()
    gateway = LocalGateway()
    with gateway as started:
        assert started is gateway and gateway.running
        first = gateway.url
    assert not gateway.running
    with pytest.raises(LocalGatewayError):
        gateway.url
    with gateway:  # started again, on a new port
        assert gateway.running and gateway.url.startswith("http://127.0.0.1:")
        assert first  # the first run's URL was known while it ran
    assert not gateway.running


def test_options_become_flags(tmp_path: Path) -> None:
    _binary()
    with LocalGateway(shop_logins="S1", separate_settlement=True, amazon_order_state="Closed",
                      slow_seconds=0.2, notify_url="http://127.0.0.1:9/s2s",
                      extra_args=["--allowed-ip", "127.0.0.1"]) as gateway:
        client = UrllibClient(gateway.url, timeout=10)
        unknown = client.send(gestpay.Encrypt(shop_login="S2", uic_code="EUR", amount="1.00",
                                              shop_transaction_id="O1"))
        assert unknown.error_code == 1131  # a str is one shop login, not letters
        encrypted = client.send(gestpay.Encrypt(
            shop_login="S1", uic_code="EUR", amount="5.00", shop_transaction_id="SLOW-1",
            payment_types=["AMAZONPAY"])).raise_for_ko().crypt_decrypt_string or ""
        back = gateway.pay_with_amazon(gestpay.payment_page_url("S1", encrypted,
                                                                env=gateway.url))
        # No response URL configured: the emulator's own merchant page, made absolute.
        assert back.startswith(f"{gateway.url}/merchant/response?a=S1&b=")
        started = time.monotonic()
        paid = client.send(gestpay.Decrypt.from_callback(gestpay.Callback.parse(back)))
        read = client.send(gestpay.CallReadTrxS2S(
            shop_login="S1", bank_transaction_id=paid.raise_for_ko().bank_transaction_id))
        assert time.monotonic() - started < 4  # 0.2 s each, not the default 5 s
        data = read.raise_for_ko().to_dict()
        assert data["transactionState"] == "AUT"  # --separate-settlement
        assert data["orderReferenceDetails"]["orderReferenceStatus"]["state"] == "Closed"


# --- the buyer ------------------------------------------------------------------------------

@pytest.mark.parametrize("address, card, city, billing_country", [
    (0, 0, "Roma", "DE"), (1, 1, "Milano", "IT")])
def test_pay_with_amazon(gw: LocalGateway, client: UrllibClient, address: int, card: int,
                         city: str, billing_country: str) -> None:
    order = f"ORD-AMZ-{address}{card}"
    back = gw.pay_with_amazon(_page(gw, client, order), email="buyer@example.it",
                              address=address, card=card)
    assert back.startswith(f"{OK_URL}?a={SHOP}&b=")
    callback = gestpay.Callback.parse(back)
    assert callback.shop_login == SHOP and callback.encrypted_string
    paid = _decrypt(client, back).raise_for_ko()
    assert paid.shop_transaction_id == order and paid.payment_method == "AMAZONPAY"
    read = client.send(gestpay.CallReadTrxS2S(
        shop_login=SHOP, bank_transaction_id=paid.bank_transaction_id, api_key=KEY))
    addresses = read.raise_for_ko().amazon_addresses()
    assert addresses is not None and addresses.shipping is not None
    assert addresses.shipping.city == city
    assert addresses.billing is not None and addresses.billing.country_code == billing_country


@pytest.mark.parametrize("order, amount, code", [
    ("KO-1", "49.90", 74), ("KO-1143-ORD2", "49.90", 1143), ("ORD-13", "10.13", 74)])
def test_declined(gw: LocalGateway, client: UrllibClient, order: str, amount: str,
                  code: int) -> None:
    back = gw.pay_with_amazon(_page(gw, client, order, amount=amount))
    assert back.startswith(f"{KO_URL}?a={SHOP}&b=")
    declined = _decrypt(client, back)
    assert declined.is_ko and declined.error_code == code
    with pytest.raises(gestpay.DeclinedError):
        declined.raise_for_ko()


def test_cancel(gw: LocalGateway, client: UrllibClient) -> None:
    back = gw.cancel(_page(gw, client, "ORD-CANCEL"))
    assert back.startswith(f"{KO_URL}?a={SHOP}&b=")
    abandoned = _decrypt(client, back)
    assert abandoned.is_ko and abandoned.error_code == 1143


def test_pay_with_card(gw: LocalGateway, client: UrllibClient) -> None:
    back = gw.pay_with_card(_page(gw, client, "ORD-CARD", amazon=False))
    assert back.startswith(f"{OK_URL}?a={SHOP}&b=")
    paid = _decrypt(client, back).raise_for_ko()
    assert paid.shop_transaction_id == "ORD-CARD" and paid.payment_method != "AMAZONPAY"
    back = gw.pay_with_card(_page(gw, client, "ORD-CARD-2", amazon=False),
                            card_number="4000 0000 0000 0002")
    assert back.startswith(f"{KO_URL}?") and _decrypt(client, back).error_code == 74


def test_pending_then_resolved(gw: LocalGateway, client: UrllibClient) -> None:
    back = gw.pay_with_amazon(_page(gw, client, "XX-ORD-1"))
    assert back.startswith(f"{OK_URL}?")  # a pending payment goes to the success URL
    pending = _decrypt(client, back)
    assert pending.is_pending
    with pytest.raises(gestpay.PendingError):
        pending.raise_for_ko()
    bank_id = pending.bank_transaction_id
    assert bank_id
    answer = gw.resolve_pending(bank_id)
    assert answer["bankTransactionId"] == bank_id and answer["transactionResult"] == "OK"
    assert answer["b"]
    assert _decrypt(client, back).raise_for_ko().shop_transaction_id == "XX-ORD-1"  # old b
    with pytest.raises(LocalGatewayError) as info:
        gw.resolve_pending(bank_id)  # no longer pending
    assert info.value.code == "unexpected_page"
    assert "409" in str(info.value) and bank_id in str(info.value)


def test_pending_resolved_as_declined(gw: LocalGateway, client: UrllibClient) -> None:
    back = gw.pay_with_amazon(_page(gw, client, "XX-ORD-2"))
    bank_id = _decrypt(client, back).bank_transaction_id
    assert bank_id
    answer = gw.resolve_pending(bank_id, result="KO", error_code=1143)
    assert answer["transactionResult"] == "KO"
    declined = _decrypt(client, back)
    assert declined.is_ko and declined.error_code == 1143


def test_resolve_errors(gw: LocalGateway, client: UrllibClient) -> None:
    with pytest.raises(LocalGatewayError) as info:
        gw.resolve_pending("999999999")
    assert info.value.code == "unexpected_page" and "404" in str(info.value)
    back = gw.pay_with_amazon(_page(gw, client, "XX-ORD-3"))
    bank_id = _decrypt(client, back).bank_transaction_id or ""
    with pytest.raises(LocalGatewayError) as info:
        gw.resolve_pending(bank_id, result="KO", error_code=4242)  # not a documented code
    assert info.value.code == "unexpected_page" and "400" in str(info.value)
    with pytest.raises(ValueError, match="result must be 'OK' or 'KO'"):
        gw.resolve_pending(bank_id, result="MAYBE")  # refused before any request
    with pytest.raises(LocalGatewayError) as info:
        LocalGateway().resolve_pending(bank_id)  # never started
    assert info.value.code == "gateway_stopped" and "not started" in str(info.value)
    assert gw.resolve_pending(bank_id)["transactionResult"] == "OK"  # still pending until now


def test_unexpected_pages(gw: LocalGateway, client: UrllibClient) -> None:
    def failure(call: Any) -> LocalGatewayError:
        with pytest.raises(LocalGatewayError) as info:
            call()
        assert info.value.code == "unexpected_page" and info.value.field is None
        return info.value

    bad = f"{gw.url}/pagam/pagam.aspx?a={SHOP}&b=NOT-A-PAYMENT"
    err = failure(lambda: gw.pay_with_amazon(bad))
    assert "open the payment page" in str(err) and "HTTP 400" in str(err)
    assert "Unknown or already used payment" in str(err)
    # A used page: paid once, the second buyer gets the error page.
    used = _page(gw, client, "ORD-USED")
    gw.pay_with_amazon(used)
    assert "HTTP 400" in str(failure(lambda: gw.cancel(used)))
    secret_card = "5555555555554444"
    err = failure(lambda: gw.pay_with_card(used, card_number=secret_card))
    assert secret_card not in str(err) and KEY not in str(err)
    # The wrong screen: a card page is not Amazon Pay, and the other way round.
    card_page = _page(gw, client, "ORD-WRONG", amazon=False)
    err = failure(lambda: gw.pay_with_amazon(card_page))
    assert "HTTP 200" in str(err) and "Amazon Pay sign-in" in str(err)
    assert "card form" in str(failure(lambda: gw.pay_with_card(_page(gw, client, "ORD-A"))))
    stopped = LocalGateway().start()
    dead = f"{stopped.url}/pagam/pagam.aspx?a={SHOP}&b=X"
    stopped.stop()
    assert "got no answer" in str(failure(lambda: gw.pay_with_amazon(dead)))
    # The gateway's own 404.
    assert "HTTP 404" in str(failure(lambda: gw.pay_with_amazon(f"{gw.url}/nowhere")))


def test_cancel_on_the_card_form(gw: LocalGateway, client: UrllibClient) -> None:
    """The card form's cancel: abandoned (1143), the failure URL, like Amazon Pay's."""
    back = gw.cancel(_page(gw, client, "ORD-CARD-CANCEL", amazon=False))
    assert back.startswith(f"{KO_URL}?a={SHOP}&b=")
    abandoned = _decrypt(client, back)
    assert abandoned.is_ko and abandoned.error_code == 1143


def test_index_not_offered(gw: LocalGateway, client: UrllibClient) -> None:
    with pytest.raises(ValueError, match="address 7 is not offered"):
        gw.pay_with_amazon(_page(gw, client, "ORD-IDX-1"), address=7)
    with pytest.raises(ValueError, match="card 2 is not offered"):
        gw.pay_with_amazon(_page(gw, client, "ORD-IDX-2"), card=2)


# --- finding and starting the binary ---------------------------------------------------------

def test_gateway_not_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bogus = str(tmp_path / "no-such-gestpay")
    monkeypatch.setenv("GESTPAY_BIN", bogus)
    for call in (find_gateway_binary, lambda: LocalGateway().start(),
                 lambda: find_gateway_binary(bogus), lambda: LocalGateway(binary=bogus).start()):
        with pytest.raises(LocalGatewayError) as info:
            call()
        err = info.value
        assert isinstance(err, gestpay.GestpayError)
        assert err.code == "gateway_not_found" and err.field is None
        assert "pip install gestpay-cli" in str(err) and "GESTPAY_BIN" in str(err)
        assert bogus in str(err)


def test_binary_search_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    scripts, path_dir, explicit = tmp_path / "scripts", tmp_path / "bin", tmp_path / "x"
    for folder in (scripts, path_dir, explicit):
        folder.mkdir()
    in_path = _script(path_dir, "exit 0")
    os.rename(in_path, path_dir / "gestpay")
    monkeypatch.delenv("GESTPAY_BIN", raising=False)
    monkeypatch.setenv("PATH", str(path_dir))
    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(scripts))
    assert find_gateway_binary() == str(path_dir / "gestpay")  # PATH, last
    os.rename(_script(scripts, "exit 0"), scripts / "gestpay")
    assert find_gateway_binary() == str(scripts / "gestpay")  # the interpreter's scripts
    mine = _script(explicit, "exit 0")
    monkeypatch.setenv("GESTPAY_BIN", mine)
    assert find_gateway_binary() == mine  # GESTPAY_BIN
    other = _script(tmp_path, "exit 0")
    assert find_gateway_binary(Path(other)) == other  # the argument, first
    monkeypatch.setenv("GESTPAY_BIN", "gestpay")  # a bare name: looked up on PATH
    assert find_gateway_binary() == str(path_dir / "gestpay")
    monkeypatch.delenv("GESTPAY_BIN")
    (scripts / "gestpay").unlink()
    (path_dir / "gestpay").unlink()
    with pytest.raises(LocalGatewayError) as info:
        find_gateway_binary()
    assert info.value.code == "gateway_not_found" and "pip install gestpay-cli" in str(info.value)


def test_not_started_when_the_binary_exits() -> None:
    false = shutil.which("false")
    if false is None:
        pytest.skip("no `false` command")
    with pytest.raises(LocalGatewayError) as info:
        LocalGateway(binary=false).start()
    assert info.value.code == "gateway_not_started"
    assert "exited with status 1" in str(info.value)


def test_not_started_quotes_stderr_without_the_api_key(tmp_path: Path) -> None:
    fake = _script(tmp_path, 'echo "bad configuration: $*" >&2\n'
                   'echo "key from the environment: $GESTPAY_SANDBOX_API_KEY" >&2\n'
                   'echo "not a URL"\nexit 3')
    gateway = LocalGateway(binary=fake, api_key=KEY, extra_args=["--extra"])
    with pytest.raises(LocalGatewayError) as info:
        gateway.start()
    text = str(info.value)
    assert info.value.code == "gateway_not_started" and not gateway.running
    assert "'not a URL' instead of its URL" in text
    assert "bad configuration: sandbox --port 0" in text and "--extra" in text
    assert "--stop-on-stdin-eof" in text
    assert KEY not in text and "--api-key" not in text  # not on the command line
    assert "key from the environment: ***" in text  # in the environment, redacted
    assert KEY not in repr(gateway)


def test_not_started_when_no_url_comes(tmp_path: Path) -> None:
    fake = _script(tmp_path, "echo starting >&2\nexec sleep 30")
    started = time.monotonic()
    with pytest.raises(LocalGatewayError) as info:
        LocalGateway(binary=fake, start_timeout=0.5).start()
    assert time.monotonic() - started < 10  # stopped, not waited for
    assert info.value.code == "gateway_not_started"
    assert "no URL within 0.5 s" in str(info.value) and "starting" in str(info.value)


def test_not_started_on_a_bad_flag() -> None:
    _binary()
    with pytest.raises(LocalGatewayError) as info:
        LocalGateway(api_key=KEY, extra_args=["--no-such-flag"]).start()
    assert info.value.code == "gateway_not_started"
    assert "--no-such-flag" in str(info.value) and KEY not in str(info.value)


def test_repr_and_error_pickle() -> None:
    _binary()
    gateway = LocalGateway(api_key=KEY, merchant_url=OK_URL)
    assert KEY not in repr(gateway) and "not started" in repr(gateway)
    with gateway:
        assert KEY not in repr(gateway) and gateway.url in repr(gateway)
    assert "stopped" in repr(gateway) and "not started" not in repr(gateway)
    assert KEY not in repr(gateway)
    err = LocalGatewayError("the local gateway is not started", code="gateway_not_started")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is LocalGatewayError
    assert (again.code, again.field, str(again)) == (err.code, None, str(err))


def test_gateway_stops_with_its_object(tmp_path: Path) -> None:
    """A gateway nobody stopped does not outlive its object (nor the interpreter)."""
    _binary()
    code = ("import gestpay.testing as t, sys\n"
            "g = t.LocalGateway().start()\n"
            "print(g.url, flush=True)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=30, env=os.environ)
    assert run.returncode == 0, run.stderr
    url = run.stdout.strip()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/", timeout=5)


def _alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie (an orphan's parent may not reap it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            return stat_file.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_no_orphan_when_the_test_process_is_killed() -> None:
    """The gateway's stdin is a pipe held by the test process only (--stop-on-stdin-eof): when
    that process is killed outright, so that no finalizer runs, the gateway exits too."""
    _binary()
    code = ("import gestpay.testing as t, time\n"
            "g = t.LocalGateway().start()\n"
            "print(g.pid, g.url, flush=True)\n"
            "time.sleep(120)\n")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    pid = 0
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert len(line) == 2, child.stderr.read() if child.stderr else ""
        pid, url = int(line[0]), line[1]
        assert _alive(pid)
        with urllib.request.urlopen(f"{url}/", timeout=5) as home:
            assert home.status == 200
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        deadline = time.monotonic() + 5
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), "the gateway outlived the killed test process"
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=10)
        if pid and _alive(pid):
            os.kill(pid, signal.SIGKILL)  # the gateway this test started, by its id


def test_stdin_is_the_gateways_lifeline() -> None:
    """stop() closes the pipe first: the gateway exits on its own, with no signal."""
    _binary()
    gateway = LocalGateway().start()
    try:
        proc = gateway._proc
        assert proc is not None and proc.stdin is not None and gateway.pid == proc.pid
        proc.stdin.close()
        assert proc.wait(5) == 0  # a clean exit, not SIGTERM's
        assert gateway.pid is None and not gateway.running
    finally:
        gateway.stop()


def test_api_key_in_the_environment_not_on_the_command_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _binary()
    with LocalGateway(api_key=KEY, shop_logins=[SHOP]) as gateway:
        pid = gateway.pid
        assert pid is not None
        cmdline = Path(f"/proc/{pid}/cmdline")
        if cmdline.exists():
            args = cmdline.read_bytes().split(b"\0")
            assert b"--stop-on-stdin-eof" in args
            assert not any(KEY.encode() in arg or arg.startswith(b"--api-key") for arg in args)
        client = UrllibClient(gateway.url, timeout=10)
        encrypt = gestpay.Encrypt(shop_login=SHOP, uic_code="EUR", amount="1.00",
                                  shop_transaction_id="O1")
        assert client.send(encrypt).error_code == 1169  # the key is required...
        assert client.send(encrypt.replace(api_key=KEY)).is_ok  # ...and it is this one
    # A key in the test process's own environment is not passed on when api_key is None.
    monkeypatch.setenv("GESTPAY_SANDBOX_API_KEY", "inherited-key")
    with LocalGateway(shop_logins=[SHOP]) as gateway:
        client = UrllibClient(gateway.url, timeout=10)
        assert client.send(gestpay.Encrypt(shop_login=SHOP, uic_code="EUR", amount="1.00",
                                           shop_transaction_id="O2")).is_ok


# --- the checks of the options and arguments --------------------------------------------------

@pytest.mark.parametrize("options, named", [
    ({"api_key": 12345}, "api_key"),
    ({"api_key": b"key"}, "api_key"),
    ({"merchant_url": 1}, "merchant_url"),
    ({"success_url": ["http://x/"]}, "success_url"),
    ({"failure_url": object()}, "failure_url"),
    ({"notify_url": 1.5}, "notify_url"),
    ({"amazon_order_state": True}, "amazon_order_state"),
    ({"host": None}, "host"),
    ({"host": 127}, "host"),
    ({"binary": 1}, "binary"),
    ({"binary": b"/usr/bin/gestpay"}, "binary"),
    ({"shop_logins": None}, "shop_logins"),
    ({"shop_logins": 7}, "shop_logins"),
    ({"shop_logins": b"S1"}, "shop_logins"),
    ({"shop_logins": ["S1", 2]}, "shop_logins[1]"),
    ({"extra_args": None}, "extra_args"),
    ({"extra_args": "--allowed-ip"}, "extra_args"),
    ({"extra_args": ["--slow-seconds", 1]}, "extra_args[1]"),
    ({"separate_settlement": 1}, "separate_settlement"),
    ({"separate_settlement": "yes"}, "separate_settlement"),
    ({"slow_seconds": "1"}, "slow_seconds"),
    ({"slow_seconds": True}, "slow_seconds"),
    ({"start_timeout": None}, "start_timeout"),
    ({"stop_timeout": "5"}, "stop_timeout"),
    ({"timeout": False}, "timeout"),
])
def test_option_of_the_wrong_type(options: Dict[str, Any], named: str) -> None:
    with pytest.raises(TypeError) as info:
        LocalGateway(**options)
    text = str(info.value)
    assert text.startswith(f"{named} must be "), text
    assert "NoneType" not in text and "not iterable" not in text


@pytest.mark.parametrize("options, named", [
    ({"slow_seconds": -1}, "slow_seconds"),
    ({"slow_seconds": float("nan")}, "slow_seconds"),
    ({"stop_timeout": -0.5}, "stop_timeout"),
    ({"start_timeout": 0}, "start_timeout"),
    ({"timeout": float("inf")}, "timeout"),
    ({"timeout": 10 ** 400}, "timeout"),
    ({"api_key": ""}, "api_key"),
    ({"api_key": "key\0"}, "api_key"),
    ({"merchant_url": "http://x/\udc80"}, "merchant_url"),
    ({"shop_logins": ["S1", "S\0"]}, "shop_logins[1]"),
])
def test_option_of_a_bad_value(options: Dict[str, Any], named: str) -> None:
    with pytest.raises(ValueError) as info:
        LocalGateway(**options)
    assert str(info.value).startswith(f"{named} must") or named in str(info.value)


def test_good_options_are_taken() -> None:
    gateway = LocalGateway(shop_logins=("S1", "S2"), extra_args=iter(["--allowed-ip", "::1"]),
                           slow_seconds=0, stop_timeout=0, start_timeout=1, timeout=0.5,
                           binary=Path("/nonexistent/gestpay"), separate_settlement=True)
    assert gateway._flags[-2:] == ["--allowed-ip", "::1"]
    assert "--slow-seconds=0.0" in gateway._flags and "--shop-login=S2" in gateway._flags
    assert (gateway.start_timeout, gateway.stop_timeout, gateway.timeout) == (1, 0, 0.5)


PAGE = f"http://127.0.0.1:9/pagam/pagam.aspx?a={SHOP}&b=X"


@pytest.mark.parametrize("call, error, named", [
    (lambda g: g.pay_with_amazon(42), TypeError, "payment_page_url"),
    (lambda g: g.pay_with_amazon(None), TypeError, "payment_page_url"),
    (lambda g: g.pay_with_amazon(PAGE, address="1"), TypeError, "address"),
    (lambda g: g.pay_with_amazon(PAGE, card=1.0), TypeError, "card"),
    (lambda g: g.pay_with_amazon(PAGE, address=True), TypeError, "address"),
    (lambda g: g.pay_with_amazon(PAGE, email=1), TypeError, "email"),
    (lambda g: g.pay_with_amazon(PAGE, address=-1), ValueError, "address"),
    (lambda g: g.pay_with_card(PAGE, card_number=4111111111111111), TypeError, "card_number"),
    (lambda g: g.pay_with_card(b"http://x/"), TypeError, "payment_page_url"),
    (lambda g: g.cancel(Path("/pagam")), TypeError, "payment_page_url"),
    (lambda g: g.resolve_pending("1", error_code="abc"), TypeError, "error_code"),
    (lambda g: g.resolve_pending("1", result="KO", error_code=74.0), TypeError, "error_code"),
    (lambda g: g.resolve_pending("1", result="KO", error_code=True), TypeError, "error_code"),
    (lambda g: g.resolve_pending("1", result="KO", error_code=-1), ValueError, "error_code"),
    (lambda g: g.resolve_pending("1", error_code=74), ValueError, "error_code"),
    (lambda g: g.resolve_pending("1", result="MAYBE"), ValueError, "result"),
    (lambda g: g.resolve_pending("1", result="ok"), ValueError, "result"),
    (lambda g: g.resolve_pending("1", result=None), TypeError, "result"),
    (lambda g: g.resolve_pending(123), TypeError, "bank_transaction_id"),
    (lambda g: g.resolve_pending(""), ValueError, "bank_transaction_id"),
])
def test_argument_checks(call: Callable[[Any], object], error: Type[Exception],
                         named: str) -> None:
    """Checked first, on a gateway that is not even started: the argument's own error."""
    with pytest.raises(error) as info:
        call(LocalGateway())
    assert type(info.value) is error and str(info.value).startswith(f"{named} must")
    assert "4111111111111111" not in str(info.value)


@pytest.mark.parametrize("url", [
    "ftp://example/pagam", "/pagam/pagam.aspx?a=S&b=X", "http:///pagam", "file:///etc/passwd",
    "127.0.0.1:8000/pagam", "", "http://[::1/pagam"])
def test_page_url_not_http(url: str) -> None:
    gateway = LocalGateway()
    for call in (gateway.pay_with_amazon, gateway.pay_with_card, gateway.cancel):
        with pytest.raises(ValueError, match="payment_page_url must be an absolute http"):
            call(url)


# --- a stopped gateway --------------------------------------------------------------------------

def _calls(page: str) -> Dict[str, Callable[[LocalGateway], object]]:
    return {"pay_with_amazon": lambda g: g.pay_with_amazon(page),
            "pay_with_card": lambda g: g.pay_with_card(page),
            "cancel": lambda g: g.cancel(page),
            "resolve_pending": lambda g: g.resolve_pending("123")}


def test_gateway_stopped_before_any_request() -> None:
    """A stopped gateway's port may belong to another process by now: nothing is sent."""
    _binary()
    gateway = LocalGateway().start()
    url = gateway.url
    port = int(url.rsplit(":", 1)[1])
    gateway.stop()
    squatter = socket.socket()
    squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        squatter.bind(("127.0.0.1", port))  # another process took the port
        squatter.listen(5)
        squatter.settimeout(0)
        page = f"{url}/pagam/pagam.aspx?a={SHOP}&b=X"
        for name, call in _calls(page).items():
            with pytest.raises(LocalGatewayError) as info:
                call(gateway)
            assert info.value.code == "gateway_stopped", name
            assert "stopped (stop() was called)" in str(info.value)
        with pytest.raises(BlockingIOError):
            squatter.accept()  # no connection came
    finally:
        squatter.close()
    never = LocalGateway()
    for name, call in _calls(PAGE).items():
        with pytest.raises(LocalGatewayError) as info:
            call(never)
        assert info.value.code == "gateway_stopped" and "not started" in str(info.value), name


def test_gateway_whose_process_died() -> None:
    _binary()
    gateway = LocalGateway().start()
    try:
        proc = gateway._proc
        assert proc is not None
        proc.kill()
        proc.wait(5)
        assert "exited with status" in repr(gateway)
        for name, call in _calls(f"{gateway.url}/pagam/pagam.aspx?a={SHOP}&b=X").items():
            with pytest.raises(LocalGatewayError) as info:
                call(gateway)
            assert info.value.code == "gateway_stopped", name
            assert "process has exited" in str(info.value)
    finally:
        gateway.stop()
    assert gateway.start().running  # start() again: a new process
    gateway.stop()


# --- without pytest, and as a pytest plugin ------------------------------------------------

def test_imports_without_pytest() -> None:
    code = ("import sys; sys.modules['pytest'] = None\n"
            "import gestpay.testing as t\n"
            "assert not hasattr(t, 'gestpay_gateway') and t.LocalGateway\n"
            "assert sorted(t.__all__) == ['LocalGateway', 'LocalGatewayError', "
            "'find_gateway_binary']\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=30)
    assert run.returncode == 0, run.stderr


def test_pytest_plugin(pytester: pytest.Pytester) -> None:
    _binary()
    pytester.makeconftest(f"""
import pytest

pytest_plugins = ["gestpay.testing"]

@pytest.fixture(scope="session")
def gestpay_gateway_options():
    return {{"api_key": "{KEY}", "merchant_url": "http://testserver/done"}}
""")
    pytester.makepyfile(f"""
import gestpay
from gestpay.testing import LocalGateway
from gestpay.transport import UrllibClient

URLS = []

def test_amazon_pay(gestpay_gateway):
    assert isinstance(gestpay_gateway, LocalGateway) and gestpay_gateway.running
    URLS.append(gestpay_gateway.url)
    client = UrllibClient(gestpay_gateway.url)
    started = client.send(gestpay.Encrypt(
        shop_login="{SHOP}", uic_code="EUR", amount="49.90", shop_transaction_id="ORD-42",
        payment_types=["AMAZONPAY"], api_key="{KEY}")).raise_for_ko()
    page = gestpay.payment_page_url("{SHOP}", started.crypt_decrypt_string or "",
                                    env=gestpay_gateway.url)
    back = gestpay_gateway.pay_with_amazon(page, address=1)
    assert back.startswith("http://testserver/done?a={SHOP}&b=")
    paid = client.send(gestpay.Decrypt.from_callback(
        gestpay.Callback.parse(back), api_key="{KEY}")).raise_for_ko()
    assert paid.shop_transaction_id == "ORD-42"

def test_same_gateway_for_the_session(gestpay_gateway):
    assert URLS == [gestpay_gateway.url]
""")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=2)


def test_default_options_fixture(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["gestpay.testing"]\n')
    pytester.makepyfile("""
def test_options(gestpay_gateway_options):
    assert gestpay_gateway_options == {}
""")
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
