"""Stop the build when a page would run a contributor's script, or shows a warning
box without its text (hooks/htmlcheck.py). Checked on each page's HTML after every
other hook has added to it, and on every file in docs/ that is served as it is."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from checks.html import empty_boxes, unsafe_markup
from checks.problems import Problem, read_source, report

# Served as they are, and run by a browser that opens them: never from docs/.
SCRIPT_FILES = (".js", ".mjs", ".html", ".htm", ".xhtml", ".shtml")
# Where text a page shows may have come from, when the page's own Markdown does not have it.
DATA_SOURCES = ("docs/data", "docs/includes")


def on_files(files, config):
    problems, docs = [], Path(config.docs_dir).resolve()
    for file in files:  # the theme's own files are in files too: only docs/ is a contributor's
        if not file.abs_src_path or not Path(file.abs_src_path).resolve().is_relative_to(docs):
            continue
        name = f"docs/{file.src_uri}"
        if file.src_uri.lower().endswith(SCRIPT_FILES):
            problems.append(Problem(name, None, "docs/ holds a file a browser would run as a page or script",
                                    "remove it: pages are Markdown (.md) files; scripts belong to the theme "
                                    "(overrides/), reviewed by the maintainers"))
        elif file.src_uri.lower().endswith(".svg"):
            problems += [Problem(name, finding.line, f"the image {finding.message}", finding.fix)
                         for finding in unsafe_markup(read_source(Path(file.abs_src_path), name))]
    if problems:
        raise PluginError(report(problems, "Some files in docs/ could run script"))
    return files


@event_priority(-100)  # last: after the hooks that add pictures, references and glossary focus
def on_page_content(html, page, config, files):
    findings = unsafe_markup(html) + empty_boxes(html)
    if not findings:
        return html
    name = f"docs/{page.file.src_uri}"
    sources = {name: page.file.content_string, **data_sources(Path(config.config_file_path).parent)}
    problems = [Problem(*where(finding.needle, sources, name), f"the page {finding.message}", finding.fix)
                for finding in findings]
    raise PluginError(report(problems, f"{name} cannot be published"))


def data_sources(root: Path) -> dict[str, str]:
    files = [path for folder in DATA_SOURCES for path in sorted((root / folder).rglob("*")) if path.is_file()]
    names = [path.relative_to(root).as_posix() for path in files]
    return {name: read_source(path, name) for name, path in zip(names, files)}


def where(needle: str, sources: dict[str, str], page: str) -> tuple[str, int | None]:
    """The first file and line that has needle: the page's Markdown, then the data."""
    for name, text in sources.items():
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return name, number
    return page, None
