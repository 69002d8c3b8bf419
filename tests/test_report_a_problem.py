"""Every page ends with one "Report a problem with this page" link: a plain link to
the GitHub issue form in .github/ISSUE_TEMPLATE/, with the page's own address in the
query string, which GitHub copies into the form's field of the same id. The form is
valid by GitHub's schema (the one check-jsonschema ships, so no network)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from check_jsonschema.builtin_schemas import get_builtin_schema
from jsonschema import validators

from checks.problems import Problem
from checks.schema import line_of

ROOT = Path(__file__).resolve().parent.parent
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


def config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def built_pages(root: Path) -> dict[str, str]:
    """Each page's built file (relative to root) and the address it is published at."""
    site_url = config(root)["site_url"]
    pages = {}
    for source in sorted((root / "docs").glob("*.md")):
        folder = "" if source.stem == "index" else f"{source.stem}/"
        pages[f"site/{folder}index.html"] = site_url + folder
    return pages


def report_link_problems(root: Path) -> list[Problem]:
    """A page without the link, with two, or whose link is not the form for that page."""
    form_address = config(root)["extra"]["repository"] + "/issues/new"
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


def test_every_page_has_one_report_link_to_the_form_for_that_page(built_site):
    assert len(built_pages(built_site.root)) >= 10
    problems = report_link_problems(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_the_issue_form_is_valid_and_has_the_prefilled_field():
    problems = issue_form_problems(FORM)
    assert not problems, "\n".join(map(str, problems))


def test_the_form_and_edit_this_page_are_in_the_same_repository():
    settings = config(ROOT)
    assert settings["edit_uri"].startswith(settings["extra"]["repository"] + "/"), \
        "mkdocs.yml: edit_uri and extra.repository name different repositories. Fix: make edit_uri start with extra.repository"


def test_a_page_without_the_link_or_with_two_is_reported(built_copy):
    page = built_copy.site / "risks" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count(LINK_TEXT) == 1
    page.write_text(html.replace(LINK_TEXT, "Tell us"), encoding="utf-8")
    about = built_copy.site / "about" / "index.html"
    html = about.read_text(encoding="utf-8")
    about.write_text(html.replace("</article>", f'<a href="#">{LINK_TEXT}</a></article>'), encoding="utf-8")
    problems = [str(problem) for problem in report_link_problems(built_copy.root)]
    assert f"site/risks/index.html: has 0 '{LINK_TEXT}' links, not 1. Fix: {TEMPLATE_FIX}" in problems, problems
    assert any(problem.startswith("site/about/index.html:") and f"has 2 '{LINK_TEXT}' links, not 1. Fix: "
               f"{TEMPLATE_FIX}" in problem for problem in problems), problems
    assert len(problems) == 2, problems


def test_a_link_with_another_pages_address_is_reported(built_copy):
    page = built_copy.site / "risks" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "page=https%3A%2F%2Fdry-needling-explained.github.io%2Fsite%2Frisks%2F" in html
    page.write_text(html.replace("site%2Frisks%2F", "site%2Fabout%2F"), encoding="utf-8")
    problems = [str(problem) for problem in report_link_problems(built_copy.root)]
    assert len(problems) == 1, problems
    line = next(number for number, text in enumerate(html.splitlines(), start=1) if LINK_TEXT in text)
    assert problems[0].startswith(f"site/risks/index.html:{line}: '{LINK_TEXT}' goes to "), problems
    assert "with page=https://dry-needling-explained.github.io/site/risks/. Fix: build its address from " \
           "extra.repository" in problems[0], problems


def test_a_form_without_the_prefilled_field_or_a_body_is_reported(tmp_path):
    folder = tmp_path / ".github" / "ISSUE_TEMPLATE"
    folder.mkdir(parents=True)
    broken = folder / FORM.name
    text = FORM.read_text(encoding="utf-8")
    assert "    id: page\n" in text
    broken.write_text(text.replace("    id: page\n", "    id: url\n"), encoding="utf-8")
    assert [str(problem) for problem in issue_form_problems(broken)] == [
        f".github/ISSUE_TEMPLATE/{FORM.name}: has no text field with id 'page', which the '{LINK_TEXT}' link "
        "fills in with the page's address. Fix: give the 'Which page?' input 'id: page'"]
    broken.write_text(text.replace("body:", "fields:"), encoding="utf-8")
    problems = [str(problem) for problem in issue_form_problems(broken)]
    assert any(problem.startswith(f".github/ISSUE_TEMPLATE/{FORM.name}:4: is not a GitHub issue form: ")
               and "'body' is a required property" in problem and "Fix: compare it with GitHub's" in problem
               for problem in problems), problems
