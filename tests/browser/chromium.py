"""Where the browser tests find Chromium, and what happens when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

# Debian's Chromium, installed by `make chromium`: `playwright install` downloads
# browser builds from a CDN, which this project's machines cannot reach.
CHROMIUM = Path("/usr/bin/chromium")

# Keep the browser itself quiet: no background calls home that could be
# mistaken for (or hide) requests made by the site.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
