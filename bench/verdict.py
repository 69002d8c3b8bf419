"""How every benchmark ends: each broken budget on its own line, then the verdict,
and the exit code make and CI read."""

from __future__ import annotations


def verdict(problems: list[str]) -> int:
    for problem in problems:
        print(problem)
    print("OVER BUDGET" if problems else "Within budget.")
    return 1 if problems else 0
