"""hooks/validate.py keeps refs.bib, checked and parsed, in .cache/bibtex/ so that a
build after a clean one skips pybtex's half-second parse. These tests prove a warm build
reads it, and that it never hides a problem: a changed refs.bib or a changed check is
checked afresh, and a bad cache file is ignored."""

from __future__ import annotations

import pickle

import pytest

from validate import PARSED_CACHE_FILE

FROM_CACHE = " (from the cache)"


def test_a_warm_build_takes_the_parsed_entries_from_the_cache(site_copy):
    path = site_copy.successful_build().root / PARSED_CACHE_FILE
    key, bib = pickle.loads(path.read_bytes())
    bib.entries["brady2014adverse"].fields["title"] += FROM_CACHE
    path.write_bytes(pickle.dumps((key, bib)))
    assert FROM_CACHE in site_copy.successful_build().references_item("brady2014adverse")


def test_a_problem_added_after_a_clean_build_is_reported(site_copy):
    site_copy.successful_build()
    site_copy.replace("refs.bib", "  volume    = {12},", "  volume    = 12},")
    output = site_copy.failed_build_output()
    assert "refs.bib:" in output and "closes here but more fields follow" in output and "Fix:" in output


def test_a_changed_check_is_run_on_an_unchanged_refs_bib(site_copy):
    site_copy.successful_build()
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
    site_copy.successful_build()
    assert site_copy.references_item("brady2014adverse") == built_site.references_item("brady2014adverse")
    stored_key, bib = pickle.loads((site_copy.root / PARSED_CACHE_FILE).read_bytes())
    assert "brady2014adverse" in bib.entries
