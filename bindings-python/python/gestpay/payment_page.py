"""The browser side: the payment page the buyer is sent to, and the 3-D Secure page.

The callback the gateway makes to the merchant's URLs is :class:`gestpay.Callback`
(``Callback.parse(url)``, ``Callback.from_mapping(request.GET)``).
"""

from __future__ import annotations

from typing import Optional

from . import _gestpay as _core
from ._base import _text

__all__ = ["payment_page_url", "three_ds_page_url"]


def payment_page_url(shop_login: str, crypt_decrypt_string: str, *, env: str = "test",
                     payment_type: Optional[str] = None) -> str:
    """``pagam.aspx?a=<shop login>&b=<CryptDecryptString>[&paymentType=<code>]``, URL-encoded:
    every byte but ASCII letters, digits and ``*-._`` is ``%XX`` (``+`` is ``%2B``, a space
    ``%20``), so the values read back exactly however the URL is decoded. A ``str`` with a lone
    surrogate raises ``InvalidRequestError`` (code ``invalid_callback``).

    ``env`` is ``"test"``, ``"production"`` or a base URL (a local emulator)."""
    return _core.payment_page_url(
        _text(env, "env"), _text(shop_login, "shop_login"),
        _text(crypt_decrypt_string, "crypt_decrypt_string"),
        _text(payment_type, "payment_type", optional=True))


def three_ds_page_url(shop_login: str, vbv_risp: str, return_url: str, *,
                      env: str = "test") -> str:
    """``pagam3d.aspx?a=<shop login>&b=<VbVRisp>&c=<return URL>``: where the buyer
    authenticates when callPagamS2S answers error 8006."""
    return _core.three_ds_page_url(
        _text(env, "env"), _text(shop_login, "shop_login"), _text(vbv_risp, "vbv_risp"),
        _text(return_url, "return_url"))
