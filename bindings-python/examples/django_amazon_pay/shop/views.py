"""The two views of an Amazon Pay checkout through the gateway.

1. ``checkout``: Encrypt the order (Amazon Pay only, with a recurring billing agreement) and
   redirect the buyer to the payment page.
2. ``callback``: the gateway sends the buyer back with ``a`` and ``b``; Decrypt them, then read
   the transaction (callReadTrxS2S) for the addresses the buyer chose in Amazon's widgets.

``raise_for_ko()`` is the success check: it passes only ``OK``. A ``KO`` (``DeclinedError``) is
a page that lets the buyer try again; a ``XX`` (``PendingError``) is a page that does not: the
payment may still go through, and the server-to-server notification will tell. Anything else
(no result, an unknown one, a fault, the network) is an error: the order is never shipped.
"""

from __future__ import annotations

import uuid
from typing import Any, Dict

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

import gestpay
from gestpay.transport import UrllibClient


def _config() -> Dict[str, Any]:
    config: Dict[str, Any] = settings.GESTPAY
    return config


def _client() -> UrllibClient:
    config = _config()
    return UrllibClient(config["ENV"], timeout=config["TIMEOUT"])


def new_order_id() -> str:
    """The order's ``shopTransactionId``. A real shop takes it from its order; the tests
    replace this function (``monkeypatch.setattr(views, "new_order_id", ...)``) to pick the local
    gateway's scenarios: ``KO-…`` declined, ``XX-…`` pending, ``FAULT-…`` a SOAP fault."""
    return f"ORD-{uuid.uuid4().hex[:12].upper()}"


def checkout(request: HttpRequest) -> HttpResponse:
    config = _config()
    order_id = new_order_id()
    try:
        encrypt = gestpay.Encrypt(
            shop_login=config["SHOP_LOGIN"], uic_code="EUR",
            amount=request.GET.get("amount", "49.90"), shop_transaction_id=order_id,
            payment_types=["AMAZONPAY"],
            amazon_pay_billing_agreement_description="paynowandrecurring",
            api_key=config["API_KEY"])
        result = _client().send(encrypt).raise_for_ko()
    except gestpay.InvalidRequestError as err:
        return render(request, "shop/error.html", {"error": err}, status=400)
    except gestpay.GestpayError as err:  # not OK, fault, malformed answer, network
        return render(request, "shop/error.html", {"error": err}, status=502)
    url = gestpay.payment_page_url(config["SHOP_LOGIN"], result.crypt_decrypt_string or "",
                                   env=config["ENV"])
    return HttpResponseRedirect(url)


def callback(request: HttpRequest) -> HttpResponse:
    config = _config()
    try:
        received = gestpay.Callback.from_mapping(request.GET)
        client = _client()
        decrypted = client.send(gestpay.Decrypt.from_callback(received,
                                                              api_key=config["API_KEY"]))
        try:
            decrypted.raise_for_ko()
        except gestpay.DeclinedError:
            return render(request, "shop/declined.html", {"result": decrypted})
        except gestpay.PendingError:
            return render(request, "shop/pending.html", {"result": decrypted}, status=202)
        read = client.send(gestpay.CallReadTrxS2S(
            shop_login=received.shop_login, bank_transaction_id=decrypted.bank_transaction_id,
            api_key=config["API_KEY"])).raise_for_ko()
    except gestpay.InvalidRequestError as err:
        return render(request, "shop/error.html", {"error": err}, status=400)
    except gestpay.GestpayError as err:  # no result, fault, malformed answer, network
        return render(request, "shop/error.html", {"error": err}, status=502)
    return render(request, "shop/paid.html", {
        "result": decrypted, "addresses": read.amazon_addresses()})
