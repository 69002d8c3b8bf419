"""refs.bib read the way BibTeX reads it, entry by entry by brace depth, with the
line of each entry and field: what pybtex would drop or skip without a word is
reported here, and an entry pybtex cannot parse is parsed apart from the others."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from pybtex.database import BibliographyDataError, InvalidNameString
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError

from checks.problems import Problem

ENTRY_START = re.compile(r"@\s*(\w+)\s*\{\s*([^,\s}]*)\s*,?")
FIELD_NAME = re.compile(r"(?:^|,)\s*([A-Za-z][\w-]*)\s*=", re.MULTILINE)
# A brace, or a backslash with the character it escapes. Stepping from one to the next
# instead of through every character keeps a 2,000-entry refs.bib at a few milliseconds.
BRACE = re.compile(r"\\.|[{}]", re.DOTALL)


@dataclass
class Entry:
    kind: str
    key: str
    line: int
    body: str = ""
    text: str = ""  # from its '@' to its closing brace, for parsing the entry on its own
    field_lines: dict[str, int] = field(default_factory=dict)


def line_of(text: str, offset: int) -> int:
    return bisect.bisect_left(_newlines(text), offset) + 1


@functools.lru_cache(maxsize=2)
def _newlines(text: str) -> list[int]:
    """Where each line ends: counting from the start for each field was quadratic (seconds)."""
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
        entry.body, entry.text = text[match.end():end], text[at:end + 1]
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


def raw_values(entry: Entry) -> dict[str, str]:
    """Each field's value as typed, without its outer braces or quotes."""
    matches = list(FIELD_NAME.finditer(entry.body))
    values = {}
    for match, following in zip(matches, matches[1:] + [None]):
        value = entry.body[match.end():following.start() if following else None].strip().rstrip(",").rstrip()
        if len(value) > 1 and value[0] + value[-1] in ("{}", '""'):
            value = value[1:-1]
        values[match.group(1).lower()] = value
    return values


def each_entry_parsed(entries: list[Entry], name: str) -> tuple[list[tuple[Entry, dict]], list[Problem]]:
    """Each entry parsed on its own, with its fields: an entry pybtex cannot parse hides
    no problem in the others, and its own values are checked as typed (raw_values)."""
    checked, problems = [], []
    for entry in entries:
        parsed = []
        try:
            parsed = list(Parser().parse_string(entry.text).entries.values())
        except PybtexSyntaxError as error:
            problems.append(Problem(name, entry.line + error.lineno - 1, f"BibTeX syntax error: {error.error_type}",
                                    "check this line and the one above it for a missing comma, brace or quote"))
        except InvalidNameString as error:  # pybtex says which name, not where it is
            names = re.search(r"'(.*)'", str(error))
            before = entry.text.split(names.group(1))[0] if names and names.group(1) in entry.text else ""
            problems.append(Problem(name, entry.line + before.count("\n"), str(error), "write each person as "
                                    "'Surname, Given names' and join people with 'and', for example {Brady, Sarah}"))
        except BibliographyDataError as error:  # such as a field given twice
            problems.append(Problem(name, entry.line, str(error), "give each field once in each entry"))
        checked.append((entry, parsed[0].fields if parsed else raw_values(entry)))
    return checked, problems
