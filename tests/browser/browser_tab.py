"""One browser tab on a locally served site, with a log of everything the pages
asked the network for and complained about."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Schemes that never leave the browser.
LOCAL_SCHEMES = ("data", "blob", "about")


def stays_on_site(url: str, base: str) -> bool:
    return urlsplit(url).scheme in LOCAL_SCHEMES or url.startswith(base)


@dataclass
class Activity:
    """What happened since the last look: requested URLs, console or script
    errors, and requests that failed or came back with an error status."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Tab:
    def __init__(self, context, base: str):
        self.base = base
        self.activity = Activity()
        context.on("request", lambda request: self.activity.requests.append(request.url))
        context.on("requestfailed", self._record_failed_request)
        context.on("response", self._record_error_status)
        context.on("console", self._record_console_error)
        context.on("weberror", lambda error: self.activity.errors.append(str(error.error)))
        # Recorded above, then stopped here: a broken page must not make the
        # test suite itself talk to the internet.
        context.route(lambda url: not stays_on_site(url, base),
                      lambda route: route.abort("blockedbyclient"))
        self.page = context.new_page()

    def visit(self, path: str, wait_until: str = "load"):
        self.page.goto(self.base + path, wait_until=wait_until)
        return self.page

    def take_activity(self) -> Activity:
        activity, self.activity = self.activity, Activity()
        return activity

    def _record_failed_request(self, request) -> None:
        self.activity.failures.append(f"{request.url} ({request.failure})")

    def _record_error_status(self, response) -> None:
        if response.status >= 400:
            self.activity.failures.append(f"{response.url} (HTTP {response.status})")

    def _record_console_error(self, message) -> None:
        if message.type == "error":
            self.activity.errors.append(message.text)
