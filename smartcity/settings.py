"""Settings for every deployment: one module, every deployment value from the environment.

Defaults are production-safe (`manage.py check --deploy` is clean); the run command
(`make run`) exports development values. Every variable is listed in the README.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import django_stubs_ext
import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from smartcity.files.storage import private_storage_config
from smartcity.security import content_security_policy

django_stubs_ext.monkeypatch()  # ModelAdmin[StoredFile] etc. at run time, as mypy reads them

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = (
    env.str("SECRET_KEY", default="dev-only-not-secret") if DEBUG else env.str("SECRET_KEY")
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "smartcity.views.csrf_failure"  # the layout, in the visitor's language

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "pgtrigger",
    "pghistory",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "import_export",
    "csp",
    "smartcity",
    "smartcity.accounts",
    "smartcity.files",
    "smartcity.notifications",
    "municipalities",
    "mou",
    "applications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "smartcity.security.permissions_policy_middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "smartcity.middleware.BadInputMiddleware",  # before anything reads the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "smartcity.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

# `make bench` only (bench/run.py): X-Query-Count on every response and the /bench/ baselines
BENCH = env.bool("BENCH", default=False)
if BENCH:
    MIDDLEWARE.insert(0, "smartcity.bench.QueryCountMiddleware")

ROOT_URLCONF = "smartcity.urls"
WSGI_APPLICATION = "smartcity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smartcity.context_processors.site",
            ],
        },
    },
]

# PostgreSQL 15 or newer; nothing in the schema needs a later version.
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "smartcity",
        "OPTIONS": {
            # the site keeps answering when Redis is down: a cache miss, never an error page
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out credentials
    "rules.permissions.ObjectPermissionBackend",
    "smartcity.accounts.backends.ProgrammeAdminBackend",  # "everything" for programme admins
    "smartcity.accounts.backends.EmailBackend",  # email and password; no model permissions
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # also the life of email-verification and invitation links

# Login throttling (django-axes): ten failures for one account from one address lock that pair
# for 15 minutes; the same address can still sign in to another account.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the login form's and the token endpoint's field name
AXES_USERNAME_CALLABLE = "smartcity.accounts.views.lockout_username"  # case-insensitive emails
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "smartcity.accounts.views.lockout"
# Behind the reverse proxy the client address is the right-most untrusted X-Forwarded-For entry.
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_PROXY_TRUSTED_IPS = env.list("TRUSTED_PROXY_IPS", default=[]) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    if env.int("TRUSTED_PROXY_COUNT", default=0)
    else ("REMOTE_ADDR",)
)
LOGOUT_REDIRECT_URL = "home"

# Two-factor sign-in (smartcity/accounts/two_factor.py): users with these roles must set it up
# before anything else; everyone else may. Comma-separated role names; empty: nobody must.
TWO_FACTOR_REQUIRED_ROLES = env.list(
    "TWO_FACTOR_REQUIRED_ROLES", default=["programme_admin", "reviewer", "committee"]
)
OTP_TOTP_ISSUER = "Smart City Portal"

# Rate limits "<count>/<period>" (period s, m, h or d), see smartcity/throttling.py. Pages count
# each POST per client address (`_client`) and per e-mail address (`_address`); the API counts
# calls per client (`api_anon`) or per signed-in user (`api_user`). Past a limit: 429 with
# Retry-After. RATE_LIMITS="signup_client=50/h,api_anon=300/min" changes some of them.
RATE_LIMITS = {
    "password_reset_address": "5/h",
    "password_reset_client": "20/h",
    "signup_address": "5/h",
    "signup_client": "20/h",
    "verification_resend_address": "3/h",
    "verification_resend_client": "20/h",
    "api_anon": "120/min",
    "api_user": "600/min",
    **env.dict("RATE_LIMITS", default={}),
}

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": private_storage_config(
        env.str("PRIVATE_STORAGE_URL", default=""), default_root=VAR_DIR / "private"
    ),
}
# Map tiles for organisation pins, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (mind the
# tile server's usage policy). Empty: no map, coordinates and an OpenStreetMap link only.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")

# Upload limits of the file component (smartcity/files): per file, in bytes.
# days a reviewer has to submit their scores after being assigned (Assignment.due_on)
REVIEW_DAYS = env.int("REVIEW_DAYS", default=14)

FILE_UPLOAD_MAX_BYTES = env.int("FILE_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_BYTES + 1024 * 1024

vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Smart City Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in emails: the public address of the portal, without a trailing slash.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

CELERY_BROKER_URL = REDIS_URL
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
# beat's state under ./var/, never in the checkout's root (any deployment may pass --schedule)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # notifications left pending (broker down when the request committed) are queued again
    "notifications-sweep": {
        "task": "smartcity.notifications.tasks.sweep_notifications",
        "schedule": 60.0,
    },
    "notifications-digest": {
        "task": "smartcity.notifications.tasks.send_digests",
        "schedule": crontab(hour=7, minute=0),  # 07:00 Asia/Bangkok
    },
    # MOU status kept true (past the end → expired) and expiry reminders at 90/30/7 days
    # officers with a draft are reminded 7 days and 1 day before its call closes
    "applications-daily-scan": {
        "task": "applications.tasks.application_daily_scan",
        "schedule": crontab(hour=7, minute=30),
    },
    "mou-daily-scan": {
        "task": "mou.tasks.mou_daily_scan",
        "schedule": crontab(hour=6, minute=15),
    },
    # certificates past their end expire; certificate and revision reminders
    "decisions-daily-scan": {
        "task": "applications.decisions.tasks.decisions_daily_scan",
        "schedule": crontab(hour=6, minute=30),
    },
}

# /healthz: each check is bounded; the report is computed at most every HEALTH_CACHE_SECONDS
HEALTH_REDIS_TIMEOUT = env.float("HEALTH_REDIS_TIMEOUT", default=0.5)
HEALTH_CELERY_TIMEOUT = env.float("HEALTH_CELERY_TIMEOUT", default=1.0)
HEALTH_CACHE_SECONDS = 5

REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes anonymous API calls answer 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON only: people read the API at /api/v1/docs/; DRF's browsable pages need inline styles
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "smartcity.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "smartcity.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "smartcity.throttling.ApiAnonThrottle",
        "smartcity.throttling.ApiUserThrottle",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Smart City Portal API",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "The registry of local administrative organisations, MOU records, your memberships and "
        "notifications. Reading public records needs no sign-in.\n\n"
        "**Getting a token.** POST your e-mail address (as `username`) and password to "
        '`/api/v1/auth/token/`; the answer is `{"token": "…"}`. Keep the token secret: '
        "it acts as you until an administrator revokes it.\n\n"
        "**Sending it.** Add the header `Authorization: Token <your token>` to every request, e.g. "
        '`curl -H "Authorization: Token 9944b0…" https://…/api/v1/me/`. '
        "Press *Authorize* below to try the endpoints with your token."
    ),
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "/favicon.ico",  # the portal's icon (smartcity.views.favicon)
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "smartcity.api.document_errors",
    ],
    # one schema name per shared vocabulary, however many fields use it
    "ENUM_NAME_OVERRIDES": {
        "DomainEnum": "smartcity.vocabulary.Domain",
        "FocusAreaEnum": "smartcity.vocabulary.FocusArea",
        "ApplicationStateEnum": "applications.workflow.State",
        "CallDocumentKindEnum": "applications.models.CallDocumentKind",
        "AttachmentKindEnum": "applications.models.AttachmentKind",
    },
}

# Security: safe by default, relaxed only by DEBUG (development) or settings_test.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^livez$", r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# no inline scripts or styles anywhere; other origins: only MAP_TILE_URL's (smartcity/security.py)
CONTENT_SECURITY_POLICY = content_security_policy(map_tile_url=MAP_TILE_URL)
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django_redis": {"level": "ERROR"}, "axes": {"level": "WARNING"}},
}
