"""What a first-time visitor downloads: every page of the built site is loaded in
Chromium with an empty cache, served gzipped by bench/gzip_server.py, and the bytes
are counted on the server's side (including the search worker and the search index,
which the browser's own counters miss). Search loads on demand, so what the first
search adds is measured too, and reported beside the budget rather than in it.
Exits 1 when a page breaks the budget.

Usage: .venv/bin/python bench/page_weight.py [BUILT_SITE_DIR]
(without a directory, a copy of the sources is built first)."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chromium  # noqa: E402
from gzip_server import start  # noqa: E402
from sitebuild import build_copy  # noqa: E402
from verdict import verdict  # noqa: E402

# Budget for every page's first visit. KB here means 1,000 bytes (the stricter reading).
MAX_COMPRESSED_BYTES = 85_000
MAX_REQUESTS = 8
MAX_OTHER_HOSTS = 0

SEARCH_INDEX = "search/search_index.json"
SEARCH_BOX = "input[data-md-component=search-query]"
SEARCH_DONE = """() => /matching document/i.test(
  document.querySelector(".md-search-result__meta")?.textContent || "")"""
QUERY = "pneumothorax"
QUIET_SECONDS = 0.5    # no new request for this long: the visit is over
LONGEST_VISIT = 15.0   # give up waiting for the search index after this long


@dataclass
class Visit:
    page: str
    requests: list[dict] = field(default_factory=list)
    other_hosts: set[str] = field(default_factory=set)
    search_requests: list[dict] = field(default_factory=list)

    @property
    def search_sent(self) -> int:
        return sum(request["sent"] for request in self.search_requests)

    @property
    def sent(self) -> int:
        return sum(request["sent"] for request in self.requests)

    @property
    def raw(self) -> int:
        return sum(request["raw"] for request in self.requests)

    @property
    def request_count(self) -> int:
        return len(self.requests) + len(self.other_hosts)


def pages_of(site: Path) -> list[str]:
    """The URL path of every page, from sitemap.xml (which leaves out 404.html and
    redirect stubs), made relative to site_url (the home page's canonical address) so
    the site can be served from any origin."""
    home = urlsplit(re.search(r'<link rel="canonical" href="([^"]+)"',
                              (site / "index.html").read_text(encoding="utf-8")).group(1)).path
    return sorted("/" + urlsplit(location).path.removeprefix(home)
                  for location in re.findall(r"<loc>([^<]+)</loc>",
                                             (site / "sitemap.xml").read_text(encoding="utf-8")))


def wait_until_quiet(server, done) -> None:
    """Until done() holds and no request has come for QUIET_SECONDS (or LONGEST_VISIT)."""
    started = time.monotonic()
    count, quiet_since = -1, time.monotonic()
    while time.monotonic() - started < LONGEST_VISIT:
        if len(server.log) != count:
            count, quiet_since = len(server.log), time.monotonic()
        if done() and time.monotonic() - quiet_since > QUIET_SECONDS:
            return
        time.sleep(0.05)


def first_visit(browser, server, page_path: str) -> Visit:
    """Load one page in a fresh context and wait until the search index has arrived
    and the network has been quiet for a moment; then search once, and log what
    that adds."""
    origin = f"127.0.0.1:{server.server_port}"
    visit = Visit(page_path)
    context = browser.new_context()

    def only_the_site(route):
        host = urlsplit(route.request.url).netloc
        if host == origin:
            route.continue_()
        else:
            visit.other_hosts.add(host)
            route.abort()

    context.route("**/*", only_the_site)
    server.log.clear()
    tab = context.new_page()
    tab.goto(f"http://{origin}{page_path}", wait_until="load")
    wait_until_quiet(server, lambda: any(SEARCH_INDEX in entry["path"] for entry in server.log))
    visit.requests = list(server.log)
    server.log.clear()
    box = tab.locator(SEARCH_BOX)
    box.fill(QUERY)
    box.press("End")  # Material reads the box on keyup
    tab.wait_for_function(SEARCH_DONE, timeout=LONGEST_VISIT * 1000)
    wait_until_quiet(server, lambda: True)
    visit.search_requests = list(server.log)
    context.close()
    return visit


def visit_every_page(site: Path) -> list[Visit]:
    server = start(site)
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            visits = [first_visit(browser, server, page) for page in pages_of(site)]
            browser.close()
    finally:
        server.shutdown()
    return visits


def budget_problems(visits: list[Visit]) -> list[str]:
    problems = []
    for visit in visits:
        if visit.sent > MAX_COMPRESSED_BYTES:
            biggest = max(visit.requests, key=lambda request: request["sent"])
            problems.append(f"{visit.page}: first visit transfers {visit.sent / 1000:.1f} KB, "
                            f"over the {MAX_COMPRESSED_BYTES / 1000:.0f} KB budget. Fix: shrink or "
                            f"drop the largest download, {biggest['path']} "
                            f"({biggest['sent'] / 1000:.1f} KB)")
        if visit.request_count > MAX_REQUESTS:
            problems.append(f"{visit.page}: first visit makes {visit.request_count} requests, "
                            f"over the budget of {MAX_REQUESTS}. Fix: inline or drop a file")
        if len(visit.other_hosts) > MAX_OTHER_HOSTS:
            problems.append(f"{visit.page}: the browser contacts {', '.join(sorted(visit.other_hosts))}. "
                            "Fix: self-host the file; no visitor's browser may talk to another host")
        if not any(SEARCH_INDEX in request["path"] for request in visit.requests):
            problems.append(f"{visit.page}: the search index was never fetched, so the weight "
                            "is undercounted. Fix: check that search still loads on this page")
    return problems


def table(visits: list[Visit]) -> str:
    lines = ["| page | requests | KB sent (gzip) | KB raw | other hosts | first search adds KB |",
             "|---|---:|---:|---:|---|---:|"]
    for visit in visits:
        lines.append(f"| {visit.page} | {visit.request_count} | {visit.sent / 1000:.1f} | "
                     f"{visit.raw / 1000:.1f} | {', '.join(sorted(visit.other_hosts)) or 'none'} | "
                     f"{visit.search_sent / 1000:.1f} |")
    return "\n".join(lines)


def largest_assets(visits: list[Visit], count: int = 6) -> str:
    sizes = {}
    for visit in visits:
        for request in visit.requests + visit.search_requests:
            if not request["path"].endswith("/"):
                sizes[request["path"]] = (request["sent"], request["raw"])
    ranked = sorted(sizes.items(), key=lambda item: -item[1][0])[:count]
    lines = ["| largest assets | KB sent (gzip) | KB raw |", "|---|---:|---:|"]
    lines += [f"| {path} | {sent / 1000:.1f} | {raw / 1000:.1f} |" for path, (sent, raw) in ranked]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build_copy(Path(scratch))
        visits = visit_every_page(site)
    print(table(visits))
    print()
    print(largest_assets(visits))
    print(f"\nBudget per page: <= {MAX_COMPRESSED_BYTES / 1000:.0f} KB sent, "
          f"<= {MAX_REQUESTS} requests, {MAX_OTHER_HOSTS} other hosts.")
    return verdict(budget_problems(visits))


if __name__ == "__main__":
    sys.exit(main())
