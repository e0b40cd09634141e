"""Shared fixtures: the golden corpus location and a loopback gateway."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gateway import FakeGateway  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def gateway() -> Iterator[FakeGateway]:
    """A gateway on a loopback port, answering with the binding's own result builders."""
    with FakeGateway() as gw:
        yield gw
