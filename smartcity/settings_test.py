"""Test settings: everything from settings, changed only where tests need it."""

from __future__ import annotations

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from smartcity.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["*"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="smartcity-private-")},
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES["default"]["KEY_PREFIX"] = f"smartcity-test-{os.getpid()}"  # noqa: F405
# live_server serves static files itself; WhiteNoise would only warn about an empty STATIC_ROOT
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
AXES_VERBOSE = False  # no log line per login in test output
TWO_FACTOR_REQUIRED_ROLES = []  # the two-factor tests turn the policy on
# Under pytest-xdist each process has its own test database (pytest-django) and its own Celery
# queues: a Redis database of its own for the broker, so a worker thread of one process never
# takes a task queued by the other (whose rows it could not see).
_XDIST = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1, ...
if _XDIST.startswith("gw"):
    _broker = urlsplit(REDIS_URL)  # noqa: F405
    _db = int(_broker.path.strip("/") or 0) + 1 + int(_XDIST[2:])
    CELERY_BROKER_URL = urlunsplit(_broker._replace(path=f"/{_db % 16}"))
