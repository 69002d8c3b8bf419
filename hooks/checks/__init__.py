"""Every check of the site, as plain functions that return Problems ("file:line:
what. Fix: how"). The hooks in hooks/ call them during a build, the tests in tests/
call them on the built site and on broken copies, and `make readability` and
`make review-due` run two of them as reports. See hooks/README.md for the list."""
