from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_stubs_ext import StrOrPromise

from smartcity.accounts import views
from smartcity.accounts.forms import PasswordResetForm
from smartcity.throttling import rate_limited

app_name = "accounts"


def _page(
    view: type[View[Any]],
    title: StrOrPromise,
    *,
    message: StrOrPromise | None = None,
    extra_context: dict[str, Any] | None = None,
    **kwargs: Any,  # noqa: ANN401 - the view's own attributes, as as_view() takes them
) -> Callable[..., HttpResponse]:
    """One of Django's auth views rendered in the shared form page, or with a message only in
    the shared message page."""
    return view.as_view(
        template_name="accounts/form_page.html"
        if message is None
        else "accounts/message_page.html",
        extra_context={"title": title, "message": message, **(extra_context or {})},
        **kwargs,
    )


password_reset = rate_limited("password_reset", address_field="email")(
    _page(
        auth_views.PasswordResetView,
        _("Reset password"),
        form_class=PasswordResetForm,
        email_template_name="accounts/email/password_reset_body.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password-reset-done"),
        extra_context={
            "intro": _(
                "Enter your email address; we will send you a link to choose a new password."
            )
        },
    )
)

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/code/", views.login_code, name="login-code"),
    path("two-factor/", views.two_factor_setup, name="two-factor-setup"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("signup/done/", views.signup_done, name="signup-done"),
    path("verify/<str:uidb64>/<str:token>/", views.verify_email, name="verify-email"),
    path("verify/resend/", views.verification_resend, name="verification-resend"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("organisations/search/", views.organisation_search, name="organisation-search"),
    path(
        "organisations/<uuid:uuid>/members/",
        views.organisation_members,
        name="organisation-members",
    ),
    path(
        "memberships/<uuid:uuid>/approve/",
        views.membership_decide,
        {"decision": "approve"},
        name="membership-approve",
    ),
    path(
        "memberships/<uuid:uuid>/refuse/",
        views.membership_decide,
        {"decision": "refuse"},
        name="membership-refuse",
    ),
    path("profile/", views.profile, name="profile"),
    path("profile/export/", views.personal_data_export, name="profile-export"),
    path("profile/close/", views.account_close, name="profile-close"),
    path(
        "password/change/",
        _page(
            views.PasswordChangeView,
            _("Change password"),
            success_url=reverse_lazy("accounts:password-change-done"),
        ),
        name="password-change",
    ),
    path(
        "password/change/done/",
        _page(
            auth_views.PasswordChangeDoneView,
            _("Password changed"),
            message=_("Your password has been changed."),
        ),
        name="password-change-done",
    ),
    path("password/reset/", password_reset, name="password-reset"),
    path(
        "password/reset/sent/",
        _page(
            auth_views.PasswordResetDoneView,
            _("Check your email"),
            message=_(
                "If an account uses that address, a link to choose a new password is on its way."
            ),
        ),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        _page(
            views.PasswordResetConfirmView,
            _("Choose a new password"),
            success_url=reverse_lazy("accounts:password-reset-complete"),
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        _page(
            auth_views.PasswordResetCompleteView,
            _("Password set"),
            message=_("Your new password is set. You can log in now."),
        ),
        name="password-reset-complete",
    ),
]
