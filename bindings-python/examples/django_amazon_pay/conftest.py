"""Django set-up for the example's tests, and the local gateway they run against.

The gateway is the project's emulator, ``gestpay sandbox`` (``pip install gestpay-cli`` puts
the binary next to ``python``; or set ``GESTPAY_BIN``), started once for the session by the
``gestpay.testing`` plugin with the options below, and stopped at its end. Nothing here comes
from the repository: the example runs from installed packages only (requirements.txt).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django  # noqa: E402

django.setup()

from django.test.utils import override_settings  # noqa: E402

if TYPE_CHECKING:
    from gestpay.testing import LocalGateway

# The fixtures `gestpay_gateway` (a started LocalGateway) and `gestpay_gateway_options`.
pytest_plugins = ["gestpay.testing"]

SHOP = "GESPAY65987"
KEY = "example-api-key"


@pytest.fixture(scope="session")
def gestpay_gateway_options() -> Dict[str, Any]:
    """The local gateway's options: it requires the shop's API key, knows only its shop login,
    and sends the buyer back to the shop's callback view under Django's test client."""
    return {"api_key": KEY, "shop_logins": [SHOP],
            "merchant_url": "http://testserver/gestpay/callback/"}


@pytest.fixture()
def gateway(gestpay_gateway: LocalGateway) -> Iterator[LocalGateway]:
    """The local gateway, with the shop's settings pointing at it (its URL as the
    environment)."""
    config = {"ENV": gestpay_gateway.url, "SHOP_LOGIN": SHOP, "API_KEY": KEY, "TIMEOUT": 5.0}
    with override_settings(GESTPAY=config):
        yield gestpay_gateway
