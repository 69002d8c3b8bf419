"""Front matter is text. Material's templates print a page's title and description
as they are, so a `<` or `"` typed there would become markup: each text value is
handed to the templates escaped, as a Markup (which Jinja's `e` filter leaves
alone). The review dates are read here, quoted or not, and written out in words,
so the templates format nothing themselves (Zensical's engine has no strftime)."""

from __future__ import annotations

import datetime

from markupsafe import escape

REVIEW_DATES = ("last_reviewed", "next_review")


def on_page_markdown(markdown, page, config, files):
    for key, value in page.meta.items():
        if isinstance(value, str) and key not in REVIEW_DATES:
            page.meta[key] = escape(value)
    for key in REVIEW_DATES:
        if key in page.meta:  # hooks/validate.py has checked that it is a date
            when = datetime.date.fromisoformat(str(page.meta[key]))
            page.meta[key] = when
            page.meta[f"{key}_in_words"] = in_words(when)
    return markdown


def in_words(when: datetime.date) -> str:
    return f"{when.day} {when:%B %Y}"
