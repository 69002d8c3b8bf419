"""Citations in a page's Markdown that mkdocs-bibtex would drop, mangle or render
inside code, and the lines of prose (code blanked out) that other checks read."""

from __future__ import annotations

import difflib
import re

from checks.problems import Problem

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
CITATION_BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
CITED_KEY = re.compile(r"^@([a-z0-9]+)$")
EMAIL = re.compile(r"[\w.%+-]+@[\w.-]+\.[A-Za-z]{2,}")


def prose_lines(text: str):
    """Each line as (number, prose, code): code blanked out of the prose and kept
    apart, so citations in code are told apart from citations in prose."""
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(2)[0] == fence[0] and len(opened.group(2)) >= len(fence):
                fence = None
            yield number, "", line
            continue
        if opened:
            fence = opened.group(2)
            yield number, "", line
            continue
        spans = [m.group() for m in INLINE_CODE.finditer(line)]
        yield number, INLINE_CODE.sub(lambda m: " " * len(m.group()), line), " ".join(spans)


def citation_problems(name: str, text: str, keys: set[str]) -> list[Problem]:
    problems = []
    for number, prose, code in prose_lines(text):
        if "[@" in code:
            problems.append(Problem(name, number, "a citation is inside code and would not be rendered",
                                    "move the [@key] out of the backticks or code block"))
        for block in CITATION_BLOCK.finditer(prose):
            if EMAIL.fullmatch(block.group(1).strip()):
                continue
            for part in block.group(1).split(";"):
                problems += _cited_key_problems(name, number, part.strip(), keys)
    return problems


def _cited_key_problems(name: str, number: int, part: str, keys: set[str]) -> list[Problem]:
    match = CITED_KEY.match(part)
    if not match:
        return [Problem(name, number, f"'{part}' is not a citation the site can render",
                        "cite as [@key] or [@key1; @key2] with the key from refs.bib; "
                        "page numbers and words inside the brackets are not supported")]
    key = match.group(1)
    if key in keys:
        return []
    close = difflib.get_close_matches(key, sorted(keys), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return [Problem(name, number, f"citation [@{key}] not found in refs.bib{hint}",
                    "use a key that exists in refs.bib, or add the entry to refs.bib")]


def cited_keys(text: str) -> set[str]:
    found = set()
    for _, prose, _ in prose_lines(text):
        for block in CITATION_BLOCK.finditer(prose):
            found |= {m.group(1) for part in block.group(1).split(";")
                      if (m := CITED_KEY.match(part.strip()))}
    return found
