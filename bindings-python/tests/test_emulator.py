"""The whole Amazon Pay flow against the project's local gateway (`gestpay sandbox`, run by
``gestpay.testing.LocalGateway``): the buyer's pages driven over HTTP, the merchant's calls
through the binding's clients."""

from __future__ import annotations

from typing import Iterator

import pytest

import gestpay
from gestpay.testing import LocalGateway, LocalGatewayError
from gestpay.transport import AsyncClient, Client, UrllibClient

SHOP = "GESPAY65987"
KEY = "demo-api-key-0123456789"


@pytest.fixture(scope="module")
def emulator() -> Iterator[LocalGateway]:
    gateway = LocalGateway(api_key=KEY, merchant_url="https://shop.example/ok")
    try:
        gateway.start()
    except LocalGatewayError as err:
        if err.code == "gateway_not_found":
            pytest.skip(f"the gestpay CLI is not built (cargo build -p gestpay-cli): {err}")
        raise
    with gateway:
        yield gateway


def _buy(emulator: LocalGateway, encrypted: str) -> str:
    """The buyer on the emulated payment page: sign in to Amazon, pick the first address and
    card, pay; returns the merchant URL the gateway redirects to."""
    page = gestpay.payment_page_url(SHOP, encrypted, env=emulator.url)
    return emulator.pay_with_amazon(page, email="marco.rossi@example.it", address=0, card=0)


@pytest.mark.parametrize("kind", ["httpx", "urllib"])
def test_amazon_pay_against_the_emulator(emulator: LocalGateway, kind: str) -> None:
    client = Client(emulator.url) if kind == "httpx" else UrllibClient(emulator.url)
    encrypt = gestpay.Encrypt(shop_login=SHOP, uic_code="EUR", amount="49.90",
                              shop_transaction_id=f"ORD-{kind}", payment_types=["AMAZONPAY"],
                              amazon_pay_billing_agreement_description="paynowandrecurring",
                              api_key=KEY)
    encrypted = client.send(encrypt).raise_for_ko().crypt_decrypt_string
    assert encrypted
    callback = gestpay.Callback.parse(_buy(emulator, encrypted))
    assert callback.shop_login == SHOP
    decrypted = client.send(gestpay.Decrypt.from_callback(callback, api_key=KEY)).raise_for_ko()
    assert decrypted.shop_transaction_id == f"ORD-{kind}"
    read = client.send(gestpay.CallReadTrxS2S(
        shop_login=SHOP, bank_transaction_id=decrypted.bank_transaction_id, api_key=KEY))
    addresses = read.raise_for_ko().amazon_addresses()
    assert addresses is not None and addresses.shipping is not None
    assert addresses.shipping.city == "Roma"
    assert addresses.billing is not None and addresses.billing.country_code == "DE"
    if isinstance(client, Client):
        client.close()


def test_wrong_api_key_is_a_ko(emulator: LocalGateway) -> None:
    async def call() -> gestpay.EncryptResult:
        async with AsyncClient(emulator.url) as client:
            return await client.send(gestpay.Encrypt(
                shop_login=SHOP, uic_code="EUR", amount="1.00", shop_transaction_id="X",
                api_key="wrong"))

    import asyncio

    result = asyncio.run(call())
    assert result.is_ko and result.error_code is not None  # an API-key error (1142 or 1169)
    with pytest.raises(gestpay.DeclinedError):
        result.raise_for_ko()
