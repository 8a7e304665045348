from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.roles import Role


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
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:  # noqa: ANN401
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
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
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.THAI
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

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
        from django.utils.translation import get_language

        thai = " ".join(p for p in (self.first_name_th, self.last_name_th) if p)
        english = " ".join(p for p in (self.first_name_en, self.last_name_en) if p)
        first, second = (english, thai) if get_language() == "en" else (thai, english)
        return first or second

    def get_short_name(self) -> str:
        return self.first_name_th or self.first_name_en or self.email

    def has_role(self, role: Role) -> bool:
        return self.is_superuser or any(g.name == role.value for g in self.groups.all())
