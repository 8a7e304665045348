"""Health checks: /livez for load balancers, /healthz for monitoring.

Every check is bounded by a timeout from settings, so /healthz answers within about
HEALTH_REDIS_TIMEOUT + HEALTH_CELERY_TIMEOUT even while Redis is down, and as soon as a
worker answers the ping when everything is healthy.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from smartcity.celery import app as celery_app

_last: tuple[float, dict[str, str]] | None = None  # per process: works while Redis is down


def database_check() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def redis_check() -> str:
    timeout = settings.HEALTH_REDIS_TIMEOUT
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=timeout, socket_timeout=timeout
    )
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


def celery_check() -> str:
    """Some worker answers a ping; returns at the first answer, not at the timeout.

    A fresh broker connection each time: a pooled one may still be the one that broke while
    Redis was away, and would report the worker missing once after Redis returns.
    """
    timeout = settings.HEALTH_CELERY_TIMEOUT
    with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as broker:
        broker.ensure_connection(max_retries=1, timeout=timeout)
        replies = celery_app.control.ping(timeout=timeout, limit=1, connection=broker)
    if not replies:
        raise RuntimeError(f"no worker answered within {timeout} s")
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


def _run(check: Callable[[], str]) -> str:
    try:
        return check()
    except Exception as error:
        return f"error: {type(error).__name__}: {error}"[:300]


def health_report() -> dict[str, str]:
    """Every check's result ("ok" or "error: …"), computed at most once per
    HEALTH_CACHE_SECONDS per process, stamped when the checks have finished."""
    global _last
    if _last is not None and time.monotonic() - _last[0] < settings.HEALTH_CACHE_SECONDS:
        return _last[1]
    report = {name: _run(check) for name, check in CHECKS.items()}
    _last = (time.monotonic(), report)
    return report


def health_public(report: dict[str, str]) -> dict[str, str]:
    """The report for anonymous callers: which component fails, never the exception text."""
    return {name: "ok" if result == "ok" else "error" for name, result in report.items()}


def health_reset() -> None:
    """Forget the cached report (tests)."""
    global _last
    _last = None
