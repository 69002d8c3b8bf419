"""Keyboard checks (WCAG 2.2 AA, issue 13 point 4): each Tab stop is on screen,
not under the sticky header, and a target of at least 24 x 24 px; the phone's menu
button is reachable and opens the menu. Each returns problems, as browser_checks."""

from __future__ import annotations

# What the keyboard is on: its box (a tick box or radio shows on its label), whether
# it is on screen, what covers its middle, and whether it is a link inside text,
# which WCAG 2.5.8 exempts from the size rule.
FOCUSED = """() => {
  const el = document.activeElement;
  const toggle = el.matches("[type=radio], [type=checkbox]"), next = el.nextElementSibling;
  const target = !toggle ? el : el.closest("label")
    || (next && next.matches("label") && next.getClientRects().length ? next : el);
  const r = target === el && el.getClientRects().length ? el.getClientRects()[0] : target.getBoundingClientRect();
  const style = getComputedStyle(target);
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight && style.visibility !== "hidden";
  const hit = onScreen ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
  const own = el.closest("label") || target;
  const covered = onScreen && !!hit && !own.contains(hit) && !hit.contains(target);
  return {tag: el.tagName.toLowerCase(), onScreen, covered, by: hit ? hit.className || hit.tagName : "",
          name: (el.getAttribute("aria-label") || el.innerText || el.title || el.id || el.tagName).trim().slice(0, 40),
          width: r.width, height: r.height, body: el === document.body,
          inline: style.display === "inline" && !!el.closest("p, li, td, dd")};
}"""
MOST_STOPS = 40


def tab_stop_problems(page) -> list[str]:
    """Tab through the page (its first MOST_STOPS stops)."""
    problems = []
    for stop in range(1, MOST_STOPS + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["covered"]:  # Material closes the search box as focus leaves it, in 250 ms
            page.wait_for_timeout(300)
            focused = page.evaluate(FOCUSED)
        if focused["body"]:
            break
        where = f"{page.url} at {page.viewport_size['width']} px: Tab stop {stop} ({focused['name']!r})"
        if not focused["onScreen"]:
            problems.append(f"{where} is not visible on screen. Fix: hide it while closed (the menu "
                            "and search rules in docs/stylesheets/extra.css), or remove it.")
        elif focused["covered"]:
            problems.append(f"{where} is hidden under {focused['by']!r}. Fix: keep scroll-padding-top "
                            "on html in docs/stylesheets/extra.css.")
        elif not focused["inline"] and (focused["width"] < 24 or focused["height"] < 24):
            problems.append(f"{where} is a {focused['width']:.0f} x {focused['height']:.0f} px target, "
                            "under 24 x 24 px. Fix: make it bigger in docs/stylesheets/extra.css.")
    return problems


def menu_button_problems(page) -> list[str]:
    """On a phone, Tab reaches the menu button, Enter opens the menu, and the next
    Tab stops include the menu's links, on screen."""
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            break
    else:
        return [f"{page.url}: Tab never reaches the menu button. Fix: keep "
                "overrides/partials/header-buttons.html in the scripts block of overrides/main.html."]
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    if not page.evaluate("document.getElementById('__drawer').checked"):
        return [f"{page.url}: Enter on the menu button does not open the menu. Fix: keep "
                "overrides/partials/header-buttons.html."]
    for _ in range(8):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            return [] if focused["onScreen"] else [f"{page.url}: the open menu's link "
                                                    f"{focused['name']!r} is off-screen."]
    return [f"{page.url}: after opening the menu, Tab does not reach its links."]
