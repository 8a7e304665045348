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


@rules.predicate
def is_approved_officer_of(user: object, organisation: object) -> bool:
    """The user is an approved member of the organisation."""
    from smartcity.accounts.models import Membership

    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    return Membership.objects.approved().filter(user=user, organisation=organisation).exists()


@rules.predicate
def has_asked_to_join(user: object, organisation: object) -> bool:
    """The user is an approved or still pending member of the organisation."""
    from smartcity.accounts.models import Membership, MembershipStatus

    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    return (
        Membership.objects.filter(user=user, organisation=organisation)
        .exclude(status=MembershipStatus.REFUSED)
        .exists()
    )


@rules.predicate
def serves_membership_organisation(user: object, membership: object) -> bool:
    return membership is not None and is_approved_officer_of(user, membership.organisation)


@rules.predicate
def is_own_membership(user: object, membership: object) -> bool:
    return membership is not None and membership.user_id == getattr(user, "pk", None)


rules.add_perm("accounts.view_members", is_programme_admin | has_asked_to_join)
rules.add_perm("accounts.invite_member", is_programme_admin | is_approved_officer_of)
rules.add_perm(
    "accounts.view_membership",
    is_programme_admin | is_own_membership | serves_membership_organisation,
)


@rules.predicate
def proposes_unverified_organisation(user: object, membership: object) -> bool:
    """The membership brings an organisation new to the registry: administrators decide it."""
    return membership is not None and (
        membership.proposes_organisation and not membership.organisation.is_verified
    )


rules.add_perm(
    "accounts.decide_membership",
    is_programme_admin | (serves_membership_organisation & ~proposes_unverified_organisation),
)
