"""The fact box and risk pictures show the numbers the risks page cites, from
docs/data/risks.yml, and the hook that draws them fails loudly on bad input."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from checks.risk_data import read_risk_data

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "docs/data/risks.yml"
SVG = re.compile(r'<svg class="risk-picture__dots"[^>]*?aria-label="([^"]*)"[^>]*?viewBox="0 0 (\d+) (\d+)"'
                 r'[^>]*><title>([^<]*)</title>.*?<g class="risk-picture__filled"[^>]*>(.*?)</g></svg>',
                 re.DOTALL)
MARKER = re.compile(r"^<!-- risk-picture: ([a-z0-9-]+) -->$", re.MULTILINE)


def harms() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["harms"]


def bib_keys() -> set[str]:
    return set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "refs.bib").read_text(encoding="utf-8"), re.MULTILINE))


def filled_dots(harm: dict) -> int:
    return round(float(harm["percentage"].rstrip("%")) * harm["picture"] / 100)


def expected_words(harm: dict) -> str:
    filled = filled_dots(harm)
    how = "fewer than" if harm.get("fewer_than") else "about"
    under = "under " if harm.get("fewer_than") else ""
    return (f"{harm['label']}: {how} {filled:,} in {harm['picture']:,} {harm['unit']} ({under}{harm['percentage']}). "
            f"{filled:,} of {harm['picture']:,} dots filled in.")


def pictures_disagreeing_with_data(html: str, rows: list[dict]) -> list[str]:
    """Each picture on a built page whose words, dot count or filled dots differ from its data row."""
    by_label = {f"{row['label']}:": row for row in rows if "picture" in row}
    problems = []
    for label, width, height, title, filled in SVG.findall(html):
        label, title = unescape(label), unescape(title)
        row = next((row for prefix, row in by_label.items() if label.startswith(prefix)), None)
        if row is None:
            problems.append(f"picture '{label}' matches no pictured harm in docs/data/risks.yml")
            continue
        words = expected_words(row)
        dots = int(width) * int(height) // 100
        if label != words or title != words:
            problems.append(f"picture says '{label}' but docs/data/risks.yml gives '{words}'")
        if dots != row["picture"]:
            problems.append(f"picture '{row['id']}' has {dots} dots, docs/data/risks.yml says {row['picture']}")
        if filled.count("<circle") != filled_dots(row):
            problems.append(f"picture '{row['id']}' fills {filled.count('<circle')} dots, "
                            f"docs/data/risks.yml gives {filled_dots(row)}")
    return problems


def test_every_picture_on_the_risks_page_shows_its_data_row(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    source = (ROOT / "docs/risks.md").read_text(encoding="utf-8")
    assert len(SVG.findall(html)) == len(MARKER.findall(source)) > 0
    assert pictures_disagreeing_with_data(html, harms()) == []


def test_a_picture_with_the_wrong_count_is_caught(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    broken = html.replace("about 16 in 100 treatments (16%). 16 of 100", "about 15 in 100 treatments (16%). 15 of 100")
    assert any("Bleeding: about 15 in 100" in problem for problem in pictures_disagreeing_with_data(broken, harms()))
    one_dot = '<circle cx="5" cy="5" r="4"/>'
    fewer_dots = re.sub(r'(<g class="risk-picture__filled"[^>]*>)' + re.escape(one_dot), r"\1", html, count=1)
    assert any("fills 36 dots" in problem for problem in pictures_disagreeing_with_data(fewer_dots, harms()))


def test_every_picture_is_followed_by_its_citation(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    for figure in re.findall(r'<figure class="risk-picture.*?</figure>', html, re.DOTALL):
        assert re.search(r'<figcaption>.*<a class="footnote-ref" href="#fn:[a-z0-9]+"', figure, re.DOTALL), figure[-400:]


def test_the_table_of_harms_on_the_risks_page_has_every_harm_in_the_data(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    table = html[html.rindex("<th>Side effect</th>"):]
    table = re.sub(r"</?abbr[^>]*>", "", table[:table.index("</table>")])  # glossary terms
    for row in harms():
        assert f"<td>{row['label']}</td>" in table and f"<td>{row['who']}</td>" in table, row["id"]
    assert table.count("<tr>") == len(harms())  # the header row starts before the slice


# (change, line named, message): shape by docs/data/risks.schema.json, its description the fix; then rules across fields
MISTAKES = [
    ("    source: witt2009safety\n", "", "  - id: collapsed-lung-witt", "harm 'collapsed-lung-witt' "
     "has no source. Fix: add 'source:' with the refs.bib key of the study the number comes from, such as boyce2020adverse"),
    ("    source: witt2009safety", "    source:", "    source:", "harm 'collapsed-lung-witt' has no source. Fix: after 'source:'"),
    ("    unit: treatments\n", "    unit: kg\n", "    unit: kg", "harm 'any-minor-boyce' has 'unit: kg'. "
     "Fix: after 'unit:' write what the number counts, one of: treatments, patients, visits, people"),
    ("    count: 16\n    in: 100\n", "    count: 16\n    in: 100.0\n", "    in: 100.0",
     "harm 'bleeding-boyce' has 'in: 100.0'. Fix: after 'in:' write a whole number"),
    ("    percentage: 16%\n", "    percentage: 160%\n", "    percentage: 160%", "harm 'bleeding-boyce' has 'percentage: 160%'. "
     "Fix: after 'percentage:' write the share the source gives, with % and no more than 100%, for example 7.7%"),
    ("    percentage: 16%\n", "", "  - id: bleeding-boyce", "harm 'bleeding-boyce' has no percentage (picture needs it). "
     "Fix: add 'percentage:' with the share"),
    ("    fact_box: true\n", "    fact-box: true\n", "    fact-box: true", "harm 'any-minor-boyce' has 'fact-box:', which is "
     "not a field the site knows. Fix: correct its spelling or remove it; the fields are id, label, count, in, about,"),
    ("    label: Bleeding\n", "    label: [Bleeding]\n", "    label: [Bleeding]", "harm 'bleeding-boyce' has 'label: "
     "[\"Bleeding\"]'. Fix: after 'label:' write what happened, in words (no [ ] or { } around them)"),
    ("    sources: [chys2023clinical, stieven2020dry]", "    sources: []", "    sources: []",
     "benefit 'Compared with other treatments' has no sources. Fix: after 'sources:' write the refs.bib keys"),
    ("  - label: In the long term\n", "  - In the long term\n  - label: Later\n", "  - In the long term",
     "benefit number 3 is not laid out as the site expects. Fix: write it as one benefit: 'label:', 'text:'"),
    ("    sources: [chys2023clinical, stieven2020dry]", "    sources: [chys2023, stieven2020dry]",
     "    sources: [chys2023, stieven2020dry]",
     "source 'chys2023' is not in refs.bib. Fix: use the key of a refs.bib entry, or add the entry to refs.bib"),
    ("    count: 60\n", "    count: 61\n", "  - id: soreness-martin", "harm 'soreness-martin' has count 61 in 60. Fix:"),
]


@pytest.mark.parametrize("old, new, line, expected", MISTAKES)
def test_each_mistake_in_the_data_file_is_named_with_its_line_and_fix(old, new, line, expected):
    text = DATA.read_text(encoding="utf-8")
    assert read_risk_data(text, bib_keys())[2] == [] and old in text
    broken = text.replace(old, new, 1)
    problems = [str(problem) for problem in read_risk_data(broken, bib_keys())[2]]
    assert len(problems) == 1 and problems[0].startswith(
        f"docs/data/risks.yml:{broken.splitlines().index(line) + 1}: {expected}"), problems
