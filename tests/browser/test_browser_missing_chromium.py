"""Without Chromium the browser checks skip on a laptop but fail in CI."""

from pathlib import Path

import pytest

from missing_chromium import require_chromium

NOWHERE = Path("/nonexistent/chromium")


def test_missing_chromium_skips_locally_with_the_fix():
    with pytest.raises(pytest.skip.Exception, match=r"/nonexistent/chromium is missing.*make chromium"):
        require_chromium(NOWHERE, in_ci=False)


def test_missing_chromium_fails_in_ci():
    with pytest.raises(pytest.fail.Exception, match=r"CI=true: /nonexistent/chromium is missing"):
        require_chromium(NOWHERE, in_ci=True)
