"""Checks of refs.bib that pybtex and mkdocs-bibtex let through silently or report
with a traceback: stray text, unbalanced braces, bad keys, missing fields (annote
included), malformed identifiers and LaTeX that would show on the page as typed;
every one in one build, so a pasted entry is fixed in one round."""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, InvalidNameString, parse_string
from pybtex.scanner import PybtexSyntaxError

from checks.bib_scan import Entry, each_entry_parsed, scan
from checks.problems import Problem, not_utf8

# The year, or nd for a source that shows no date (its year = {n.d.}).
KEY = re.compile(r"^[a-z]+(?:[0-9]{4}|nd)[a-z0-9]*$")
# pybtex decodes accents and these escapes; any other command is printed as typed.
ALLOWED_LATEX = re.compile(r"\\(?:['\"`^~=.]|[cvHuk](?=[{\s])|[&%$_#])")
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")

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

# As AMA style: up to 6 authors, all of them; more, the first 3 and "and others"
# (pybtex prints it as it reads). Twenty long lists were 3 KB of a phone's first
# visit to the References page.
MOST_AUTHORS = 6
AND = re.compile(r"\s+and\s+")
AUTHOR = re.compile(r"^\s*author\s*=\s*\{(.*)\},?\s*$", re.MULTILINE | re.IGNORECASE)

ANNOTE_FIX = ("add annote = {...}, saying what the source supports and how you checked its details "
              "(for example: Metadata verified against: PubMed record)")
# Each identifier's form. A url is turned into a link: only a web address, never javascript: or data:.
IDENTIFIERS = (
    ("doi", re.compile(r"^10\.\d{4,9}/[^\s{}<>\"'`]+$"),
     "write the bare DOI, for example 10.1136/bmj.323.7311.485 (no https://doi.org/ in front)"),
    ("pmid", re.compile(r"^\d{1,9}$"), "write the PubMed ID as digits only, for example 11532840"),
    ("pmcid", re.compile(r"^PMC\d{1,9}$"), "write the PubMed Central ID as PMC and digits, for example PMC48133"),
    ("url", re.compile(r"^https?://[^\s<>\"'`]+$"),
     "write the web address starting with https://, as the browser's address bar shows it"))


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
        if "annote" not in entry.field_lines:  # how the entry was verified, which reviewers rely on
            problems.append(Problem(name, entry.line, f"entry '{entry.key}' has no 'annote' field", ANNOTE_FIX))
    return problems


def value_problems(checked: list[tuple[Entry, dict]], name: str) -> list[Problem]:
    problems: list[Problem] = []
    for entry, fields in checked:
        for field_name, pattern, fix in IDENTIFIERS:
            value = fields.get(field_name)
            if value is not None and not pattern.match(value.strip()):
                problems.append(Problem(name, entry.field_lines.get(field_name, entry.line),
                                        f"{field_name} '{value}' in '{entry.key}' is not well formed", fix))
        author = AUTHOR.search(entry.text)  # pybtex keeps names apart from the fields
        names = [n for n in AND.split(author.group(1).strip()) if n and n != "others"] if author else []
        if len(names) > MOST_AUTHORS:
            problems.append(Problem(
                name, entry.field_lines.get("author", entry.line),
                f"'{entry.key}' lists {len(names)} authors, more than {MOST_AUTHORS}",
                f"keep the first 3 and end with 'and others': author = {{{' and '.join(names[:3])} and others}}"))
        for field_name, value in fields.items():
            if field_name.lower() == "annote":
                continue
            for command in LATEX_COMMAND.finditer(value):
                if not ALLOWED_LATEX.match(value, command.start()):
                    problems.append(Problem(
                        name, entry.field_lines.get(field_name.lower(), entry.line),
                        f"'{command.group()}' in the {field_name} of '{entry.key}' would show on the page as typed",
                        "write the plain text or the UTF-8 character instead "
                        "(accents such as {\\'a} are fine)"))
    return problems


def bib_problems(path: Path) -> tuple[list[Problem], BibliographyData | None]:
    """Every problem in the bibliography, in the order of its lines, and its entries as
    pybtex parsed them (None when there are problems to fix)."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [Problem(name, None, "the bibliography file does not exist",
                        f"create {name} next to mkdocs.yml")], None
    except UnicodeDecodeError as error:
        return [not_utf8(name, error)], None
    return text_problems(text, name)


def text_problems(text: str, name: str) -> tuple[list[Problem], BibliographyData | None]:
    """bib_problems for a bibliography's text, such as an entry before it is added."""
    entries, problems = scan(text, name)
    problems += entry_problems(entries, name)
    bib = None
    if not problems:  # one parse of the whole file is fastest (a 2,000-entry refs.bib: 0.4 s)
        try:
            bib = parse_string(text, "bibtex")
        except (PybtexSyntaxError, InvalidNameString, BibliographyDataError):
            pass  # each entry on its own, below, says which one and where
    if bib is None:
        checked, parse_problems = each_entry_parsed(entries, name)
        problems += parse_problems
    else:
        checked = [(entry, bib.entries[entry.key].fields) for entry in entries]
    problems += value_problems(checked, name)
    problems.sort(key=lambda problem: problem.line or 0)
    return problems, None if problems else bib
