"""Checks that need a real browser. Each returns a list of problems, one string
per problem naming the page, what is wrong and how to fix it; an empty list
means the page passed. The same functions run on the real site and on broken
copies, so every check is shown to fail when it should."""

from __future__ import annotations

import io
import re
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


# Issue 13, reading on a phone. Each visible citation marker (the link or button
# inside the superscript), with its number shown between sentinels so that the
# text around it shows whether it touches a digit or another marker.
CITATION_MARKERS = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const markers = [...document.querySelectorAll("article sup[id^='fnref']")]
    .map(sup => [...sup.querySelectorAll("a, button")].find(shown)).filter(Boolean);
  const numbers = markers.map(m => m.textContent);
  markers.forEach(m => { m.textContent = "\\u27e6" + m.textContent + "\\u27e7"; });
  const found = markers.map((m, i) => {
    const box = m.getBoundingClientRect();
    const text = m.closest("p, li, td, th, figcaption, dd, dt, div").innerText;
    const at = text.indexOf(m.textContent);
    return {number: numbers[i], width: box.width, height: box.height,
            around: text.slice(Math.max(0, at - 12), at + m.textContent.length + 12)};
  });
  markers.forEach((m, i) => { m.textContent = numbers[i]; });
  return found;
}"""
TOUCHING = r"[\d\u27e7]\u27e6|\u27e7[\d\u27e6]"


def citation_marker_problems(page) -> list[str]:
    """Each citation reads as its own number ("[4, 7]", never "47") and is a tap
    target of at least 24 x 24 px (WCAG 2.5.8)."""
    problems = []
    for marker in page.evaluate(CITATION_MARKERS):
        around = marker["around"].replace("\u27e6", "").replace("\u27e7", "")
        if re.search(TOUCHING, marker["around"]):
            problems.append(f"{page.url}: citation {marker['number']} runs into the text beside it "
                            f"({one_line(around)!r}), so two notes read as one number. Fix: keep "
                            "hooks/citation_markers.py in mkdocs.yml (it writes [4, 7]).")
        if marker["width"] < 24 or marker["height"] < 24:
            problems.append(f"{page.url}: citation {marker['number']} is a {marker['width']:.1f} x "
                            f"{marker['height']:.1f} px target, under 24 x 24 px. Fix: keep the "
                            "citation rules in docs/stylesheets/extra.css.")
    return problems


SHOWN_IN_PLACE = """([snippet, key]) => {
  const entry = document.getElementById("fn:" + key);
  const inView = r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
                      && r.right > 0 && r.left < innerWidth;
  return [...document.querySelectorAll("body *")].some(el =>
    !el.contains(entry) && !entry.contains(el) && el.children.length < 50
    && el.innerText && el.innerText.replace(/\\s+/g, " ").includes(snippet)
    && inView(el.getBoundingClientRect()));
}"""


def reference_snippet(page, key: str) -> str:
    text = page.locator(f'[id="fn:{key}"]').text_content().replace("\u21a9", "")
    return one_line(text)[:40]


def citation_in_place_problems(page, how: str) -> list[str]:
    """Tap, click or press Enter on the page's first citation ('tap', 'click' or
    'keyboard'): its reference must show on screen where the reader is, with no
    jump, and close again with Escape, leaving the keyboard on the citation."""
    sup = page.locator("article sup[id^='fnref']").first
    marker = sup.locator("a, button").filter(visible=True).first
    key = sup.locator("a").first.get_attribute("href").removeprefix("#fn:")
    snippet = reference_snippet(page, key)
    marker.scroll_into_view_if_needed()
    before = page.evaluate("[scrollY, location.hash]")
    if how == "tap":
        marker.tap()
    elif how == "click":
        marker.click()
    else:
        marker.focus()
        page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    after = page.evaluate("[scrollY, location.hash]")
    where = f"{page.url}: {how} on citation {marker.text_content()} ({key})"
    if after != before:
        return [f"{where} jumps from {before[0]:.0f} px{before[1]} to {after[0]:.0f} px{after[1]} "
                "instead of showing the reference in place. Fix: keep hooks/citation_markers.py "
                "in mkdocs.yml and its popover rules in docs/stylesheets/extra.css."]
    if not page.evaluate(SHOWN_IN_PLACE, [snippet, key]):
        return [f"{where} does not show {snippet!r} on screen. Fix: keep hooks/citation_markers.py "
                "in mkdocs.yml and its popover rules in docs/stylesheets/extra.css."]
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    if page.evaluate(SHOWN_IN_PLACE, [snippet, key]):
        return [f"{where}: Escape leaves the reference open. Fix: show it as a popover."]
    if how == "keyboard" and not page.evaluate("el => el === document.activeElement",
                                               marker.element_handle()):
        return [f"{where}: after Escape the keyboard is no longer on the citation."]
    return []


FIRST_MARKER = """[...document.querySelector("article sup[id^='fnref']").querySelectorAll("a, button")]
  .find(el => el.getClientRects().length > 0)"""


def citation_screen_reader_view(page) -> list[tuple]:
    """What a screen reader is told about the page's first citation, closed and then
    open: (role, name, expanded), from Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)

    def seen() -> tuple:
        found = cdp.send("Runtime.evaluate", {"expression": FIRST_MARKER})
        node = cdp.send("DOM.describeNode", {"objectId": found["result"]["objectId"]})["node"]
        ax = cdp.send("Accessibility.getPartialAXTree",
                      {"backendNodeId": node["backendNodeId"], "fetchRelatives": False})["nodes"][0]
        properties = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
        return ax["role"]["value"], ax["name"]["value"], properties.get("expanded")

    closed = seen()
    page.evaluate(FIRST_MARKER + ".focus()")
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    opened = seen()
    page.keyboard.press("Escape")
    cdp.detach()
    return [closed, opened]


def backref_problems(page) -> list[str]:
    """Each entry of a page's reference list offers one way back to the text."""
    counts = page.locator(".footnote li").evaluate_all(
        "items => items.map(li => [li.id, li.querySelectorAll('.footnote-backref').length])")
    return [f"{page.url}: reference {key} carries {count} links back to the text. Fix: keep "
            "hooks/citation_markers.py in mkdocs.yml (it keeps one)."
            for key, count in counts if count > 1]


TABLE_CELLS = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article")).fontSize);
  const clippers = el => {
    const boxes = [];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== "visible") boxes.push(a.getBoundingClientRect());
    return boxes;
  };
  const shown = r => r.width > 0 && r.height > 0;
  return [...document.querySelectorAll("article table")].flatMap((table, t) => {
    const headings = [...table.querySelectorAll("thead th")];
    return [...table.querySelectorAll("tbody td")].map(cell => {
      const r = cell.getBoundingClientRect();
      const heading = headings[cell.cellIndex];
      const hr = heading ? heading.getBoundingClientRect() : null;
      const headingShown = !!heading && shown(hr) && hr.left >= 0 && hr.right <= innerWidth + 1
        && clippers(heading).every(c => hr.left >= c.left - 1 && hr.right <= c.right + 1);
      const label = getComputedStyle(cell, "::before").content;
      return {table: t + 1, heading: heading ? heading.innerText.trim() : "",
              text: cell.innerText.trim().slice(0, 30), size: parseFloat(getComputedStyle(cell).fontSize), body,
              onScreen: shown(r) && r.left >= -1 && r.right <= innerWidth + 1
                        && cell.scrollWidth <= cell.clientWidth + 1
                        && clippers(cell).every(c => r.left >= c.left - 1 && r.right <= c.right + 1),
              labelled: headingShown || (!!heading && label.includes(heading.innerText.trim()))};
    });
  });
}"""


def table_problems(page) -> list[str]:
    """Every cell of every table is on screen, unclipped, beside its column's
    heading, in text at least the size of the page's body text."""
    problems = []
    for cell in page.evaluate(TABLE_CELLS):
        where = f"{page.url}: table {cell['table']}, {cell['heading']!r} cell {cell['text']!r}"
        if not cell["onScreen"]:
            problems.append(f"{where} is off-screen or cut off. Fix: keep the table rules in "
                            "docs/stylesheets/extra.css (rows stack on a phone).")
        elif not cell["labelled"]:
            problems.append(f"{where} shows without its column's heading. Fix: keep "
                            "hooks/table_labels.py in mkdocs.yml.")
        if cell["size"] < cell["body"]:
            problems.append(f"{where} is {cell['size']:.1f} px text, under the body's "
                            f"{cell['body']:.1f} px. Fix: keep the table rules in docs/stylesheets/extra.css.")
    return problems


BOX_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article")).fontSize);
  return [...document.querySelectorAll("article .admonition, article details")].flatMap(box =>
    [...box.querySelectorAll(".admonition-title, summary, p, li")].map(el => ({
      box: (box.querySelector(".admonition-title, summary") || box).innerText.trim().slice(0, 30),
      text: el.innerText.trim().slice(0, 30), size: parseFloat(getComputedStyle(el).fontSize), body})));
}"""


def box_text_problems(page) -> list[str]:
    """Warning boxes (admonitions) and disclosures are at least body text size."""
    return [f"{page.url}: in the box {text['box']!r}, {text['text']!r} is {text['size']:.1f} px, under "
            f"the body's {text['body']:.1f} px. Fix: keep the box rules in docs/stylesheets/extra.css."
            for text in page.evaluate(BOX_TEXT) if text["size"] < text["body"]]


TICK_BOX_LOOK = """box => {
  const indicator = box.parentElement.querySelector(".task-list-indicator") || box;
  const before = getComputedStyle(indicator, "::before"), after = getComputedStyle(indicator, "::after");
  const rgba = c => { const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
  let bg = [255, 255, 255, 1];
  for (let a = indicator; a; a = a.parentElement) {
    const c = rgba(getComputedStyle(a).backgroundColor);
    if (c[3] > 0) { bg = c; break; }
  }
  const over = (c, under) => c.slice(0, 3).map((v, i) => v * c[3] + under[i] * (1 - c[3]));
  const luminance = c => c.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
                               return (x + 0.05) / (y + 0.05); };
  const page = over(bg, [255, 255, 255]);
  const edge = parseFloat(before.borderTopWidth) > 0 ? over(rgba(before.borderTopColor), page) : page;
  const fill = over(rgba(before.backgroundColor), page);
  const drawsTick = s => s.content !== "none" && s.content !== "normal"
                         && (s.maskImage !== "none" || s.webkitMaskImage !== "none");
  return {edge: Math.max(contrast(edge, page), contrast(fill, page)),
          tick: drawsTick(before) || drawsTick(after), fill: fill.map(Math.round).join(",")};
}"""


def tick_box_problems(page) -> list[str]:
    """Every tick box can be ticked and unticked, by pointer and keyboard; unticked,
    it shows an empty box whose edge stands out (3:1, WCAG 1.4.11) and no tick;
    ticked, it shows a tick."""
    problems = []
    for index, box in enumerate(page.locator("article .task-list-item [type=checkbox]").all()):
        label = one_line(box.locator("xpath=ancestor::label[1]").inner_text())[:40]
        where = f"{page.url}: tick box {index + 1} ({label!r})"
        if box.is_disabled():
            problems.append(f"{where} cannot be ticked. Fix: keep clickable_checkbox: true under "
                            "pymdownx.tasklist in mkdocs.yml.")
            continue
        unticked = box.evaluate(TICK_BOX_LOOK)
        if unticked["tick"] or unticked["edge"] < 3:
            problems.append(f"{where} looks ticked or faint when unticked (tick drawn: "
                            f"{unticked['tick']}, edge contrast {unticked['edge']:.1f}:1). Fix: keep "
                            "the tick-box rules in docs/stylesheets/extra.css.")
        box.locator("xpath=ancestor::label[1]").click()
        ticked = box.evaluate(TICK_BOX_LOOK)
        if not box.is_checked() or not ticked["tick"]:
            problems.append(f"{where} shows no tick after a click. Fix: keep the tick-box rules "
                            "in docs/stylesheets/extra.css.")
        box.focus()
        page.keyboard.press("Space")
        if box.is_checked():
            problems.append(f"{where} stays ticked after Space. Fix: leave the box a real checkbox.")
    return problems
