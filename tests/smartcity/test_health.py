from __future__ import annotations

import pytest
from celery.contrib.testing.worker import start_worker
from django.test import override_settings

from smartcity.celery import app as celery_app
from smartcity.health import health_reset


@pytest.fixture(autouse=True)
def _fresh_report():
    health_reset()
    yield
    health_reset()


@pytest.mark.django_db(transaction=True)
def test_healthz_is_ok_with_database_redis_worker_and_migrations(client):
    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        response = client.get("/healthz")
    body = response.json()
    assert body["checks"] == {"database": "ok", "redis": "ok", "celery": "ok", "migrations": "ok"}
    assert response.status_code == 200


@pytest.mark.django_db
def test_redis_down_healthz_names_it_livez_and_home_still_answer(client, own_redis):
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": own_redis,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.3},
        }
    }
    with override_settings(REDIS_URL=own_redis, CACHES=caches):
        assert "redis" not in client.get("/healthz").json()["failing"]  # up: not named

        import redis

        redis.Redis.from_url(own_redis).shutdown(nosave=True)
        health_reset()

        response = client.get("/healthz")
        assert response.status_code == 503
        assert "redis" in response.json()["failing"]
        assert response.json()["checks"]["redis"].startswith("error:")
        assert client.get("/livez").status_code == 200
        assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_healthz_result_is_cached_for_five_seconds(client, django_assert_max_num_queries):
    client.get("/healthz")
    with django_assert_max_num_queries(0):
        client.get("/healthz")
