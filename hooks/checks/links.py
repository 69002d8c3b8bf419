"""Links between pages, snippet includes and redirects from old page names, checked
where a writer edits them: MkDocs' own warnings name the page but not the line (and
pymdownx.snippets stops with a traceback)."""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from checks.citations import prose_lines
from checks.problems import Problem

# [text](target "title") and ![alt](target); a target may be wrapped in <...>.
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
# [name]: target, but not a footnote ([^1]: text).
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s*<?(\S+?)>?(?:\s|$)")
# pymdownx.snippets: --8<-- "file.md" on a line, or a block of file names between two --8<-- lines.
SNIPPET = re.compile(r"""^\s*-{1,}8<-{1,}\s*(?:["']([^"']*)["']|(\S*))\s*$""")
# http:, mailto:, //host and the like are other sites' business.
EXTERNAL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")


def link_targets(text: str):
    """Each relative link in the page's prose as (line number, target as written)."""
    for number, prose, _ in prose_lines(text):
        for pattern in (INLINE_LINK, LINK_DEFINITION):
            for match in pattern.finditer(prose):
                yield number, match.group(1)


def broken_link_problems(name: str, src_uri: str, text: str, known: set[str]) -> list[Problem]:
    problems = []
    for number, target in link_targets(text):
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path or EXTERNAL.match(target) or path.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if resolved in known:
            continue
        close = difflib.get_close_matches(resolved, sorted(known), n=1)
        fix = (f"link to '{_relative(close[0], src_uri)}' if that is the file you meant; "
               if close else "")
        problems.append(Problem(
            name, number, f"link to '{target}' points to a file that does not exist in docs/",
            fix + "write the target as a path from this page to the .md file or image, "
            "for example risks.md#collapsed-lung or assets/needle.svg"))
    return problems


def snippet_problems(name: str, text: str, docs: Path) -> list[Problem]:
    """Each file a page includes with pymdownx.snippets must be a file inside docs/."""
    problems, in_block = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        match = SNIPPET.match(line)
        if match and not (match.group(1) or match.group(2)):
            in_block = not in_block
            continue
        target = (match.group(1) or match.group(2)) if match else line.strip() if in_block else ""
        if not target:
            continue
        path = (docs / target).resolve()
        if not path.is_relative_to(docs.resolve()) or not path.is_file():
            problems.append(Problem(name, number, f"the snippet '{target}' is not a file inside docs/",
                                    "include only files in docs/, written as a path from docs/, "
                                    "for example --8<-- \"includes/glossary.md\""))
    return problems


def broken_redirect_problems(config_file: Path, redirects: dict, known: set[str]) -> list[Problem]:
    """Redirects (old page -> new page) in mkdocs.yml whose new page does not exist."""
    lines = config_file.read_text(encoding="utf-8").splitlines()
    problems = []
    for old, new in redirects.items():
        if EXTERNAL.match(new) or new.split("#", 1)[0] in known:
            continue
        number = next((n for n, line in enumerate(lines, start=1)
                       if line.strip().startswith(f"{old}:")), None)
        close = difflib.get_close_matches(new, sorted(known), n=1)
        fix = f"write '{old}: {close[0]}' if that is the page you meant; " if close else ""
        problems.append(Problem(
            config_file.name, number, f"redirect from '{old}' goes to '{new}', which is not a file in docs/",
            fix + "the page after the colon must be the page's new file name in docs/"))
    return problems


def _relative(path: str, src_uri: str) -> str:
    return posixpath.relpath(path, posixpath.dirname(src_uri) or ".")
