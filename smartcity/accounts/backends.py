"""Programme administrators may do everything, as the policy table says, like superusers."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.db.models import Model
from django.http import HttpRequest

from smartcity.accounts.models import User, Viewer
from smartcity.accounts.roles import Role


class ProgrammeAdminBackend:
    """Grants every permission to active programme administrators; authenticates nobody.

    Deliberately no `get_user`: sessions must stay bound to the backend that authenticated.
    """

    def authenticate(self, request: HttpRequest | None, **credentials: str) -> None:
        return None

    def has_perm(self, user_obj: Viewer, perm: str, obj: Model | None = None) -> bool:
        return (
            isinstance(user_obj, User)
            and user_obj.is_active
            and user_obj.has_role(Role.PROGRAMME_ADMIN)
        )

    def has_module_perms(self, user_obj: Viewer, app_label: str) -> bool:
        return self.has_perm(user_obj, app_label)


class EmailBackend(ModelBackend):
    """Django's sign-in by email and password (case-insensitive: UserManager), without Django's
    model permissions: the portal grants nothing through them (django-rules and the programme
    administrator backend decide), so asking for one reads no permission tables."""

    def get_user_permissions(self, user_obj: Viewer, obj: Model | None = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Viewer, obj: Model | None = None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj: Viewer, obj: Model | None = None) -> set[str]:
        return set()
