"""Lighthouse (the npm dev dependency, run by `make bench`) on every page of the
built site, served gzipped by bench/gzip_server.py: mobile three times (performance
is judged on the median: it is noisy on a shared machine) and desktop once, one run
at a time. Writes bench/results/lighthouse.{json,md}, prints the table, and exits 1
when a page breaks the budget.

Usage: .venv/bin/python bench/lighthouse.py [BUILT_SITE_DIR] [--mobile-runs N] [--results DIR]"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzip_server import start  # noqa: E402
from chromium import CHROMIUM, FLAGS  # noqa: E402
from page_weight import pages_of  # noqa: E402
from sitebuild import ROOT, build_copy  # noqa: E402
from verdict import verdict  # noqa: E402

# Budget. These scores do not move between identical runs: every run, every page, both
# presets. Performance does, by several points on a shared 2-core machine: mobile, on
# the median of MOBILE_RUNS runs.
MIN_SCORES = {"accessibility": 100, "best-practices": 100, "seo": 100}
MIN_MEDIAN_MOBILE_PERFORMANCE = 100
MOBILE_RUNS = 3

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RESULTS = Path(__file__).resolve().parent / "results"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_lighthouse(url: str, preset: str, scratch: Path) -> dict:
    """One Lighthouse run in a fresh Chromium profile; the figures the budget needs."""
    report = scratch / "report.json"
    profile = tempfile.mkdtemp(dir=scratch)
    flags = " ".join(["--headless=new", *FLAGS, f"--user-data-dir={profile}"])
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        "scores": {name: round(100 * (data["categories"][name]["score"] or 0))
                   for name in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "failing": sorted({ref["id"] for name in CATEGORIES[1:]
                           for ref in data["categories"][name]["auditRefs"]
                           if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
                           and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")}),
    }


def audit_every_page(site: Path, mobile_runs: int) -> list[dict]:
    server = start(site)
    base = f"http://127.0.0.1:{server.server_port}"
    results = []
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for page in pages_of(site):
                for preset, runs in (("mobile", mobile_runs), ("desktop", 1)):
                    for run in range(runs):
                        result = run_lighthouse(base + page, preset, Path(scratch))
                        results.append({"page": page, "preset": preset, "run": run + 1, **result})
                        print(f"  {page} {preset} run {run + 1}: {result['scores']}", flush=True)
    finally:
        server.shutdown()
    return results


def summary(results: list[dict]) -> list[dict]:
    """One row per page and preset: the median of each figure over its runs."""
    rows = []
    for key in dict.fromkeys((result["page"], result["preset"]) for result in results):
        runs = [result for result in results if (result["page"], result["preset"]) == key]
        row = {"page": key[0], "preset": key[1], "runs": len(runs)}
        for name in CATEGORIES:
            row[name] = statistics.median(run["scores"][name] for run in runs)
            row[f"lowest {name}"] = min(run["scores"][name] for run in runs)
        for figure in ("lcp_ms", "cls", "tbt_ms"):
            row[figure] = statistics.median(run[figure] for run in runs)
        row["failing"] = sorted({audit for run in runs for audit in run["failing"]})
        rows.append(row)
    return rows


def budget_problems(rows: list[dict]) -> list[str]:
    problems = []
    for row in rows:
        where = f"{row['page']} ({row['preset']})"
        for name, lowest in MIN_SCORES.items():
            if row[f"lowest {name}"] < lowest:
                problems.append(f"{where}: {name} {row[f'lowest {name}']:g} is under {lowest}. "
                                f"Fix the failing audits: {', '.join(row['failing']) or 'see the JSON'}")
        if row["preset"] == "mobile" and row["performance"] < MIN_MEDIAN_MOBILE_PERFORMANCE:
            problems.append(
                f"{where}: median performance {row['performance']:g} over {row['runs']} runs is under "
                f"{MIN_MEDIAN_MOBILE_PERFORMANCE} (total blocking time {row['tbt_ms']:g} ms, LCP "
                f"{row['lcp_ms']:g} ms, CLS {row['cls']:g}). Fix: rerun on a quiet machine first; then "
                "shorten the script work after first paint (the 'bootup-time' and 'long-tasks' audits "
                "in a report saved with `node_modules/.bin/lighthouse URL --output=json` name it)")
    return problems


def table(rows: list[dict]) -> str:
    lines = ["| page | preset | runs | perf | a11y | best practices | SEO | LCP ms | CLS | TBT ms |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['page']} | {row['preset']} | {row['runs']} | {row['performance']:g} | "
                     f"{row['accessibility']:g} | {row['best-practices']:g} | {row['seo']:g} | "
                     f"{row['lcp_ms']:g} | {row['cls']:g} | {row['tbt_ms']:g} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site directory")
    parser.add_argument("--mobile-runs", type=int, default=MOBILE_RUNS)
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the JSON and table")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing. Fix: run `make bench-setup` (full npm ci)")
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build_copy(Path(scratch))
        results = audit_every_page(site, args.mobile_runs)
    rows = summary(results)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "lighthouse.json").write_text(json.dumps({"runs": results, "summary": rows}, indent=1))
    (args.results / "lighthouse.md").write_text(table(rows) + "\n")
    print(table(rows))
    return verdict(budget_problems(rows))


if __name__ == "__main__":
    sys.exit(main())
