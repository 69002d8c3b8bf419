"""How long `mkdocs build` takes, with and without citations, on generated copies of
the site (bench/synthetic_site.py) and on the real site. Builds are interleaved
(each repetition builds every size and variant once) so a busy machine slows them
alike; the ratio is taken within each repetition.

The build keeps nothing between runs, so the first repetition differs from the later
ones only in what the operating system has cached: "cold" (a fresh clone, or CI), then
"warm" (a writer rebuilding), both gated. Exits 1 when a budget is broken.

Usage: .venv/bin/python bench/build_time.py [--sizes 10x50,400x2000,1000x3000] [--reps 4]"""

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

SIZES = ((10, 50), (100, 500), (400, 2000), (1000, 3000))  # (pages, bibliography entries)
REPETITIONS = 4                  # one cold, then three warm
PRUNED_FROM = 1000               # pages: navigation.prune, as a site this large would set
# Budgets: at each size, citations make the build at most this many times the plain one.
BUDGET_SIZES = ((400, 2000), (1000, 3000))
MAX_WARM_RATIO = 1.3
MAX_COLD_RATIO = 1.6
MAX_GROWTH_SLACK = 1.5           # added citation time per page may grow at most 1.5x
MAX_REAL_SITE_SECONDS = 2.0      # the real site, wall clock incl. Python start-up


def timed_build(root: Path) -> float:
    started = time.perf_counter()
    if (result := mkdocs_build(root)).returncode != 0:
        sys.exit(f"{root} does not build:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def prepare(scratch: Path, sizes) -> tuple[dict, list[str]]:
    """Build roots: {(pages, entries, variant): root}, plus the real site."""
    roots, removed = {}, []
    for pages, entries in sizes:
        cited = write_synthetic_site(scratch / f"{pages}x{entries}-cited", pages, entries,
                                     prune=pages >= PRUNED_FROM)
        plain = scratch / f"{pages}x{entries}-plain"
        shutil.copytree(cited, plain)
        removed = without_citations(plain)
        roots[(pages, entries, "cited")], roots[(pages, entries, "plain")] = cited, plain
    roots["real"] = copy_sources(scratch / "real")
    return roots, removed


def measure(roots: dict, reps: int) -> dict:
    """{name: [seconds of each build]}, the first one cold."""
    timings = {name: [] for name in roots}
    for rep in range(reps):
        for name in (list(roots) if rep % 2 == 0 else list(reversed(roots))):
            timings[name].append(timed_build(roots[name]))
        print(f"  repetition {rep + 1}/{reps} ({'cold' if rep == 0 else 'warm'}) done", flush=True)
    return timings


def ratio(timings: dict, pages: int, entries: int) -> float:
    """Median over repetitions of cited/plain, each pair from the same repetition."""
    return statistics.median(cited / plain for cited, plain in
                             zip(timings[(pages, entries, "cited")], timings[(pages, entries, "plain")]))


def added_seconds_per_page(timings: dict, pages: int, entries: int) -> float:
    return statistics.median(cited - plain for cited, plain in
                             zip(timings[(pages, entries, "cited")], timings[(pages, entries, "plain")])) / pages


def split(timings: dict) -> tuple[dict, dict]:
    """(the cold first build of each, the warm ones after it)."""
    return ({name: times[:1] for name, times in timings.items()},
            {name: times[1:] for name, times in timings.items()})


def budget_problems(timings: dict) -> list[str]:
    problems = []
    sizes = sorted({(name[0], name[1]) for name in timings if name != "real"})
    cold, warm = split(timings)
    for size in (size for size in BUDGET_SIZES if size in sizes):
        for kind, measured, limit in (("warm", warm, MAX_WARM_RATIO), ("cold", cold, MAX_COLD_RATIO)):
            if (found := ratio(measured, *size)) > limit:
                problems.append(
                    f"{size[0]} pages x {size[1]} entries: citations make the {kind} build {found:.2f}x "
                    f"the plain build, over {limit:.2f}x. Fix: profile the cited copy with `python -m cProfile "
                    "-s cumtime -m mkdocs build` and remove the citation work that remains")
    if len(sizes) >= 2:
        (small, small_entries), (large, large_entries) = sizes[-2], sizes[-1]
        before = added_seconds_per_page(warm, small, small_entries)
        after = added_seconds_per_page(warm, large, large_entries)
        if before > 0 and after > before * MAX_GROWTH_SLACK:
            problems.append(
                f"citations cost {1000 * after:.1f} ms per page at {large} pages but {1000 * before:.1f} ms at "
                f"{small}: growth is not linear in pages (allowed {MAX_GROWTH_SLACK}x). Fix: find the "
                "per-build work that grows with the site (profile the larger size)")
    if "real" in warm and statistics.median(warm["real"]) > MAX_REAL_SITE_SECONDS:
        problems.append(f"the real site takes {statistics.median(warm['real']):.2f} s to build, "
                        f"over {MAX_REAL_SITE_SECONDS:.1f} s. Fix: profile `mkdocs build`")
    return problems


def table(timings: dict) -> str:
    cold, warm = split(timings)
    lines = ["| pages x entries | cold plain s | cold cited s | cold ratio | warm plain s | "
             "warm cited s | warm ratio | warm added ms per page |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for pages, entries in sorted({(name[0], name[1]) for name in timings if name != "real"}):
        median = {variant: statistics.median(warm[(pages, entries, variant)]) for variant in ("plain", "cited")}
        lines.append(f"| {pages} x {entries}{' (pruned)' if pages >= PRUNED_FROM else ''} | "
                     f"{cold[(pages, entries, 'plain')][0]:.2f} | {cold[(pages, entries, 'cited')][0]:.2f} | "
                     f"{ratio(cold, pages, entries):.2f} | {median['plain']:.2f} | {median['cited']:.2f} | "
                     f"{ratio(warm, pages, entries):.2f} | {1000 * added_seconds_per_page(warm, pages, entries):.1f} |")
    if "real" in timings:
        lines.append(f"| real site | | {cold['real'][0]:.2f} | | | {statistics.median(warm['real']):.2f} | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=SIZES,
                        type=lambda text: tuple(tuple(map(int, size.split("x"))) for size in text.split(",")),
                        help="pages x entries, comma-separated, e.g. 10x50,100x500")
    parser.add_argument("--reps", type=int, default=REPETITIONS)
    args = parser.parse_args(argv)
    if args.reps < 2:
        parser.error("--reps must be at least 2: one cold build, then warm ones")
    with tempfile.TemporaryDirectory() as scratch:
        roots, removed = prepare(Path(scratch), args.sizes)
        timings = measure(roots, args.reps)
    print(f"\nwall seconds of `mkdocs build`, interleaved (plain = without: {', '.join(removed)}): "
          f"cold = the first build of each copy; warm = median of the {args.reps - 1} builds after it")
    print(table(timings))
    print(f"\nBudget: citations at most {MAX_WARM_RATIO}x warm and {MAX_COLD_RATIO}x cold at "
          f"{' and '.join(f'{p} x {e}' for p, e in BUDGET_SIZES)}; added ms per page grows <= "
          f"{MAX_GROWTH_SLACK}x; real site <= {MAX_REAL_SITE_SECONDS} s.")
    return verdict(budget_problems(timings))


if __name__ == "__main__":
    sys.exit(main())
