from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from smartcity.accounts import views

app_name = "accounts"


def _page(view: type, title: str, **kwargs: object) -> object:
    """One of Django's auth views rendered in the shared form page."""
    return view.as_view(
        template_name=kwargs.pop("template_name", "accounts/form_page.html"),
        extra_context={"title": title, **kwargs.pop("extra_context", {})},
        **kwargs,
    )


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
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
            template_name="accounts/message_page.html",
            extra_context={"message": _("Your password has been changed.")},
        ),
        name="password-change-done",
    ),
    path(
        "password/reset/",
        _page(
            auth_views.PasswordResetView,
            _("Reset password"),
            email_template_name="accounts/email/password_reset_body.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password-reset-done"),
            extra_context={
                "intro": _(
                    "Enter your email address; we will send you a link to choose a new password."
                )
            },
        ),
        name="password-reset",
    ),
    path(
        "password/reset/sent/",
        _page(
            auth_views.PasswordResetDoneView,
            _("Check your email"),
            template_name="accounts/message_page.html",
            extra_context={
                "message": _(
                    "If an account uses that address, a link to choose a "
                    "new password is on its way."
                )
            },
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
            template_name="accounts/message_page.html",
            extra_context={"message": _("Your new password is set. You can log in now.")},
        ),
        name="password-reset-complete",
    ),
]
