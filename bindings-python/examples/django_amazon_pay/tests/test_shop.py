"""The shop under Django's test client, against a loopback gateway: the binding's own fake
gateway (always) and the project's emulator with its Amazon Pay pages (when built)."""

from __future__ import annotations

from typing import Any, Dict, Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from django.test import Client
from django.test.utils import override_settings

import gestpay
from emulator import Emulator, cli_path
from gateway import FakeGateway

SHOP = "GESPAY65987"
KEY = "example-api-key"


def _settings(env: str) -> Dict[str, Any]:
    return {"ENV": env, "SHOP_LOGIN": SHOP, "API_KEY": KEY, "TIMEOUT": 5.0}


@pytest.fixture()
def gateway() -> Iterator[FakeGateway]:
    with FakeGateway() as gw, override_settings(GESTPAY=_settings(gw.base_url)):
        yield gw


def test_checkout_redirects_to_the_payment_page(gateway: FakeGateway) -> None:
    response = Client().get("/checkout/", {"amount": "12.50"})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{gateway.base_url}/pagam/pagam.aspx?a={SHOP}&b=")
    assert [op for _, op, _ in gateway.calls] == ["Encrypt"]


def test_callback_decrypts_and_shows_the_amazon_addresses(gateway: FakeGateway) -> None:
    location = Client().get("/checkout/")["Location"]
    query = urlsplit(location).query
    page = Client().get(f"/gestpay/callback/?{query}")
    assert page.status_code == 200, page.content
    html = page.content.decode()
    assert "Payment OK" in html and "49.90" in html
    assert "via Gobetti 15" in html and "00185 Roma" in html
    assert "Meininger Strasse 58" in html and "Liam Barker" in html
    assert [op for _, op, _ in gateway.calls] == ["Encrypt", "Decrypt", "callReadTrxS2S"]


def test_declined_payment_is_a_page_not_an_error(gateway: FakeGateway) -> None:
    gateway.script.append(gestpay.DecryptResult(transaction_result="KO", error_code=74,
                                                error_description="Autorizzazione negata"))
    page = Client().get(f"/gestpay/callback/?a={SHOP}&b=anything")
    assert page.status_code == 200 and "Payment KO" in page.content.decode()


def test_pending_payment_is_not_paid_nor_declined(gateway: FakeGateway) -> None:
    gateway.script.append(gestpay.DecryptResult(transaction_result="XX", error_code=0,
                                                shop_transaction_id="ORD-7"))
    page = Client().get(f"/gestpay/callback/?a={SHOP}&b=anything")
    html = page.content.decode()
    assert page.status_code == 202 and "Payment pending" in html and "ORD-7" in html
    assert "Payment OK" not in html and "Payment KO" not in html
    assert [op for _, op, _ in gateway.calls] == ["Decrypt"]  # no read, nothing shipped


@pytest.mark.parametrize("transaction_result", [None, "", "ok", "ERROR"])
def test_no_or_unknown_result_is_an_error(gateway: FakeGateway,
                                          transaction_result: Any) -> None:
    gateway.script.append(gestpay.DecryptResult(transaction_result=transaction_result))
    page = Client().get(f"/gestpay/callback/?a={SHOP}&b=anything")
    assert page.status_code == 502 and "Payment OK" not in page.content.decode()


def test_bad_callback_and_gateway_failures(gateway: FakeGateway) -> None:
    assert Client().get("/gestpay/callback/?a=x").status_code == 400
    gateway.script.append(gestpay.SoapFault(version="1.1", code="soap:Server", reason="down"))
    page = Client().get("/checkout/")
    assert page.status_code == 502 and "soap_fault" in page.content.decode()
    assert Client().get("/checkout/", {"amount": "1,00"}).status_code == 400


@pytest.fixture()
def emulator() -> Iterator[Emulator]:
    cli = cli_path()
    if cli is None:
        pytest.skip("the gestpay CLI is not built (cargo build -p gestpay-cli)")
    emu = Emulator(cli, ["--api-key", KEY, "--merchant-url",
                         "http://testserver/gestpay/callback/"])
    with override_settings(GESTPAY=_settings(emu.base_url)):
        yield emu
    emu.stop()


def test_whole_flow_against_the_emulator(emulator: Emulator) -> None:
    shop = Client()
    payment_page = shop.get("/checkout/")["Location"]
    encrypted = dict(p.split("=", 1) for p in urlsplit(payment_page).query.split("&"))["b"]
    encrypted = gestpay.Callback.parse(f"a={SHOP}&b={encrypted}").encrypted_string
    with httpx.Client(base_url=emulator.base_url, timeout=10) as buyer:
        assert "Amazon Pay" in buyer.get(payment_page).text
        buyer.post("/pagam/amazonpay/signin", data={"b": encrypted, "email": "m@example.it"})
        buyer.post("/pagam/amazonpay/address", data={"b": encrypted, "address": "1"})
        back = buyer.post("/pagam/amazonpay/pay",
                          data={"b": encrypted, "address": "1", "card": "0"})
    assert back.is_redirect
    location = urlsplit(back.headers["location"])
    assert location.path == "/gestpay/callback/"
    page = shop.get(f"{location.path}?{location.query}")
    assert page.status_code == 200, page.content
    html = page.content.decode()
    assert "Payment OK" in html
    assert "Corso Buenos Aires 40" in html and "Milano" in html  # the second address book entry
    assert "Meininger Strasse 58" in html  # the billing address of the first card
