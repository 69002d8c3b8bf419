"""How long a writer waits to see an edit: `mkdocs serve` runs on a copy of the
sources, a page is edited a few times, and each edit is timed until the served page
shows it. Exits 1 when the median wait breaks the budget.

Usage: .venv/bin/python bench/live_preview.py [--edits 5] [--page risks.md]"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitebuild import ENV, copy_sources  # noqa: E402
from verdict import verdict  # noqa: E402

MAX_MEDIAN_SECONDS = 1.5  # budget: from saving a page to seeing it served
EDITS = 5
LONGEST_WAIT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition, what: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < LONGEST_WAIT:
        if condition():
            return time.perf_counter() - started
        time.sleep(0.02)
    sys.exit(f"gave up after {LONGEST_WAIT:.0f} s waiting for {what}")


def time_edits(root: Path, page: str, edits: int) -> list[float]:
    port = free_port()
    # mkdocs serve mounts the site at site_url's path, as the host would.
    mount = urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text())["site_url"]).path
    url = f"http://127.0.0.1:{port}{mount.rstrip('/')}/{Path(page).with_suffix('').as_posix()}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waits = []
    try:
        wait_until(lambda: fetch(url) is not None, f"mkdocs serve to answer at {url}")
        source = root / "docs" / page
        for number in range(1, edits + 1):
            marker = f"Live preview benchmark edit {number}."
            time.sleep(1.0)  # let the previous rebuild settle, as between a writer's saves
            with source.open("a", encoding="utf-8") as text:
                text.write(f"\n{marker}\n")
            waits.append(wait_until(lambda: marker in (fetch(url) or ""), f"edit {number} to show"))
            print(f"  edit {number}: {waits[-1]:.2f} s", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return waits


def budget_problems(waits: list[float]) -> list[str]:
    median = statistics.median(waits)
    if median <= MAX_MEDIAN_SECONDS:
        return []
    return [f"live preview: an edit takes {median:.2f} s (median) to show, over "
            f"{MAX_MEDIAN_SECONDS:.1f} s. Fix: profile the build; `mkdocs serve --dirty` "
            "rebuilds only the changed page"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=EDITS)
    parser.add_argument("--page", default="risks.md", help="the page under docs/ to edit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        waits = time_edits(copy_sources(Path(scratch) / "sources"), args.page, args.edits)
    print(f"live preview, {args.page}: median {statistics.median(waits):.2f} s from save to "
          f"served page (min {min(waits):.2f}, max {max(waits):.2f}, {len(waits)} edits); "
          f"budget {MAX_MEDIAN_SECONDS:.1f} s")
    return verdict(budget_problems(waits))


if __name__ == "__main__":
    sys.exit(main())
