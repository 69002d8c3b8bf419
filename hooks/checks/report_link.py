"""Every page ends with one "Report a problem with this page" link: a plain link to
the GitHub issue form in .github/ISSUE_TEMPLATE/, with the page's own address in the
query string, which GitHub copies into the form's field of the same id; the form is
valid by GitHub's schema (the one check-jsonschema ships, so no network)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from check_jsonschema.builtin_schemas import get_builtin_schema
from jsonschema import validators

from checks import ROOT, site_config
from checks.problems import Problem
from checks.schema import line_of

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-a-problem.yml"
LINK_TEXT = "Report a problem with this page"
PREFILLED = "page"  # the query parameter the link sets, and the id of the form's field
TEMPLATE_FIX = "keep the link at the end of the content block in overrides/main.html"


class _Links(HTMLParser):
    """Each link's address, text and line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, int]] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs).get("href") or "", "", self.getpos()[0]]

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text, line = self._open
            self.links.append((href, " ".join(text.split()), line))
            self._open = None




def built_pages(root: Path) -> dict[str, str]:
    """Each page's built file (relative to root) and the address it is published at."""
    site_url = site_config(root)["site_url"]
    pages = {}
    for source in sorted((root / "docs").glob("*.md")):
        folder = "" if source.stem == "index" else f"{source.stem}/"
        pages[f"site/{folder}index.html"] = site_url + folder
    return pages


def report_link_problems(root: Path) -> list[Problem]:
    """A page without the link, with two, or whose link is not the form for that page."""
    form_address = site_config(root)["extra"]["repository"] + "/issues/new"
    problems = []
    for name, address in built_pages(root).items():
        parser = _Links()
        parser.feed((root / name).read_text(encoding="utf-8"))
        links = [(href, line) for href, text, line in parser.links if text == LINK_TEXT]
        if len(links) != 1:
            problems.append(Problem(name, links[1][1] if links else None,
                                    f"has {len(links)} '{LINK_TEXT}' links, not 1", TEMPLATE_FIX))
            continue
        href, line = links[0]
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        if (parts._replace(query="").geturl() != form_address
                or query != {"template": [FORM.name], PREFILLED: [address]}):
            problems.append(Problem(
                name, line, f"'{LINK_TEXT}' goes to {href}, not to {form_address}?template={FORM.name} "
                            f"with {PREFILLED}={address}",
                f"build its address from extra.repository, '{FORM.name}' and page.canonical_url | urlencode, "
                "as overrides/main.html does"))
    return problems


def issue_form_problems(path: Path) -> list[Problem]:
    """Where the form breaks GitHub's schema, and whether it has the field the link fills in."""
    name = path.relative_to(path.parents[2]).as_posix()
    text = path.read_text(encoding="utf-8")
    form, tree = yaml.safe_load(text), yaml.compose(text)
    schema = get_builtin_schema("vendor.github-issue-forms")
    validator = validators.validator_for(schema)(schema)
    problems = [Problem(name, line_of(tree, tuple(error.absolute_path)),
                        f"is not a GitHub issue form: {error.message}",
                        "compare it with GitHub's 'Syntax for issue forms' and report-a-problem.yml")
                for error in validator.iter_errors(form)]
    fields = [field for field in (form or {}).get("body") or [] if isinstance(field, dict)]
    if not any(field.get("id") == PREFILLED and field.get("type") in ("input", "textarea") for field in fields):
        problems.append(Problem(name, None, f"has no text field with id '{PREFILLED}', which the "
                                            f"'{LINK_TEXT}' link fills in with the page's address",
                                f"give the 'Which page?' input 'id: {PREFILLED}'"))
    return problems
