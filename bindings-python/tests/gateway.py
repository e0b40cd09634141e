"""A gateway on a loopback port, played with the binding's own builders: it parses every
request with ``gestpay.parse_request`` and answers with results built by ``to_http_response``
(or SOAP faults, or whatever a test scripts). Shared by the end-to-end tests and the Django
example's tests."""

from __future__ import annotations

import base64
import json
import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple

import gestpay

Raw = Tuple[int, Optional[str], bytes]

AMAZON_SHIPPING = gestpay.AmazonAddress(
    name="Marco Rossi", address_line1="via Gobetti 15", city="Roma", state_or_region="RM",
    postal_code="00185", country_code="IT", phone="+39 06 1234567")
AMAZON_BILLING = gestpay.AmazonAddress(
    name="Liam Barker", address_line1="c/o Barker GmbH", address_line2="Meininger Strasse 58",
    city="Berlin", postal_code="10823", country_code="DE")


class FakeGateway:
    """Answers WsCryptDecrypt and WsS2S like the gateway, from memory.

    ``script`` (a list) lets a test decide the next answers: a ``SoapFault``, a ``Raw``
    ``(status, content type, body)``, or a result instance. ``delay`` slows every answer (to
    trigger client timeouts). ``calls`` records ``(path, operation, headers)``.
    """

    def __init__(self) -> None:
        self.script: List[Any] = []
        self.delay = 0.0
        self.calls: List[Tuple[str, str, Dict[str, str]]] = []
        self.transactions: Dict[str, Dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeGateway:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- the gateway's behaviour ----------------------------------------------------------

    def answer(self, path: str, headers: Dict[str, str], body: bytes) -> Raw:
        if self.delay:
            time.sleep(self.delay)
        try:
            info = gestpay.identify_request(body)
            request = gestpay.parse_request(body)
        except gestpay.GestpayError as err:
            fault = gestpay.SoapFault(version="1.1", code="soap:Client", reason=err.message)
            http = fault.to_http_response()
            return http.status, http.content_type, http.body
        with self._lock:
            self.calls.append((path, info.operation, headers))
            scripted = self.script.pop(0) if self.script else None
        if isinstance(scripted, tuple):
            return scripted
        if isinstance(scripted, gestpay.SoapFault):
            http = scripted.to_http_response(info.version)
        else:
            result = scripted if scripted is not None else self.result_for(request)
            http = result.to_http_response(info.version)
        return http.status, http.content_type, http.body

    def result_for(self, request: gestpay.Request[Any]) -> gestpay.Result:
        if isinstance(request, gestpay.Encrypt):
            token = base64.urlsafe_b64encode(json.dumps({
                "shop": request.shop_login, "id": request.shop_transaction_id,
                "amount": str(request.amount), "currency": request.uic_code,
            }).encode()).decode()
            return gestpay.EncryptResult(transaction_type="ENCRYPT", transaction_result="OK",
                                         crypt_decrypt_string=token, error_code=0,
                                         error_description="Transazione correttamente effettuata")
        if isinstance(request, gestpay.Decrypt):
            data = json.loads(base64.urlsafe_b64decode(request.crypted_string.encode()))
            bank_id = str(1000 + len(self.transactions))
            self.transactions[bank_id] = data
            return gestpay.DecryptResult(
                transaction_type="DECRYPT", transaction_result="OK", error_code=0,
                shop_transaction_id=data["id"], bank_transaction_id=bank_id,
                authorization_code="008152", currency=data["currency"],
                amount=Decimal(data["amount"]), payment_method="AMAZONPAY",
                buyer=gestpay.Buyer(buyer_name="Marco Rossi",
                                    buyer_email="marco.rossi@example.it"))
        if isinstance(request, gestpay.CallReadTrxS2S):
            return gestpay.CallReadTrxS2SResult(
                transaction_type="QUERYTX", transaction_result="OK", error_code=0,
                bank_transaction_id=request.bank_transaction_id,
                shop_transaction_id=request.shop_transaction_id, company="AMAZONPAY",
                transaction_state="MOV",
                order_reference_details=gestpay.OrderReferenceDetails(
                    amazon_order_reference_id="S02-0319513-4657042",
                    destination=gestpay.Destination(physical_destination=AMAZON_SHIPPING),
                    billing_address=gestpay.AmazonBillingAddress(physical_address=AMAZON_BILLING),
                    buyer=gestpay.AmazonBuyer(name="Marco Rossi", email="marco.rossi@example.it"),
                ))
        result_cls: type[gestpay.Result] = request.result_type()
        return result_cls.from_dict({"transactionResult": "OK", "errorCode": 0})

    def _handler(self) -> Callable[..., BaseHTTPRequestHandler]:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, content_type, out = gateway.answer(self.path, headers, body)
                try:
                    self.send_response(status)
                    if content_type is not None:
                        self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet, and bodies are never logged

        return Handler
