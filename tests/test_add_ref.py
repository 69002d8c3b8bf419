"""make add-ref (tools/add_ref.py) against a local server that plays the DOI resolver:
the record, as messy as agencies give it, is appended in the house style and passes every
refs.bib check; a DOI or key already in refs.bib is refused; offline it says so in one line."""

import socket
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from pybtex.database import parse_file

from another_site import playing_another_site
from checks.bib_scan import scan
from checks.refs_bib import bib_problems

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import add_ref  # noqa: E402

DOI = "10.1179/2042618613Y.0000000044"
# brady2014adverse as Crossref-style content negotiation gives it: key, field names, title and
# journal in capitals, an HTML entity, an en dash, the DOI lowercased and repeated as a url,
# an abstract and keywords (placeholders here), a publisher an article does not show.
RECORD = (" @ARTICLE{Brady_2014, TITLE={ADVERSE EVENTS FOLLOWING TRIGGER POINT DRY NEEDLING: A PROSPECTIVE "
          "SURVEY OF CHARTERED PHYSIOTHERAPISTS}, volume={22}, url={http://dx.doi.org/10.1179/2042618613y.0000000044}, "
          "DOI={10.1179/2042618613y.0000000044}, number={3}, Journal={JOURNAL OF MANUAL &amp; MANIPULATIVE THERAPY}, "
          "publisher={The publisher}, Author={Brady, Sarah and McEvoy, Johnson and Dommerholt, Jan and Doody, "
          "Catherine}, year={2014}, month=aug, pages={134–140}, abstract={<jats:p>The abstract: 19% of "
          "treatments.</jats:p>}, KEYWORDS={dry needling, adverse events} }\n")
HOUSE_FIELDS = ("title", "journal", "year", "month", "volume", "number", "pages", "doi")


class _Resolver(BaseHTTPRequestHandler):
    """doi.org redirects to the registration agency, which answers the Accept header."""
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
        if self.path == f"/{DOI}":
            self.send_response(302)
            self.send_header("Location", "/agency/brady")
            body = b""
        elif self.path == "/agency/brady" and self.headers.get("Accept", "").startswith("application/x-bibtex"):
            self.send_response(200)
            body = RECORD.encode("utf-8")
        else:
            self.send_response(404)
            body = b""
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def resolver():
    with playing_another_site(_Resolver) as address:
        yield address


def refs_bib(tmp_path, old="", new=""):
    """A copy of the real refs.bib, with old replaced by new."""
    text = (ROOT / "refs.bib").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "refs.bib"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def brady_entry() -> str:
    return next(entry.text for entry in scan((ROOT / "refs.bib").read_text(encoding="utf-8"), "refs.bib")[0]
                if entry.key == "brady2014adverse")


def test_the_record_is_appended_in_the_house_style(tmp_path, resolver, capsys):
    bib = refs_bib(tmp_path, brady_entry())
    add_ref.main([DOI, "--bib", str(bib), "--resolver", resolver])
    text = bib.read_text()
    line = text[:text.index("@article{brady2014adverse")].count("\n") + 1
    assert capsys.readouterr().out == (f"refs.bib:{line}: added brady2014adverse. Next: check it as its annote "
                                       "says, and cite it as [@brady2014adverse] on a page\n")
    assert bib_problems(bib)[0] == []
    added = parse_file(str(bib)).entries["brady2014adverse"]
    original = parse_file(str(ROOT / "refs.bib")).entries["brady2014adverse"]
    assert {name: added.fields.get(name) for name in HOUSE_FIELDS} == \
           {name: original.fields.get(name) for name in HOUSE_FIELDS}  # the same as the entry made by hand
    assert list(map(str, added.persons["author"])) == list(map(str, original.persons["author"]))
    assert not {"abstract", "keywords", "url", "publisher"} & {name.lower() for name in added.fields}
    assert "DOI content negotiation" in added.fields["annote"] and "add pmid" in added.fields["annote"]
    assert "@article{brady2014adverse,\n  author  = {Brady, Sarah and" in bib.read_text()


@pytest.mark.parametrize("typed", [DOI, "https://doi.org/" + DOI.lower()])
def test_a_doi_already_in_refs_bib_is_refused_without_fetching(tmp_path, resolver, typed):
    bib = refs_bib(tmp_path)
    before, _Resolver.requests[:] = bib.read_text(), []
    with pytest.raises(SystemExit) as refusal:
        add_ref.main([typed, "--bib", str(bib), "--resolver", resolver])
    line = before[:before.index("{" + DOI)].count("\n") + 1
    assert str(refusal.value) == (f"refs.bib:{line}: the DOI {typed.replace('https://doi.org/', '')} is already "
                                  "in refs.bib, as 'brady2014adverse'. Fix: cite it as [@brady2014adverse]")
    assert bib.read_text() == before and _Resolver.requests == []


def test_a_key_already_used_is_refused_and_another_can_be_given(tmp_path, resolver, capsys):
    bib = refs_bib(tmp_path, "  doi     = {10.1179/2042618613Y.0000000044},\n")  # the entry, without its DOI
    before = bib.read_text()
    with pytest.raises(SystemExit) as refusal:
        add_ref.main([DOI, "--bib", str(bib), "--resolver", resolver])
    assert str(refusal.value).endswith(f": the key 'brady2014adverse' is already used, by another source. Fix: give "
                                       f"the new source its own key: make add-ref DOI={DOI} KEY=brady2014adverseb "
                                       "(or a later title word)")
    assert bib.read_text() == before
    add_ref.main([DOI, "--bib", str(bib), "--resolver", resolver, "--key", "brady2014prospective"])
    assert "added brady2014prospective" in capsys.readouterr().out
    assert bib_problems(bib)[0] == []


def test_offline_it_says_so_in_one_line(tmp_path):
    with socket.socket() as closed:  # a port nothing listens on: like a machine with no network
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    bib = refs_bib(tmp_path, brady_entry())
    before = bib.read_text()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "add_ref.py"), DOI, "--bib", str(bib),
                             "--resolver", f"http://127.0.0.1:{port}"], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"make add-ref: no network: http://127.0.0.1:{port} cannot be reached (")
    assert result.stderr.endswith("Fix: connect to the internet and run make add-ref again\n")
    assert bib.read_text() == before
