"""make add-ref DOI=10.xxxx/yyyy: fetch a source's record by DOI content negotiation and
append it to refs.bib in the house style, with an annote saying where it came from and
what is still to check. Every refs.bib check runs on the entry before it is written."""

import argparse
import datetime
import html
import re
import sys
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from pybtex.database import parse_string
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from checks.bib_scan import raw_values, scan  # noqa: E402
from checks.problems import Problem  # noqa: E402
from checks.refs_bib import IDENTIFIERS, text_problems  # noqa: E402

DOI = next(pattern for name, pattern, _ in IDENTIFIERS if name == "doi")
# What the house keeps, in its order: no abstract, keywords, ISSN, or url repeating the DOI.
FIELDS = ("author", "editor", "title", "journal", "booktitle", "publisher", "institution", "school",
          "year", "month", "volume", "number", "pages", "doi", "url")
SMALL = {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "with", "at", "by", "from",
         "is", "are", "does", "do", "can", "what", "how", "why", "when", "which", "\\&"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"})  # NFKD leaves these


def refused(what: str, fix: str, file: str = "make add-ref", line: int | None = None) -> SystemExit:
    """What stops the entry being added: Python prints it, without a traceback, and exits 1."""
    return SystemExit(str(Problem(file, line, what, fix)))


def bare_doi(text: str) -> str:
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.IGNORECASE)


def fetch(doi: str, resolver: str) -> str:
    """The record as BibTeX, from the agency (Crossref, DataCite) the resolver redirects to."""
    request = urllib.request.Request(f"{resolver.rstrip('/')}/{urllib.parse.quote(doi, safe='/()-._;:')}",
                                     headers={"Accept": "application/x-bibtex; charset=utf-8",
                                              "User-Agent": "dry-needling-explained make add-ref"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        raise refused(f"{resolver} answered {error.code} {error.reason} for the DOI {doi}",
                      "copy the DOI again from the article's page") from None
    except OSError as error:  # URLError too: no DNS, no route, connection refused, timed out
        raise refused(f"no network: {resolver} cannot be reached ({getattr(error, 'reason', error)})",
                      "connect to the internet and run make add-ref again") from None


def house_key(people, fields: dict) -> str:
    """authorYYYYword: first author's surname, year, first main word of the title, in
    lowercase ASCII letters and digits (accents, hyphens and spaces dropped)."""
    def plain(latex: str) -> str:
        text = unicodedata.normalize("NFKD", str(Text.from_latex(latex)).lower().translate(FOLD).replace("-", ""))
        return re.sub(r"[^a-z0-9 ]", "", text.encode("ascii", "ignore").decode())
    surname = plain("".join(people[0].prelast_names + people[0].last_names)).replace(" ", "") if people else ""
    words = [word for word in plain(fields.get("title", "")).split() if word not in SMALL]
    return surname + re.sub(r"\D", "", fields.get("year", ""))[:4] + (words[0] if words else "")


def cleaned(name: str, value: str) -> str:
    value = " ".join(re.sub(r"<[^>]+>", "", html.unescape(value)).split())  # Crossref's JATS tags; &amp; for &
    if name != "url":  # BibTeX's special characters, escaped as the checks expect
        value = re.sub(r"(?<!\\)([&%#$_])", r"\\\1", value)
    if name == "pages":
        value = re.sub(r"\s*(?:[–—]|-+)\s*", "--", value)
    elif name == "month":  # written as BibTeX's macro (aug), as every entry in refs.bib has it
        value = MONTHS[int(value) - 1] if value.isdigit() and 1 <= int(value) <= 12 else value[:3].lower()
    elif name in ("title", "journal") and value.upper() == value and len(value.split()) > 2:
        value = value.lower()  # in capitals: sentence case for a title, title case for a journal
        value = value[0].upper() + value[1:] if name == "title" else " ".join(
            word if word in SMALL and number else word.capitalize() for number, word in enumerate(value.split()))
    return value


def house_entry(record: str, doi: str, resolver: str, key: str | None) -> tuple[str, str]:
    try:
        (entry,) = parse_string(record, "bibtex").entries.values()
    except (PybtexError, ValueError):  # not one entry: an HTML page, say, from an agency without BibTeX
        raise refused(f"the record for {doi} is not one BibTeX entry",
                      "add the entry by hand, as CONTRIBUTING.md's 'Add a source to refs.bib' says") from None
    fields = {name.lower(): cleaned(name.lower(), value) for name, value in entry.fields.items()}
    fields.update({role.lower(): " and ".join(map(str, names)) for role, names in entry.persons.items()}, doi=doi)
    url = fields.get("url", "")
    noise = {"publisher"} if entry.type.lower() == "article" else set()  # an article's reference never shows it
    noise |= {"month"} if fields.get("month") not in MONTHS else set()
    noise |= {"url"} if doi.lower() in url.lower() or not url.startswith("https://") else set()
    key = key or house_key(entry.persons.get("author") or entry.persons.get("editor"), fields)
    kept = [(name, fields[name] if name == "month" else f"{{{fields[name]}}}")
            for name in FIELDS if fields.get(name) and name not in noise]
    kept.append(("annote", f"{{Added with make add-ref on {datetime.date.today()} from {resolver} (DOI content "
                           "negotiation). Still to verify: authors, title, journal, year, volume, number and pages "
                           "against PubMed; add pmid (and pmcid if any); say what the source supports on the site.}"))
    width = max(len(name) for name, _ in kept)
    return key, f"@{entry.type.lower()}{{{key},\n" + ",\n".join(
        f"  {name.ljust(width)} = {value}" for name, value in kept) + "\n}\n"


def refuse_duplicates(bib_text: str, doi: str, key: str | None = None) -> None:
    for entry in scan(bib_text, "refs.bib")[0]:
        if bare_doi(raw_values(entry).get("doi", "")).lower() == doi.lower():
            raise refused(f"the DOI {doi} is already in refs.bib, as '{entry.key}'", f"cite it as [@{entry.key}]",
                          "refs.bib", entry.field_lines.get("doi", entry.line))
        if key and entry.key.lower() == key.lower():
            raise refused(f"the key '{key}' is already used, by another source", "give the new source its own "
                          f"key: make add-ref DOI={doi} KEY={key}b (or a later title word)", "refs.bib", entry.line)


def add_ref(doi: str, bib: Path, resolver: str, key: str | None = None) -> str:
    """Append the DOI's entry to bib and say so, or exit with why not."""
    doi = bare_doi(doi)
    if not DOI.match(doi):
        raise refused(f"'{doi}' is not a DOI", "give it as make add-ref DOI=10.xxxx/yyyy, from the article's page")
    bib_text = bib.read_text(encoding="utf-8")
    refuse_duplicates(bib_text, doi)  # before fetching: saying so needs no network
    key, entry = house_entry(fetch(doi, resolver), doi, resolver, key)
    refuse_duplicates(bib_text, doi, key)
    problems, _ = text_problems(entry, "the new entry")  # every refs.bib check, on it alone
    if problems:
        raise SystemExit("make add-ref: the entry made from the record breaks refs.bib's rules, so it was not added. "
                      f"Fix: paste it into refs.bib and fix what is listed below it\n{entry}"
                      + "\n".join(map(str, problems)))
    bib.write_text(bib_text.rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    return (f"refs.bib:{bib_text.rstrip(chr(10)).count(chr(10)) + 3}: added {key}. Next: check it as its annote "
            f"says, and cite it as [@{key}] on a page")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doi", help="the DOI, bare (10.xxxx/yyyy) or as a https://doi.org/ address")
    parser.add_argument("--key", help="a key of your own, when the one made from the record is taken")
    parser.add_argument("--bib", type=Path, default=ROOT / "refs.bib")
    parser.add_argument("--resolver", default="https://doi.org", help="where DOIs resolve (a test's own server)")
    print(add_ref(**vars(parser.parse_args(argv))))


if __name__ == "__main__":
    main()
