"""`Secret`: a value that must never be printed (API keys, card data, PARes, tokens)."""

from __future__ import annotations

import hmac
from typing import Any

__all__ = ["Secret"]


class Secret:
    """A secret string: ``repr()`` and ``str()`` show ``***``; :meth:`expose` gives the value.

    It is deliberately *not* a ``str`` subclass: formatting (f-strings), concatenation and
    ``json.dumps`` of a ``str`` subclass would all reveal the value. Equality compares values in
    constant time; a ``Secret`` never equals a plain ``str``. The empty secret shows as ``''``.
    """

    __slots__ = ("_value",)

    _value: str

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.expose()
        if not isinstance(value, str):
            raise TypeError(f"Secret() takes a str, not {type(value).__name__}")
        object.__setattr__(self, "_value", value)

    def expose(self) -> str:
        """The value itself: call sites of this method are where a secret leaves the box."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return "***" if self._value else ""

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        # Constant time; `surrogatepass` so that any `str` compares (a lone surrogate is not
        # Unicode text, but a Secret may hold whatever it was given).
        return hmac.compare_digest(self._value.encode("utf-8", "surrogatepass"),
                                   other._value.encode("utf-8", "surrogatepass"))

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Secret is immutable")

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        return (Secret, (self._value,))
