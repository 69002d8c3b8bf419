"""Under `mkdocs serve`, a build that stops shows its problems in the browser too, and
the preview comes back by itself once the writer fixes them and saves.

MkDocs 1.6.1's live-reload server leaves every request waiting when a rebuild raises
("The server will appear stuck until build errors are resolved"), so the browser shows
nothing at all. Here a failed rebuild returns instead, after writing a page of its
problems: the server then reloads open pages, every page's address serves that list,
and MkDocs' own live-reload script on it reloads it when the next build is done.
`mkdocs build` is untouched: all of this starts in on_serve."""

from __future__ import annotations

import logging
import re
import threading
import traceback
from functools import partial
from html import escape
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

# A dot file, because MkDocs' cleaning of the site folder before each build skips dot files;
# it exists only in `mkdocs serve`'s temporary folder, never in a built site.
PROBLEMS_PAGE = ".build-problems.html"
# "file:line: what. Fix: how" (checks/problems.py), after a hook's "hooks/name: " prefix.
PROBLEM = re.compile(r"(?:[\w/.-]+: )??(?P<where>[\w/.-]+\.\w+(?::\d+)?): (?P<what>.+?)\. Fix: (?P<fix>.+)")
STYLE = ("body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;"
         "color-scheme:light dark}li{margin-bottom:1rem}code{font-size:1rem;overflow-wrap:anywhere}")

building = threading.Lock()  # held during a rebuild, so a page asked for meanwhile waits for its outcome
state = {"failed": False}


def on_serve(server, config, builder):
    # The one adapter to MkDocs' LiveReloadServer: its rebuild loop calls server.builder and
    # answers requests through its WSGI app; both are wrapped, each calling the original.
    server.builder = partial(build_or_show_problems, builder, Path(server.root))
    server.set_app(partial(page_or_problems, server.serve_request, server.mount_path))
    return server


class Collected(logging.Handler):
    """Every warning and error one build logs: in a strict build each of them stops it."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_or_show_problems(build, site_dir: Path) -> None:
    found, logger = Collected(), logging.getLogger("mkdocs")
    logger.addHandler(found)
    with building:
        try:
            build()
            state["failed"] = False
        except Exception as error:  # MkDocs' Abort too: it is an Exception as well as a SystemExit
            if not isinstance(error, MkDocsException):  # a bug in the site's code: keep its traceback
                traceback.print_exc()
                found.messages.append(f"the build crashed: {type(error).__name__}: {error}")
            site_dir.mkdir(parents=True, exist_ok=True)
            (site_dir / PROBLEMS_PAGE).write_text(problems_page(found.messages or [str(error)]), encoding="utf-8")
            state["failed"] = True
        finally:
            logger.removeHandler(found)
    if state["failed"]:
        log.error("The browser shows the problems above until they are fixed: fix them and save.")


def page_or_problems(serve, mount_path: str, environ, start_response):
    """While the last build failed, every page's address serves its problems instead."""
    path = environ["PATH_INFO"]
    if path.startswith(mount_path) and path.endswith(("/", ".html")):
        with building:
            failed = state["failed"]
        if failed:
            environ = {**environ, "PATH_INFO": mount_path + PROBLEMS_PAGE}
    return serve(environ, start_response)


def problems_page(messages: list[str]) -> str:
    sections = "".join(section(message) for message in messages)
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>The site cannot be built</title><style>{STYLE}</style></head><body><main>"
            "<h1>The site cannot be built</h1><p>Fix each problem below in your editor and save. "
            f"This page turns back into the site by itself.</p>{sections}</main></body></html>\n")


def section(message: str) -> str:
    """A report (a heading, then one problem a line) as a heading and a list; a warning as a list of one."""
    heading, *lines = message.strip().splitlines() or [""]
    if not lines:
        heading, lines = "", [heading]
    items = "".join(f"<li>{problem_item(line.strip())}</li>" for line in lines if line.strip())
    return (f"<h2>{escape(heading.rstrip(':'))}</h2>" if heading else "") + f"<ul>{items}</ul>"


def problem_item(line: str) -> str:
    problem = PROBLEM.fullmatch(line)
    if not problem:
        return escape(line)
    return (f"<code>{escape(problem['where'])}</code>: {escape(problem['what'])}."
            f"<br><strong>Fix:</strong> {escape(problem['fix'])}")
