"""Writers' controls out of the patient's way (issue 13, point 6): no edit pencil and
no "¶" beside headings; "Cite this page" folded; one "Suggest a change" link at the foot of every page,
beside "Report a problem with this page", opening that page's source for editing."""

from __future__ import annotations

EDIT_BASE = "https://github.com/dry-needling-explained/site/edit/main/docs/"
FOOT = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const links = [...document.querySelectorAll(".md-content a")].filter(shown);
  return {pencils: [...document.querySelectorAll(".md-content__button")].filter(shown).length,
          permalinks: [...document.querySelectorAll(".md-content .headerlink")].filter(shown).length,
          suggest: links.filter(a => a.textContent.trim() === "Suggest a change").map(a => a.href),
          report: links.findIndex(a => a.textContent.trim() === "Report a problem with this page"),
          suggestAt: links.findIndex(a => a.textContent.trim() === "Suggest a change"),
          count: links.length,
          // a closed <details> hides its text by content-visibility, which only
          // checkVisibility() sees
          citeShown: [...document.querySelectorAll(".cite-page p")]
            .filter(p => p.checkVisibility({visibilityProperty: true})).length};
}"""


def writers_controls_problems(page) -> list[str]:
    found = page.evaluate(FOOT)
    problems = []
    if found["pencils"]:
        problems.append(f"{page.url}: an edit pencil shows. Fix: leave content.action.edit out of "
                        "theme.features in mkdocs.yml.")
    if found["permalinks"]:
        problems.append(f"{page.url}: {found['permalinks']} '¶' links show beside headings. Fix: "
                        "leave permalink out of the toc settings in mkdocs.yml.")
    if found["citeShown"]:
        problems.append(f"{page.url}: 'Cite this page' shows its citation in full. Fix: keep it "
                        "folded, in <details class=\"cite-page\"> without open, in overrides/main.html.")
    if len(found["suggest"]) != 1 or not found["suggest"][0].startswith(EDIT_BASE):
        problems.append(f"{page.url}: {len(found['suggest'])} 'Suggest a change' links to "
                        f"{EDIT_BASE}..., not 1. Fix: keep it in the content block of overrides/main.html.")
    elif found["suggestAt"] < found["count"] - 2 or found["report"] < found["count"] - 2:
        problems.append(f"{page.url}: 'Suggest a change' is not at the foot of the page, beside "
                        "'Report a problem with this page'.")
    return problems


def test_every_page_has_one_suggest_a_change_link_and_no_writers_tools(open_tab, site_base, page_paths):
    tab = open_tab(site_base, viewport={"width": 360, "height": 800})
    problems = [p for path in page_paths for p in writers_controls_problems(tab.visit(path))]
    assert not problems, "\n".join(problems)


def test_a_pencil_and_a_missing_suggest_link_are_reported(built_copy, serve, open_tab):
    html = built_copy.read("site/risks/index.html")
    html = html.replace(">Suggest a change</a>", ">Edit</a>").replace(
        '<details class="cite-page">', '<details class="cite-page" open>').replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset"><a class="md-content__button md-icon" href="#">E</a>'
        '<h2 id="x">X<a class="headerlink" href="#x">&para;</a></h2>', 1)
    built_copy.write("site/risks/index.html", html)
    problems = writers_controls_problems(open_tab(serve(built_copy.site)).visit("risks/"))
    assert len(problems) == 4, problems
    assert "an edit pencil shows" in problems[0] and "1 '¶' links show" in problems[1]
    assert "'Cite this page' shows its citation in full" in problems[2]
    assert "0 'Suggest a change' links" in problems[3]
