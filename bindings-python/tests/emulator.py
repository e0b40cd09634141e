"""The project's gateway emulator (`gestpay sandbox --port 0`), run as a child process.

The binary is ``$GESTPAY_CLI`` (set by scripts/test.d/20-python.sh), else the debug build
under the workspace's target directory; tests that need it are skipped when neither exists.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[2]


def cli_path() -> Optional[Path]:
    explicit = os.environ.get("GESTPAY_CLI")
    if explicit:
        return Path(explicit)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    candidate = target / "debug" / "gestpay"
    return candidate if candidate.exists() else None


class Emulator:
    """`gestpay sandbox` on an ephemeral loopback port; ``base_url`` once started."""

    def __init__(self, cli: Path, args: List[str]) -> None:
        self._proc = subprocess.Popen(
            [str(cli), "sandbox", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._proc.stdout is not None
        # The first line holds the base URL (alone, or after "listening on").
        first = self._proc.stdout.readline()
        urls = [word for word in first.split() if word.startswith("http://")]
        if not urls:
            self.stop()
            raise RuntimeError(f"the emulator did not start: {first!r}")
        self.base_url = urls[0]

    def stop(self) -> None:
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
