"""What a careless writer or a hostile pull request might send, and what the build
does with it: either it refuses, naming the file, the line and the fix, or the
page shows the input as text. Each group of mistakes is one build of a broken copy."""

from __future__ import annotations

import pytest

from checks.html import unsafe_markup
from sitebuild import mkdocs_build

HOSTILE_PAGE = """
[click](risks.md){ onclick="alert(16)" }

[a reference-style link][evil]

[evil]: javascript:alert(17)

!!! note "Hi"
    <script>alert(18)</script>

<a href="data:text/html,<script>alert(19)</script>">data link</a>

<iframe src="risks.md"></iframe>

!!! danger "Indented by two"
  Call 999 now.

!!! warning "No indent"
Call 999.
"""


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_script_in_a_page_is_refused_wherever_markdown_puts_it(site_copy):
    site_copy.write("docs/about.md", site_copy.read("docs/about.md") + HOSTILE_PAGE)
    page = site_copy.read("docs/about.md")
    output = site_copy.failed_build_output()
    expected = {
        'onclick="alert(16)"': "the page has an event handler, onclick=, on a <a>. Fix: remove onclick=",
        "javascript:alert(17)": "the page has a <a href> that points to 'javascript:alert(17)'. Fix: link to a page",
        "<script>alert(18)": "the page contains a <script> element. Fix: remove the <script>",
        "data:text/html": "the page has a <a href> that points to 'data:text/html,<script>alert(19)</script'. Fix:",
        "<iframe": "the page contains a <iframe> element. Fix:",
        '"Indented by two"': "the page has a box 'Indented by two' with a title but no text. "
                             "Fix: indent each line of the box's text by 4 spaces",
        '"No indent"': "the page has a box 'No indent' with a title but no text. Fix:",
    }
    for needle, message in expected.items():
        assert f"docs/about.md:{line_of(page, needle)}: {message}" in output, output
    assert not site_copy.site.exists()


def test_files_that_could_run_script_are_refused(site_copy):
    site_copy.write("docs/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n'
                                            '<script>alert(20)</script>\n<circle onload="alert(21)"/></svg>\n')
    site_copy.write("docs/assets/tracker.js", "alert(22)\n")
    output = site_copy.failed_build_output()
    assert "docs/assets/evil.svg:2: the image contains a <script> element. Fix: remove the <script>" in output
    assert "docs/assets/evil.svg:3: the image has an event handler, onload=, on a <circle>. Fix:" in output
    assert "docs/assets/tracker.js: docs/ holds a file a browser would run as a page or script. Fix: remove it" \
        in output


def test_a_reference_whose_url_could_run_script_is_refused(site_copy):
    site_copy.replace("refs.bib", "  author    = {Pavkovich, Ron},", "  author    = {Pavkovich, Ron},\n"
                                                                     "  url       = {javascript:alert(4)},")
    line = line_of(site_copy.read("refs.bib"), "javascript:alert(4)")
    output = site_copy.failed_build_output()
    assert f"refs.bib:{line}: url 'javascript:alert(4)' in 'pavkovich2015use' is not well formed. " \
           "Fix: write the web address starting with https://" in output


@pytest.mark.parametrize("path, name", [("refs.bib", "refs.bib"), ("docs/risks.md", "docs/risks.md"),
                                        ("docs/data/risks.yml", "docs/data/risks.yml"),
                                        ("docs/includes/glossary.md", "docs/includes/glossary.md")])
def test_a_file_saved_in_latin_1_gets_a_message_not_a_traceback(site_copy, path, name):
    text = site_copy.read(path)
    (site_copy.root / path).write_bytes(text.replace("\n", "\n% Bäumler\n" if path == "refs.bib" else
                                                     "\n# Bäumler\n", 1).encode("latin-1", "replace"))
    output = site_copy.failed_build_output()
    assert f"{name}:2: the file is not saved as UTF-8" in output and "Fix: save it as UTF-8" in output


def test_a_quoted_review_date_builds_and_reads_as_a_date(site_copy):
    site_copy.replace("docs/about.md", "last_reviewed: 2026-11-25", 'last_reviewed: "2026-11-25"')
    html = (site_copy.successful_build().site / "about" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-25">25 November 2026</time>' in html


@pytest.mark.parametrize("old, new, message", [
    ("    percentage: 16%\n", "    percentage: 160%\n", "harm 'bleeding-boyce' has 'percentage: 160%'. Fix: after"),
    ("    count: 5\n    in: 100\n", "    count: 5\n    in: 1000\n",
     "harm 'bleeding-brady' says about 5 in 1,000 but 4.7%, which is about 5 in 106"),
    ("    count: 6\n    in: 31822\n", "    count: 60\n    in: 31822\n",
     "harm 'fainting-white' says about 1 in 5,000, but 60 in 31,822 is not"),
    ("    count: 0\n    in: 7629\n", "    count: 1\n    in: 7629\n",
     "harm 'serious-brady' has an upper limit ('at_most') but a count of 1"),
    ("    count: 60\n    in: 60\n", "    count: 0\n    in: 0\n", "harm 'soreness-martin' has 'in: 0'. Fix: after 'in:'"),
])
def test_figures_that_disagree_in_the_data_file_are_refused(site_copy, old, new, message):
    site_copy.replace("docs/data/risks.yml", old, new)
    assert f"docs/data/risks.yml:" in (output := site_copy.failed_build_output()) and message in output, output


def test_a_quiet_or_verbose_build_is_refused(site_copy):
    for flag in ("-q", "-v"):
        result = mkdocs_build(site_copy.root, flag)
        assert result.returncode != 0 and "Fix: run it without the flag" in result.stdout + result.stderr


def test_markup_in_data_files_and_front_matter_shows_as_text(site_copy):
    site_copy.replace("refs.bib", "{The use of dry needling", "{The use <img src=x onerror=alert(1)> of dry needling")
    site_copy.replace("docs/includes/glossary.md", "*[sterile]: Free of germs.",
                      "*[sterile]: Free of <b onclick=alert(2)>germs</b>.")
    site_copy.replace("docs/data/risks.yml", "    label: Bleeding\n", '    label: Bleeding" onmouseover="alert(3)\n')
    site_copy.replace("docs/data/risks.yml", "    who: Acupuncture in Germany, 229,230 patients",
                      "    who: Acupuncture <i>x</i> [y](javascript:alert(4)) { onclick=alert(5) }")
    site_copy.replace("docs/about.md", "title: About this site", 'title: About <script>alert(6)</script> "this" site')
    site = site_copy.successful_build().site
    html = {name: (site / name / "index.html").read_text(encoding="utf-8")
            for name in ("references", "glossary", "risks", "about")}
    assert "The use &lt;img src=x onerror=alert(1)&gt; of dry needling" in html["references"]
    assert "Free of &lt;b onclick=alert(2)&gt;germs&lt;/b&gt;." in html["glossary"]
    assert 'aria-label="Bleeding&quot; onmouseover=&quot;alert(3): about 16 in 100' in html["risks"]
    assert "Acupuncture &lt;i&gt;x&lt;/i&gt; [y](javascript:alert(4)) { onclick=alert(5) }" in html["risks"]
    assert "<title>About &lt;script&gt;alert(6)&lt;/script&gt; &#34;this&#34; site - " in html["about"]
    for page in html.values():  # the theme's own elements aside: no handler, no script address
        assert [finding.message for finding in unsafe_markup(page) if "element" not in finding.message] == []
        assert "<script>alert" not in page
