"""Every internal link, #anchor and image resolves (check 1)."""

from checks.built_site import broken_internal_links


def test_every_internal_link_anchor_and_image_resolves(built_site):
    problems = broken_internal_links(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_strict_build_fails_on_a_link_to_a_missing_page(site_copy):
    site_copy.replace("docs/index.md", "\n# ", "\nSee [the missing page](missing.md).\n\n# ")
    result = site_copy.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "index.md" in output and "missing.md" in output
    assert not site_copy.site.exists(), "a failed build must not leave site/ behind"


def test_strict_build_fails_on_a_missing_anchor(site_copy):
    site_copy.replace("docs/index.md", "\n# ", "\nSee [risks](risks.md#no-such-heading).\n\n# ")
    result = site_copy.build()
    assert result.returncode != 0
    assert "no-such-heading" in result.stdout + result.stderr
    assert not site_copy.site.exists()


def test_checker_reports_a_broken_link_with_page_line_and_fix(built_copy):
    risks = built_copy.site / "risks" / "index.html"
    risks.write_text(risks.read_text().replace(
        "</article>", '<a href="../no-such-page/">gone</a><a href="#nowhere">x</a>'
                      '<img alt="x" src="../img/missing.svg"></article>', 1))
    problems = [str(problem) for problem in broken_internal_links(built_copy.root)]
    assert any("docs/risks.md" in p and "no-such-page" in p and "Fix:" in p for p in problems)
    assert any("'#nowhere'" in p and "anchor" in p for p in problems)
    assert any("image '../img/missing.svg'" in p for p in problems)
