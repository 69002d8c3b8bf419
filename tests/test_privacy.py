"""Nothing in a visitor's browser is fetched from another host: no fonts, scripts,
styles or images from anyone but the site itself."""

from checks.built_site import resources_from_other_hosts


def test_built_site_loads_nothing_from_other_hosts(built_site):
    problems = resources_from_other_hosts(built_site.root)
    assert not problems, "\n".join(map(str, problems))


def test_script_font_and_image_from_other_hosts_are_reported(built_copy):
    page = built_copy.site / "risks" / "index.html"
    page.write_text(page.read_text().replace(
        "</head>", '<script src="https://cdn.example.com/x.js"></script>'
                   '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>', 1))
    css = built_copy.site / "stylesheets" / "extra.min.css"  # as published (minify in mkdocs.yml)
    css.write_text(css.read_text() + "\n@font-face { src: url(https://fonts.gstatic.com/r.woff2); }\n")
    problems = [str(p) for p in resources_from_other_hosts(built_copy.root)]
    assert any(p.startswith("docs/risks.md") and "cdn.example.com" in p and "Fix:" in p for p in problems)
    assert any("fonts.googleapis.com" in p for p in problems)
    assert any(p.startswith("site/stylesheets/extra.min.css:") and "fonts.gstatic.com" in p for p in problems)
