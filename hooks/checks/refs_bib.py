"""Checks of refs.bib that pybtex and mkdocs-bibtex let through silently or report
with a traceback: stray text, unbalanced braces, bad keys, missing fields,
malformed identifiers and LaTeX that would show on the page as typed."""

from __future__ import annotations

import re
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, InvalidNameString, parse_string
from pybtex.scanner import PybtexSyntaxError

from checks.bib_scan import Entry, line_of, scan
from checks.problems import Problem, not_utf8

KEY = re.compile(r"^[a-z]+[0-9]{4}[a-z0-9]*$")
DOI = re.compile(r"^10\.\d{4,9}/[^\s{}<>\"'`]+$")
PMID = re.compile(r"^\d{1,9}$")
PMCID = re.compile(r"^PMC\d{1,9}$")
# Turned into a link on the page: only a web address, never javascript: or data:.
URL = re.compile(r"^https?://[^\s<>\"'`]+$")
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
