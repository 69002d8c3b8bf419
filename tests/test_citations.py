"""Every citation resolves, every reference is used, and no citation syntax
survives into the built pages (checks 2 and 4)."""

from pathlib import Path

from checks.refs_bib import bib_problems
from checks.citations import citation_problems, cited_keys
from checks.built_site import raw_syntax_left

ROOT = Path(__file__).resolve().parent.parent


def page_sources():
    return {f"docs/{path.relative_to(ROOT / 'docs').as_posix()}": path.read_text(encoding="utf-8")
            for path in sorted((ROOT / "docs").rglob("*.md"))}


def bib_keys():
    problems, bib = bib_problems(ROOT / "refs.bib")
    assert not problems, "\n".join(map(str, problems))
    return set(bib.entries.keys())


def test_every_citation_key_exists_in_refs_bib():
    keys = bib_keys()
    problems = [p for name, text in page_sources().items() for p in citation_problems(name, text, keys)]
    assert not problems, "\n".join(map(str, problems))


def test_every_refs_bib_entry_is_cited_somewhere():
    cited = set().union(*(cited_keys(text) for text in page_sources().values()))
    assert not bib_keys() - cited, f"refs.bib entries cited on no page: {sorted(bib_keys() - cited)}"


def test_no_raw_citation_syntax_in_the_built_site(built_site):
    problems = raw_syntax_left(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_unknown_key_names_file_line_and_a_close_match():
    text = "---\n---\n\nBruising is common [@brady2014advers].\n"
    [problem] = citation_problems("docs/risks.md", text, {"brady2014adverse"})
    assert str(problem).startswith("docs/risks.md:4: citation [@brady2014advers] not found")
    assert "did you mean brady2014adverse?" in str(problem) and "Fix:" in str(problem)


def test_citation_inside_code_is_reported():
    text = "Some `[@brady2014adverse]` here.\n\n```\nSee [@brady2014adverse]\n```\n"
    problems = [str(p) for p in citation_problems("docs/x.md", text, {"brady2014adverse"})]
    assert problems == [
        "docs/x.md:1: a citation is inside code and would not be rendered. "
        "Fix: move the [@key] out of the backticks or code block",
        "docs/x.md:4: a citation is inside code and would not be rendered. "
        "Fix: move the [@key] out of the backticks or code block",
    ]


def test_affixes_and_bad_keys_are_reported():
    text = "A [see @brady2014adverse, p. 4] and [@dunning:2018].\n"
    problems = [str(p) for p in citation_problems("docs/x.md", text, {"brady2014adverse"})]
    assert len(problems) == 2 and all(p.startswith("docs/x.md:1:") for p in problems)


def test_email_addresses_are_not_citations():
    assert citation_problems("docs/x.md", "Write to [name@example.com].\n", set()) == []


def test_build_stops_on_an_unknown_key_with_file_line_and_fix(site_copy):
    site_copy.replace("docs/risks.md", "[@brady2014adverse]", "[@brady2014advers]")
    output = site_copy.failed_build_output()
    assert "docs/risks.md:" in output and "did you mean brady2014adverse?" in output
    assert not site_copy.site.exists()


def test_build_fails_on_an_uncited_entry(site_copy):
    site_copy.write("refs.bib", site_copy.read("refs.bib") + (
        "\n@article{nobody2020unused,\n  author = {Nobody, Anne},\n  title = {Unused},\n"
        "  journal = {Journal},\n  year = {2020},\n}\n"))
    result = site_copy.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "refs.bib: entry 'nobody2020unused' is not cited on any page" in output
    assert not site_copy.site.exists()


def test_checker_reports_raw_citation_syntax_in_html(built_copy):
    page = built_copy.site / "benefits" / "index.html"
    page.write_text(page.read_text().replace("</article>", "<p>Left over [@gattie2017x]</p></article>", 1))
    problems = [str(p) for p in raw_syntax_left(built_copy.root)]
    assert any(p.startswith("docs/benefits.md") and "[@gattie2017x]" in p and "Fix:" in p
               for p in problems)


def test_references_page_lists_every_entry_with_doi_and_pubmed_links(built_site):
    from pybtex.database import parse_file

    html = (built_site.site / "references" / "index.html").read_text(encoding="utf-8")
    for key, entry in parse_file(ROOT / "refs.bib").entries.items():
        assert f'id="{key}"' in html, f"refs.bib entry '{key}' is missing from the References page"
        if doi := entry.fields.get("doi"):
            assert f'href="https://doi.org/{doi}"' in html, f"no DOI link for '{key}'"
        if pmid := entry.fields.get("pmid"):
            assert f'href="https://pubmed.ncbi.nlm.nih.gov/{pmid}/"' in html, f"no PubMed link for '{key}'"
