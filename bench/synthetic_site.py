"""A larger copy of the site for the build benchmark: the real sources (same
mkdocs.yml, theme, overrides and hooks) plus N generated pages of about 600 words
and 10 citations each, citing M generated refs.bib entries. Every generated entry is
cited at least once, so the strict build's "not cited on any page" check passes
unchanged."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from sitebuild import copy_sources

WORDS = ("muscle needle pain trial patient therapist session treatment evidence tissue "
         "nerve study result effect sample group measure week month dose response point "
         "trigger band fibre signal blood healing movement range strength review risk "
         "benefit placebo sham control report method outcome change score follow").split()
SURNAMES = ("smith jones garcia muller dunning perreault brady boyce white witt kim "
            "nguyen okafor rossi silva novak haddad tanaka larsen obrien").split()
ACCENTED = ("M{\\\"u}ller", "Fern{\\'a}ndez", "de~Jong", "Pe{\\~n}a", "Sj{\\\"o}berg")
SECTIONS = ("What was studied", "What was found", "How sure we are", "What this means")
CITATIONS_PER_PAGE = 10
SECTION = "Synthetic pages"
# The hook that exists only for citations. The other hooks still do their other work
# without mkdocs-bibtex (front matter, pictures, JSON-LD), so the plain build keeps them.
CITATION_HOOKS = ("hooks/bibliography.py",)


def entry_keys(count: int, rng: random.Random) -> list[str]:
    """authorYYYYword keys, made unique with a number (lowercase letters and digits)."""
    return [f"{rng.choice(SURNAMES)}{rng.randint(1990, 2025)}{rng.choice(WORDS)}{i}"
            for i in range(count)]


def bib_entry(key: str, rng: random.Random) -> str:
    authors = " and ".join(
        rng.choice(ACCENTED) + ", A." if rng.random() < 0.2 else f"{rng.choice(SURNAMES).title()}, "
        f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice('ABCDEFGHJKLMNPRST')}."
        for _ in range(rng.randint(1, 6)))
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize()
    first = rng.randint(1, 900)
    return (f"@article{{{key},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
            f"  journal = {{Journal of {rng.choice(WORDS).title()} Research}},\n"
            f"  year = {{{rng.randint(1990, 2025)}}},\n"
            f"  volume = {{{rng.randint(1, 60)}}},\n  number = {{{rng.randint(1, 12)}}},\n"
            f"  pages = {{{first}--{first + rng.randint(3, 20)}}},\n"
            f"  doi = {{10.{rng.randint(1000, 9999)}/bench.{key}}},\n"
            f"  pmid = {{{rng.randint(1000000, 39999999)}}},\n"
            "  annote = {Generated for the build benchmark; not a real source.},\n}\n")


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def page(number: int, cited: list[str], rng: random.Random) -> str:
    """About 600 words in four sections; ten citations in eight blocks (two cite two keys)."""
    blocks = [[key] for key in cited[:6]] + [cited[6:8], cited[8:10]]
    paragraphs = []
    for index in range(16):
        text = " ".join(sentence(rng) for _ in range(3))
        if index % 2 == 0 and blocks:
            text = text[:-1] + " [" + "; ".join(f"@{key}" for key in blocks.pop()) + "]."
        paragraphs.append(text)
    body = []
    for index, heading in enumerate(SECTIONS):
        body.append(f"## {heading}\n\n" + "\n\n".join(paragraphs[index * 4:index * 4 + 4]))
    return ("---\n"
            f"title: Synthetic page {number}\n"
            f"description: A generated page for the build benchmark, number {number}, "
            "with about six hundred words.\n"
            "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\n---\n\n"
            f"# Synthetic page {number}\n\n" + "\n\n".join(body) + "\n")


def write_synthetic_site(destination: Path, pages: int, entries: int, seed: int = 1, prune: bool = False) -> Path:
    rng = random.Random(seed)
    root = copy_sources(destination)
    keys = entry_keys(entries, rng)
    with (root / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.writelines("\n" + bib_entry(key, rng) for key in keys)
    # Every key once, in random order, then random keys: all entries are cited.
    needed = pages * CITATIONS_PER_PAGE
    order = rng.sample(keys, len(keys)) + [rng.choice(keys) for _ in range(needed - len(keys))]
    folder = root / "docs" / "synthetic"
    folder.mkdir()
    nav = []
    for number in range(1, pages + 1):
        cited = order[(number - 1) * CITATIONS_PER_PAGE:number * CITATIONS_PER_PAGE]
        (folder / f"page-{number:04d}.md").write_text(page(number, cited, rng), encoding="utf-8")
        nav.append({f"Synthetic page {number}": f"synthetic/page-{number:04d}.md"})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({SECTION: nav})
    if prune:  # Material renders the whole nav on every page otherwise: pages x pages
        config["theme"]["features"].append("navigation.prune")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def without_citations(root: Path) -> list[str]:
    """Turn root's mkdocs.yml into the plain variant: no bibtex plugin and no hook that
    exists only for citations. Returns what was removed, so the report can say so."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [plugin for plugin in config["plugins"]
                         if plugin != "bibtex" and not (isinstance(plugin, dict) and "bibtex" in plugin)]
    config["hooks"] = [hook for hook in config["hooks"] if hook not in CITATION_HOOKS]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return ["plugin bibtex", *CITATION_HOOKS]
