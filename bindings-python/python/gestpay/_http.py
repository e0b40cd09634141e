"""Plain descriptions of HTTP messages: what the core builds and the caller sends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

__all__ = ["HttpRequest", "HttpResponse"]

Headers = Tuple[Tuple[str, str], ...]


def _find(headers: Headers, name: str) -> Optional[str]:
    lower = name.lower()
    for key, value in headers:
        if key.lower() == lower:
            return value
    return None


@dataclass(frozen=True)
class HttpRequest:
    """The HTTP call to make: ``POST`` ``body`` to ``url`` with ``headers``.

    ``repr()`` hides the body, which carries API keys and card data.
    """

    method: str
    url: str
    headers: Headers
    body: bytes

    def header(self, name: str) -> Optional[str]:
        """A header's value, by case-insensitive name."""
        return _find(self.headers, name)

    def __repr__(self) -> str:
        return (f"HttpRequest(method={self.method!r}, url={self.url!r}, "
                f"headers={self.headers!r}, body=<{len(self.body)} bytes, redacted>)")


@dataclass(frozen=True)
class HttpResponse:
    """The HTTP response the gateway sends (``200`` with a result, ``500`` with a fault)."""

    status: int
    headers: Headers
    body: bytes

    def header(self, name: str) -> Optional[str]:
        """A header's value, by case-insensitive name."""
        return _find(self.headers, name)

    @property
    def content_type(self) -> Optional[str]:
        """The ``Content-Type`` header."""
        return self.header("Content-Type")

    def __repr__(self) -> str:
        return (f"HttpResponse(status={self.status}, headers={self.headers!r}, "
                f"body=<{len(self.body)} bytes, redacted>)")
