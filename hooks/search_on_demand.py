"""Split the search index so that a first visit does not download it: Material
fetches search/search_index.json on every page load, so it keeps only the search
settings, and the pages' text moves to search/search_index.full.json, which the
on-demand worker (overrides/assets/javascripts/workers/search-on-demand.js) fetches
when a visitor first searches."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

INDEX = Path("search") / "search_index.json"
FULL_INDEX = Path("search") / "search_index.full.json"


def on_post_build(config):
    # Hooks run after plugins, so the search plugin has written its index by now.
    index_file = Path(config.site_dir) / INDEX
    if not index_file.is_file():
        raise PluginError(f"{INDEX} was not written. Fix: keep the search plugin in "
                          "mkdocs.yml, or remove hooks/search_on_demand.py with it")
    index = json.loads(index_file.read_text(encoding="utf-8"))
    (Path(config.site_dir) / FULL_INDEX).write_text(json.dumps(index, separators=(",", ":")),
                                                    encoding="utf-8")
    index_file.write_text(json.dumps({"config": index["config"], "docs": []}), encoding="utf-8")
