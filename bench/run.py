"""`make bench`: the portal under load at 1,000 and 100,000 synthetic proposals (issue 18).

For each size: the dataset is built once (migrate, the registry, `generate_scale_data`) into a
PostgreSQL database kept as a template, named by generator version, seed and size and rebuilt
only when missing (or with --rebuild); each run migrates the template (new indexes land there
once), clones it, serves the clone with gunicorn (2 workers; BENCH=1, DEBUG off, a throwaway
SECRET_KEY, static files through WhiteNoise) and drives wrk from a second process on loopback:
a short warm-up, then 20 s per endpoint at 8 connections. One request per endpoint first reads
the status and X-Query-Count (smartcity/bench.py); a route that answers 404 is reported missing.

Results: bench/results/latest.json and bench/results/latest.md (the table and the targets).

    python bench/run.py [--sizes 1000,100000] [--duration 20] [--rebuild]

DATABASE_URL / REDIS_URL name the servers (the embedded ones of `make run` when unset); the
databases are created beside DATABASE_URL's. wrk is the Debian package: apt-get install -y wrk.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartcity.devservers import services  # noqa: E402 - after the path: run as a script

PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "report.lua"
SEED = 1
SIZES = (1_000, 100_000)
CONNECTIONS = 8
WARM_UP = 3  # seconds of wrk before each measured run
THAI_QUERY = "เชียง"
SECRET_KEY = secrets.token_urlsafe(50)  # throwaway, this run's: its sessions die with the clone
WRK_MISSING = (
    "wrk is not installed. It is the Debian package: `apt-get install -y wrk` "
    "(or `brew install wrk` on macOS); then run `make bench` again."
)


def generator_version() -> int:
    text = (ROOT / "applications" / "scale.py").read_text(encoding="utf-8")
    found = re.search(r"^GENERATOR_VERSION = (\d+)", text, re.MULTILINE)
    if found is None:
        raise SystemExit("GENERATOR_VERSION not found in applications/scale.py")
    return int(found.group(1))


def say(text: str) -> None:
    print(f"· {text}", flush=True)


# ---------------------------------------------------------------- databases
class Cluster:
    """The PostgreSQL server of DATABASE_URL, for creating, cloning and dropping databases."""

    def __init__(self, url: str) -> None:
        self.url = urllib.parse.urlsplit(url)

    def url_for(self, name: str) -> str:
        return urllib.parse.urlunsplit(self.url._replace(path=f"/{name}"))

    def execute(self, sql: str) -> list[tuple[Any, ...]]:
        import psycopg

        with psycopg.connect(self.url_for("postgres"), autocommit=True) as connection:
            cursor = connection.execute(sql)
            return list(cursor.fetchall()) if cursor.description else []

    def exists(self, name: str) -> bool:
        return bool(self.execute(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def vacuum(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url_for(name), autocommit=True) as connection:
            connection.execute("VACUUM (ANALYZE)")

    def clone(self, template: str, name: str) -> None:
        self.drop(name)
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')


def manage(env: dict[str, str], database: str, *args: str) -> None:
    """manage.py with DEBUG on (the data commands' precondition) against one database."""
    run_env = {**env, "DATABASE_URL": database, "DEBUG": "1"}
    run_env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], check=True, env=run_env, cwd=ROOT)


def template_ensure(
    cluster: Cluster, env: dict[str, str], *, size: int, rebuild: bool
) -> tuple[str, float | None]:
    """The template database of this generator version, seed and size; built when missing.
    Returns its name and the build time in seconds (None when it was there)."""
    name = f"bench_tpl_g{generator_version()}_s{SEED}_n{size}"
    if rebuild:
        cluster.drop(name)
    if cluster.exists(name):
        say(f"{name}: there; migrating it (a no-op unless new migrations came)")
        manage(env, cluster.url_for(name), "migrate", "--no-input", "--verbosity", "0")
        return name, None
    building = f"{name}_building"  # an interrupted build never leaves a template behind
    say(f"{name}: building {size:,} proposals (cold)")
    started = time.monotonic()
    cluster.drop(building)
    cluster.execute(f'CREATE DATABASE "{building}"')
    url = cluster.url_for(building)
    manage(env, url, "migrate", "--no-input", "--verbosity", "0")
    manage(env, url, "load_reference_data")
    manage(env, url, "generate_scale_data", "--applications", str(size), "--seed", str(SEED))
    cluster.vacuum(building)  # statistics and visibility maps of every table, the registry's too
    cluster.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    seconds = time.monotonic() - started
    say(f"{name}: built in {seconds:.0f} s")
    return name, seconds


PREPARE = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.db.models import Count
from applications.models import Application
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role
from smartcity.accounts.services import user_grant_role

cache.clear()  # no facet or throttle entry of an earlier run or size
backend = settings.AUTHENTICATION_BACKENDS[-1]  # the e-mail and password one, as at sign-in

def session(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

staff, made = User.objects.get_or_create(
    email="bench.staff@bench.invalid",
    defaults={"first_name_th": "ผู้ทดสอบ", "first_name_en": "Bench", "is_staff": True},
)
if made:
    staff.set_unusable_password()
    staff.save()
    user_grant_role(user=staff, role=Role.PROGRAMME_ADMIN)
synthetic = Application.objects.filter(is_synthetic=True)
busiest = (
    synthetic.values("contact").annotate(n=Count("pk")).order_by("-n", "contact").first()
)
officer = User.objects.get(pk=busiest["contact"])
proposal = (
    synthetic.filter(state="wg_review")
    .annotate(versions_n=Count("versions"))
    .order_by("-versions_n", "pk")
    .first()
)
print("BENCH_JSON " + json.dumps({
    "staff": session(staff),
    "officer": session(officer),
    "proposal": str(proposal.uuid),
    "proposals": synthetic.count(),
}))
"""


def prepare(env: dict[str, str], database: str) -> dict[str, Any]:
    """Sessions for a programme administrator and the busiest officer, a proposal to show."""
    # the server's SECRET_KEY: the session's auth hash is keyed on it
    run_env = {**env, "DATABASE_URL": database, "DEBUG": "1", "SECRET_KEY": SECRET_KEY}
    output = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "shell", "-c", PREPARE],
        check=True,
        env=run_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return dict(json.loads(line.removeprefix("BENCH_JSON ")))


# ---------------------------------------------------------------- the server
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def gunicorn(env: dict[str, str], database: str, log: Path) -> Iterator[str]:
    """gunicorn with 2 workers on a free loopback port; yields its base URL."""
    port = free_port()
    server_env = {
        **env,
        "DATABASE_URL": database,
        "BENCH": "1",
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "TWO_FACTOR_REQUIRED_ROLES": "",  # the staff session has no second factor to show
        # still counted, per second: a one-minute window would keep every request of the run
        "RATE_LIMITS": "api_user=1000000/s,api_anon=1000000/s",
        "LOG_LEVEL": "WARNING",
    }
    server_env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "smartcity.wsgi",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--error-logfile",
        str(log),
    ]
    process = subprocess.Popen(command, env=server_env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{base}/livez", timeout=2).close()
                break
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(f"gunicorn did not start: see {log}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


# ---------------------------------------------------------------- measuring
@dataclass
class Endpoint:
    name: str
    path: str
    session: str = ""  # "staff", "officer" or "" (anonymous)


@dataclass
class Result:
    name: str
    path: str
    status: int | None = None
    missing: bool = False
    queries: int | None = None  # after the warm-up (caches as in the measured run)
    queries_cold: int | None = None  # the very first request (empty caches)
    bytes: int | None = None
    rps: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    requests: int | None = None
    non_2xx: int | None = None
    notes: list[str] = field(default_factory=list)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        return None


def endpoints(prepared: dict[str, Any]) -> list[Endpoint]:
    thai = urllib.parse.quote(THAI_QUERY)
    return [
        Endpoint("baseline: bare JsonResponse", "/bench/bare/", "staff"),
        Endpoint("baseline: 50 proposals .values()", "/bench/applications-values/", "staff"),
        Endpoint("baseline: 50 organisations .values()", "/bench/organisations-values/", "staff"),
        Endpoint("API proposals", "/api/v1/applications/?page_size=50", "staff"),
        Endpoint("API organisations", "/api/v1/organisations/?page_size=50", "staff"),
        Endpoint("review queue", "/review/", "staff"),
        Endpoint("review queue, filtered", "/review/?state=wg_review&domain=mobility", "staff"),
        Endpoint("API review queue", "/api/v1/review-queue/?page_size=50", "staff"),
        Endpoint("proposal page", f"/applications/{prepared['proposal']}/", "staff"),
        Endpoint("officer dashboard", "/accounts/dashboard/", "officer"),
        Endpoint("cities", "/cities/", ""),
        Endpoint("municipalities, Thai search", f"/municipalities/?q={thai}", ""),
    ]


def headers(prepared: dict[str, Any], endpoint: Endpoint) -> dict[str, str]:
    # behind the production proxy every request is HTTPS (SECURE_PROXY_SSL_HEADER)
    found = {"X-Forwarded-Proto": "https", "Accept-Language": "th"}
    if endpoint.session:
        found["Cookie"] = f"sessionid={prepared[endpoint.session]}"
    return found


def probe(base: str, endpoint: Endpoint, sent: dict[str, str], result: Result) -> bool:
    """One request: status, queries and size; False when the route is missing or failing."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(base + endpoint.path, headers=sent)
    try:
        with opener.open(request, timeout=60) as response:
            body, status, answer = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        body, status, answer = error.read(), error.code, error.headers
    result.status, result.bytes = status, len(body)
    count = answer.get("X-Query-Count")
    if result.queries_cold is None:
        result.queries_cold = int(count) if count is not None else None
    result.queries = int(count) if count is not None else None
    if status == 404:
        result.missing = True
        result.notes.append("route missing (404)")
        return False
    if status != 200:
        result.notes.append(f"answers {status}: not measured")
        return False
    return True


def wrk(base: str, endpoint: Endpoint, sent: dict[str, str], seconds: int) -> dict[str, Any]:
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-s", str(LUA)]
    for name, value in sent.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, base + endpoint.path], check=True, capture_output=True, text=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return dict(json.loads(line.removeprefix("BENCH_JSON ")))


def measure(base: str, prepared: dict[str, Any], duration: int) -> list[Result]:
    results = []
    for endpoint in endpoints(prepared):
        result = Result(endpoint.name, endpoint.path)
        sent = headers(prepared, endpoint)
        if probe(base, endpoint, sent, result):
            wrk(base, endpoint, sent, WARM_UP)
            probe(base, endpoint, sent, result)  # the queries of a warm request
            report = wrk(base, endpoint, sent, duration)
            result.requests, result.non_2xx = report["requests"], report["non_2xx"]
            result.rps = round(report["requests"] / (report["duration_us"] / 1e6), 1)
            result.p50_ms = round(report["p50_us"] / 1000, 1)
            result.p95_ms = round(report["p95_us"] / 1000, 1)
            result.p99_ms = round(report["p99_us"] / 1000, 1)
            if report["non_2xx"] or report["socket_errors"]:
                result.notes.append(
                    f"{report['non_2xx']} non-2xx, {report['socket_errors']} socket errors"
                )
        say(
            f"  {endpoint.name:40} "
            + (
                f"{result.rps:8.1f} req/s  p50 {result.p50_ms} ms  p95 {result.p95_ms} ms  "
                f"p99 {result.p99_ms} ms  {result.queries} queries"
                if result.rps is not None
                else "; ".join(result.notes)
            )
        )
        results.append(result)
    return results


# ---------------------------------------------------------------- the report
def by_name(results: list[Result]) -> dict[str, Result]:
    return {result.name: result for result in results}


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def targets(runs: dict[int, list[Result]]) -> list[dict[str, Any]]:
    """Issue 18's targets, checked on this run."""
    checks: list[dict[str, Any]] = []
    for size, results in runs.items():
        named = by_name(results)
        bare = named["baseline: bare JsonResponse"].rps
        for api, baseline in (
            ("API proposals", "baseline: 50 proposals .values()"),
            ("API organisations", "baseline: 50 organisations .values()"),
        ):
            value = ratio(named[api].rps, named[baseline].rps)
            checks.append(
                {
                    "target": f"{api} ≥ 0.5× {baseline} at {size:,}",
                    "value": value,
                    "vs_bare": ratio(named[api].rps, bare),
                    "met": value is not None and value >= 0.5,
                }
            )
        measured = [
            count
            for r in results
            if r.rps is not None
            for count in (r.queries, r.queries_cold)
            if count is not None
        ]
        checks.append(
            {
                "target": f"≤ 12 queries per request at {size:,}",
                "value": max(measured, default=None),
                "met": bool(measured) and max(measured) <= 12,
            }
        )
    if len(runs) == 2:
        small, large = (by_name(runs[size])["review queue"] for size in sorted(runs))
        value = ratio(large.p95_ms, small.p95_ms)
        checks.append(
            {
                "target": "/review/ p95 at the large size ≤ 1.5× its p95 at the small size",
                "value": value,
                "met": value is not None and value <= 1.5,
            }
        )
    return checks


def markdown(report: dict[str, Any]) -> str:
    sizes = [int(size) for size in report["runs"]]
    head = "| endpoint | " + " | ".join(
        f"{size:,}: req/s | p50 ms | p95 ms | p99 ms | queries (cold)" for size in sizes
    )
    lines = [
        f"# make bench — {report['finished_at']}",
        "",
        f"gunicorn 2 workers, wrk 1 thread × {CONNECTIONS} connections, {report['duration']} s "
        f"per endpoint after a {WARM_UP} s warm-up, loopback; generator v"
        f"{report['generator_version']}, seed {SEED}. Machine: {report['machine']}.",
        "",
        head + " |",
        "|---|" + "---:|" * (5 * len(sizes)),
    ]
    names = [result["name"] for result in report["runs"][str(sizes[0])]]
    for index, name in enumerate(names):
        cells = []
        for size in sizes:
            result = report["runs"][str(size)][index]
            if result["rps"] is None:
                cells.append(f"{'missing' if result['missing'] else 'not measured'} | | | | ")
                continue
            cells.append(
                f"{result['rps']} | {result['p50_ms']} | {result['p95_ms']} | "
                f"{result['p99_ms']} | {result['queries']} ({result['queries_cold']})"
            )
        lines.append(f"| {name} (`{report['runs'][str(sizes[0])][index]['path']}`) | ")
        lines[-1] += " | ".join(cells) + " |"
    lines += ["", "## Targets (issue 18)", "", "| target | value | met |", "|---|---:|:---:|"]
    for check in report["targets"]:
        value = check["value"]
        shown = "—" if value is None else f"{value}"
        if "vs_bare" in check:
            shown += f" (×{check['vs_bare']} of bare)"
        lines.append(f"| {check['target']} | {shown} | {'yes' if check['met'] else 'NO'} |")
    lines += ["", "## Times", ""]
    for size, seconds in report["cold_build_seconds"].items():
        lines.append(f"- cold build of {int(size):,} proposals: {seconds:.0f} s")
    lines.append(f"- this run: {report['run_seconds']:.0f} s")
    notes = [
        f"- {r['name']} at {int(size):,}: {'; '.join(r['notes'])}"
        for size, results in report["runs"].items()
        for r in results
        if r["notes"]
    ]
    if notes:
        lines += ["", "## Notes", "", *notes]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpus = os.cpu_count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{cpus} CPUs, load average at the end {load}"


# ---------------------------------------------------------------- main
def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    parser.add_argument("--duration", type=int, default=20, help="seconds per endpoint")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the template databases")
    options = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print(WRK_MISSING, file=sys.stderr)
        return 2
    sizes = [int(size) for size in options.sizes.split(",")]
    started = time.monotonic()
    RESULTS.mkdir(parents=True, exist_ok=True)
    with services(stop_after=False) as env:
        cluster = Cluster(env["DATABASE_URL"])
        subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), "collectstatic", "--no-input", "--verbosity", "0"],
            check=True,
            env={**env, "DEBUG": "1"},
            cwd=ROOT,
        )
        cold: dict[str, float] = {}
        templates = {}
        for size in sizes:
            templates[size], seconds = template_ensure(
                cluster, env, size=size, rebuild=options.rebuild
            )
            if seconds is not None:
                cold[str(size)] = round(seconds, 1)
        measuring = time.monotonic()
        runs: dict[int, list[Result]] = {}
        for size in sizes:
            clone = f"bench_run_n{size}"
            say(f"{size:,} proposals: cloning {templates[size]}")
            cluster.clone(templates[size], clone)
            try:
                prepared = prepare(env, cluster.url_for(clone))
                log = ROOT / "var" / f"bench-gunicorn-{size}.log"
                with gunicorn(env, cluster.url_for(clone), log) as base:
                    runs[size] = measure(base, prepared, options.duration)
            finally:
                cluster.drop(clone)
    finished = time.monotonic()
    report = {
        "finished_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "generator_version": generator_version(),
        "seed": SEED,
        "duration": options.duration,
        "connections": CONNECTIONS,
        "machine": machine(),
        "cold_build_seconds": cold,
        "run_seconds": round(finished - started, 1),
        "measuring_seconds": round(finished - measuring, 1),
        "runs": {str(size): [asdict(r) for r in results] for size, results in runs.items()},
        "targets": targets(runs),
    }
    (RESULTS / "latest.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (RESULTS / "latest.md").write_text(markdown(report), encoding="utf-8")
    say(f"done in {report['run_seconds']:.0f} s: bench/results/latest.md")
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
