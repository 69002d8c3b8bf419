"""Every page ends with one "Report a problem with this page" link to the GitHub issue
form for that page, and the form is valid (hooks/checks/report_link.py); each check
fails on a broken copy."""

from __future__ import annotations

from pathlib import Path

from checks import site_config
from checks.report_link import (FORM, LINK_TEXT, TEMPLATE_FIX, built_pages, issue_form_problems,
                                report_link_problems)

ROOT = Path(__file__).resolve().parent.parent
def test_every_page_has_one_report_link_to_the_form_for_that_page(built_site):
    assert len(built_pages(built_site.root)) >= 10
    problems = report_link_problems(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_the_issue_form_is_valid_and_has_the_prefilled_field():
    problems = issue_form_problems(FORM)
    assert not problems, "\n".join(map(str, problems))


def test_the_form_and_edit_this_page_are_in_the_same_repository():
    settings = site_config(ROOT)
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
