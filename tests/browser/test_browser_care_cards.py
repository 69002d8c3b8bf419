"""The care cards (issue 12, point 5), as a visitor sees them on a phone and on a
desktop: each kind in its own box, with its heading, in its own colour (red, amber,
blue, graded as the NHS's are), and every word in it at least as large as the body text."""

from __future__ import annotations

import pytest

WIDTHS = (360, 1280)
# Each card's heading, and the colour of its box's edge.
CARDS = {"Call 999 or 911 now": "red", "Call 111 or see your GP": "amber", "Tell your clinician": "blue"}
# Pages that show all three cards.
PAGES = ("practical/", "risks/", "checklist/", "handout/")

CARD_LOOK = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const body = size(document.querySelector("article"));
  return [...document.querySelectorAll("article .admonition")].map(box => ({
    title: (box.querySelector(".admonition-title")?.innerText || "").trim(),
    edge: getComputedStyle(box).borderLeftColor.match(/[\\d.]+/g).slice(0, 3).map(Number),
    smallest: Math.min(...[...box.querySelectorAll(".admonition-title, p, li")].map(size)),
    body}));
}"""
FIX_COLOUR = "set the card's 'urgency:' in docs/data/claims.yml (emergency, urgent or non-urgent)"


def colour_of(red: float, green: float, blue: float) -> str:
    if red > 180 and green < 100:
        return "red"
    if red > 180 and 100 <= green < 200 and blue < 100:
        return "amber"
    if blue > 180 and red < 150:
        return "blue"
    return f"rgb({red:.0f}, {green:.0f}, {blue:.0f})"


def care_card_problems(page) -> list[str]:
    boxes = page.evaluate(CARD_LOOK)
    problems = []
    for title, expected in CARDS.items():
        found = [box for box in boxes if box["title"] == title]
        if not found:
            problems.append(f"{page.url}: the care card '{title}' is missing. Fix: show it with "
                            "'<!-- card: id -->', and keep its 'title:' in docs/data/claims.yml")
            continue
        box = found[0]
        if (shown := colour_of(*box["edge"])) != expected:
            problems.append(f"{page.url}: the care card '{title}' is {shown}, not {expected}. Fix: {FIX_COLOUR}")
        if box["smallest"] < box["body"]:
            problems.append(f"{page.url}: in the care card '{title}', text is {box['smallest']:.1f} px, under the "
                            f"body's {box['body']:.1f} px. Fix: keep the box rules in docs/stylesheets/extra.css")
    return problems


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_each_care_card_shows_with_its_heading_colour_and_body_size_text(open_tab, site_base, width):
    tab = open_tab(site_base, viewport={"width": width, "height": 800})
    problems = [problem for path in PAGES for problem in care_card_problems(tab.visit(path))]
    assert not problems, "\n".join(problems)


def test_a_missing_miscoloured_or_small_card_is_reported(built_copy, serve, open_tab):
    html = built_copy.read("site/practical/index.html")
    html = (html.replace('<p class="admonition-title">Call 999 or 911 now</p>', '<p class="admonition-title">Help</p>')
            .replace('<div class="admonition warning">', '<div class="admonition note">')
            .replace("</head>", "<style>.md-typeset .admonition.note { font-size: .64rem }</style></head>", 1))
    built_copy.write("site/practical/index.html", html)
    page = open_tab(serve(built_copy.site), viewport={"width": 360, "height": 800}).visit("practical/")
    problems = care_card_problems(page)
    assert len(problems) == 4, problems
    assert "/practical/: the care card 'Call 999 or 911 now' is missing. Fix: show it with" in problems[0]
    assert "the care card 'Call 111 or see your GP' is blue, not amber. Fix: set the card's 'urgency:'" in problems[1]
    assert "in the care card 'Call 111 or see your GP', text is 12.8 px, under the body's" in problems[2]
    assert "in the care card 'Tell your clinician', text is 12.8 px, under the body's" in problems[3]
