"""Every route and every role → the HTTP status expected; adding a route is one entry in MATRIX.

Keys are route names (`namespace:name`) as the resolver reports them; `name#case` adds another
call of the same route (e.g. a POST). Entries state the expected status per role; helpers below
spell the usual patterns. Translated routes are checked at `/…` and `/en/…`. Admin routes share
the `admin:*` entry unless they differ. Statuses follow the visibility policy:
anonymous on a private page → 302 to login, on the API → 401; an object the role may not see →
404; a visible object with a forbidden action → 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ANONYMOUS = "anonymous"
PENDING_OFFICER = "pending_officer"
OFFICER_A = "officer_a"
OFFICER_B = "officer_b"
REVIEWER = "reviewer"
COMMITTEE = "committee"
ADMIN = "admin"
ROLES = (ANONYMOUS, PENDING_OFFICER, OFFICER_A, OFFICER_B, REVIEWER, COMMITTEE, ADMIN)
SIGNED_IN = ROLES[1:]

Kwargs = Callable[[Any], dict[str, Any]]  # takes the `world` fixture (tests/permissions)


@dataclass(frozen=True)
class Route:
    """How to call one route and what each role gets back."""

    expect: dict[str, int]
    kwargs: Kwargs | None = None
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(ok: int = 200, **overrides: int) -> dict[str, int]:
    """A private page: anonymous is sent to the login page."""
    return {ANONYMOUS: 302, **dict.fromkeys(SIGNED_IN, ok), **overrides}


def api_signed_in(ok: int = 200, **overrides: int) -> dict[str, int]:
    """A private endpoint: anonymous gets 401 (token or session authentication)."""
    return {ANONYMOUS: 401, **dict.fromkeys(SIGNED_IN, ok), **overrides}


def admin_site(ok: int = 200) -> dict[str, int]:
    """Django admin: only programme administrators are staff; others go to the admin login."""
    return {**dict.fromkeys(ROLES, 302), ADMIN: ok}


def org_a_members(w: Any) -> dict[str, Any]:
    return {"uuid": w.org_a.uuid}


def pending_membership(w: Any) -> dict[str, Any]:
    return {"uuid": w.pending_membership.uuid}


MATRIX: dict[str, Route] = {
    # platform
    "home": Route(everyone(200)),
    "livez": Route(everyone(200)),
    "healthz": Route(everyone(503)),  # no Celery worker in the test run
    "files:file-download": Route(
        {**signed_in(404), ANONYMOUS: 404, OFFICER_A: 200, ADMIN: 200},
        kwargs=lambda w: {"uuid": w.file_of_officer_a.uuid},
    ),
    # accounts: pages
    "accounts:login": Route(everyone(200)),
    "accounts:logout": Route(everyone(302), method="post"),
    "accounts:signup": Route(everyone(200)),
    "accounts:signup-done": Route(everyone(200)),
    "accounts:verify-email": Route(everyone(200), kwargs=lambda w: {"uidb64": "x", "token": "y"}),
    "accounts:dashboard": Route(signed_in()),
    "accounts:organisation-search": Route(everyone(200), data={"q": "เทศบาล"}),
    "accounts:organisation-members": Route(
        {**signed_in(404), PENDING_OFFICER: 200, OFFICER_A: 200, ADMIN: 200},
        kwargs=org_a_members,
    ),
    # the pending officer sees the page but may not invite: visible, forbidden → 403
    "accounts:organisation-members#invite": Route(
        {**signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 200, ADMIN: 200},
        kwargs=org_a_members,
        method="post",
        data={"email": "not-an-email"},
    ),
    "accounts:profile": Route(signed_in()),
    "accounts:profile-export": Route(signed_in()),
    "accounts:profile-close": Route(signed_in()),
    "accounts:password-change": Route(signed_in()),
    "accounts:password-change-done": Route(signed_in()),
    "accounts:password-reset": Route(everyone(200)),
    "accounts:password-reset-done": Route(everyone(200)),
    "accounts:password-reset-confirm": Route(
        everyone(200), kwargs=lambda w: {"uidb64": "x", "token": "y"}
    ),
    "accounts:password-reset-complete": Route(everyone(200)),
    # municipalities: the registry is public
    "municipalities:organisation-list": Route(everyone(200)),
    "municipalities:organisation-detail": Route(
        everyone(200), kwargs=lambda w: {"key": w.org_a.uuid}
    ),
    "api:region-list": Route(everyone(200)),
    "api:region-detail": Route(everyone(200), kwargs=lambda w: {"code": "north"}),
    "api:province-list": Route(everyone(200)),
    "api:province-detail": Route(everyone(200), kwargs=lambda w: {"code": "50"}),
    "api:organisation-list": Route(everyone(200)),
    "api:organisation-detail": Route(everyone(200), kwargs=lambda w: {"uuid": w.org_a.uuid}),
    # API
    "api:api-root": Route(everyone(200)),
    "api:schema": Route(everyone(200)),
    "api:docs": Route(everyone(200)),
    "api:auth-token": Route(everyone(405)),  # POST only
    "api:me": Route(api_signed_in()),
    "api:membership-list": Route(api_signed_in()),
    "api:membership-detail": Route(
        {**api_signed_in(404), PENDING_OFFICER: 200, OFFICER_A: 200, ADMIN: 200},
        kwargs=pending_membership,
    ),
    "api:membership-approve": Route(
        {**api_signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 403, ADMIN: 200},
        kwargs=pending_membership,
        method="post",
    ),
    "api:membership-refuse": Route(
        {**api_signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 403, ADMIN: 200},
        kwargs=pending_membership,
        method="post",
    ),
    # Django admin: every admin route; the test calls those that need no arguments
    "admin:*": Route(admin_site()),
    "admin:login": Route({**everyone(200), ADMIN: 302}),
    "admin:logout": Route(everyone(302), method="post"),
    "admin:accounts_auditlog_add": Route(admin_site(403)),  # the audit log is append-only
    "admin:axes_accessattempt_add": Route(admin_site(403)),  # django-axes keeps its own rows
    "admin:axes_accessfailurelog_add": Route(admin_site(403)),
    "admin:axes_accesslog_add": Route(admin_site(403)),
    "admin:notifications_notification_add": Route(admin_site(403)),  # rows come from notify()
    "admin:autocomplete": Route(admin_site(403)),  # 403 without its field parameters
    "admin:municipalities_organisation_process_import": Route(admin_site(405)),  # POST only
}
