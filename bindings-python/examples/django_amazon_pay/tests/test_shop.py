"""The shop under Django's test client against the local gateway (``gestpay sandbox``, started
by the ``gestpay.testing`` plugin): the buyer goes through the payment page's Amazon Pay screens
with ``pay_with_amazon``, and the gateway's scenarios (chosen by the order id or the amount)
give the unhappy paths."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

import gestpay
from gestpay.testing import LocalGateway
from gestpay.transport import UrllibClient
from shop import views

SHOP = "GESPAY65987"


def _checkout(shop: Client, amount: str = "49.90") -> str:
    """The checkout view: Encrypt, then the redirect to the payment page."""
    response = shop.get("/checkout/", {"amount": amount})
    assert response.status_code == 302, response.content
    location: str = response["Location"]
    return location


def _back_at_the_shop(shop: Client, url: str) -> tuple[int, str]:
    """The buyer, sent back by the gateway, lands on the shop's callback view: its status and
    page."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "testserver", "/gestpay/callback/")
    response = shop.get(url)
    return response.status_code, response.content.decode()


def test_checkout_redirects_to_the_payment_page(gateway: LocalGateway) -> None:
    location = _checkout(Client(), "12.50")
    assert location.startswith(f"{gateway.url}/pagam/pagam.aspx?a={SHOP}&b=")


@pytest.mark.parametrize("address, shipping", [
    (0, ["Marco Rossi", "via Gobetti 15", "00185 Roma"]),
    (1, ["Marco Rossi", "Corso Buenos Aires 40", "20124 Milano"]),
])
def test_amazon_pay_shows_the_chosen_addresses(gateway: LocalGateway, address: int,
                                               shipping: list[str]) -> None:
    shop = Client()
    back = gateway.pay_with_amazon(_checkout(shop), address=address, card=0)
    status, html = _back_at_the_shop(shop, back)
    assert status == 200, html
    assert "Payment OK" in html and "49.90" in html
    section = html.split('id="shipping"')[1].split("</section>")[0]
    for line in shipping:
        assert line in section
    # The billing address of the wallet's first card.
    assert "Liam Barker" in html and "Meininger Strasse 58" in html and "10823 Berlin" in html
    assert "marco.rossi@example.it" in html


@pytest.mark.parametrize("order_id, amount, error", [
    ("KO-ORD-1", "49.90", "Error 74"),         # declined by the order id
    ("ORD-2", "10.13", "Error 74"),            # declined by the amount
    ("KO-1143-ORD-3", "49.90", "Error 1143"),  # declined with a chosen code
])
def test_declined_payment_is_a_page_not_an_error(gateway: LocalGateway,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 order_id: str, amount: str, error: str) -> None:
    monkeypatch.setattr(views, "new_order_id", lambda: order_id)
    shop = Client()
    status, html = _back_at_the_shop(shop, gateway.pay_with_amazon(_checkout(shop, amount)))
    assert status == 200 and "Payment KO" in html and error in html
    assert "Payment OK" not in html


def test_buyer_who_cancels_is_declined(gateway: LocalGateway) -> None:
    shop = Client()
    status, html = _back_at_the_shop(shop, gateway.cancel(_checkout(shop)))
    assert status == 200 and "Payment KO" in html and "Error 1143" in html


def test_pending_payment_is_not_paid_nor_declined(gateway: LocalGateway,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "new_order_id", lambda: "XX-ORD-7")
    shop = Client()
    back = gateway.pay_with_amazon(_checkout(shop))
    status, html = _back_at_the_shop(shop, back)
    assert status == 202 and "Payment pending" in html and "XX-ORD-7" in html
    assert "Payment OK" not in html and "Payment KO" not in html
    # The bank settles it later: from then on Decrypt (of the same `b`) says OK.
    client = UrllibClient(gateway.url, timeout=5)
    pending = client.send(gestpay.Decrypt.from_callback(gestpay.Callback.parse(back),
                                                        api_key=settings.GESTPAY["API_KEY"]))
    assert pending.is_pending and pending.bank_transaction_id
    assert gateway.resolve_pending(pending.bank_transaction_id)["transactionResult"] == "OK"
    status, html = _back_at_the_shop(shop, back)
    assert status == 200 and "Payment OK" in html


def test_gateway_failure_is_an_error_page(gateway: LocalGateway,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "new_order_id", lambda: "FAULT-ORD-9")  # a SOAP fault, HTTP 500
    page = Client().get("/checkout/")
    assert page.status_code == 502 and "soap_fault" in page.content.decode()


def test_bad_callback_is_refused(gateway: LocalGateway) -> None:
    assert Client().get("/gestpay/callback/?a=x").status_code == 400


def test_bad_amount_is_refused(gateway: LocalGateway) -> None:
    page = Client().get("/checkout/", {"amount": "1,00"})
    assert page.status_code == 400 and "invalid_amount" in page.content.decode()
