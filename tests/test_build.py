"""The build is strict, checks anchors, and a failed build leaves nothing that
could be published by mistake."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_build_is_strict_with_every_validation_at_warn():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["strict"] == "true"
    levels = {**config["validation"]["nav"], **config["validation"]["links"]}
    assert set(levels.values()) == {"warn"}, levels
    assert {"anchors", "unrecognized_links", "not_found", "absolute_links"} <= levels.keys()


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
