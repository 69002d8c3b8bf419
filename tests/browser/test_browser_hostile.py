"""Markup that a contributor put into the data files reaches Chromium as text:
visiting and hovering over the pages that show it opens no dialog."""

from __future__ import annotations


def test_markup_in_the_data_runs_nothing_in_the_browser(site_copy, open_tab, serve):
    site_copy.replace("refs.bib", "{The use of dry needling", "{The use <img src=x onerror=alert(1)> of dry needling")
    site_copy.replace("docs/includes/glossary.md", "*[sterile]: Free of germs.",
                      "*[sterile]: Free of <img src=x onerror=alert(2)>.")
    site_copy.replace("docs/data/risks.yml", "    label: Bleeding\n", '    label: Bleeding" onmouseover="alert(3)\n')
    site_copy.replace("docs/about.md", "title: About this site", "title: About <img src=x onerror=alert(4)>")
    tab = open_tab(serve(site_copy.successful_build().site))
    dialogs = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("references/", "glossary/", "about/", "risks/"):
        tab.visit(path, wait_until="networkidle")
    tab.page.hover(".risk-picture__dots")
    tab.page.wait_for_timeout(200)
    assert dialogs == []
    assert "The use <img src=x onerror=alert(1)> of dry needling" in tab.visit("references/").inner_text("body")
