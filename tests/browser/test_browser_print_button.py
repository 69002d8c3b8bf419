"""The handout and the checklist offer a print button (issue 13, point 7): on
screen it prints the page, without script there is no button that does nothing,
and on paper neither the button, the screen-only words nor the glossary's dotted
underlines show."""

from __future__ import annotations

import pytest

from browser_checks import loading_problems

PAGES = ("handout/", "checklist/")
BUTTON = "button.print-button"
SCREEN_WORDS = "Use your browser's print button"
# Every glossary term's underline, and every visible print button, as printed.
ON_PAPER = """() => ({
  underlined: [...document.querySelectorAll("article abbr")].filter(el => {
    const s = getComputedStyle(el);
    return (s.borderBottomStyle !== "none" && parseFloat(s.borderBottomWidth) > 0)
           || s.textDecorationLine !== "none";
  }).map(el => el.textContent),
  buttons: [...document.querySelectorAll("article .print-button")]
    .filter(el => el.getClientRects().length > 0).map(el => el.textContent.trim()),
})"""


def print_button_problems(tab, path) -> list[str]:
    """On screen: one visible 'Print this page' button of at least 24 x 24 px that
    opens the browser's print dialogue, with no console or policy error."""
    page = tab.visit(path)
    where = f"{page.url}"
    button = page.locator(BUTTON).filter(visible=True)
    if button.count() != 1:
        return [f"{where}: {button.count()} visible print buttons, not 1. Fix: give the page "
                "print_button: true in its front matter and keep the scripts block of "
                "overrides/main.html that includes partials/print-button.html."]
    problems = []
    if button.inner_text().strip() != "Print this page":
        problems.append(f"{where}: the print button says {button.inner_text()!r}.")
    box = button.bounding_box()
    if box["width"] < 24 or box["height"] < 24:
        problems.append(f"{where}: the print button is {box['width']:.0f} x {box['height']:.0f} px, "
                        "under 24 x 24 px.")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button.click()
    if page.evaluate("window.printed") != 1:
        problems.append(f"{where}: clicking the print button does not open the print dialogue. "
                        "Fix: keep overrides/partials/print-button.html.")
    if SCREEN_WORDS in page.locator("article").inner_text():
        problems.append(f"{where}: the page still says {SCREEN_WORDS!r}; the button replaces it.")
    return problems + loading_problems(page.url, tab.take_activity())


def paper_problems(page) -> list[str]:
    page.emulate_media(media="print")
    found = page.evaluate(ON_PAPER)
    page.emulate_media(media="screen")
    problems = [f"{page.url}: on paper the button {text!r} still shows. Fix: keep it in the "
                ".screen-only paragraph of overrides/main.html." for text in found["buttons"]]
    if found["underlined"]:
        problems.append(f"{page.url}: on paper glossary terms stay underlined "
                        f"({', '.join(found['underlined'][:3])}). Fix: keep the abbr rule in the "
                        "@media print rules of docs/stylesheets/extra.css.")
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_the_print_button_prints_the_page(open_tab, site_base, path):
    assert print_button_problems(open_tab(site_base), path) == []


@pytest.mark.parametrize("path", PAGES)
def test_without_script_there_is_no_print_button(open_tab, site_base, path):
    page = open_tab(site_base, java_script_enabled=False).visit(path)
    assert page.locator(BUTTON).count() == 1, "the page has no print button at all"
    assert not page.locator(BUTTON).is_visible(), "without script the print button shows and does nothing"


@pytest.mark.parametrize("path", PAGES)
def test_on_paper_no_button_and_no_glossary_underline(open_tab, site_base, path):
    page = open_tab(site_base).visit(path)
    assert page.locator("article abbr").count() > 0, "no glossary term to check on this page"
    assert paper_problems(page) == []


def test_a_printed_button_and_underlined_terms_are_reported(built_copy, serve, open_tab):
    style = "<style>@media print { .md-typeset .screen-only { display: block !important }" \
            " .md-typeset abbr { border-bottom: 1px dotted !important } }</style></head>"
    built_copy.replace("site/handout/index.html", "</head>", style)
    page = open_tab(serve(built_copy.site)).visit("handout/")
    problems = paper_problems(page)
    assert len(problems) == 2, problems
    assert "/handout/: on paper the button 'Print this page' still shows" in problems[0]
    assert "/handout/: on paper glossary terms stay underlined" in problems[1]


def test_a_page_without_its_print_script_is_reported(built_copy, serve, open_tab):
    html = built_copy.read("site/handout/index.html")
    script = html[html.index('<script>for(const b of document.querySelectorAll("button.print-button"))'):]
    built_copy.write("site/handout/index.html", html.replace(script[:script.index("</script>") + 9], ""))
    problems = print_button_problems(open_tab(serve(built_copy.site)), "handout/")
    assert len(problems) == 1 and "0 visible print buttons, not 1" in problems[0], problems
