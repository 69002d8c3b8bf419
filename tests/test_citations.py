"""No citation syntax survives into the built pages, the checker of citations in the
sources handles the edge cases, and the References page lists every entry."""

from pathlib import Path

from checks.built_site import raw_syntax_left
from checks.citations import citation_problems, cited_keys

ROOT = Path(__file__).resolve().parent.parent


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
    text = "Write to [name@example.com] about [@brady2014adverse; @boyce2020adverse].\n"
    assert citation_problems("docs/x.md", text, {"brady2014adverse", "boyce2020adverse"}) == []
    assert cited_keys(text) == {"brady2014adverse", "boyce2020adverse"}


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


def test_each_reference_links_to_the_sections_that_cite_it(built_site):
    import re
    html = (built_site.site / "references" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<li><span id="boyce2020adverse"></span>(.*?)</li>', html, re.DOTALL)
    assert entry, "boyce2020adverse has no entry on the References page"
    assert " Cited in: " in entry.group(1), entry.group(1)
    # Each page named once, then the sections on it that cite the entry.
    assert re.search(r'Risks and safety: (<a [^>]+>[^<]+</a>, )*'
                     r'<a href="../risks/#how-common-are-side-effects">How common are side effects</a>',
                     entry.group(1)), entry.group(1)
    assert 'Printable handout: <a href="../handout/#benefits-and-side-effects">Benefits and side effects</a>' \
        in entry.group(1), entry.group(1)


def test_a_rate_with_no_citation_is_named_and_a_cited_one_is_not():
    from checks.citations import uncited_rate_problems
    text = ("---\ntitle: x\n---\n\n# About 1 in 4\n\nAbout 1 in 4 people get it.\n\nCited: 3 in 100 [@a].\n\n"
            "Intro [@a]:\n\n- 5 in 100\n- 6%\n\nNo source:\n\n- 7 in 100\n\n<!-- claim: x, 9 in 10 -->\n")
    problems = [str(problem) for problem in uncited_rate_problems("docs/x.md", text)]
    assert problems == [
        "docs/x.md:7: '1 in 4' is a rate or a count with no citation. Fix: cite the study it comes from ([@key]) in "
        "the same paragraph, or show it as a claim from docs/data/claims.yml (<!-- claim: id -->)",
        "docs/x.md:18: '7 in 100' is a rate or a count with no citation. Fix: cite the study it comes from ([@key]) in "
        "the same paragraph, or show it as a claim from docs/data/claims.yml (<!-- claim: id -->)"]
