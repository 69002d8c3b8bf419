"""What the browser tests do when Chromium is missing (bench/chromium.py says where
it should be)."""

from __future__ import annotations

from pathlib import Path

import pytest


def require_chromium(path: Path, in_ci: bool) -> None:
    """Skip on a laptop without Chromium, but never let CI pass without running
    the browser checks."""
    if path.exists():
        return
    reason = (f"{path} is missing, so the browser checks cannot run. "
              "Fix: run `make chromium` (installs Debian's chromium package).")
    if in_ci:
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)
