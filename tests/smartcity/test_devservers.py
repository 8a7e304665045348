"""The embedded servers of `make run` / `make test`, started and stopped through the same module."""

from __future__ import annotations

import psycopg
import redis

from smartcity.devservers import EmbeddedPostgres, EmbeddedRedis
from tests.conftest import free_port


def test_embedded_postgres_starts_keeps_data_and_survives_a_stale_pid_file(tmp_path):
    server = EmbeddedPostgres(root=tmp_path / "pg", port=free_port())
    server.start()
    try:
        with psycopg.connect(server.url, autocommit=True) as conn:
            version = conn.execute("SHOW server_version_num").fetchone()[0]
            assert int(version) >= 150000
            conn.execute("CREATE TABLE kept (note text)")
            conn.execute("INSERT INTO kept VALUES ('ยังอยู่')")
        server.stop()
        assert not server.is_running()

        # a crash leaves postmaster.pid behind, naming a process that is not postgres
        (server.data / "postmaster.pid").write_text("1\n")
        server.start()
        assert server.is_running()
        with psycopg.connect(server.url) as conn:
            assert conn.execute("SELECT note FROM kept").fetchone()[0] == "ยังอยู่"
    finally:
        server.stop()
    assert not server.is_running()


def test_embedded_redis_starts_and_stops(tmp_path):
    server = EmbeddedRedis(root=tmp_path / "redis", port=free_port())
    server.start()
    try:
        client = redis.Redis.from_url(server.url)
        assert client.ping()
        client.close()
        server.start()  # already running: nothing happens
    finally:
        server.stop()
    assert not server.is_running()
