"""Health checks: /livez for load balancers, /healthz for monitoring."""

from __future__ import annotations

import time
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from smartcity.celery import app as celery_app

HEALTH_CACHE_SECONDS = 5
_last: tuple[float, dict[str, str]] | None = None  # per process: works while Redis is down


def database_check() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def redis_check() -> str:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


def celery_check() -> str:
    replies = celery_app.control.ping(timeout=1)
    if not replies:
        raise RuntimeError("no worker answered within 1 s")
    return "ok"


def migrations_check() -> str:
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise RuntimeError(f"{len(pending)} unapplied")
    return "ok"


CHECKS: dict[str, Callable[[], str]] = {
    "database": database_check,
    "redis": redis_check,
    "celery": celery_check,
    "migrations": migrations_check,
}


def _run(name: str, check: Callable[[], str]) -> str:
    try:
        return check()
    except Exception as error:
        return f"error: {type(error).__name__}: {error}"[:300]


def health_report() -> dict[str, str]:
    """Every check's result ("ok" or "error: …"), computed at most once per 5 s per process."""
    global _last
    now = time.monotonic()
    if _last is not None and now - _last[0] < HEALTH_CACHE_SECONDS:
        return _last[1]
    report = {name: _run(name, check) for name, check in CHECKS.items()}
    _last = (now, report)
    return report


def health_reset() -> None:
    """Forget the cached report (tests)."""
    global _last
    _last = None
