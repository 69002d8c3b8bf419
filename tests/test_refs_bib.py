"""refs.bib parses, and the mistakes pybtex and mkdocs-bibtex let through are
caught with the line and the fix (checks/bib_scan.py, checks/refs_bib.py)."""

from pathlib import Path

import pytest

from checks.refs_bib import bib_problems

ROOT = Path(__file__).resolve().parent.parent
GOOD = """% comment
@article{brady2014adverse,
  author  = {Brady, Sarah and Doody, Catherine},
  title   = {Adverse events},
  journal = {Journal},
  year    = {2014},
  volume  = {22},
  pages   = {134--140},
  doi     = {10.1179/2042618613Y.0000000044},
  pmid    = {25125935},
  annote  = {Survey. Metadata verified against: PubMed record.},
}
"""
# A journal's export as a writer pastes it: capitalised key, DOI as a web address,
# a LaTeX command in the title, and no annote.
PASTED = """@article{Brady_2014,
  author = {Brady, Sarah and Doody, Catherine},
  title = {Adverse events following \\textit{trigger point} dry needling},
  journal = {Journal},
  year = 2014,
  doi = {https://doi.org/10.1179/2042618613Y.0000000044},
  url = {https://doi.org/10.1179/2042618613Y.0000000044}
}
"""


def problems_in(tmp_path, text):
    path = tmp_path / "refs.bib"
    path.write_text(text)
    return [str(problem) for problem in bib_problems(path)[0]]


def test_the_good_example_is_clean(tmp_path):
    assert problems_in(tmp_path, GOOD) == []


@pytest.mark.parametrize("old, new, expected", [
    # pybtex silently drops every field after a value missing its opening brace
    ("volume  = {22},", "volume  = 22},", "refs.bib:7: entry 'brady2014adverse' closes here but more fields follow"),
    ("year    = {2014},", "year    = {2014,", "refs.bib:2: entry 'brady2014adverse' is never closed"),
    ("@article{brady", "article{brady", "refs.bib:2: text outside any entry"),
    ("{brady2014adverse,", "{Brady2014adverse,", "refs.bib:2: key 'Brady2014adverse' is not lowercase"),
    ("{brady2014adverse,", "{brady:2014,", "refs.bib:2: key 'brady:2014' is not lowercase"),
    ("  journal = {Journal},\n", "", "refs.bib:2: entry 'brady2014adverse' has no 'journal' field"),
    ("@article{", "@webpage{", "entry type '@webpage' cannot be formatted"),
    ("{10.1179/2042618613Y.0000000044}", "{https://doi.org/10.1179/x}", "refs.bib:9: doi 'https://doi.org/10.1179/x'"),
    ("{25125935}", "{PMID25125935}", "refs.bib:10: pmid 'PMID25125935' in 'brady2014adverse' is not well formed"),
    ("{Adverse events}", "{Adverse \\url{https://x.org} events}", "refs.bib:4: '\\url' in the title"),
    # pybtex raises on a name with more than two commas
    ("{Brady, Sarah and", "{Brady, S., Jr, X, Y and", "refs.bib:3: Too many commas in 'Brady, S., Jr, X, Y'"),
])
def test_broken_entry_is_reported_with_line_and_fix(tmp_path, old, new, expected):
    assert old in GOOD
    problems = problems_in(tmp_path, GOOD.replace(old, new, 1))
    assert any(problem.startswith(expected) or expected in problem for problem in problems), problems
    assert all("Fix:" in problem for problem in problems)


def test_every_problem_in_a_pasted_entry_is_reported_at_once(tmp_path):
    problems = problems_in(tmp_path, GOOD + PASTED)
    assert [problem.split(". Fix:")[0] for problem in problems] == [
        "refs.bib:13: key 'Brady_2014' is not lowercase letters and digits",
        "refs.bib:13: entry 'Brady_2014' has no 'annote' field",
        "refs.bib:15: '\\textit' in the title of 'Brady_2014' would show on the page as typed",
        "refs.bib:18: doi 'https://doi.org/10.1179/2042618613Y.0000000044' in 'Brady_2014' is not well formed",
    ]


def test_an_entry_pybtex_cannot_parse_hides_nothing(tmp_path):
    broken = GOOD.replace("  volume  = {22},", "  volume  = {22}").replace("{10.1179", "{doi:10.1179")
    problems = problems_in(tmp_path, broken + PASTED.replace("\\textit", ""))
    assert [problem.split(":", 2)[1] for problem in problems] == ["8", "9", "13", "13", "18"], problems
    assert problems[0].startswith("refs.bib:8: BibTeX syntax error")  # the line after the missing comma
    # the broken entry's own values are still checked, as typed
    assert problems[1].startswith("refs.bib:9: doi 'doi:10.1179/2042618613Y.0000000044' in 'brady2014adverse'")


def test_a_field_given_twice_is_reported(tmp_path):
    problems = problems_in(tmp_path, GOOD.replace("  volume", "  year    = {2015},\n  volume"))
    assert problems == ["refs.bib:2: entry with key brady2014adverse has a duplicate year field. "
                        "Fix: give each field once in each entry"]


def test_an_entry_without_annote_is_reported(tmp_path):
    problems = problems_in(tmp_path, GOOD.replace("  annote  = {Survey. Metadata verified against: PubMed record.},\n", ""))
    assert problems == ["refs.bib:2: entry 'brady2014adverse' has no 'annote' field. Fix: add annote = {...}, saying "
                        "what the source supports and how you checked its details (for example: Metadata verified "
                        "against: PubMed record)"]


def test_the_real_refs_bib_is_clean_and_every_entry_has_an_annote():
    assert [str(problem) for problem in bib_problems(ROOT / "refs.bib")[0]] == []


def test_keys_duplicated_ignoring_case_are_reported(tmp_path):
    problems = problems_in(tmp_path, GOOD + GOOD.replace("{brady2014adverse,", "{BRADY2014adverse,"))
    assert any("used twice (also on line 2)" in problem for problem in problems), problems


def test_accents_and_escaped_ampersands_are_allowed(tmp_path):
    text = GOOD.replace("{Brady, Sarah", "{Fern{\\'a}ndez-de-las-Pe{\\~n}as, C{\\'e}sar and Brady, Sarah")
    text = text.replace("{Journal}", "{Journal of Manual \\& Manipulative Therapy}")
    assert problems_in(tmp_path, text) == []


def test_missing_file_is_reported(tmp_path):
    problems, _ = bib_problems(tmp_path / "refs.bib")
    assert "does not exist" in str(problems[0])


def test_a_long_author_list_is_named_with_its_shorter_form(tmp_path):
    seven = " and ".join(f"Author{n}, A." for n in range(1, 8))
    problems = problems_in(tmp_path, GOOD.replace("Brady, Sarah and Doody, Catherine", seven))
    assert problems == [
        "refs.bib:3: 'brady2014adverse' lists 7 authors, more than 6. Fix: keep the first 3 and end with "
        "'and others': author = {Author1, A. and Author2, A. and Author3, A. and others}"]
    six_and_others = " and ".join(f"Author{n}, A." for n in range(1, 7)) + " and others"
    assert problems_in(tmp_path, GOOD.replace("Brady, Sarah and Doody, Catherine", six_and_others)) == []
