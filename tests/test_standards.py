"""The About page's table of the decision-aid standards (IPDAS): every qualifying
criterion is listed as met, each with a link that lands on the page and section that
meets it; a row that says "Yes" without a link, or a link to a section that does not
exist, stops the build with the file, the line and the fix."""

from __future__ import annotations

import re

from checks.built_site import broken_internal_links
from checks.standards import standards_problems

QUALIFYING = ["Describes the health problem", "States the decision", "Describes the options",
              "Describes the benefits of each option", "Describes the harms of each option",
              "Describes what each option is like"]


def standards_tables(built_site) -> list[list[list[str]]]:
    """The About page's standards tables as visitors see them: rows of cells' HTML."""
    html = (built_site.site / "about" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="the-standards-we-follow"', 1)[1].split("<h2", 1)[0]
    tables = re.findall(r"<table[^>]*>(.*?)</table>", section, re.DOTALL)
    return [[re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL) for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)][1:]
            for table in tables]


def test_every_qualifying_criterion_is_met_and_links_to_where(built_site):
    qualifying, certification = standards_tables(built_site)
    assert [re.sub(r"<[^>]+>", "", row[0]) for row in qualifying] == QUALIFYING
    for row in qualifying + certification:
        assert row[1] == "Yes" and "<a href=" in row[2], row
    about = [problem for problem in broken_internal_links(built_site.root) if problem.file == "docs/about.md"]
    assert not about, "\n".join(map(str, about))


def test_a_row_marked_met_must_link_to_where_and_say_yes_or_not_yet():
    text = ("# About\n\n| Criterion | Met? | Where |\n|---|---|---|\n| States the decision | Yes | The decision page |\n"
            "| Gives a date | Maybe | [Review](#review) |\n| Tested with patients | Not yet | We have not |\n")
    assert [str(problem) for problem in standards_problems("docs/about.md", text)] == [
        "docs/about.md:5: criterion 'States the decision' is marked met but does not link to where. Fix: under "
        "'Where', link to the page or section that meets it, or mark it 'Not yet' and say what is missing",
        "docs/about.md:6: criterion 'Gives a date' says 'Maybe' under 'Met?'. Fix: write Yes or Not yet; for "
        "'Not yet', say what is missing under 'Where'"]


def test_a_row_linking_to_a_missing_section_stops_the_build(site_copy):
    site_copy.replace("docs/about.md", "](decision.md#the-decision)", "](decision.md#the-choice)")
    output = site_copy.failed_build_output()
    assert "Doc file 'about.md' contains a link 'decision.md#the-choice', but the doc 'decision.md' does not " \
           "contain an anchor '#the-choice'." in output, output
