"""make review-due: which pages it lists, counted from a fixed date so the tests
never depend on the day they run."""

from __future__ import annotations

import datetime
from pathlib import Path

from checks import review_due

TODAY = datetime.date(2027, 1, 10)


def page(docs: Path, name: str, next_review: str | None) -> None:
    line = f"next_review: {next_review}\n" if next_review else ""
    (docs / name).write_text(f"---\ntitle: {name}\nlast_reviewed: 2026-01-01\n{line}---\n\n# Page\n",
                             encoding="utf-8")


def fixture_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    page(docs, "overdue.md", "2027-01-01")
    page(docs, "today.md", "2027-01-10")
    page(docs, "soon.md", "2027-02-09")
    page(docs, "later.md", "2027-02-10")
    page(docs, "undated.md", None)
    (docs / "included.md").write_text("*[abbr]: not a page, so never due\n", encoding="utf-8")
    return docs


def test_lists_overdue_and_soon_pages_soonest_first(tmp_path):
    due = review_due.pages_due(fixture_docs(tmp_path), TODAY, 30)
    assert due == [("docs/undated.md", None),
                   ("docs/overdue.md", datetime.date(2027, 1, 1)),
                   ("docs/today.md", datetime.date(2027, 1, 10)),
                   ("docs/soon.md", datetime.date(2027, 2, 9))]


def test_report_says_how_late_or_soon_each_page_is(tmp_path, capsys):
    docs = fixture_docs(tmp_path)
    assert review_due.main(["--days", "30", "--today", "2027-01-10", "--docs", str(docs)]) == 0
    out = capsys.readouterr().out
    assert "4 pages due for review by 2027-02-09 (30 days from 2027-01-10):" in out
    assert "docs/overdue.md: next_review 2027-01-01: OVERDUE by 9 days" in out
    assert "docs/today.md: next_review 2027-01-10: due today" in out
    assert "docs/soon.md: next_review 2027-02-09: due in 30 days" in out
    assert "docs/undated.md: no valid next_review date (add next_review: YYYY-MM-DD" in out
    assert "later.md" not in out


def test_nothing_due_says_so(tmp_path, capsys):
    docs = fixture_docs(tmp_path)
    assert review_due.main(["--days", "0", "--today", "2020-01-01", "--docs", str(docs)]) == 0
    assert "1 page due for review by 2020-01-01" in capsys.readouterr().out  # only the undated one
    (docs / "undated.md").unlink()
    review_due.main(["--days", "0", "--today", "2020-01-01", "--docs", str(docs)])
    assert capsys.readouterr().out.startswith("No page is due for review by 2020-01-01")


def test_an_overdue_page_fails_the_weekly_report_and_warns_on_a_pull_request(tmp_path, capsys):
    docs = fixture_docs(tmp_path)
    arguments = ["--days", "30", "--today", "2027-01-10", "--docs", str(docs)]
    assert review_due.main([*arguments, "--fail-overdue"]) == 1
    assert "FAILED: 2 pages overdue for review." in capsys.readouterr().out
    assert review_due.main([*arguments, "--annotate"]) == 0
    out = capsys.readouterr().out
    assert "::warning file=docs/overdue.md::next_review 2027-01-01: OVERDUE by 9 days" in out
    assert "::warning file=docs/today.md" not in out
