"""Shared fixtures: the golden corpus location and a loopback gateway.

The tests that run the project's local gateway (``gestpay sandbox``, through
``gestpay.testing``) take the binary from ``$GESTPAY_BIN`` (set by scripts/test.d/20-python.sh),
else the debug build under the workspace's target directory, else where
``gestpay.testing.find_gateway_binary`` looks; they are skipped when there is none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gateway import FakeGateway  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

_DEBUG_BUILD = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "debug" / "gestpay"
if not os.environ.get("GESTPAY_BIN") and _DEBUG_BUILD.exists():
    os.environ["GESTPAY_BIN"] = str(_DEBUG_BUILD)


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def gateway() -> Iterator[FakeGateway]:
    """A gateway on a loopback port, answering with the binding's own result builders."""
    with FakeGateway() as gw:
        yield gw
