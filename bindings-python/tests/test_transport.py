"""End to end over real loopback HTTP: the three clients against a gateway played with the
binding's own builders (and the project's emulator): the Amazon Pay flow, faults, KOs,
unusable answers, timeouts and refused connections."""

from __future__ import annotations

import asyncio
import socket
from decimal import Decimal
from typing import Any, Callable, Iterator, Union

import httpx
import pytest

import gestpay
from gestpay.transport import AsyncClient, Client, UrllibClient
from gateway import FakeGateway

SHOP = "GESPAY65987"
SyncClient = Union[Client, UrllibClient]


def _encrypt() -> gestpay.Encrypt:
    return gestpay.Encrypt(shop_login=SHOP, uic_code="EUR", amount="49.90",
                           shop_transaction_id="ORD-42", payment_types=["AMAZONPAY"],
                           amazon_pay_billing_agreement_description="paynowandrecurring",
                           api_key="not-a-real-key")


@pytest.fixture(params=["httpx", "urllib"])
def make_client(request: pytest.FixtureRequest) -> Iterator[Callable[..., SyncClient]]:
    made: list[SyncClient] = []

    def make(env: str, **kwargs: Any) -> SyncClient:
        client: SyncClient = (Client(env, **kwargs) if request.param == "httpx"
                              else UrllibClient(env, **kwargs))
        made.append(client)
        return client

    yield make
    for client in made:
        if isinstance(client, Client):
            client.close()


@pytest.mark.parametrize("soap", ["1.1", "1.2"])
def test_amazon_pay_flow(gateway: FakeGateway, make_client: Callable[..., SyncClient],
                         soap: str) -> None:
    client = make_client(gateway.base_url, soap=soap)
    encrypted = client.send(_encrypt()).raise_for_ko()
    assert encrypted.is_ok and encrypted.crypt_decrypt_string
    url = gestpay.payment_page_url(SHOP, encrypted.crypt_decrypt_string, env=gateway.base_url)
    assert url.startswith(gateway.base_url + "/pagam/pagam.aspx?a=GESPAY65987&b=")
    callback = gestpay.Callback.parse(f"https://shop.example/ok?a={SHOP}&b="
                                      f"{encrypted.crypt_decrypt_string}")
    decrypted = client.send(gestpay.Decrypt.from_callback(callback, api_key="k"))
    assert decrypted.is_ok and decrypted.amount == Decimal("49.90")
    assert decrypted.currency == "EUR" and decrypted.shop_transaction_id == "ORD-42"
    read = client.send(gestpay.CallReadTrxS2S(
        shop_login=SHOP, bank_transaction_id=decrypted.bank_transaction_id))
    assert isinstance(read, gestpay.CallReadTrxS2SResult)
    addresses = read.amazon_addresses()
    assert addresses is not None and addresses.shipping is not None
    assert addresses.shipping.city == "Roma" and addresses.billing is not None
    assert addresses.billing.street_lines == ("c/o Barker GmbH", "Meininger Strasse 58")
    ops = [op for _, op, _ in gateway.calls]
    assert ops == ["Encrypt", "Decrypt", "callReadTrxS2S"]
    headers = gateway.calls[0][2]
    if soap == "1.1":
        assert headers["soapaction"] == '"https://ecomm.sella.it/Encrypt"'
    else:
        assert "action=" in headers["content-type"]


def test_every_operation_round_trips(gateway: FakeGateway,
                                     make_client: Callable[..., SyncClient]) -> None:
    client = make_client(gateway.base_url)
    for name, (request_cls, result_cls) in gestpay.OPERATIONS.items():
        if name in ("Encrypt", "Decrypt", "callReadTrxS2S"):
            continue
        request = request_cls.from_dict({})
        body = request.to_envelope(validate=False)
        assert gestpay.identify_request(body).operation == name
        gateway.script.append(result_cls.from_dict({"transactionResult": "KO", "errorCode": 1142}))
        # An empty request is refused before anything is sent, except callRenounce.
        if name == "callRenounce":
            result = client.send(request)
            assert isinstance(result, gestpay.GestPayS2S) and result.is_ko
            gateway.script.clear()
            continue
        with pytest.raises(gestpay.InvalidRequestError):
            client.send(request)
        gateway.script.clear()


def test_ko_is_a_value(gateway: FakeGateway, make_client: Callable[..., SyncClient]) -> None:
    gateway.script.append(gestpay.EncryptResult(transaction_result="KO", error_code=1142,
                                                error_description="Indirizzo IP non valido"))
    result = make_client(gateway.base_url).send(_encrypt())
    assert result.is_ko and not result.is_ok
    assert result.known_error_description
    with pytest.raises(gestpay.DeclinedError) as info:
        result.raise_for_ko()
    assert info.value.error_code == 1142 and info.value.code == "declined"
    assert info.value.known_description == result.known_error_description


@pytest.mark.parametrize("soap", ["1.1", "1.2"])
def test_fault(gateway: FakeGateway, make_client: Callable[..., SyncClient], soap: str) -> None:
    gateway.script.append(gestpay.SoapFault(version=soap, code="soap:Server",  # type: ignore[arg-type]
                                            reason="Server was unable to process request.",
                                            detail=gestpay.XmlElement(text="boom")))
    with pytest.raises(gestpay.SoapFaultError) as info:
        make_client(gateway.base_url, soap=soap).send(_encrypt())
    assert info.value.fault_code == "soap:Server"
    assert info.value.detail is not None and info.value.detail.text == "boom"
    assert info.value.code_local == "Server" and info.value.http_status == 500
    assert info.value.fault.version == soap and info.value.code == "soap_fault"


@pytest.mark.parametrize("raw, code", [
    ((500, "text/html", b"<!DOCTYPE html><html><body>Runtime Error</body></html>"), "not_soap"),
    ((200, "text/xml", b"<soap:Envelope"), "xml_syntax"),
    ((502, None, b""), "http_status"),
    ((200, "application/json", b'{"error": 1}'), "not_soap"),
])
def test_unusable_answers(gateway: FakeGateway, make_client: Callable[..., SyncClient],
                          raw: Any, code: str) -> None:
    gateway.script.append(raw)
    with pytest.raises(gestpay.MalformedResponseError) as info:
        make_client(gateway.base_url).send(_encrypt())
    assert info.value.code == code


def test_timeout(gateway: FakeGateway, make_client: Callable[..., SyncClient]) -> None:
    gateway.delay = 1.0
    with pytest.raises(gestpay.TransportError) as info:
        make_client(gateway.base_url, timeout=0.2).send(_encrypt())
    assert info.value.code == "timeout"
    assert "not-a-real-key" not in str(info.value)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_connection_refused(make_client: Callable[..., SyncClient]) -> None:
    with pytest.raises(gestpay.TransportError) as info:
        make_client(f"http://127.0.0.1:{_closed_port()}", timeout=2).send(_encrypt())
    assert info.value.code == "connection_error"
    assert info.value.__cause__ is None  # nothing chained: it would hold the request body


def test_async_client(gateway: FakeGateway) -> None:
    async def flow() -> None:
        async with AsyncClient(gateway.base_url, soap="1.2") as client:
            encrypted = await client.send(_encrypt())
            token = encrypted.raise_for_ko().crypt_decrypt_string or ""
            results = await asyncio.gather(*[
                client.send(gestpay.Decrypt(shop_login=SHOP, crypted_string=token))
                for _ in range(5)])
            assert all(r.is_ok for r in results)
            assert len({r.bank_transaction_id for r in results}) == 5
            gateway.script.append(gestpay.SoapFault(version="1.2", code="soap:Receiver",
                                                    reason="down"))
            with pytest.raises(gestpay.SoapFaultError):
                await client.send(_encrypt())
            gateway.delay = 1.0
        async with AsyncClient(gateway.base_url, timeout=0.2) as slow:
            with pytest.raises(gestpay.TransportError) as info:
                await slow.send(_encrypt())
            assert info.value.code == "timeout"
        async with AsyncClient(f"http://127.0.0.1:{_closed_port()}") as refused:
            with pytest.raises(gestpay.TransportError) as info:
                await refused.send(_encrypt())
            assert info.value.code == "connection_error"

    asyncio.run(flow())


def test_client_with_own_httpx_client(gateway: FakeGateway) -> None:
    with httpx.Client(timeout=5) as http:
        with Client(gateway.base_url, http_client=http) as client:
            assert client.send(_encrypt()).is_ok
        assert not http.is_closed  # the caller's pool is left open


def test_sans_io_with_any_http_stack(gateway: FakeGateway) -> None:
    call = _encrypt().to_http(gateway.base_url)
    response = httpx.post(call.url, content=call.body, headers=list(call.headers))
    result = gestpay.EncryptResult.from_http(response.status_code,
                                             response.headers.get("content-type"),
                                             response.content)
    assert result.is_ok
    assert _encrypt().parse_response(response.status_code,
                                     response.headers.get("content-type"),
                                     response.content) == result
