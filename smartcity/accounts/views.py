"""Thin HTML views for accounts: sign-up, verification, profile, PDPA, dashboard, lockout."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from smartcity.accounts import selectors, services
from smartcity.accounts.forms import CloseAccountForm, ProfileForm, SignUpForm
from smartcity.accounts.models import AuditEvent, User


def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_signup(**form.cleaned_data, base_url=request.build_absolute_uri("/")[:-1])
        return redirect("accounts:signup-done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def verify_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    try:
        user = User.objects.get(uuid=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, User.DoesNotExist):
        user = None
    verified = user is not None and services.user_verify_email(user=user, token=token)
    return render(request, "accounts/verify_email.html", {"verified": verified}, status=200)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html", selectors.dashboard_for(user=request.user))


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(user=request.user, **{
            name: form.cleaned_data[name] for name in form.changed_data})  # fmt: skip
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def personal_data_export(request: HttpRequest) -> HttpResponse:
    data = services.user_personal_data(user=request.user)
    services.audit_record(event=AuditEvent.DATA_EXPORTED, user=request.user, actor=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-personal-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def account_close(request: HttpRequest) -> HttpResponse:
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_close(user=user)
        messages.success(request, _("Your account is closed and your personal data anonymised."))
        return redirect("home")
    return render(request, "accounts/close.html", {"form": form})


def lockout(
    request: HttpRequest, original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:  # fmt: skip
    """django-axes' lockout answer: the login page again, with the reason in plain words."""
    username = (credentials or {}).get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    message = _(
        "Too many failed logins for this account from your network. For your security, logging "
        "in to this account is paused for 15 minutes. Try again later or reset your password."
    )
    return render(
        request, "accounts/login.html", {"form": form, "lockout_message": message}, status=429
    )
