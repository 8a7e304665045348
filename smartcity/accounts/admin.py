from __future__ import annotations

from typing import Any, Protocol, TypeVar

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Model, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from smartcity.accounts import services
from smartcity.accounts.forms import StaffInviteForm
from smartcity.accounts.models import AuditLog, Membership, User
from smartcity.errors import DomainError
from smartcity.http import signed_in_user

_M = TypeVar("_M", bound=Model)

# devices change only through accounts.services (two_factor_enable / two_factor_disable), which
# keep User.two_factor_enabled_at true: not by hand in the admin
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


class Decision(Protocol):
    def __call__(self, *, membership: Membership, actor: User) -> object: ...


def _admin_ordered(
    model_admin: admin.ModelAdmin[_M], request: HttpRequest, rows: QuerySet[_M]
) -> QuerySet[_M]:
    """Rows as ModelAdmin.get_queryset() would give them: in the admin's ordering."""
    ordering = model_admin.get_ordering(request)
    return rows.order_by(*ordering) if ordering else rows


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    ordering = ("email",)
    list_display = ("email", "first_name_th", "last_name_th", "language", "is_staff", "is_active")
    list_filter = ("is_staff", "is_active", "groups", "language")
    search_fields = ("email", "first_name_th", "last_name_th", "first_name_en", "last_name_en")
    raw_id_fields = ("home_organisation",)
    readonly_fields = (
        "uuid",
        "last_login",
        "date_joined",
        "email_verified_at",
        "two_factor_enabled_at",
        "closed_at",
    )
    actions = ("two_factor_turn_off",)
    fieldsets = (
        (None, {"fields": ("uuid", "email", "password")}),
        (
            _("Personal info"),
            {
                "fields": (
                    "title",
                    ("first_name_th", "last_name_th"),
                    ("first_name_en", "last_name_en"),
                    "position",
                    "phone",
                    "language",
                )
            },
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_superuser", "groups", "home_organisation")},
        ),
        (
            _("Important dates"),
            {
                "fields": (
                    "last_login",
                    "date_joined",
                    "email_verified_at",
                    "two_factor_enabled_at",
                    "closed_at",
                )
            },
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm[User],
        formsets: list[BaseInlineFormSet[Any, User, Any]],
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        services.user_sync_staff_flag(user=form.instance)  # is_staff follows the admin role

    @admin.action(description=_("Turn two-factor sign-in off (lost phone)"))
    def two_factor_turn_off(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset.exclude(two_factor_enabled_at=None):
            services.two_factor_disable(user=user, actor=signed_in_user(request))

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "invite-staff/",
                self.admin_site.admin_view(self.invite_staff),
                name="accounts_user_invite_staff",
            )
        ]
        return extra + super().get_urls()

    def invite_staff(self, request: HttpRequest) -> HttpResponse:
        """Create a reviewer, committee or administrator account and send a set-password link."""
        if not request.user.has_perm("accounts.invite_staff"):
            return redirect("admin:index")
        form = StaffInviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                user = services.staff_invite(**form.cleaned_data, actor=signed_in_user(request))
            except DomainError as error:
                form.add_error("email", error.message)
            else:
                sent = _("Invitation sent to %(email)s.") % {"email": user.email}
                self.message_user(request, sent, messages.SUCCESS)
                return redirect("admin:accounts_user_changelist")
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": _("Invite a staff member"),
            "opts": self.model._meta,
        }
        return render(request, "admin/accounts/invite_staff.html", context)


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin[AuditLog]):
    list_display = ("created_at", "event", "username", "user", "actor", "ip_address")
    list_filter = ("event", ("created_at", admin.DateFieldListFilter))
    search_fields = ("username", "ip_address", "user__email")
    list_select_related = ("user", "actor")
    date_hierarchy = "created_at"
    readonly_fields = ("event", "user", "actor", "username", "ip_address", "detail", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditLog]:
        return _admin_ordered(self, request, AuditLog.objects.visible_to(signed_in_user(request)))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return request.user.has_perm("accounts.view_auditlog")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("accounts.view_auditlog")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = (
        "user",
        "organisation",
        "status",
        "proposes_organisation",
        "organisation_verified",
        "created_at",
        "decided_by",
    )
    list_filter = ("status", "proposes_organisation", "organisation__is_verified")
    search_fields = (
        "user__email",
        "user__first_name_th",
        "organisation__name_th",
        "organisation__name_en",
        "organisation__dla_code",
    )
    list_select_related = ("user", "organisation", "decided_by")
    raw_id_fields = ("user", "organisation", "invited_by")
    readonly_fields = ("uuid", "status", "decided_by", "decided_at", "created_at")
    actions = ("approve", "refuse")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        rows = Membership.objects.visible_to(signed_in_user(request))
        return _admin_ordered(self, request, rows)

    @admin.display(boolean=True, description=_("organisation verified"))
    def organisation_verified(self, membership: Membership) -> bool:
        return membership.organisation.is_verified

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[Membership], decide: Decision
    ) -> None:
        done, actor = 0, signed_in_user(request)
        for membership in queryset:
            try:
                decide(membership=membership, actor=actor)
                done += 1
            except DomainError as error:
                self.message_user(request, f"{membership}: {error.message}", messages.WARNING)
        self.message_user(request, _("%(count)d memberships decided.") % {"count": done})

    @admin.action(description=_("Approve the memberships (and proposed organisations)"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, services.membership_approve)

    @admin.action(description=_("Refuse the memberships"))
    def refuse(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, services.membership_refuse)
