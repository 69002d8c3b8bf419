"""hooks/validate.py keeps refs.bib, checked and parsed, in .cache/bibtex/ so that a
build after a clean one skips pybtex's half-second parse. These tests prove a warm build
reads it, and that it never hides a problem: a changed refs.bib or a changed check is
checked afresh, and a bad cache file is ignored."""

from __future__ import annotations

import pickle
import re

import pytest

from validate import PARSED_CACHE_FILE

FROM_CACHE = " (from the cache)"


def built(site_copy):
    result = site_copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return site_copy


def references_item(site_copy, key: str) -> str:
    html = (site_copy.site / "references" / "index.html").read_text(encoding="utf-8")
    return re.search(rf'<li><span id="{key}"></span>.*?</li>', html, re.DOTALL).group()


def test_a_warm_build_takes_the_parsed_entries_from_the_cache(site_copy):
    path = built(site_copy).root / PARSED_CACHE_FILE
    key, bib = pickle.loads(path.read_bytes())
    bib.entries["brady2014adverse"].fields["title"] += FROM_CACHE
    path.write_bytes(pickle.dumps((key, bib)))
    assert FROM_CACHE in references_item(built(site_copy), "brady2014adverse")


def test_a_problem_added_after_a_clean_build_is_reported(site_copy):
    built(site_copy)
    site_copy.replace("refs.bib", "  volume    = {12},", "  volume    = 12},")
    output = site_copy.failed_build_output()
    assert "refs.bib:" in output and "closes here but more fields follow" in output and "Fix:" in output


def test_a_changed_check_is_run_on_an_unchanged_refs_bib(site_copy):
    built(site_copy)
    # A new rule that every entry of refs.bib breaks: keys of at most three letters.
    site_copy.replace("hooks/bibcheck.py", r'KEY = re.compile(r"^[a-z]+[0-9]{4}[a-z0-9]*$")',
                      r'KEY = re.compile(r"^[a-z]{1,3}[0-9]{4}[a-z0-9]*$")')
    output = site_copy.failed_build_output()
    assert "is not lowercase letters and digits" in output and "Fix:" in output


@pytest.mark.parametrize("content", [
    b"\x80\x04 not a pickle",
    pickle.dumps(("0" * 64, "a stale entry list")),
    pickle.dumps(["not", "a", "pair"]),
], ids=["corrupt", "stale", "wrong-shape"])
def test_a_bad_cache_file_is_ignored_and_replaced(built_site, site_copy, content):
    (site_copy.root / PARSED_CACHE_FILE).parent.mkdir(parents=True)
    (site_copy.root / PARSED_CACHE_FILE).write_bytes(content)
    built(site_copy)
    assert references_item(site_copy, "brady2014adverse") == references_item(built_site, "brady2014adverse")
    stored_key, bib = pickle.loads((site_copy.root / PARSED_CACHE_FILE).read_bytes())
    assert "brady2014adverse" in bib.entries
