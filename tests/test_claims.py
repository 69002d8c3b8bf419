"""docs/data/claims.yml: each claim written once and shown the same on every page that
asks for it, with its citation and how sure we are; what the data file may get wrong
that the writer-mistakes table does not show; and data that reaches the page as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.claims import marker_problems, read_claims
from checks.risk_data import read_risk_data

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "docs" / "data" / "claims.yml"
KEYS = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "refs.bib").read_text(encoding="utf-8"), re.MULTILINE))
# A claim's "N in M" figures must be ones docs/data/risks.yml gives.
HARMS = read_risk_data((ROOT / "docs" / "data" / "risks.yml").read_text(encoding="utf-8"), None)[1]


def claims(text: str | None = None):
    return read_claims(DATA.read_text(encoding="utf-8") if text is None else text, KEYS, HARMS)


def test_the_data_file_has_no_problems():
    assert claims()[1] == []


@pytest.mark.parametrize("old, new, expected", [
    ("  - id: blood-thinners\n", "  - id: soreness-duration\n", "claim 'soreness-duration' is written twice"),
    ("claims: [collapsed-lung-signs,", "claims: [collapsed-lung-sign,",
     "claim 'collapsed-lung-sign' is not in docs/data/claims.yml (did you mean collapsed-lung-signs?)"),
    ("  - name: low\n", "  - name: Low!\n", "level 'Low!' has 'name: Low!'. Fix: after 'name:' write the level's name"),
])
def test_each_mistake_in_the_data_file_is_named(old, new, expected):
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    problems = [str(problem) for problem in claims(text.replace(old, new, 1))[1]]
    assert any(expected in problem for problem in problems), problems


def test_a_claim_without_items_cannot_be_shown_as_tick_boxes():
    problems, _ = marker_problems("docs/x.md", "# X\n\n<!-- claim: soreness-duration, as tick boxes -->\n", claims()[0])
    assert [str(problem) for problem in problems] == [
        "docs/x.md:3: claim 'soreness-duration' has no items to show as tick boxes. Fix: remove ', as tick boxes', "
        "or give the claim 'items:' in docs/data/claims.yml"]


def test_a_claim_reads_the_same_on_every_page_that_shows_it(built_site):
    def soreness(page: str) -> str:
        html = (built_site.site / page / "index.html").read_text(encoding="utf-8")
        return re.search(r"<p>Soreness after needling is very common\..*?</p>", html).group()
    # Footnote numbers depend on the page; the words and the source may not.
    texts = {page: re.sub(r'<sup id="fnref:([^"]+)">.*?</sup>', r"[\1]", soreness(page))
             for page in ("risks", "handout", "checklist")}
    assert len(set(texts.values())) == 1, texts
    assert texts["risks"] == ("<p>Soreness after needling is very common. It usually lasts less than 72 hours "
                              "[martinpintadozugasti2018postneedling].</p>")


# Each care card: its box (its colour), the pages that show it whole, those that show only
# its signs (paper is short), and words its signs must carry.
CARDS = {
    "Call 999 or 911 now": ("danger", ("", "risks", "practical", "handout", "checklist"), (), "about 2 days later"),
    "Call 111 or see your GP": ("warning", ("practical",), ("risks", "handout", "checklist"), "red, hot, swollen"),
    "Tell your clinician": ("note", ("practical",), ("risks", "handout", "checklist"), "more than 3 days"),
}


def card_on(site: Path, page: str, kind: str, title: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    boxes = [box for box in re.finditer(r'<div class="admonition (\w+)">\s*<p class="admonition-title">(.*?)</p>.*?</div>',
                                        html, re.DOTALL) if re.sub(r"<[^>]+>", "", box.group(2)) == title]
    assert [box.group(1) for box in boxes] == [kind], page
    # Footnote numbers, and which mention of a glossary term takes the focus, depend on the page.
    plain = re.sub(r'href="[^"]*"| tabindex="0"', "", boxes[0].group())
    return re.sub(r'<sup id="fnref\d*:([^"]+)">.*?</sup>', r"[\1]", plain)


@pytest.mark.parametrize("title", CARDS)
def test_each_care_card_is_the_same_on_every_page_and_says_how_sure(built_site, title):
    kind, whole, signs_only, words = CARDS[title]
    boxes = {card_on(built_site.site, page, kind, title) for page in whole}
    assert len(boxes) == 1
    box = boxes.pop()
    assert words in box and "How sure are we?</a> " in box
    for page in signs_only:
        short = card_on(built_site.site, page, kind, title)
        assert words in short and "How sure are we?" not in short and "fnref" not in short, page
        assert box.startswith(short.removesuffix("</div>")), page


def test_a_card_naming_an_unknown_claim_is_named_at_its_line():
    text = DATA.read_text(encoding="utf-8").replace("claims: [soreness-duration]", "claims: [soreness-durations]", 1)
    line = text.splitlines().index("  - id: tell-clinician") + 1
    assert [str(problem) for problem in claims(text)[1]] == [
        f"docs/data/claims.yml:{line}: claim 'soreness-durations' is not in docs/data/claims.yml (did you mean "
        "soreness-duration?). Fix: use the id of a claim in docs/data/claims.yml, or add the claim there"]


def test_an_unknown_card_on_a_page_is_named_at_its_line():
    problems, _ = marker_problems("docs/x.md", "# X\n\n<!-- card: call-99 -->\n", claims()[0])
    assert [str(problem) for problem in problems] == [
        "docs/x.md:3: card 'call-99' is not in docs/data/claims.yml (did you mean call-999?). Fix: use the id "
        "of a card in docs/data/claims.yml, or add the card there"]


def test_claim_text_reaches_the_page_as_text(site_copy):
    site_copy.replace("docs/data/claims.yml", "Soreness after needling is very common.",
                      "Soreness <script>alert('x')</script> *is* [very](javascript:alert('y')) common.")
    html = (site_copy.successful_build().site / "risks" / "index.html").read_text(encoding="utf-8")
    assert "Soreness &lt;script&gt;alert('x')&lt;/script&gt; *is* [very](javascript:alert('y')) common" in html


def test_a_card_without_signs_cannot_be_shown_as_signs_only():
    problems, shown = marker_problems("docs/x.md", "# X\n\n<!-- card: call-999, signs only -->\n", claims()[0])
    assert [str(problem) for problem in problems] == [
        "docs/x.md:3: card 'call-999' has no items to show as its signs. Fix: remove ', signs only', or give the "
        "card 'items:' in docs/data/claims.yml"]
