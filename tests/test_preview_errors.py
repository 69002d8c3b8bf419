"""`make serve` on a page with a mistake: the browser is told to reload within a few
seconds, every page's address lists the problems (file, line, fix), escaped, and the
real page comes back by itself once the mistake is fixed. Driven against a real
`mkdocs serve` on a copy of the site, as a browser's live-reload script talks to it."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from live_preview import free_port
from sitebuild import ENV

A_FEW_SECONDS = 10.0  # a rebuild takes about 1 s; the margin is for a busy machine
LIVE_RELOAD = re.compile(r"livereload\((\d+), \d+\);")


def get(url: str, timeout: float = A_FEW_SECONDS) -> str:
    """The answer, which must come within the timeout: a preview that hangs fails here."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@contextmanager
def serving(site_copy, log):
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=site_copy.root, env=ENV, stdout=output, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 60:
            try:
                get(f"http://127.0.0.1:{port}/site/", timeout=5)
                break
            except OSError:
                assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text()}"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def mistake(site_copy, file: str, right: str, wrong: str) -> int:
    """Type wrong for the first right in file (a regular expression); the line it is on."""
    text = site_copy.read(file)
    found = re.search(right, text)
    site_copy.write(file, text[:found.start()] + wrong + text[found.end():])
    return text[:found.start()].count("\n") + 1


def reloads(host: str, page: str) -> bool:
    """Whether an open page's live-reload poll is answered, within a few seconds, that a
    newer build is ready: then MkDocs' script in the browser reloads the page."""
    epoch = int(LIVE_RELOAD.search(page)[1])
    return int(get(f"{host}/livereload/{epoch}/1")) > epoch


def test_a_failed_rebuild_shows_its_problems_in_the_browser_until_they_are_fixed(site_copy, tmp_path):
    log, sources = tmp_path / "serve.log", {file: site_copy.read(file) for file in ("docs/risks.md", "docs/benefits.md")}
    with serving(site_copy, log) as host:
        page = get(f"{host}/site/risks/")
        assert "<title>Risks and safety" in page

        key = mistake(site_copy, "docs/risks.md", re.escape("[@brady2014adverse]"), "[@brady2014advers]")
        date = mistake(site_copy, "docs/benefits.md", "last_reviewed: .*", "last_reviewed: <b>25/11/2026</b>")
        assert reloads(host, page)
        problems = get(f"{host}/site/risks/")
        assert (f"<code>docs/risks.md:{key}</code>: citation [@brady2014advers] not found in refs.bib (did you "
                "mean brady2014adverse?).<br><strong>Fix:</strong> use a key that exists in refs.bib, or add "
                "the entry to refs.bib") in problems
        assert (f"<code>docs/benefits.md:{date}</code>: last_reviewed &#x27;&lt;b&gt;25/11/2026&lt;/b&gt;&#x27; "
                "is not a valid date.<br><strong>Fix:</strong> write the date as YYYY-MM-DD") in problems
        assert "<b>25/11/2026" not in problems
        assert re.findall(r"<script\b[^>]*>", problems) == ["<script>"], "only MkDocs' inline live reload"
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in problems
        assert f"docs/risks.md:{key}" in get(f"{host}/site/benefits/"), "every page's address shows them"

        for file, text in sources.items():
            site_copy.write(file, text)
        assert reloads(host, problems)
        assert "<title>Risks and safety" in get(f"{host}/site/risks/")

    terminal = log.read_text()
    assert f"docs/risks.md:{key}: citation [@brady2014advers] not found" in terminal
    assert "appear stuck" not in terminal
