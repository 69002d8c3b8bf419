"""One pass over the writer's sources: each page is read once, and every check of
its Markdown is made on that one reading, before MkDocs renders anything."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checks.citations import citation_problems, cited_keys, uncited_rate_problems
from checks.claims import cited_in_claims
from checks.front_matter import front_matter_problems
from checks.links import broken_link_problems, broken_redirect_problems, snippet_problems
from checks.problems import Problem
from checks.standards import standards_problems


@dataclass(frozen=True)
class Source:
    name: str     # as writers see it: docs/risks.md
    src_uri: str  # as MkDocs and links see it: risks.md
    text: str


@dataclass(frozen=True)
class Site:
    """What the page checks compare pages with. keys is None for a site without
    citations, such as bench/build_time.py's plain one."""
    docs: Path
    known: set[str]
    keys: set[str] | None
    config_file: Path
    redirects: dict


def source_problems(pages: list[Source], site: Site) -> tuple[list[Problem], set[str]]:
    """Every problem in the pages and the redirects, and the refs.bib keys they cite."""
    problems, cited = [], set()
    for page in pages:
        problems += front_matter_problems(page.name, page.text)
        if site.keys is not None:
            problems += citation_problems(page.name, page.text, site.keys)
            problems += uncited_rate_problems(page.name, page.text)
            cited |= cited_keys(page.text)
        problems += broken_link_problems(page.name, page.src_uri, page.text, site.known)
        problems += snippet_problems(page.name, page.text, site.docs)
        problems += standards_problems(page.name, page.text)
    problems += broken_redirect_problems(site.config_file, site.redirects, site.known)
    return problems, cited | cited_in_claims(site.docs)


def uncited_problems(keys: set[str], cited: set[str]) -> list[Problem]:
    return [Problem("refs.bib", None, f"entry '{key}' is not cited on any page",
                    f"cite it with [@{key}] where the site relies on it, or delete the entry")
            for key in sorted(keys - cited)]
