"""The printable handout fits on two sheets of A4 when Chromium prints it, and
the advice on when to get urgent help is on the paper."""

from __future__ import annotations

from browser_checks import one_line, printed_sheets

MOST_SHEETS = 2
URGENT_HELP = "Call emergency services (999 in the UK, 911 in the US) or go to A&E"


def handout_print_problems(page) -> list[str]:
    sheets = printed_sheets(page, format="A4", print_background=True)
    printed = one_line(" ".join(sheets))
    problems = []
    if len(sheets) > MOST_SHEETS:
        problems.append(f"docs/handout.md: prints on {len(sheets)} sheets of A4, more than "
                        f"{MOST_SHEETS}. Fix: shorten the handout, or tighten the @media print rules in docs/stylesheets/extra.css")
    if URGENT_HELP not in printed:
        problems.append(f"docs/handout.md: the printed handout lacks '{URGENT_HELP}'. Fix: keep the "
                        "'When to get urgent help' box, and do not hide it in print")
    return problems


def test_the_handout_prints_on_two_sheets_with_urgent_help(open_tab, site_base):
    tab = open_tab(site_base)
    assert handout_print_problems(tab.visit("handout/")) == []


def test_a_long_handout_without_urgent_help_is_reported(built_copy, serve, open_tab):
    handout = built_copy.read("site/handout/index.html")
    padding = "<p>Extra text that makes the handout too long to print on two sheets.</p>" * 60
    built_copy.write("site/handout/index.html",
                     handout.replace("Call emergency services", "Phone for help").replace("</article>", padding + "</article>", 1))
    tab = open_tab(serve(built_copy.site))
    problems = handout_print_problems(tab.visit("handout/"))
    assert len(problems) == 2, problems
    assert "more than 2" in problems[0] and "lacks 'Call emergency services" in problems[1]
