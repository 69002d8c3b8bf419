"""List the pages whose next_review date is past or falls within the next N days,
so editors can plan reviews before a page goes out of date.

Run it as `make review-due DAYS=30`; the weekly workflow does, writes the list to
its summary and fails loudly (--fail-overdue) when a page is overdue. The
pull-request check only warns (--annotate): a writer fixing a typo is never blocked."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from checks import ROOT
from checks.front_matter import read_front_matter, review_date



def pages_due(docs: Path, today: datetime.date, days: int) -> list[tuple[str, datetime.date | None]]:
    """(page, next_review) for every page due by today + days, soonest first; a page
    without a readable next_review counts as due, with None as its date. Markdown
    without front matter (text included into pages) is not a page and is skipped."""
    horizon = today + datetime.timedelta(days=days)
    due = []
    for page in sorted(docs.rglob("*.md")):
        front = read_front_matter(page.name, page.read_text(encoding="utf-8"))
        if front is None:
            continue
        when = review_date(front, "next_review")
        if when is None or when <= horizon:
            due.append((page.relative_to(docs.parent).as_posix(), when))
    return sorted(due, key=lambda item: (item[1] or datetime.date.min, item[0]))


def describe(when: datetime.date | None, today: datetime.date) -> str:
    if when is None:
        return "no valid next_review date (add next_review: YYYY-MM-DD to the front matter)"
    days = (when - today).days
    if days < 0:
        return f"next_review {when}: OVERDUE by {-days} day{'s' * (-days != 1)}"
    if days == 0:
        return f"next_review {when}: due today"
    return f"next_review {when}: due in {days} day{'s' * (days != 1)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=30, help="how far ahead to look (default 30)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date to count from, as YYYY-MM-DD (default: today)")
    parser.add_argument("--fail-overdue", action="store_true",
                        help="exit 1 when a page is overdue (the weekly report does)")
    parser.add_argument("--annotate", action="store_true",
                        help="also print each overdue page as a GitHub warning (the pull-request check does)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    due = pages_due(args.docs, args.today, args.days)
    horizon = args.today + datetime.timedelta(days=args.days)
    if not due:
        print(f"No page is due for review by {horizon} ({args.days} days from {args.today}).")
        return 0
    print(f"{len(due)} page{'s' * (len(due) != 1)} due for review by {horizon} "
          f"({args.days} days from {args.today}):")
    for page, when in due:
        print(f"  {page}: {describe(when, args.today)}")
    overdue = [(page, when) for page, when in due if when is None or when < args.today]
    if args.annotate:
        for page, when in overdue:
            print(f"::warning file={page}::{describe(when, args.today)}")
    print("To review a page: check it against its sources, then set last_reviewed to the "
          "review date and next_review to a year later (see CONTRIBUTING.md).")
    if overdue and args.fail_overdue:
        print(f"FAILED: {len(overdue)} page{'s' * (len(overdue) != 1)} overdue for review.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
