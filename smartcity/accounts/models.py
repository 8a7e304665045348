from __future__ import annotations

import uuid
from typing import Any, ClassVar, TypeAlias

from django.contrib.auth.models import (
    AbstractBaseUser,
    AnonymousUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.roles import Role
from smartcity.i18n import in_language


class Language(models.TextChoices):
    THAI = "th", _("Thai")
    ENGLISH = "en", _("English")


class UserQuerySet(models.QuerySet["User"]):
    def with_role(self, role: Role) -> UserQuerySet:
        return self.filter(groups__name=role.value, is_active=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        # one account per email whatever its case: "Somchai@X.go.th" is "somchai@x.go.th"
        user: User = self.get(email__iexact=username)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:  # noqa: ANN401
        if not email:
            raise ValueError("An email address is required")
        user: User = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:  # noqa: ANN401
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: municipality officer, depa staff, committee member, administrator."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    title = models.CharField(
        _("title"), max_length=50, blank=True, help_text=_("e.g. นาย, นาง, ดร.")
    )
    first_name_th = models.CharField(_("first name (Thai)"), max_length=150, blank=True)
    last_name_th = models.CharField(_("last name (Thai)"), max_length=150, blank=True)
    first_name_en = models.CharField(_("first name (English)"), max_length=150, blank=True)
    last_name_en = models.CharField(_("last name (English)"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    position = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.THAI
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    home_organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("home organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For staff: the body they work for, e.g. depa or DLA."),
    )
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, help_text=_("Personal data anonymised (PDPA).")
    )
    two_factor_enabled_at = models.DateTimeField(
        _("two-factor sign-in since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Signs in with a code from an authenticator app (or a recovery code)."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = (models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),)

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        """The name in the active language, falling back to the other one."""
        thai = " ".join(p for p in (self.first_name_th, self.last_name_th) if p)
        english = " ".join(p for p in (self.first_name_en, self.last_name_en) if p)
        return in_language(thai, english)

    def get_short_name(self) -> str:
        return self.first_name_th or self.first_name_en or self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        """The user's groups, read once per instance (a page asks for every row's actions);
        a change of groups forgets it (accounts.receivers.on_roles_changed)."""
        return frozenset(self.groups.values_list("name", flat=True)) if self.pk else frozenset()

    def has_role(self, role: Role | str) -> bool:
        return self.is_superuser or role in self.role_names


Viewer: TypeAlias = "User | AnonymousUser"  # request.user: signed in or not


class AuditEvent(models.TextChoices):
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOCKED_OUT = "locked_out", _("Locked out")
    LOGOUT = "logout", _("Logout")
    ROLE_ADDED = "role_added", _("Role added")
    ROLE_REMOVED = "role_removed", _("Role removed")
    EMAIL_VERIFIED = "email_verified", _("Email verified")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    MEMBERSHIP_REQUESTED = "membership_requested", _("Membership requested")
    MEMBERSHIP_APPROVED = "membership_approved", _("Membership approved")
    MEMBERSHIP_REFUSED = "membership_refused", _("Membership refused")
    MEMBERSHIP_INVITED = "membership_invited", _("Invited to an organisation")
    STAFF_INVITED = "staff_invited", _("Staff account created")
    DATA_EXPORTED = "data_exported", _("Personal data exported")
    ACCOUNT_CLOSED = "account_closed", _("Account closed")
    TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-factor sign-in turned on")
    TWO_FACTOR_DISABLED = "two_factor_disabled", _("Two-factor sign-in turned off")
    INTEREST_DECLARED = "interest_declared", _("Conflict of interest declared")


class AuditLogQuerySet(models.QuerySet["AuditLog"]):
    def visible_to(self, user: User) -> AuditLogQuerySet:
        """Programme administrators read the whole log; nobody else reads it here."""
        if user.is_authenticated and (user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN)):
            return self
        return self.none()


class AuditLog(models.Model):
    """One security-relevant event; rows are only ever added (PDPA audit trail)."""

    event = models.CharField(_("event"), max_length=40, choices=AuditEvent.choices)
    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        User,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("username given"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=("event", "-created_at")),)

    def __str__(self) -> str:
        return f"{self.get_event_display()} {self.username or self.user_id}"


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def approved(self) -> MembershipQuerySet:
        return self.filter(status=MembershipStatus.APPROVED)

    def visible_to(self, user: Viewer) -> MembershipQuerySet:
        """Administrators see all; a user sees their own and those of organisations they serve."""
        if not isinstance(user, User):
            return self.none()
        if user.is_superuser or user.has_role(Role.PROGRAMME_ADMIN):
            return self
        served = Membership.objects.filter(user=user, status=MembershipStatus.APPROVED)
        return self.filter(
            models.Q(user=user) | models.Q(organisation__in=served.values("organisation"))
        )


class Membership(models.Model):
    """A person acting for an organisation; pending until an administrator or officer approves."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "municipalities.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    proposes_organisation = models.BooleanField(
        _("proposed the organisation"),
        default=False,
        help_text=_("The organisation was proposed at sign-up; approving verifies it too."),
    )
    juristic_number = models.CharField(
        _("juristic person number"),
        max_length=13,
        blank=True,
        help_text=_("13 digits, for companies proposed at sign-up."),
    )
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ("-created_at", "pk")
        constraints = (
            models.UniqueConstraint(fields=("user", "organisation"), name="membership_unique"),
        )
        indexes = (models.Index(fields=("organisation", "status")),)

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"

    @property
    def is_approved(self) -> bool:
        return self.status == MembershipStatus.APPROVED

    @property
    def is_pending(self) -> bool:
        return self.status == MembershipStatus.PENDING
