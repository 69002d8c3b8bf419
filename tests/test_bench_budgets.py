"""The benchmarks in bench/ fail loudly, naming the page, when a budget is broken
(fed made-up figures; tests/browser/test_browser_bench_budgets.py runs them in
Chromium). The figures themselves are printed by the benchmarks, never asserted here."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import build_time  # noqa: E402
import lighthouse  # noqa: E402
import live_preview  # noqa: E402
import page_weight  # noqa: E402

def test_page_weight_names_extra_requests_other_hosts_and_a_missing_index():
    requests = [{"path": f"/file{number}", "sent": 100, "raw": 100} for number in range(9)]
    visit = page_weight.Visit("/risks/", requests, {"fonts.googleapis.com"})
    problems = page_weight.budget_problems([visit])
    assert any(p.startswith("/risks/: first visit makes 10 requests") for p in problems), problems
    assert any(p.startswith("/risks/: the browser contacts fonts.googleapis.com") for p in problems)
    assert any(p.startswith("/risks/: the search index was never fetched") for p in problems)


def test_page_weight_passes_a_light_page():
    requests = [{"path": "/search/search_index.json", "sent": 10_000, "raw": 40_000}]
    assert page_weight.budget_problems([page_weight.Visit("/", requests)]) == []


def fake_timings(cited_large: float, real: float = 1.0, cold_large: float | None = None) -> dict:
    """Three builds (the first cold) at 100 and 400 pages; 0.2 s of citations at 100."""
    return {(100, 500, "plain"): [1.0] * 3, (100, 500, "cited"): [1.2] * 3,
            (400, 2000, "plain"): [4.0] * 3, (400, 2000, "cited"): [cold_large or cited_large] + [cited_large] * 2,
            "real": [real] * 3}


def test_build_time_fails_when_citations_cost_too_much():
    problems = build_time.budget_problems(fake_timings(cited_large=6.0))
    assert any(p.startswith("400 pages x 2000 entries: citations make the warm build 1.50x") for p in problems)
    assert any("growth is not linear in pages" in p for p in problems), problems


def test_build_time_judges_the_cold_build_on_its_own_budget():
    problems = build_time.budget_problems(fake_timings(cited_large=4.8, cold_large=7.0))
    assert problems == ["400 pages x 2000 entries: citations make the cold build 1.75x the plain build, over "
                        "1.60x. Fix: profile the cited copy with `python -m cProfile -s cumtime -m mkdocs build` "
                        "and remove the citation work that remains"]


def test_build_time_fails_when_the_real_site_is_slow():
    problems = build_time.budget_problems(fake_timings(cited_large=4.8, real=2.5))
    assert problems == ["the real site takes 2.50 s to build, over 2.0 s. Fix: profile `mkdocs build`"]


def test_build_time_passes_linear_cheap_citations():
    assert build_time.budget_problems(fake_timings(cited_large=4.8)) == []


def lighthouse_row(**changes) -> dict:
    row = {"page": "/risks/", "preset": "mobile", "runs": 3, "performance": 100, "lcp_ms": 1500,
           "cls": 0, "tbt_ms": 30, "failing": []}
    for name in lighthouse.CATEGORIES:
        row[name] = row[f"lowest {name}"] = 100
    row.update(changes)
    return row


def test_lighthouse_names_the_page_and_the_failing_audit():
    row = lighthouse_row(**{"lowest accessibility": 96, "failing": ["aria-dialog-name"]})
    assert lighthouse.budget_problems([row]) == [
        "/risks/ (mobile): accessibility 96 is under 100. Fix the failing audits: aria-dialog-name"]


def test_lighthouse_judges_mobile_performance_on_the_median():
    slow = lighthouse_row(performance=97, **{"lowest performance": 90})
    problems = lighthouse.budget_problems([slow])
    assert len(problems) == 1 and problems[0].startswith(
        "/risks/ (mobile): median performance 97 over 3 runs is under 100"), problems
    assert "total blocking time" in problems[0] and "Fix:" in problems[0]
    # One slow run out of three is noise, not a broken budget.
    assert lighthouse.budget_problems([lighthouse_row(**{"lowest performance": 90})]) == []
    assert lighthouse.budget_problems([lighthouse_row(preset="desktop", performance=97)]) == []


def test_live_preview_fails_on_a_slow_median():
    assert live_preview.budget_problems([1.0, 1.2, 1.1]) == []
    problems = live_preview.budget_problems([5.0, 1.0, 4.0])
    assert problems and problems[0].startswith("live preview: an edit takes 4.00 s (median)")
