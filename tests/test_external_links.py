"""External links are https and well formed (always, offline); an opt-in check
fetches them (`make check-links`, run weekly), itself tested against a local server."""

import socket
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from another_site import playing_another_site
from checks.external_links import links_to_check, malformed_external_links, unreachable_links

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
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
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
    with playing_another_site(_Answers) as address:
        yield address


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


def closed_port_urls(count):
    """Addresses on sites that do not answer, as every site does not for a machine with no
    network (each 127.0.0.x is a site of its own, with nothing listening on the port)."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    return [f"http://127.0.0.{number}:{port}/page" for number in range(1, count + 1)]


def test_a_link_on_several_pages_is_fetched_and_reported_once(local_server):
    _Answers.requests[:] = []
    links = [("docs/a.md", 3, local_server + "/missing"), ("docs/b.md", 9, local_server + "/missing"),
             ("refs.bib", 40, local_server + "/missing"), ("docs/b.md", 12, local_server + "/ok")]
    assert [str(p) for p in unreachable_links(links, timeout=2)] == [
        f"docs/a.md:3: link '{local_server}/missing' answers 404 Not Found (also linked from docs/b.md:9, "
        "refs.bib:40). Fix: find the page's new address, or link to another source"]
    assert sorted(_Answers.requests) == ["/missing", "/ok"]


def test_with_no_network_one_line_says_so_before_fetching_the_rest(local_server):
    _Answers.requests[:] = []
    dead = closed_port_urls(3)
    links = [("docs/a.md", number, url) for number, url in enumerate(dead, start=1)]
    links += [("docs/b.md", number, f"{local_server}/ok?{number}") for number in range(50)]
    problems = [str(p) for p in unreachable_links(links, timeout=2)]
    assert len(problems) == 1 and problems[0].startswith(f"make check-links: no network: {dead[0]} did not answer (")
    assert problems[0].endswith(", nor did the first links to 2 other sites. Fix: connect to the internet and run "
                                "make check-links again")
    assert _Answers.requests == []


def test_one_site_down_is_not_taken_for_no_network(local_server):
    links = [("docs/a.md", 1, closed_port_urls(1)[0]), ("docs/a.md", 2, local_server + "/ok"),
             ("docs/a.md", 3, local_server + "/missing")]
    problems = [str(p) for p in unreachable_links(links, timeout=2)]
    assert [p.split(" '")[0] for p in problems] == ["docs/a.md:1: link", "docs/a.md:3: link"], problems
    assert "did not answer" in problems[0] and "answers 404" in problems[1]


def test_links_are_named_where_a_writer_typed_them(built_site):
    links = links_to_check(ROOT, built_site.site)
    places = {}
    for name, _, url in links:
        places.setdefault(url, set()).add(name.split("/")[0])
    assert places, "no external links found"
    # a link typed in docs/ or refs.bib is never named by its built page as well
    assert all(where in ({"docs"}, {"refs.bib"}, {"docs", "refs.bib"}, {"site"}) for where in places.values())
    assert {"site"} in places.values() and {"docs"} in places.values()  # the theme's links, and the writers'
