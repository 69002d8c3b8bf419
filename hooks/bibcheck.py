"""Checks of refs.bib that pybtex and mkdocs-bibtex let through silently or report
with a traceback: stray text, unbalanced braces, bad keys, missing fields,
malformed identifiers and LaTeX that would show on the page as typed."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, InvalidNameString, parse_string
from pybtex.scanner import PybtexSyntaxError

from problems import Problem, not_utf8

KEY = re.compile(r"^[a-z]+[0-9]{4}[a-z0-9]*$")
DOI = re.compile(r"^10\.\d{4,9}/[^\s{}<>\"'`]+$")
PMID = re.compile(r"^\d{1,9}$")
PMCID = re.compile(r"^PMC\d{1,9}$")
# Turned into a link on the page: only a web address, never javascript: or data:.
URL = re.compile(r"^https?://[^\s<>\"'`]+$")
ENTRY_START = re.compile(r"@\s*(\w+)\s*\{\s*([^,\s}]*)\s*,?")
FIELD_NAME = re.compile(r"(?:^|,)\s*([A-Za-z][\w-]*)\s*=", re.MULTILINE)
# pybtex decodes accents and these escapes; any other command is printed as typed.
ALLOWED_LATEX = re.compile(r"\\(?:['\"`^~=.]|[cvHuk](?=[{\s])|[&%$_#])")
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
# A brace, or a backslash with the character it escapes. Stepping from one to the next
# instead of through every character keeps a 2,000-entry refs.bib at a few milliseconds.
BRACE = re.compile(r"\\.|[{}]", re.DOTALL)

# Fields each entry type needs for pybtex's "plain" style to format it.
REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("title", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "misc": ("title", "year"),
    "manual": ("title",),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "unpublished": ("author", "title", "note"),
}


@dataclass
class Entry:
    kind: str
    key: str
    line: int
    body: str = ""
    field_lines: dict[str, int] = field(default_factory=dict)


def line_of(text: str, offset: int) -> int:
    return bisect.bisect_left(_newlines(text), offset) + 1


@functools.lru_cache(maxsize=2)
def _newlines(text: str) -> list[int]:
    """Where each line ends. Counting from the start for every field made checking
    a 2,000-entry refs.bib take seconds (quadratic); a lookup keeps it linear."""
    return [match.start() for match in re.finditer("\n", text)]


def scan(text: str, name: str) -> tuple[list[Entry], list[Problem]]:
    """Split the file into entries by brace depth, the way BibTeX reads it, and
    report anything that would make pybtex drop or skip text without a word."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    pos = 0
    while pos < len(text):
        at = text.find("@", pos)
        stray = text[pos:] if at == -1 else text[pos:at]
        for offset, stray_line in _stray_lines(stray):
            problems.append(Problem(
                name, line_of(text, pos + offset),
                f"text outside any entry: {stray_line.strip()[:40]!r} is ignored",
                "start each entry with '@' (for example @article{key,) or start a comment with '%'",
            ))
        if at == -1:
            break
        match = ENTRY_START.match(text, at)
        if not match:
            problems.append(Problem(name, line_of(text, at), "'@' not followed by an entry",
                                    "write @type{key, ... } or remove the '@'"))
            pos = at + 1
            continue
        entry = Entry(match.group(1).lower(), match.group(2), line_of(text, at))
        if entry.kind == "comment":
            pos = match.end()
            continue
        depth, end = 0, None
        for brace in BRACE.finditer(text, text.index("{", at)):
            if brace.group() == "{":
                depth += 1
            elif brace.group() == "}":
                depth -= 1
                if depth == 0:
                    end = brace.start()
                    break
        if end is None:
            problems.append(Problem(
                name, entry.line, f"entry '{entry.key}' is never closed (a '}}' is missing)",
                "make every '{' in this entry have a matching '}', and end the entry with '}'"))
            break
        entry.body = text[match.end():end]
        for name_match in FIELD_NAME.finditer(entry.body):
            entry.field_lines[name_match.group(1).lower()] = line_of(
                text, match.end() + name_match.start(1))
        entries.append(entry)
        pos = end + 1
        if _fields_follow(text, pos):
            problems.append(Problem(
                name, line_of(text, end),
                f"entry '{entry.key}' closes here but more fields follow, which would be dropped",
                "a '{' is probably missing before a value on this line (write field = {value},)"))
            nxt = text.find("@", pos)
            pos = len(text) if nxt == -1 else nxt
    return entries, problems


def _stray_lines(chunk: str):
    offset = 0
    for raw in chunk.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped and not stripped.startswith("%") and stripped != ",":
            yield offset, raw
        offset += len(raw)


def _fields_follow(text: str, pos: int) -> bool:
    """An entry that closes early leaves 'name = value' text before the next '@'."""
    nxt = text.find("@", pos)
    stray = text[pos:] if nxt == -1 else text[pos:nxt]
    return re.search(r"^\s*,?\s*[A-Za-z][\w-]*\s*=", stray, re.MULTILINE) is not None


def entry_problems(entries: list[Entry], name: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        if not KEY.match(entry.key):
            problems.append(Problem(
                name, entry.line, f"key '{entry.key}' is not lowercase letters and digits",
                "name it authorYYYYword: first author's surname, year, first main title word, "
                "for example brady2014adverse"))
        other = seen.get(entry.key.lower())
        if other:
            problems.append(Problem(
                name, entry.line, f"key '{entry.key}' is used twice (also on line {other.line})",
                "give each entry its own key, or delete the duplicate entry"))
        seen[entry.key.lower()] = entry
        required = REQUIRED.get(entry.kind)
        if required is None:
            problems.append(Problem(
                name, entry.line, f"entry type '@{entry.kind}' cannot be formatted",
                f"use one of: {', '.join('@' + kind for kind in REQUIRED)}"))
            continue
        for needed in required:
            if needed not in entry.field_lines:
                problems.append(Problem(
                    name, entry.line, f"entry '{entry.key}' has no '{needed}' field",
                    f"add {needed} = {{...}}, (an @{entry.kind} needs {', '.join(required)})"))
        if entry.kind == "book" and not {"author", "editor"} & entry.field_lines.keys():
            problems.append(Problem(name, entry.line, f"entry '{entry.key}' has no author or editor",
                                    "add author = {...}, or editor = {...},"))
    return problems


def value_problems(bib, entries: list[Entry], name: str) -> list[Problem]:
    problems: list[Problem] = []
    lines = {entry.key.lower(): entry for entry in entries}
    for key, parsed in bib.entries.items():
        entry = lines.get(key.lower())
        if entry is None:
            continue
        checks = (("doi", DOI, "write the bare DOI, for example 10.1136/bmj.323.7311.485 "
                               "(no https://doi.org/ in front)"),
                  ("pmid", PMID, "write the PubMed ID as digits only, for example 11532840"),
                  ("pmcid", PMCID, "write the PubMed Central ID as PMC and digits, for example PMC48133"),
                  ("url", URL, "write the web address starting with https://, as the browser's address bar shows it"))
        for field_name, pattern, fix in checks:
            value = parsed.fields.get(field_name)
            if value is not None and not pattern.match(value.strip()):
                problems.append(Problem(name, entry.field_lines.get(field_name, entry.line),
                                        f"{field_name} '{value}' in '{key}' is not well formed", fix))
        for field_name, value in parsed.fields.items():
            if field_name == "annote":
                continue
            for command in LATEX_COMMAND.finditer(value):
                if not ALLOWED_LATEX.match(value, command.start()):
                    problems.append(Problem(
                        name, entry.field_lines.get(field_name.lower(), entry.line),
                        f"'{command.group()}' in the {field_name} of '{key}' would show on the page as typed",
                        "write the plain text or the UTF-8 character instead "
                        "(accents such as {\\'a} are fine)"))
    return problems


def bib_problems(path: Path) -> tuple[list[Problem], BibliographyData | None]:
    """Every problem in the bibliography, and its entries as pybtex parsed them
    (None when the file has problems that stop pybtex reading it as written)."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [Problem(name, None, "the bibliography file does not exist",
                        f"create {name} next to mkdocs.yml")], None
    except UnicodeDecodeError as error:
        return [not_utf8(name, error)], None
    entries, problems = scan(text, name)
    problems += entry_problems(entries, name)
    if problems:
        return problems, None
    try:
        bib = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        return [Problem(name, error.lineno, f"BibTeX syntax error: {error.error_type}",
                        "check this line and the one above it for a missing comma, brace or quote")], None
    except BibliographyDataError as error:
        return [Problem(name, None, str(error), "give each entry its own key")], None
    except InvalidNameString as error:  # pybtex says which name, not where it is
        names = re.search(r"'(.*)'", str(error))
        where = text.find(names.group(1)) if names else -1
        return [Problem(name, line_of(text, where) if where >= 0 else None, str(error),
                        "write each person as 'Surname, Given names' and join people with "
                        "'and', for example {Brady, Sarah and Doody, Catherine}")], None
    problems += value_problems(bib, entries, name)
    return problems, bib
