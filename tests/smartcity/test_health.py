from __future__ import annotations

import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.test import override_settings

from smartcity.celery import app as celery_app
from smartcity.health import health_reset

HEALTHY = {"database": "ok", "redis": "ok", "celery": "ok", "migrations": "ok"}


@pytest.fixture(autouse=True)
def _fresh_report():
    health_reset()
    yield
    health_reset()


@pytest.mark.django_db(transaction=True)
@override_settings(HEALTH_CELERY_TIMEOUT=3.0)
def test_healthz_answers_as_soon_as_a_worker_answers(client):
    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started
    assert response.json()["checks"] == HEALTHY
    assert response.status_code == 200
    assert elapsed < 1.5  # the ping's 3 s timeout was not waited out


@pytest.mark.django_db
@override_settings(HEALTH_REDIS_TIMEOUT=0.25, HEALTH_CELERY_TIMEOUT=0.75)
def test_each_check_is_given_the_timeout_from_settings(client, monkeypatch):
    given: dict[str, dict] = {}
    redis_from_url, ping = redis.Redis.from_url, celery_app.control.ping

    def spy_redis(url, **kwargs):
        given["redis"] = kwargs
        return redis_from_url(url, **kwargs)

    def spy_ping(**kwargs):
        given["ping"] = kwargs
        return ping(**kwargs)

    monkeypatch.setattr(redis.Redis, "from_url", spy_redis)
    monkeypatch.setattr(celery_app.control, "ping", spy_ping)
    client.get("/healthz")

    assert given["redis"]["socket_connect_timeout"] == 0.25
    assert given["redis"]["socket_timeout"] == 0.25
    assert given["ping"]["timeout"] == 0.75
    assert given["ping"]["limit"] == 1  # return at the first answer


@pytest.mark.django_db
def test_redis_down_healthz_names_redis_and_celery_fast_livez_and_home_answer(
    client, own_redis, programme_admin
):
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": own_redis,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.3},
        }
    }
    with override_settings(REDIS_URL=own_redis, CELERY_BROKER_URL=own_redis, CACHES=caches):
        assert client.get("/healthz").json()["checks"]["redis"] == "ok"

        redis.Redis.from_url(own_redis).shutdown(nosave=True)
        health_reset()
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started

        assert response.status_code == 503
        assert {"redis", "celery"} <= set(response.json()["failing"])
        assert response.json()["checks"]["redis"] == "error"  # no exception text for anyone
        assert response.json()["checks"]["celery"] == "error"
        assert elapsed < 3
        assert client.get("/livez").status_code == 200
        assert client.get("/").status_code == 200

        client.force_login(programme_admin)  # staff see what went wrong
        assert client.get("/healthz").json()["checks"]["redis"].startswith("error: ")


@pytest.mark.django_db
def test_healthz_result_is_cached_for_five_seconds(client, django_assert_max_num_queries):
    client.get("/healthz")
    with django_assert_max_num_queries(0):
        client.get("/healthz")
