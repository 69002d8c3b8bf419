"""axe-core finds no WCAG 2.2 A/AA problem on any page, light or dark, phone or desktop."""

import pytest

from browser_checks import accessibility_problems, color_scheme

VIEWS = [(scheme, width) for scheme in ("light", "dark") for width in (360, 1280)]
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme, width", VIEWS, ids=[f"{s}-{w}px" for s, w in VIEWS])
def test_every_page_passes_axe(open_tab, site_base, page_paths, axe_source, scheme, width):
    tab = open_tab(site_base, color_scheme=scheme, viewport={"width": width, "height": 800})
    problems = []
    for path in page_paths:
        page = tab.visit(path)
        assert color_scheme(page) == MATERIAL_SCHEME[scheme], (
            f"{page.url} ignores prefers-color-scheme: {scheme}; the palette entries in "
            "mkdocs.yml need their media queries")
        problems += accessibility_problems(page, axe_source)
    assert not problems, "\n".join(problems)


def broken_risks_page_problems(built_copy, serve, open_tab, axe_source, extra_html):
    built_copy.replace("site/risks/index.html", "</article>", extra_html + "</article>")
    tab = open_tab(serve(built_copy.site))
    return tab.base + "risks/", accessibility_problems(tab.visit("risks/"), axe_source)


def test_axe_reports_an_image_without_alt_text(built_copy, serve, open_tab, axe_source):
    url, problems = broken_risks_page_problems(built_copy, serve, open_tab, axe_source,
                                               '<img src="../assets/favicon.svg">')
    assert any(p.startswith(url) and "axe image-alt at " in p and "img" in p for p in problems), problems


def test_axe_reports_text_with_too_little_contrast(built_copy, serve, open_tab, axe_source):
    url, problems = broken_risks_page_problems(built_copy, serve, open_tab, axe_source,
                                               '<p style="color: #bbb">Pale text</p>')
    assert any(p.startswith(url) and "axe color-contrast" in p and "#bbbbbb" in p
               for p in problems), problems
