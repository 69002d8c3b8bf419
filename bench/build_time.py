"""How long `mkdocs build` takes, with and without citations, on generated copies of
the site (bench/synthetic_site.py) and on the real site. Builds are interleaved
(each repetition builds every size and variant once) so a busy machine slows them
alike; the figures are medians, the ratio is taken within each repetition.
Exits 1 when a budget is broken.

Usage: .venv/bin/python bench/build_time.py [--sizes 10x50,100x500,400x2000] [--reps 3]"""

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

SIZES = ((10, 50), (100, 500), (400, 2000))  # (pages, bibliography entries)
REPETITIONS = 3
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


def measure(roots: dict, reps: int) -> dict:
    timings = {name: [] for name in roots}
    for rep in range(reps):
        names = list(roots) if rep % 2 == 0 else list(reversed(roots))
        for name in names:
            timings[name].append(timed_build(roots[name]))
        print(f"  repetition {rep + 1}/{reps} done", flush=True)
    return timings


def citation_ratio(timings: dict, pages: int, entries: int) -> float:
    """Median over repetitions of cited/plain, each pair from the same repetition."""
    return statistics.median(cited / plain for cited, plain in
                             zip(timings[(pages, entries, "cited")], timings[(pages, entries, "plain")]))


def added_seconds_per_page(timings: dict, pages: int, entries: int) -> float:
    cited = statistics.median(timings[(pages, entries, "cited")])
    plain = statistics.median(timings[(pages, entries, "plain")])
    return (cited - plain) / pages


def budget_problems(timings: dict) -> list[str]:
    problems = []
    sizes = sorted({(name[0], name[1]) for name in timings if name != "real"})
    if BUDGET_SIZE in sizes:
        ratio = citation_ratio(timings, *BUDGET_SIZE)
        if ratio > 1 + MAX_CITATION_SHARE:
            problems.append(
                f"{BUDGET_SIZE[0]} pages x {BUDGET_SIZE[1]} entries: citations make the build "
                f"{ratio:.2f}x the plain build, over {1 + MAX_CITATION_SHARE:.2f}x. Fix: profile "
                "with `python -m cProfile -s cumtime -m mkdocs build` in a generated copy and "
                "cache what hooks/bibliography.py recomputes")
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


def table(timings: dict) -> str:
    lines = ["| pages x entries | plain s | with citations s | ratio | added ms per page |",
             "|---|---:|---:|---:|---:|"]
    for pages, entries in sorted({(name[0], name[1]) for name in timings if name != "real"}):
        lines.append(f"| {pages} x {entries} | {statistics.median(timings[(pages, entries, 'plain')]):.2f} | "
                     f"{statistics.median(timings[(pages, entries, 'cited')]):.2f} | "
                     f"{citation_ratio(timings, pages, entries):.2f} | "
                     f"{1000 * added_seconds_per_page(timings, pages, entries):.1f} |")
    if "real" in timings:
        lines.append(f"| real site | | {statistics.median(timings['real']):.2f} | | |")
    return "\n".join(lines)


def parse_sizes(text: str):
    return tuple(tuple(int(part) for part in size.split("x")) for size in text.split(","))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=SIZES,
                        help="pages x entries, comma-separated, e.g. 10x50,100x500")
    parser.add_argument("--reps", type=int, default=REPETITIONS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        roots, removed = prepare(Path(scratch), args.sizes)
        timings = measure(roots, args.reps)
    print(f"\nmedian wall seconds of `mkdocs build` over {args.reps} interleaved repetitions "
          f"(plain = without: {', '.join(removed)}):")
    print(table(timings))
    print(f"\nBudget: citations add <= {MAX_CITATION_SHARE:.0%} at {BUDGET_SIZE[0]} x {BUDGET_SIZE[1]}; "
          f"added ms per page grows <= {MAX_GROWTH_SLACK}x; real site <= {MAX_REAL_SITE_SECONDS} s.")
    problems = budget_problems(timings)
    for problem in problems:
        print(problem)
    print("OVER BUDGET" if problems else "Within budget.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
