"""Fixtures for the real-browser checks: a local HTTP server for a built site,
one Chromium for the whole session, and tabs that log what each page does."""

from __future__ import annotations

import functools
import os
import re
import threading
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from browser_tab import Tab
from chromium import CHROMIUM, launch
from missing_chromium import require_chromium

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serving(directory: Path):
    """Serve a built site on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def browser():
    require_chromium(CHROMIUM, in_ci=os.environ.get("CI") == "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_base(built_site):
    """Base URL of the real site, served for the whole session."""
    with serving(built_site.site) as base:
        yield base


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    """Every page of the built site, as paths below the base URL ('' is home),
    read from the sitemap that MkDocs writes for every page in the nav."""
    site_url = yaml.safe_load((built_site.root / "mkdocs.yml").read_text())["site_url"]
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    paths = [loc.removeprefix(site_url) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert paths, "sitemap.xml lists no pages: the browser checks would check nothing"
    return paths


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing. Fix: run `make test` (it runs `npm ci`).", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def open_tab(browser):
    """open_tab(base, **context options) -> a Tab; its context closes after the test."""
    contexts = []

    def open_on(base: str, **options) -> Tab:
        context = browser.new_context(**options)
        contexts.append(context)
        return Tab(context, base)

    yield open_on
    for context in contexts:
        context.close()


@pytest.fixture
def serve():
    """serve(directory) -> base URL of that directory, served until the test ends."""
    with ExitStack() as servers:
        yield lambda directory: servers.enter_context(serving(directory))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
