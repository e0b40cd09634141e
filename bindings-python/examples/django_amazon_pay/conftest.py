"""Django set-up for the example's tests, and the loopback gateways they run against."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# The loopback gateway and the emulator runner of the binding's own test suite.
sys.path.insert(0, str(HERE.parents[1] / "tests"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django  # noqa: E402

django.setup()
