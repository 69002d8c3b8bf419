"""External links are https and well formed (always, offline); an opt-in check
fetches them (CHECK_EXTERNAL_LINKS=1, run weekly), itself tested against a local server."""

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from checks.external_links import links_in_sources, malformed_external_links, unreachable_links

ROOT = Path(__file__).resolve().parent.parent


def test_external_links_are_https_and_well_formed():
    problems = malformed_external_links(ROOT)
    assert not problems, "\n".join(map(str, problems))


def test_http_and_malformed_links_are_reported(site_copy):
    site_copy.replace("docs/about.md", "\n# ", "\nSee [NHS](http://www.nhs.uk/) and [x](https://exa mple).\n"
                                                "And [y](https://localhost/page).\n\n# ")
    problems = [str(p) for p in malformed_external_links(site_copy.root)]
    assert any(p.startswith("docs/about.md:") and "'http://www.nhs.uk/' does not use https" in p
               for p in problems), problems
    assert any("'https://localhost/page' is not a well-formed" in p for p in problems), problems
    assert all("Fix:" in p for p in problems)


class _Answers(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/moved-to-missing":
            self.send_response(302)
            self.send_header("Location", "/missing")
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("path, expected", [
    ("/ok", None),
    ("/moved", None),
    ("/missing", "answers 404"),
    ("/moved-to-missing", "answers 404"),
    ("/slow", "did not answer"),
])
def test_link_fetcher_against_a_local_server(local_server, path, expected):
    problems = [str(p) for p in unreachable_links([("docs/x.md", 7, local_server + path)], timeout=0.5)]
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith("docs/x.md:7:") and expected in problems[0]
        assert "Fix:" in problems[0]


@pytest.mark.skipif(os.environ.get("CHECK_EXTERNAL_LINKS") != "1",
                    reason="needs the network: run `make check-links` (weekly in CI)")
def test_external_links_answer(built_site):
    from checks.html_pages import read_site
    links = {(f"site/{page.relative}", tag.line, tag.attrs["href"])
             for page in read_site(built_site.site).values() for tag in page.links()
             if tag.attrs["href"].startswith("https://")}
    links |= set(links_in_sources(ROOT))
    seen, unique = set(), []
    for link in sorted(links):
        if link[2] not in seen:
            seen.add(link[2])
            unique.append(link)
    problems = unreachable_links(unique)
    assert not problems, "\n".join(map(str, problems))
