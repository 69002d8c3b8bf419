"""The build fails on any warning (missing anchors and the rest: tests/test_writer_mistakes.py),
and a failed build leaves nothing that could be published by mistake."""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_site import without_citations  # noqa: E402

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_no_build_command_hides_warnings():
    """-q lets a strict build with warnings exit 0 in MkDocs 1.6.1; -v turns anchor checks off."""
    for name in ("Makefile", ".ci/run", "README.md", "CONTRIBUTING.md"):
        path = ROOT / name
        if path.exists():
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if "mkdocs build" in line or "mkdocs serve" in line:
                    assert not {"-q", "--quiet", "-v", "--verbose"} & set(line.split()), \
                        f"{name}:{number}: remove -q/-v from '{line.strip()}'"


def test_a_build_with_warnings_exits_non_zero_and_leaves_no_site(site_copy):
    (site_copy.root / "site").mkdir()
    (site_copy.root / "site" / "index.html").write_text("an old build")
    front_matter = site_copy.read("docs/about.md").split("\n# ")[0]
    site_copy.write("docs/orphan.md", front_matter + "\n# A page missing from the nav\n")
    result = site_copy.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "orphan.md" in output
    assert not site_copy.site.exists(), "site/ must be deleted when the build fails"


def test_a_site_without_citations_keeps_every_other_check_and_picture(site_copy):
    """bench/build_time.py's plain build: no mkdocs-bibtex and no hooks/bibliography.py.
    The other hooks skip only their citation work, so the benchmark counts nothing
    else as the cost of citations."""
    without_citations(site_copy.root)
    site_copy.successful_build()
    risks = (site_copy.site / "risks" / "index.html").read_text(encoding="utf-8")
    assert 'class="risk-picture__dots"' in risks and 'class="footnote"' not in risks
    assert json.loads(JSON_LD.search(risks).group(1))["citation"] == []
    site_copy.replace("docs/benefits.md", "last_reviewed: 2026-11-25", "last_reviewed: 25/11/2026")
    output = site_copy.failed_build_output()
    assert "docs/benefits.md:4: last_reviewed '25/11/2026' is not a valid date" in output


def test_a_failed_build_lists_the_problems_before_saying_site_was_deleted(site_copy):
    (site_copy.root / "site").mkdir()
    (site_copy.root / "site" / "index.html").write_text("an old build")
    site_copy.replace("docs/risks.md", "[@brady2014adverse]. It found", "[@brady2014advers]. It found")
    result = site_copy.build()
    lines = result.stderr.splitlines()
    problem = next(number for number, line in enumerate(lines) if "docs/risks.md:43: citation" in line)
    deleted = next(number for number, line in enumerate(lines) if "site/ was deleted" in line)
    assert result.returncode != 0 and not site_copy.site.exists()
    assert problem < deleted, result.stderr
    assert "Fix the problems listed above" in lines[deleted]
