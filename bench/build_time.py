"""How long `mkdocs build` takes, with and without citations, on generated copies of
the site (bench/synthetic_site.py) and on the real site. Builds are interleaved
(each repetition builds every size and variant once) so a busy machine slows them
alike; the ratio is taken within each repetition.

hooks/bibliography.py keeps formatted references in .cache/bibtex/ between builds, so
the first repetition (every root's .cache/ deleted first) is a cold build, as on a
fresh clone or in CI, and the later ones are warm, as for a writer rebuilding. Both
are printed; the budgets are judged on the warm medians, which is what writers wait
for many times a day. Exits 1 when a budget is broken.

Usage: .venv/bin/python bench/build_time.py [--sizes 10x50,100x500,400x2000] [--reps 4]"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitebuild import copy_sources, mkdocs_build  # noqa: E402
from synthetic_site import without_citations, write_synthetic_site  # noqa: E402
from verdict import verdict  # noqa: E402

SIZES = ((10, 50), (100, 500), (400, 2000))  # (pages, bibliography entries)
REPETITIONS = 4                  # one cold, then three warm
CACHE = ".cache"                 # beside mkdocs.yml: what a cold build starts without
# Budget
MAX_CITATION_SHARE = 0.30        # citations add at most 30% to the plain build...
BUDGET_SIZE = (400, 2000)        # ...at this size
MAX_GROWTH_SLACK = 1.5           # added citation time per page may grow at most 1.5x
MAX_REAL_SITE_SECONDS = 2.0      # the real site, wall clock incl. Python start-up


def timed_build(root: Path) -> float:
    started = time.perf_counter()
    result = mkdocs_build(root)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{root} does not build:\n{result.stdout}{result.stderr}")
    return elapsed


def prepare(scratch: Path, sizes) -> tuple[dict, list[str]]:
    """Build roots: {(pages, entries, variant): root}, plus the real site."""
    roots, removed = {}, []
    for pages, entries in sizes:
        cited = write_synthetic_site(scratch / f"{pages}x{entries}-cited", pages, entries)
        plain = scratch / f"{pages}x{entries}-plain"
        shutil.copytree(cited, plain)
        removed = without_citations(plain)
        roots[(pages, entries, "cited")], roots[(pages, entries, "plain")] = cited, plain
    roots["real"] = copy_sources(scratch / "real")
    return roots, removed


def measure(roots: dict, reps: int) -> tuple[dict, dict]:
    """({name: seconds of the cold first build}, {name: [seconds of each warm build]})."""
    timings = {name: [] for name in roots}
    for rep in range(reps):
        names = list(roots) if rep % 2 == 0 else list(reversed(roots))
        for name in names:
            if rep == 0:
                shutil.rmtree(roots[name] / CACHE, ignore_errors=True)
            timings[name].append(timed_build(roots[name]))
        print(f"  repetition {rep + 1}/{reps} ({'cold' if rep == 0 else 'warm'}) done", flush=True)
    return {name: times[0] for name, times in timings.items()}, \
        {name: times[1:] for name, times in timings.items()}


def citation_ratio(timings: dict, pages: int, entries: int) -> float:
    """Median over repetitions of cited/plain, each pair from the same repetition."""
    return statistics.median(cited / plain for cited, plain in
                             zip(timings[(pages, entries, "cited")], timings[(pages, entries, "plain")]))


def added_seconds_per_page(timings: dict, pages: int, entries: int) -> float:
    """Median over repetitions of (cited - plain) / pages, each pair from the same
    repetition: a busy machine slows both alike."""
    return statistics.median(cited - plain for cited, plain in
                             zip(timings[(pages, entries, "cited")], timings[(pages, entries, "plain")])) / pages


def budget_problems(timings: dict) -> list[str]:
    """Broken budgets, judged on these (warm) timings."""
    problems = []
    sizes = sorted({(name[0], name[1]) for name in timings if name != "real"})
    if BUDGET_SIZE in sizes:
        ratio = citation_ratio(timings, *BUDGET_SIZE)
        if ratio > 1 + MAX_CITATION_SHARE:
            problems.append(
                f"{BUDGET_SIZE[0]} pages x {BUDGET_SIZE[1]} entries: citations make the build "
                f"{ratio:.2f}x the plain build, over {1 + MAX_CITATION_SHARE:.2f}x. Fix: build a generated "
                "copy once, then profile the warm build with `python -m cProfile -s cumtime -m mkdocs "
                "build` and remove the citation work that remains")
    if len(sizes) >= 2:
        (small, small_entries), (large, large_entries) = sizes[-2], sizes[-1]
        before = added_seconds_per_page(timings, small, small_entries)
        after = added_seconds_per_page(timings, large, large_entries)
        if before > 0 and after > before * MAX_GROWTH_SLACK:
            problems.append(
                f"citations cost {1000 * after:.1f} ms per page at {large} pages but "
                f"{1000 * before:.1f} ms at {small}: growth is not linear in pages "
                f"(allowed {MAX_GROWTH_SLACK}x). Fix: find the per-build work that grows with "
                "the site (profile the larger size)")
    if "real" in timings and statistics.median(timings["real"]) > MAX_REAL_SITE_SECONDS:
        problems.append(f"the real site takes {statistics.median(timings['real']):.2f} s to build, "
                        f"over {MAX_REAL_SITE_SECONDS:.1f} s. Fix: profile `mkdocs build`")
    return problems


def cold_ratio(cold: dict, pages: int, entries: int) -> float:
    return cold[(pages, entries, "cited")] / cold[(pages, entries, "plain")]


def table(cold: dict, warm: dict) -> str:
    lines = ["| pages x entries | cold plain s | cold cited s | cold ratio | warm plain s | "
             "warm cited s | warm ratio | warm added ms per page |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for pages, entries in sorted({(name[0], name[1]) for name in warm if name != "real"}):
        lines.append(f"| {pages} x {entries} | {cold[(pages, entries, 'plain')]:.2f} | "
                     f"{cold[(pages, entries, 'cited')]:.2f} | {cold_ratio(cold, pages, entries):.2f} | "
                     f"{statistics.median(warm[(pages, entries, 'plain')]):.2f} | "
                     f"{statistics.median(warm[(pages, entries, 'cited')]):.2f} | "
                     f"{citation_ratio(warm, pages, entries):.2f} | "
                     f"{1000 * added_seconds_per_page(warm, pages, entries):.1f} |")
    if "real" in warm:
        lines.append(f"| real site | | {cold['real']:.2f} | | | {statistics.median(warm['real']):.2f} | | |")
    return "\n".join(lines)


def parse_sizes(text: str):
    return tuple(tuple(int(part) for part in size.split("x")) for size in text.split(","))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=SIZES,
                        help="pages x entries, comma-separated, e.g. 10x50,100x500")
    parser.add_argument("--reps", type=int, default=REPETITIONS)
    args = parser.parse_args(argv)
    if args.reps < 2:
        parser.error("--reps must be at least 2: one cold build, then warm ones")
    with tempfile.TemporaryDirectory() as scratch:
        roots, removed = prepare(Path(scratch), args.sizes)
        cold, warm = measure(roots, args.reps)
    print(f"\nwall seconds of `mkdocs build`, interleaved (plain = without: {', '.join(removed)}): "
          f"cold = the first build, with no {CACHE}/; warm = median of the {args.reps - 1} builds after it")
    print(table(cold, warm))
    print(f"\nBudget, on the warm medians: citations add <= {MAX_CITATION_SHARE:.0%} at "
          f"{BUDGET_SIZE[0]} x {BUDGET_SIZE[1]}; added ms per page grows <= {MAX_GROWTH_SLACK}x; "
          f"real site <= {MAX_REAL_SITE_SECONDS} s.")
    if (*BUDGET_SIZE, "cited") in cold:
        print(f"NOT gated: the cold first build (no {CACHE}/, as on a fresh clone or in CI), where "
              f"citations make the build {cold_ratio(cold, *BUDGET_SIZE):.2f}x the plain build at "
              f"{BUDGET_SIZE[0]} x {BUDGET_SIZE[1]}: it formats every reference afresh.")
    return verdict(budget_problems(warm))


if __name__ == "__main__":
    sys.exit(main())
