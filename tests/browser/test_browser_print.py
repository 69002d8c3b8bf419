"""Printed from Chromium, the risks page keeps its table and references and
leaves out the site's navigation."""

from browser_checks import one_line, print_problems, printed_text

NAVIGATION = ".md-header, .md-sidebar--primary, .md-footer"


def what_print_must_keep_and_drop(page):
    """From the page on screen: the table's cells and the reference list must
    print; lines of navigation text that the article does not also contain must not."""
    table = page.locator("article table th, article table td").all_inner_texts()
    references = [text.replace("\u21a9", "") for text in
                  page.locator(".footnote li").all_inner_texts()]
    assert table and references, f"{page.url} has no table or no references to check"
    # The site's name and the page's address print on purpose (.print-source, hidden on screen).
    article = one_line(page.locator("article").inner_text() + " " +
                       " ".join(page.locator(".print-source").all_text_contents()))
    navigation = {one_line(line) for text in page.locator(NAVIGATION).all_inner_texts()
                  for line in text.splitlines() if len(line.strip()) > 3}
    return table + references, sorted(line for line in navigation if line not in article)


def printed_risks_page_problems(tab):
    page = tab.visit("risks/")
    must_keep, must_drop = what_print_must_keep_and_drop(page)
    assert must_drop, "found no navigation text to look for in print"
    return print_problems(page.url, printed_text(page), must_keep, must_drop)


def test_printed_risks_page_keeps_table_and_references_without_navigation(open_tab, site_base):
    tab = open_tab(site_base, viewport={"width": 1280, "height": 800})
    assert printed_risks_page_problems(tab) == []


def test_print_that_hides_the_table_and_shows_the_nav_is_reported(built_copy, serve, open_tab):
    built_copy.replace("site/risks/index.html", "</head>",
                       "<style>@media print { table { display: none !important }"
                       " .md-sidebar--primary { display: block !important } }</style></head>")
    tab = open_tab(serve(built_copy.site), viewport={"width": 1280, "height": 800})
    problems = printed_risks_page_problems(tab)
    assert any("/risks/: the printed page lacks 'How often'" in p for p in problems), problems
    assert any("/risks/: the printed page still shows navigation text 'Physiology'" in p
               for p in problems), problems
