"""``gestpay.testing``: the local gateway as a child process (start, stop, URL, errors), the buyer
on its payment page (Amazon Pay, card form, cancel), pending payments resolved, and the pytest
plugin, against the real ``gestpay sandbox`` binary (skipped when there is none)."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import stat
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

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
        gw.resolve_pending(bank_id, result="MAYBE")
    assert "400" in str(info.value)
    with pytest.raises(LocalGatewayError) as info:
        LocalGateway().resolve_pending(bank_id)  # never started
    assert info.value.code == "gateway_not_started"


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
    assert "HTTP 200" in str(failure(lambda: gw.cancel(card_page)))
    assert "card form" in str(failure(lambda: gw.pay_with_card(_page(gw, client, "ORD-A"))))
    # Not a page at all.
    assert "not an http" in str(failure(lambda: gw.pay_with_amazon("ftp://example/pagam")))
    stopped = LocalGateway().start()
    dead = f"{stopped.url}/pagam/pagam.aspx?a={SHOP}&b=X"
    stopped.stop()
    assert "got no answer" in str(failure(lambda: gw.pay_with_amazon(dead)))
    # The gateway's own 404.
    assert "HTTP 404" in str(failure(lambda: gw.pay_with_amazon(f"{gw.url}/nowhere")))


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
    fake = _script(tmp_path, 'echo "bad configuration: $*" >&2\necho "not a URL"\nexit 3')
    gateway = LocalGateway(binary=fake, api_key=KEY, extra_args=["--extra"])
    with pytest.raises(LocalGatewayError) as info:
        gateway.start()
    text = str(info.value)
    assert info.value.code == "gateway_not_started" and not gateway.running
    assert "'not a URL' instead of its URL" in text
    assert "bad configuration: sandbox --port 0" in text and "--extra" in text
    assert KEY not in text and "--api-key=***" in text
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
