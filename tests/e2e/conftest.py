"""Browser-test harness: Chromium against live_server, axe-core on every page visited."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, Response, expect

from tests.factories.accounts import PASSWORD

_axe = Axe()
# Two test processes share two cores (pytest-xdist): an assertion waits up to 10 s, not 5, for
# the page to reach the state it expects. A page that never gets there still fails.
expect.set_options(timeout=10_000)


@pytest.fixture(autouse=True)
def _local_only(page: Page) -> None:
    """Pages reach nothing but the live server: this machine's network is closed, and a page
    that needs a third-party host would break for users behind a government firewall too."""

    def route(route, request) -> None:
        host = request.url.split("/")[2].split(":")[0] if "://" in request.url else ""
        if host in ("127.0.0.1", "localhost", "") or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)


@pytest.fixture(autouse=True)
def csp_violations(page: Page) -> Iterator[list[str]]:
    """A browser test fails on any Content-Security-Policy violation Chromium reports in the
    console (an inline script or style, another origin): the pages must work under the policy.
    A test that provokes one on purpose takes this list and empties it."""
    violations: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", listen)
    yield violations
    assert not violations, "CSP violations:\n" + "\n".join(violations)


BLOCKING_IMPACTS = {"serious", "critical"}


def assert_accessible(page: Page) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    violations = _axe.run(page).response["violations"]
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in blocking
    )


@pytest.fixture
def visit(page: Page, live_server) -> Callable[[str], Response | None]:
    """Open a path of the live server, check it answered below 400 and passes axe-core."""

    def go(path: str) -> Response | None:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None
        assert response.status < 400, f"{path} answered {response.status}"
        assert_accessible(page)
        return response

    return go


def log_in(page: Page, base: str, user: object, password: str = PASSWORD) -> None:
    """Sign `user` in through the real login form at `base` (the live server's URL, with /en
    for English), signed out first, and wait until the form has answered: a page opened before
    that would cancel the sign-in (`wait_for_load_state` right after the click can return before
    the form's navigation has even started)."""
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    login_page = page.url
    page.fill("#id_username", user.email)
    page.fill("#id_password", password)
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(login_page)


@pytest.fixture
def login_as(page: Page, live_server) -> Callable:
    """Sign a user in through the real login form."""

    def login(user: object) -> None:
        log_in(page, live_server.url, user)

    return login
