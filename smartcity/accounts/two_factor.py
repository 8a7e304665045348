"""Two-factor sign-in (django-otp: TOTP apps and single-use recovery codes).

Who: anyone may turn it on (officers opt in); users holding a role of
settings.TWO_FACTOR_REQUIRED_ROLES (the administrator's policy; staff roles by default) must,
and are sent to the setup page until they have. Where: the password alone never signs a user
with two-factor in. The login page checks the password, keeps the user pending in the session and
asks for a code (`accounts:login-code`); only a right code logs in. The Django admin uses the same
login page. A session that is signed in but never passed the code (started before the user turned
two-factor on, or by anything but the login page) is logged out by `TwoFactorMiddleware`.
Failures: a wrong code is a failed login for django-axes (lock-out of that account from that
address) and for the audit log, exactly like a wrong password.
"""

from __future__ import annotations

from collections.abc import Callable

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import match_token
from django_otp.models import Device

from smartcity.accounts.models import User

PENDING_SESSION_KEY = "two_factor_pending"


def two_factor_required(user: User) -> bool:
    """The policy asks this user to sign in with a second factor."""
    return any(user.has_role(role) for role in settings.TWO_FACTOR_REQUIRED_ROLES)


def two_factor_check(*, request: HttpRequest, user: User, code: str) -> Device | None:
    """The device that accepts the code (TOTP or a recovery code, used up), or None after
    recording a failed login (django-axes counts it; the audit log keeps it)."""
    device = match_token(user, "".join(code.split())) if code.strip() else None
    if device is None:
        user_login_failed.send(
            sender=__name__, credentials={"username": user.email}, request=request
        )
    return device


def is_locked_out(*, request: HttpRequest, user: User) -> bool:
    """django-axes locks this account from this address (too many wrong passwords or codes)."""
    return bool(AxesProxyHandler.is_locked(request, credentials={"username": user.email}))


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a signed-in session of a user with two-factor that did
    not pass the code is logged out; a user the policy requires to set it up is sent to do so."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[attr-defined]  # OTPMiddleware
            if user.two_factor_enabled_at:
                logout(request)  # the request goes on as anonymous: private pages ask to log in
            elif two_factor_required(user) and request.path not in _setup_paths():
                if request.headers.get("HX-Request"):  # a fragment (the bell): nothing to swap
                    return HttpResponse(status=204)
                return redirect(f"{reverse('accounts:two-factor-setup')}?next={request.path}")
        return self.get_response(request)


def _setup_paths() -> set[str]:
    return {reverse("accounts:two-factor-setup"), reverse("accounts:logout")}
