"""Thin HTML views for accounts: sign-up, verification, profile, PDPA, dashboard, lockout."""

from __future__ import annotations

import json
import time
from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from municipalities.models import Organisation
from smartcity.accounts import selectors, services, two_factor
from smartcity.accounts.forms import (
    CloseAccountForm,
    MemberInviteForm,
    MembershipRefuseForm,
    ProfileForm,
    SignUpForm,
    TwoFactorCodeForm,
    VerificationResendForm,
)
from smartcity.accounts.models import AuditEvent, Membership, User
from smartcity.errors import DomainError
from smartcity.http import AuthenticatedHttpRequest
from smartcity.throttling import rate_limited


@rate_limited("signup", address_field="email")
def signup(request: HttpRequest) -> HttpResponse:
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_signup(**form.signup_arguments())
        except DomainError as error:  # a duplicate registered between check and save
            form.add_error("new_org_name_th", error.message)
        else:
            return redirect("accounts:signup-done")
    chosen = selectors.organisation_chosen(value=form["organisation"].value())
    context = {
        "form": form,
        "selected_organisation": chosen[0] if chosen else None,
        "selected_organisation_rows": chosen,
    }
    return render(request, "accounts/signup.html", context)


class LoginView(auth_views.LoginView):
    """The password step; a user with two-factor is kept pending and asked for a code."""

    template_name = "accounts/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if not user.two_factor_enabled_at:
            return super().form_valid(form)
        self.request.session[two_factor.PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
        }
        query = urlencode({"next": self.get_success_url()})
        return redirect(f"{reverse('accounts:login-code')}?{query}")


PENDING_SECONDS = 300  # the code must follow the password within five minutes


def login_code(request: HttpRequest) -> HttpResponse:
    """The second step: the password was right; a code from the app or a recovery code logs in."""
    pending = request.session.get(two_factor.PENDING_SESSION_KEY) or {}
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(two_factor.PENDING_SESSION_KEY, None)
        return redirect("accounts:login")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        device = two_factor.two_factor_check(request=request, user=user, code=code)
        if device is not None:
            del request.session[two_factor.PENDING_SESSION_KEY]
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error("code", _("That code is not right."))
    if two_factor.is_locked_out(request=request, user=user):
        request.session.pop(two_factor.PENDING_SESSION_KEY, None)
        return lockout(request, credentials={"username": user.email})
    return render(request, "accounts/login_code.html", {"form": form, "next": _safe_next(request)})


def _safe_next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Turn two-factor on with an authenticator app (or off, where the policy allows)."""
    user = request.user
    if user.two_factor_enabled_at:
        can_disable = not two_factor.two_factor_required(user)
        if request.method == "POST" and can_disable:
            services.two_factor_disable(user=user, actor=user)
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("accounts:profile")
        return render(request, "accounts/two_factor_setup.html", {"can_disable": can_disable})
    device = services.two_factor_device(user=user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.two_factor_enable(
                user=user, device=device, code=form.cleaned_data["code"]
            )
        except DomainError as error:
            form.add_error("code", error.message)
        else:
            otp_login(request, device)
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _safe_next(request)},
            )
    context = {
        "form": form,
        "next": _safe_next(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, border=2),
        "secret": b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def verify_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = selectors.user_from_link(uidb64=uidb64)
    verified = user is not None and services.user_verify_email(user=user, token=token)
    return render(request, "accounts/verify_email.html", {"verified": verified}, status=200)


@rate_limited("verification_resend", address_field="email")
def verification_resend(request: HttpRequest) -> HttpResponse:
    """A new verification link; the answer is the same whether or not the address has an
    account waiting (nobody learns who signed up)."""
    form = VerificationResendForm(request.POST or None, initial={"email": request.GET.get("email")})
    if request.method == "POST" and form.is_valid():
        services.verification_resend(email=form.cleaned_data["email"])
        message = _(
            "If an account is waiting for verification at that address, a new link is on its way."
        )
        context = {"title": _("Check your email"), "message": message}
        return render(request, "accounts/message_page.html", context)
    title, label = _("Send the verification link again"), _("Send the link")
    return render(
        request, "accounts/form_page.html", {"form": form, "title": title, "submit_label": label}
    )


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html", selectors.dashboard_get(user=request.user))


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(
            user=request.user, **{name: form.cleaned_data[name] for name in form.changed_data}
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def personal_data_export(request: AuthenticatedHttpRequest) -> HttpResponse:
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
def account_close(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_close(user=user)
        messages.success(request, _("Your account is closed and your personal data anonymised."))
        return redirect("home")
    return render(request, "accounts/close.html", {"form": form})


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The email django-axes counts failures for, whatever case it was typed in."""
    source = credentials if credentials is not None else request.POST
    return str(source.get("username") or "").strip().lower()


def lockout(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
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


def organisation_search(request: HttpRequest) -> HttpResponse:
    """htmx: registry organisations matching what the sign-up form's search box holds."""
    text = request.GET.get("organisation_search") or request.GET.get("q") or ""
    rows = selectors.organisation_search(text=text)
    return render(
        request, "accounts/partials/_organisation_results.html", {"rows": rows, "text": text}
    )


@login_required
def organisation_members(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, uuid=uuid)
    if not request.user.has_perm("accounts.view_members", organisation):
        raise Http404  # who belongs to an organisation is not public
    form = MemberInviteForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("accounts.invite_member", organisation):
            raise PermissionDenied
        if form.is_valid():
            membership = services.membership_invite(
                organisation=organisation, email=form.cleaned_data["email"], actor=request.user
            )
            messages.success(
                request, _("%(email)s is now a member.") % {"email": membership.user.email}
            )
            return redirect("accounts:organisation-members", uuid=organisation.uuid)
    members = selectors.organisation_members(organisation=organisation)
    # who may decide differs only for memberships that propose the organisation: two checks
    may_decide = {
        proposes: request.user.has_perm(
            "accounts.decide_membership",
            Membership(organisation=organisation, proposes_organisation=proposes),
        )
        for proposes in (False, True)
    }
    rows = [(m, m.is_pending and may_decide[m.proposes_organisation]) for m in members]
    can_invite = request.user.has_perm("accounts.invite_member", organisation)
    context = {
        "organisation": organisation,
        "rows": rows,
        "form": form,
        "refuse_form": MembershipRefuseForm(),
        "can_invite": can_invite,
    }
    return render(request, "accounts/organisation_members.html", context)


@login_required
@require_POST
def membership_decide(request: AuthenticatedHttpRequest, uuid: str, decision: str) -> HttpResponse:
    """Approve or refuse (with a reason) a pending member from the organisation's page."""
    membership = get_object_or_404(Membership.objects.select_related("organisation"), uuid=uuid)
    if not request.user.has_perm("accounts.view_membership", membership):
        raise Http404
    if not request.user.has_perm("accounts.decide_membership", membership):
        raise PermissionDenied
    form = MembershipRefuseForm(request.POST)
    try:
        if decision == "approve":
            services.membership_approve(membership=membership, actor=request.user)
            messages.success(request, _("The membership is approved; the member is told."))
        elif form.is_valid():
            services.membership_refuse(
                membership=membership, actor=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The membership is refused; the member is told why."))
        else:
            messages.error(request, _("Give the reason for refusing: the member is told it."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("accounts:organisation-members", uuid=membership.organisation.uuid)


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form: auth_forms.PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        services.audit_record(event=AuditEvent.PASSWORD_CHANGED, user=form.user, actor=form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def get_user(self, uidb64: str) -> User | None:
        """The account a reset link names by uuid (as verification links do)."""
        return selectors.user_from_link(uidb64=uidb64)

    def form_valid(self, form: auth_forms.SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        services.audit_record(
            event=AuditEvent.PASSWORD_CHANGED, user=form.user, detail={"by": "reset link"}
        )
        return response
