"""One shape for every problem a check finds, so writers always read the same thing:
where it is, what is wrong, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}. Fix: {self.fix}"


def report(problems: list[Problem], heading: str) -> str:
    """The text a writer sees: a heading and one problem per line."""
    lines = [f"{heading} ({len(problems)} to fix):"]
    lines += [f"  {problem}" for problem in problems]
    return "\n".join(lines)
