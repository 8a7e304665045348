"""Delivery harness: a real Celery worker in a thread, real Redis, emails written to files."""

from __future__ import annotations

import email
import time
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker

from smartcity.celery import app as celery_app
from tests.conftest import RedisServer


def wait_until(condition: Callable[[], object], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"not true within {timeout} s: {condition}")


class Mailbox:
    """The messages Django's file email backend wrote into one directory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def messages(self) -> list[Message]:
        found = []
        for file in sorted(self.path.glob("*.log")):
            for chunk in file.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    found.append(email.message_from_bytes(chunk.lstrip()))
        return found


def message_parts(message: Message) -> dict[str, str]:
    """{"text/plain": …, "text/html": …} decoded."""
    return {
        part.get_content_type(): part.get_payload(decode=True).decode(part.get_content_charset())
        for part in message.walk()
        if not part.is_multipart()
    }


@pytest.fixture
def mailbox(settings, tmp_path: Path) -> Mailbox:
    """Email through the file backend (what EMAIL_URL=filemail://… selects) into a temp dir."""
    directory = tmp_path / "mail"
    directory.mkdir()
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(directory)
    return Mailbox(directory)


def use_broker(url: str) -> None:
    """Point the Celery app at another broker and drop its pooled connections."""
    celery_app.conf.broker_url = url
    celery_app._after_fork()


@pytest.fixture
def worker(transactional_db) -> Callable:
    """Start a real Celery worker (solo pool, in a thread) on the app's current broker."""
    celery_app.control.purge()  # messages left by earlier tests point at deleted rows

    def start():
        return start_worker(celery_app, perform_ping_check=False, shutdown_timeout=20)

    return start


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """Own redis-server (started) used as the Celery broker for the test; restored after."""
    server = RedisServer(tmp_path)
    server.start()
    previous = celery_app.conf.broker_url
    use_broker(server.url)
    yield server
    use_broker(previous)
    server.stop()
