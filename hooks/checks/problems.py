"""One shape for every problem a check finds, so writers always read the same thing:
where it is, what is wrong, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


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


def read_source(path: Path, name: str) -> str:
    """A source file's text; a file saved in another encoding than UTF-8 stops the
    build with where the first unreadable byte is, instead of a traceback."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PluginError(report([not_utf8(name, error)], f"{name} cannot be read")) from None


def not_utf8(name: str, error: UnicodeDecodeError) -> Problem:
    return Problem(name, error.object[:error.start].count(b"\n") + 1,
                   f"the file is not saved as UTF-8 (byte 0x{error.object[error.start]:02x} cannot be read)",
                   "save it as UTF-8 in your editor (in VS Code: 'Save with Encoding', then 'UTF-8')")
