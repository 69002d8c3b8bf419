"""The one Chromium launch configuration, for the browser tests and the benchmarks
alike (Playwright and Lighthouse), so what the tests check is what the benchmarks
measure."""

from __future__ import annotations

from pathlib import Path

# Debian's Chromium, installed by `make chromium`: `playwright install` downloads
# browser builds from a CDN, which this project's machines cannot reach.
CHROMIUM = Path("/usr/bin/chromium")

# Keep the browser itself quiet: no background calls home that could be
# mistaken for (or hide) requests made by the site, or add to its weight.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """A headless Chromium browser, launched through a running sync_playwright()."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
