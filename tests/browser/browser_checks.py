"""Checks that need a real browser. Each returns a list of problems, one string
per problem naming the page, what is wrong and how to fix it; an empty list
means the page passed. The same functions run on the real site and on broken
copies, so every check is shown to fail when it should."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pypdf
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_tab import Activity, stays_on_site

# WCAG 2.2 level A and AA, as the axe rule tags name them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]}).then(r => r.violations)"""

# The elements that stick out past the right edge of the screen, leaving out
# those inside a box that scrolls or clips them (wide tables do that on purpose).
WIDER_THAN_SCREEN = """() => {
  const screen = window.innerWidth;
  const sticksOut = el => el.getBoundingClientRect().right > screen + 1;
  const clippedByAncestor = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== "visible") return true;
    return false;
  };
  const culprits = [...document.body.querySelectorAll("*")]
    .filter(el => sticksOut(el) && !sticksOut(el.parentElement) && !clippedByAncestor(el))
    .slice(0, 3)
    .map(el => "<" + el.tagName.toLowerCase() + (el.className ? ' class="' + el.className + '"' : "")
               + "> " + Math.round(el.getBoundingClientRect().width) + " px wide");
  return [document.scrollingElement.scrollWidth, screen, culprits];
}"""

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {
    text: (el.innerText || el.getAttribute("aria-label") || el.tagName).trim(),
    href: el.getAttribute("href"),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== "none",
    in_content: !!el.closest(".md-content"),
  };
}"""

SEARCH_READY = """() => !/initializing/i.test(
  document.querySelector(".md-search-result__meta")?.textContent || "initializing")"""
SEARCH_FINISHED = """() => /matching document/i.test(
  document.querySelector(".md-search-result__meta")?.textContent || "")"""

SEARCH_BOX = "input[data-md-component=search-query]"
TOOLTIP = ".md-tooltip2--active"


def one_line(text: str) -> str:
    return " ".join(text.split())


def accessibility_problems(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)  # not a <script> tag: the pages' policy blocks inline script
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    return [f"{page.url}: axe {violation['id']} at {' '.join(map(str, node['target']))}: "
            f"{violation['help']}. Fix: {one_line(node['failureSummary'])} "
            f"(see {violation['helpUrl']})"
            for violation in violations for node in violation["nodes"]]


def requests_to_other_hosts(page_url: str, activity: Activity, base: str) -> list[str]:
    return [f"{page_url}: the visitor's browser asked another host for {url}. Fix: serve it "
            "from the site itself (under docs/) or remove it: a health page must not tell "
            "third parties who reads it."
            for url in dict.fromkeys(activity.requests) if not stays_on_site(url, base)]


def loading_problems(page_url: str, activity: Activity) -> list[str]:
    errors = [f"{page_url}: console error: {error}. Fix: the script or file named in it."
              for error in activity.errors]
    failures = [f"{page_url}: request failed: {failure}. Fix: link only files the site builds."
                for failure in activity.failures]
    return errors + failures


def horizontal_scroll_problems(page) -> list[str]:
    width, screen, culprits = page.evaluate(WIDER_THAN_SCREEN)
    if width <= screen:
        return []
    return [f"{page.url}: the page is {width} px wide on a {screen} px screen, so it scrolls "
            f"sideways (widest: {'; '.join(culprits) or 'unknown'}). Fix: give that element "
            "max-width: 100% or let it wrap, in docs/stylesheets/extra.css."]


def closing_notes_problems(page) -> list[str]:
    notes = {
        ".page-review": ("'Last reviewed' date", "give the page last_reviewed and next_review "
                         "front matter (shown by overrides/main.html)"),
        ".disclaimer": ("disclaimer", "keep the disclaimer block in overrides/main.html"),
    }
    return [f"{page.url}: the {name} is not visible. Fix: {fix}."
            for selector, (name, fix) in notes.items()
            if not page.locator(selector).first.is_visible()]


def citation_tooltip_problems(page) -> list[str]:
    """Hover the first citation and focus the last one: each must open a tooltip
    that shows the reference it points to."""
    citations = page.locator(".footnote-ref")
    if citations.count() == 0:
        return []
    problems = []
    first, last = citations.first, citations.last
    for how, citation, open_tooltip in (("hovering", first, first.hover),
                                        ("focusing", last, last.focus)):
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement.blur()")
        page.locator(TOOLTIP).first.wait_for(state="hidden", timeout=2000)
        target = citation.get_attribute("href").removeprefix("#")
        reference = one_line(page.locator(f'[id="{target}"]').inner_text())[:40]
        open_tooltip()
        try:
            page.locator(TOOLTIP).first.wait_for(state="visible", timeout=2000)
        except PlaywrightTimeout:
            problems.append(f"{page.url}: {how} citation #{target} opens no tooltip. Fix: keep "
                            "content.footnote.tooltips in theme.features in mkdocs.yml.")
            continue
        shown = one_line(page.locator(TOOLTIP).first.inner_text())
        if reference not in shown:
            problems.append(f"{page.url}: {how} citation #{target} shows {shown[:60]!r}, not its "
                            f"reference {reference!r}. Fix: check the footnote markup.")
    return problems


def glossary_problems(page) -> list[str]:
    """Pointing at a glossary term, and tabbing to its first use, must each show the
    term's definition."""
    terms = page.locator("article abbr[title]")
    if terms.count() == 0:
        return []
    problems = []
    # Point at the last use and focus the first (the one that takes focus); Material
    # closes a tooltip 250 ms after the pointer leaves, so wait that out in between.
    for how, term, open_tooltip in (("pointing at", terms.last, terms.last.hover),
                                    ("focusing", terms.first, terms.first.focus)):
        definition = term.get_attribute("title")
        page.mouse.move(0, 0)
        page.evaluate("document.activeElement.blur()")
        page.locator(TOOLTIP).first.wait_for(state="hidden", timeout=2000)
        page.wait_for_timeout(300)
        open_tooltip()
        try:
            page.locator(TOOLTIP).first.wait_for(state="visible", timeout=2000)
            shown = one_line(page.locator(TOOLTIP).first.inner_text())
        except PlaywrightTimeout:
            shown = ""
        if definition not in shown:
            problems.append(f"{page.url}: {how} the term {term.inner_text()!r} does not show its "
                            "definition. Fix: keep content.tooltips in theme.features in mkdocs.yml "
                            "and the tabindex that hooks/glossary.py adds.")
    return problems


def type_in_search(page, query: str) -> None:
    # A query typed before the search index has loaded is never run. Material
    # reads the box on keyup (or 1 ms after focus, which races fill()), so fill
    # the whole query, then release a key: the search runs once, for all of it.
    page.wait_for_function(SEARCH_READY, timeout=10000)
    box = page.locator(SEARCH_BOX)
    box.fill(query)
    box.press("End")


def search_problems(page, query: str, expected_path: str) -> list[str]:
    """Search from the current page; a result must lead to expected_path."""
    start = page.url
    type_in_search(page, query)
    try:
        page.wait_for_function(SEARCH_FINISHED, timeout=5000)
    except PlaywrightTimeout:
        return [f"{start}: searching for {query!r} never finished. Fix: keep the search plugin "
                "in mkdocs.yml and check the console for script errors."]
    links = page.locator(".md-search-result__item a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    matching = [i for i, href in enumerate(hrefs) if urlsplit(href).path.endswith("/" + expected_path)]
    if not matching:
        return [f"{start}: searching for {query!r} lists {hrefs or 'no results'}, none on "
                f"{expected_path}. Fix: the page that explains {query!r} must contain the word."]
    links.nth(matching[0]).click()
    try:
        page.wait_for_url(lambda url: urlsplit(url).path.endswith("/" + expected_path),
                          timeout=5000)
    except PlaywrightTimeout:
        return [f"{start}: the search result for {query!r} led to {page.url}, not "
                f"{expected_path}. Fix: check the search index (search/search_index.full.json)."]
    return []


# What Material would download on every page load without search on demand.
SEARCH_DOWNLOADS = ("search/search_index.full.json", "assets/javascripts/workers/search.")


def early_search_problems(page, requests: list[str]) -> list[str]:
    """Before anyone searches, a page must not download the search worker or the
    full index (search on demand keeps a phone's first visit light)."""
    return [f"{page.url}: {url} was downloaded before any search. Fix: keep the config "
            "block in overrides/main.html that points Material at search-on-demand.js, and "
            "hooks/search_on_demand.py in mkdocs.yml."
            for url in requests if any(part in urlsplit(url).path for part in SEARCH_DOWNLOADS)]


def color_scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def palette_problems(page, next_url: str) -> list[str]:
    """Click the light/dark toggle; the scheme must change, and stay changed on
    the next page."""
    before = color_scheme(page)
    toggle = page.locator("[data-md-component=palette] label").filter(visible=True)
    if toggle.count() == 0:
        return [f"{page.url}: no light/dark toggle is visible. Fix: keep the toggle entries "
                "of theme.palette in mkdocs.yml."]
    toggle.first.click()
    try:
        page.wait_for_function("before => document.body.dataset.mdColorScheme !== before",
                               arg=before, timeout=2000)
    except PlaywrightTimeout:
        return [f"{page.url}: the light/dark toggle leaves the colour scheme at {before!r}. "
                "Fix: keep theme.palette in mkdocs.yml as Material documents it."]
    chosen = color_scheme(page)
    page.goto(next_url)
    if color_scheme(page) != chosen:
        return [f"{next_url}: the colour scheme chosen on the previous page ({chosen!r}) is "
                f"forgotten ({color_scheme(page)!r}). Fix: do not override Material's palette "
                "script."]
    return []


def focus_ring_problems(page_url: str, focused: dict) -> list[str]:
    if focused["ring"]:
        return []
    return [f"{page_url}: {focused['text'][:40]!r} has no visible focus ring when focused from "
            "the keyboard. Fix: remove the rule that sets outline: none or box-shadow: none "
            "on :focus in docs/stylesheets/extra.css."]


def skip_link_problems(page) -> list[str]:
    """The first Tab must reach 'Skip to content'; Enter on it must move the
    keyboard to the page's content. Both stops need a visible focus ring."""
    page.keyboard.press("Tab")
    first = page.evaluate(DESCRIBE_FOCUS)
    if first["text"] != "Skip to content":
        return [f"{page.url}: the first Tab focuses {first['text'][:40]!r}, not 'Skip to "
                "content'. Fix: do not remove or hide Material's skip link (.md-skip)."]
    problems = focus_ring_problems(page.url, first)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    landed = page.evaluate(DESCRIBE_FOCUS)
    if not landed["in_content"]:
        problems.append(f"{page.url}: after Enter on 'Skip to content' ({first['href']}), Tab "
                        f"goes to {landed['text'][:40]!r}, outside the content. Fix: the skip "
                        "link must point at the page's first heading.")
    return problems + focus_ring_problems(page.url, landed)


def printed_sheets(page, **pdf_options) -> list[str]:
    """The text of each sheet of paper when Chromium prints the page to PDF
    (pdf_options as for Playwright's page.pdf, such as format="A4")."""
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(**pdf_options)))
    page.emulate_media(media="screen")
    return [sheet.extract_text() for sheet in pdf.pages]


def printed_text(page) -> str:
    """The page as Chromium prints it to PDF, as plain text on one line."""
    return one_line(" ".join(printed_sheets(page)))


def print_problems(page_url: str, printed: str, must_keep: list[str],
                   must_drop: list[str]) -> list[str]:
    # Compared without spaces: a PDF breaks a long name or address across lines anywhere.
    squeezed = "".join(printed.split())
    missing = [f"{page_url}: the printed page lacks {text!r}. Fix: do not hide it in the "
               "@media print rules of docs/stylesheets/extra.css."
               for text in map(one_line, must_keep) if "".join(text.split()) not in squeezed]
    kept = [f"{page_url}: the printed page still shows navigation text {text!r}. Fix: hide "
            "that part in @media print in docs/stylesheets/extra.css."
            for text in map(one_line, must_drop) if text in printed]
    return missing + kept
