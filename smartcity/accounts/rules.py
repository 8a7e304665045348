"""Who may do what with accounts and memberships; the role predicates other apps reuse."""

from __future__ import annotations

import rules

from smartcity.accounts.roles import Role


def _has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role.value}")
    def check(user: object) -> bool:
        return bool(getattr(user, "is_authenticated", False)) and user.has_role(role)

    return check


is_officer = _has_role(Role.OFFICER)
is_reviewer = _has_role(Role.REVIEWER)
is_committee = _has_role(Role.COMMITTEE)
is_programme_admin = _has_role(Role.PROGRAMME_ADMIN)

rules.add_perm("accounts.view_auditlog", is_programme_admin)
rules.add_perm("accounts.invite_staff", is_programme_admin)
