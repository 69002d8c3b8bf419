"""The printable handout fits on two sheets of A4 when Chromium prints it, and
the advice on when to get urgent help and the site's name and address are on the paper."""

from __future__ import annotations

from browser_checks import one_line, printed_sheets

MOST_SHEETS = 2
URGENT_HELP = "Call emergency services (999 in the UK, 911 in the US) or go to A&E"
SOURCE = "Dry Needling, Explained: https://dry-needling-explained.github.io/site/handout/"


def handout_print_problems(page) -> list[str]:
    sheets = printed_sheets(page, format="A4", print_background=True)
    printed = one_line(" ".join(sheets))
    problems = []
    if len(sheets) > MOST_SHEETS:
        problems.append(f"docs/handout.md: prints on {len(sheets)} sheets of A4, more than "
                        f"{MOST_SHEETS}. Fix: shorten the handout, or tighten the @media print rules in docs/stylesheets/extra.css")
    if URGENT_HELP not in printed:
        problems.append(f"docs/handout.md: the printed handout lacks '{URGENT_HELP}'. Fix: keep the "
                        "'Call 999 or 911 now' box, and do not hide it in print")
    if not sheets or SOURCE not in one_line(sheets[0]):
        problems.append(f"docs/handout.md: the first printed sheet lacks '{SOURCE}'. Fix: keep the print-source "
                        "line of overrides/main.html, and do not hide .print-source in print")
    return problems


def test_the_site_name_and_address_show_on_paper_only(open_tab, site_base):
    page = open_tab(site_base).visit("handout/")
    assert not page.locator(".print-source").is_visible(), "the printed sheet's source line shows on screen"


def test_the_handout_prints_on_two_sheets_with_urgent_help(open_tab, site_base):
    tab = open_tab(site_base)
    assert handout_print_problems(tab.visit("handout/")) == []


def test_a_long_handout_without_urgent_help_is_reported(built_copy, serve, open_tab):
    handout = built_copy.read("site/handout/index.html")
    padding = "<p>Extra text that makes the handout too long to print on two sheets.</p>" * 60
    built_copy.write("site/handout/index.html",
                     handout.replace("Call emergency services", "Phone for help")
                     .replace('class="print-source"', 'class="print-source" style="display: none !important"').replace("</article>", padding + "</article>", 1))
    tab = open_tab(serve(built_copy.site))
    problems = handout_print_problems(tab.visit("handout/"))
    assert len(problems) == 3, problems
    assert "more than 2" in problems[0] and "lacks 'Call emergency services" in problems[1]
    assert "first printed sheet lacks 'Dry Needling, Explained: " in problems[2]
