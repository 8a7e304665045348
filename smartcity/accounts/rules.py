"""Who may do what with accounts and memberships; the role predicates other apps reuse."""

from __future__ import annotations

import rules

from municipalities.models import Organisation
from smartcity.accounts.models import Membership, User, Viewer
from smartcity.accounts.roles import Role


def _has_role(role: Role) -> rules.Predicate:
    def check(user: Viewer) -> bool:
        return isinstance(user, User) and user.has_role(role)

    return rules.Predicate(check, name=f"has_role_{role.value}")


is_officer = _has_role(Role.OFFICER)
is_reviewer = _has_role(Role.REVIEWER)
is_committee = _has_role(Role.COMMITTEE)
is_programme_admin = _has_role(Role.PROGRAMME_ADMIN)

rules.add_perm("accounts.view_auditlog", is_programme_admin)
rules.add_perm("accounts.invite_staff", is_programme_admin)
# organisations proposed at sign-up, before anyone verified them (OrganisationQuerySet.visible_to)
rules.add_perm("municipalities.view_proposed_organisation", is_programme_admin)


@rules.predicate
def is_approved_officer_of(user: Viewer, organisation: Organisation | None) -> bool:
    """The user is an approved member of the organisation."""
    if not isinstance(user, User) or organisation is None:
        return False
    return Membership.objects.approved().filter(user=user, organisation=organisation).exists()


@rules.predicate
def serves_membership_organisation(user: Viewer, membership: Membership | None) -> bool:
    return membership is not None and bool(is_approved_officer_of(user, membership.organisation))


@rules.predicate
def is_own_membership(user: Viewer, membership: Membership | None) -> bool:
    return membership is not None and membership.user_id == user.pk


# names, job titles and addresses: for approved members only, not for a pending request
rules.add_perm("accounts.view_members", is_programme_admin | is_approved_officer_of)
rules.add_perm("accounts.invite_member", is_programme_admin | is_approved_officer_of)
rules.add_perm(
    "accounts.view_membership",
    is_programme_admin | is_own_membership | serves_membership_organisation,
)


@rules.predicate
def proposes_unverified_organisation(user: Viewer, membership: Membership | None) -> bool:
    """The membership brings an organisation new to the registry: administrators decide it."""
    return membership is not None and (
        membership.proposes_organisation and not membership.organisation.is_verified
    )


rules.add_perm(
    "accounts.decide_membership",
    is_programme_admin | (serves_membership_organisation & ~proposes_unverified_organisation),
)
