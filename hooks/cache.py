"""What one build keeps in .cache/ (beside mkdocs.yml, git-ignored) for the next: each
thing under a key that covers everything it depends on, so a changed input is never
served stale. A missing, unreadable or corrupt file counts as empty and is replaced;
a file that cannot be written costs the next build time, never the build itself.
Delete .cache/ to start afresh."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

CACHE_DIR = Path(".cache")
log = get_plugin_logger(__name__)


def digest(*parts) -> str:
    """A key for everything in parts (JSON-able; anything else by its str())."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Written whole and then renamed, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        log.info(f"could not save the cache file {path}: {error}")


class TextCache:
    """Text by key, in a JSON file. Read on first use, so a build that never asks
    never reads it."""

    def __init__(self, path: Path):
        self.path = path
        self.used: dict[str, str] = {}

    @functools.cached_property
    def stored(self) -> dict[str, str]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        valid = isinstance(stored, dict) and all(isinstance(text, str) for text in stored.values())
        return stored if valid else {}

    def __contains__(self, key: str) -> bool:
        return key in self.used or key in self.stored

    def get(self, key: str, make) -> str:
        """The text stored under key, or make() when there is none."""
        if key not in self.used:
            self.used[key] = self.stored[key] if key in self.stored else make()
        return self.used[key]

    def save(self) -> None:
        """Keep only what this build used, so the file never outgrows its inputs."""
        if self.used and self.used != self.stored:
            _write(self.path, json.dumps(self.used, ensure_ascii=False, sort_keys=True,
                                         indent=0).encode("utf-8"))


class ObjectCache:
    """One Python object and its key, pickled. Only ever reads what a build on this
    machine wrote (pickle runs code as it loads: never commit or share .cache/)."""

    def __init__(self, path: Path):
        self.path = path

    def load(self, key: str):
        """The object saved under key, or None."""
        try:
            stored_key, value = pickle.loads(self.path.read_bytes())
        except Exception:  # a bad file makes pickle raise almost anything: each is a miss
            return None
        return value if stored_key == key else None

    def save(self, key: str, value) -> None:
        _write(self.path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
