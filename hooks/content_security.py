"""A Content-Security-Policy for every page (overrides/main.html writes it first in
<head>): the browser runs only the site's own script files and the inline scripts
named by their hashes, so script that reached a page by any route
still cannot run, and nothing loads from another host.

Material writes three small inline scripts (its storage helpers, the colour scheme
and the anchor check), and the site two (overrides/partials/: the print button, and
the header's menu and search buttons for the keyboard; as files they would cost a
request each). Their hashes come from rendering those same partials for the page, so
a theme upgrade or an edit updates them. `mkdocs serve` gets no policy: its live
reload adds an inline script of its own to every page it serves."""

from __future__ import annotations

import base64
import hashlib
import re

THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                 "partials/javascripts/content.html", "partials/print-button.html",
                 "partials/header-buttons.html")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")
state = {"env": None, "serving": False}


def on_startup(command, dirty):
    state["serving"] = command == "serve"


def on_env(env, config, files):
    state["env"] = env
    return env


def on_page_context(context, page, config, nav):
    return with_policy(context)


def on_template_context(context, template_name, config):
    return with_policy(context)


def with_policy(context):
    if not state["serving"]:
        context["content_security_policy"] = policy(context)
    return context


def policy(context) -> str:
    features = context["config"].theme.get("features") or []
    rendered = "".join(state["env"].get_template(name).render({**context, "features": features})
                       for name in THEME_SCRIPTS)
    hashes = sorted({script_hash(body) for body in INLINE_SCRIPT.findall(rendered)})
    return POLICY.format(hashes=" ".join(hashes))


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
