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


# A rate or a count a patient would weigh: "1 in 4", "3 of 100", "25%".
RATE = re.compile(r"\b\d[\d,]* (?:in|of) \d[\d,]*\b|\b\d+(?:\.\d+)?%")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def uncited_rate_problems(name: str, text: str) -> list[Problem]:
    """Each paragraph of prose that states a rate or a count with no citation. A list
    counts as cited when the paragraph that introduces it is; headings, tables and the
    markers that show claims or pictures (which carry their own sources) are not prose."""
    problems, previous_cited = [], False
    for start, block in _blocks(text):
        joined = "\n".join(block)
        cited = "[@" in joined
        is_list = bool(LIST_ITEM.match(block[0]))
        if not block[0].lstrip().startswith(("#", "<!--", "|")) and not cited and not (is_list and previous_cited):
            for offset, line in enumerate(block):
                if match := RATE.search(line):
                    problems.append(Problem(name, start + offset, f"'{match.group()}' is a rate or a count with no citation",
                                            "cite the study it comes from ([@key]) in the same paragraph, or show "
                                            "it as a claim from docs/data/claims.yml (<!-- claim: id -->)"))
                    break
        previous_cited = cited or (is_list and previous_cited)
    return problems


def _blocks(text: str):
    """The page's prose in blocks separated by blank lines, each with its first line's
    number; front matter and code are left out."""
    lines = list(prose_lines(text))
    if lines and lines[0][1].strip() == "---":
        end = next((i for i, (_, prose, _) in enumerate(lines[1:], start=1) if prose.strip() in ("---", "...")), 0)
        lines = lines[end + 1:]
    block, start = [], None
    for number, prose, _ in lines:
        if prose.strip():
            start = number if not block else start
            block.append(prose)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block
