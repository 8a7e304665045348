"""Programme administrators may do everything, as the policy table says, like superusers."""

from __future__ import annotations

from smartcity.accounts.roles import Role


class ProgrammeAdminBackend:
    """Grants every permission to active programme administrators; authenticates nobody.

    Deliberately no `get_user`: sessions must stay bound to the backend that authenticated.
    """

    def authenticate(self, request: object, **credentials: object) -> None:
        return None

    def has_perm(self, user_obj: object, perm: str, obj: object = None) -> bool:
        return bool(getattr(user_obj, "is_active", False)) and user_obj.has_role(
            Role.PROGRAMME_ADMIN
        )

    def has_module_perms(self, user_obj: object, app_label: str) -> bool:
        return self.has_perm(user_obj, app_label)
