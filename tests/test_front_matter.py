"""Every page has the front matter the templates need, with valid review dates;
every image has alt text."""

from pathlib import Path

import pytest

from checks.front_matter import first_commit_date, front_matter_problems, reviewed_before_it_existed
from checks.built_site import images_without_alt

ROOT = Path(__file__).resolve().parent.parent
GOOD = """---
title: Risks and safety
description: Side effects of dry needling with real numbers and what to do after a session.
last_reviewed: 2026-11-25
next_review: 2027-11-25
---

# Risks and safety
"""


def test_good_front_matter_passes():
    assert front_matter_problems("docs/x.md", GOOD) == []


@pytest.mark.parametrize("old, new, expected", [
    ("last_reviewed: 2026-11-25", "last_reviewed: 2026-13-25",
     "docs/x.md:4: last_reviewed '2026-13-25' is not a valid date"),
    ("next_review: 2027-11-25", "next_review: 2026-01-01",
     "docs/x.md:5: next_review 2026-01-01 is not after last_reviewed 2026-11-25"),
    ("next_review: 2027-11-25\n", "", "docs/x.md:1: front matter has no 'next_review'"),
    ("title: Risks and safety\n", "", "docs/x.md:1: front matter has no 'title'"),
    ("description: Side", "description: Short\nnotes: Side", "docs/x.md:3: description is 5 characters long"),
    ("---\ntitle", "title", "docs/x.md:1: the page has no front matter"),
    ("title: Risks and safety", "title: [Risks", "the front matter is not valid YAML"),
])
def test_broken_front_matter_is_reported_with_line_and_fix(old, new, expected):
    problems = [str(p) for p in front_matter_problems("docs/x.md", GOOD.replace(old, new, 1))]
    assert any(expected in problem for problem in problems), problems
    assert all("Fix:" in problem for problem in problems)


def test_every_image_has_alt_text(built_site):
    problems = images_without_alt(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_image_without_alt_text_is_reported(site_copy):
    site_copy.write("docs/assets/needle.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    site_copy.replace("docs/understanding.md", "\n# ", "\n![](assets/needle.svg)\n\n# ")
    site_copy.successful_build()
    problems = [str(p) for p in images_without_alt(site_copy.root)]
    assert any(p.startswith("docs/understanding.md:") and "has no alt text" in p and "Fix:" in p
               for p in problems), problems


def test_review_dates_are_shown_on_every_page(built_site):
    for path in sorted(built_site.site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a renamed page's redirect stub (mkdocs-redirects), not a page
        assert "Last reviewed:" in html and "Next review due:" in html, path
        assert 'class="disclaimer"' in html, path


def test_no_page_says_it_was_reviewed_before_it_existed():
    problems = [str(problem) for page in sorted((ROOT / "docs").glob("*.md"))
                for problem in reviewed_before_it_existed(f"docs/{page.name}", page.read_text(encoding="utf-8"),
                                                          first_commit_date(page))]
    assert problems == []


def test_a_review_before_the_first_commit_is_refused():
    import datetime
    [problem] = reviewed_before_it_existed("docs/risks.md", GOOD, datetime.date(2026, 11, 27))
    assert str(problem) == ("docs/risks.md:4: last_reviewed 2026-11-25 is before the page's first commit on "
                            "2026-11-27. Fix: set it to the day the page was last checked against its sources, "
                            "2026-11-27 or later")
    assert reviewed_before_it_existed("docs/risks.md", GOOD, datetime.date(2026, 11, 25)) == []
    assert reviewed_before_it_existed("docs/new.md", GOOD, None) == []  # not committed yet
