"""Links: in the sources (checks/links.py: pages, snippets, redirects in mkdocs.yml),
with the line and the fix; and in the built site (checks/built_site.py), where the
theme's and the hooks' HTML is checked too."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from checks.built_site import broken_internal_links, dead_end_404
from checks.links import broken_link_problems, broken_redirect_problems

ROOT = Path(__file__).resolve().parent.parent
KNOWN = {"index.md", "risks.md", "assets/needle.svg", "guides/after.md"}


def redirect_maps(config_file: Path) -> dict:
    """The redirects as mkdocs.yml lists them (its !ENV and !!python tags are not needed here)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    for prefix in ("!", "tag:yaml.org,2002:python/"):
        loader.add_multi_constructor(prefix, lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return plugin["redirects"]["redirect_maps"]
    return {}


def test_every_redirect_goes_to_a_page_that_exists():
    redirects = redirect_maps(ROOT / "mkdocs.yml")
    assert redirects, "mkdocs.yml has no redirect_maps: CONTRIBUTING.md shows writers one as the pattern"
    known = {path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*")}
    problems = broken_redirect_problems(ROOT / "mkdocs.yml", redirects, known)
    assert not problems, "\n".join(map(str, problems))


def test_links_that_resolve_pass():
    text = ("[risk](risks.md#collapsed-lung) ![needle](assets/needle.svg) [sub](guides/after.md)\n"
            "[web](https://example.org/x.md) [mail](mailto:a@b.org) [here](#top) [note][1]\n\n"
            "[1]: <risks.md>\n[^1]: a footnote, not a link\n")
    assert broken_link_problems("docs/index.md", "index.md", text, KNOWN) == []
    assert broken_link_problems("docs/guides/after.md", "guides/after.md", "[up](../risks.md)", KNOWN) == []


def test_a_broken_link_names_the_line_and_suggests_the_page():
    text = "# Page\n\nSee the [risks page](risk.md#collapsed-lung).\n\n```\n[in code](nowhere.md)\n```\n"
    assert [str(p) for p in broken_link_problems("docs/index.md", "index.md", text, KNOWN)] == [
        "docs/index.md:3: link to 'risk.md#collapsed-lung' points to a file that does not exist in docs/. "
        "Fix: link to 'risks.md' if that is the file you meant; write the target as a path from this page "
        "to the .md file or image, for example risks.md#collapsed-lung or assets/needle.svg"]


def test_a_broken_image_and_link_definition_are_reported():
    text = "![A needle](assets/neede.svg)\n\n[ref]: gone.md\n"
    lines = [problem.line for problem in broken_link_problems("docs/index.md", "index.md", text, KNOWN)]
    assert lines == [1, 3]


def test_every_internal_link_anchor_and_image_resolves(built_site):
    problems = broken_internal_links(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_checker_reports_a_broken_link_with_page_line_and_fix(built_copy):
    risks = built_copy.site / "risks" / "index.html"
    risks.write_text(risks.read_text().replace(
        "</article>", '<a href="../no-such-page/">gone</a><a href="#nowhere">x</a>'
                      '<img alt="x" src="../img/missing.svg"></article>', 1))
    problems = [str(problem) for problem in broken_internal_links(built_copy.root)]
    assert any("docs/risks.md" in p and "no-such-page" in p and "Fix:" in p for p in problems)
    assert any("'#nowhere'" in p and "anchor" in p for p in problems)
    assert any("image '../img/missing.svg'" in p for p in problems)


def nav_addresses(site: Path) -> list[str]:
    """Each page's address from the site's root, as the sitemap lists them."""
    return [loc.split("dry-needling-explained.github.io", 1)[1]
            for loc in re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))]


def test_the_page_for_a_wrong_address_leads_to_every_page(built_site):
    pages = nav_addresses(built_site.site)
    assert len(pages) >= 10
    problems = dead_end_404(built_site.root, pages)
    assert not problems, "\n".join(map(str, problems))


def test_a_404_page_without_links_is_reported(built_copy):
    page = built_copy.site / "404.html"
    page.write_text(re.sub(r'<ul class="not-found__pages">.*?</ul>', "", page.read_text(encoding="utf-8"),
                           flags=re.DOTALL), encoding="utf-8")
    problems = [str(problem) for problem in dead_end_404(built_copy.root, ["/site/risks/"])]
    assert problems == ["overrides/404.html: the page shown for a wrong address has no link to /site/risks/. "
                        "Fix: list every page of the navigation there, as overrides/404.html does with nav"]
