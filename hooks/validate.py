"""Fail the build early and plainly when a writer's input is wrong, and never
leave a half-built or warning-laden site/ that could be published by mistake."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from checks.problems import read_source, report
from checks.refs_bib import bib_problems
from checks.sources import Site, Source, source_problems, uncited_problems

log = get_plugin_logger(__name__)
state = {"command": "build", "site_dir": None, "keys": set()}


def on_startup(command, dirty):
    state["command"] = command


@event_priority(100)
def on_config(config):
    # In MkDocs 1.6.1, -q hides warnings from strict mode (the build passes with them)
    # and -v switches anchor checks off: refuse both, whoever adds them to a command.
    level = logging.getLogger("mkdocs").level
    if level not in (logging.NOTSET, logging.INFO):
        flag = "-q/--quiet" if level > logging.INFO else "-v/--verbose"
        raise PluginError(f"mkdocs was run with {flag}, which lets a broken page through a strict build. "
                          "Fix: run it without the flag (make build and make serve do)")
    return checked_config(config)


def checked_config(config):
    """refs.bib checked before mkdocs-bibtex reads it: it shows pybtex tracebacks instead."""
    state["site_dir"] = Path(config.site_dir)
    state["keys"] = set()
    if "bibtex" not in config.plugins:  # a site without citations, such as bench/build_time.py's plain one
        return config
    bib_file = Path(config.config_file_path).parent / config.plugins["bibtex"].config.bib_file
    problems, bib = bib_problems(bib_file)
    if problems:
        raise PluginError(report(problems, f"{bib_file.name} cannot be used"))
    state["keys"] = set(bib.entries.keys())
    return config


@event_priority(100)  # before MkDocs reads front matter, which crashes on a bad date
def on_files(files, config):
    pages = [Source(f"docs/{file.src_uri}", file.src_uri, read_source(Path(file.abs_src_path), f"docs/{file.src_uri}"))
             for file in files.documentation_pages()]
    redirects = config.plugins["redirects"].config["redirect_maps"] if "redirects" in config.plugins else {}
    site = Site(docs=Path(config.docs_dir), known={file.src_uri for file in files if not file.inclusion.is_excluded()},
                keys=state["keys"] if "bibtex" in config.plugins else None,
                config_file=Path(config.config_file_path), redirects=redirects)
    problems, cited = source_problems(pages, site)
    if problems:
        raise PluginError(report(problems, "Some pages cannot be built"))
    for problem in uncited_problems(state["keys"], cited):
        log.warning(str(problem))
    return files


def on_post_build(config):
    if config.strict and _warnings_logged() and _removed_output():
        log.error(_deleted("the build logged warnings", "listed above"))


def on_build_error(error):
    if not _removed_output():
        return
    if isinstance(error, BuildError):
        # MkDocs logs a BuildError's problems only after this event: the line about site/
        # joins the end of that message, so a writer reads what is wrong first.
        error.message += "\n" + _deleted("The build failed", "listed above")
    else:  # an unexpected error, which MkDocs shows after this line
        log.error(_deleted("the build failed", "shown below"))


def _warnings_logged() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(getattr(handler, "get_counts", lambda: [])() for handler in handlers)


def _removed_output() -> bool:
    """Delete site/ after a failed `mkdocs build` (never under `mkdocs serve`, whose site
    is its own temporary folder); whether there was one to delete."""
    site_dir = state["site_dir"]
    if state["command"] != "build" or site_dir is None or not site_dir.is_dir():
        return False
    shutil.rmtree(site_dir)
    return True


def _deleted(why: str, where: str) -> str:
    return (f"{why}, so {state['site_dir'].name}/ was deleted: it must not be published. "
            f"Fix the problems {where} and build again.")
