from __future__ import annotations

import pytest
from django.urls import reverse

from smartcity.accounts.models import AuditEvent, AuditLog, Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.accounts.services import membership_invite, membership_refuse
from smartcity.errors import DomainError
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def approved_officer(organisation):
    user = UserFactory(role=Role.OFFICER)
    Membership.objects.create(
        user=user, organisation=organisation, status=MembershipStatus.APPROVED
    )
    return user


def test_visible_to_keeps_each_organisation_to_itself(programme_admin, reviewer):
    org_a, org_b = OrganisationFactory(), OrganisationFactory()
    officer_a, officer_b = approved_officer(org_a), approved_officer(org_b)
    pending = Membership.objects.create(user=UserFactory(), organisation=org_a)

    def seen(user):
        return set(Membership.objects.visible_to(user).values_list("user_id", flat=True))

    assert seen(officer_a) == {officer_a.pk, pending.user_id}
    assert seen(officer_b) == {officer_b.pk}
    assert seen(pending.user) == {pending.user_id}
    assert seen(reviewer) == set()
    assert seen(programme_admin) == {officer_a.pk, officer_b.pk, pending.user_id}


def test_an_approved_officer_invites_a_new_colleague(client):
    organisation = OrganisationFactory()
    officer = approved_officer(organisation)
    client.force_login(officer)
    url = reverse("accounts:organisation-members", kwargs={"uuid": organisation.uuid})
    response = client.post(url, {"email": "Colleague@Example.go.th"})
    assert response.status_code == 302
    colleague = User.objects.get(email="colleague@example.go.th")
    membership = Membership.objects.get(user=colleague)
    assert membership.status == MembershipStatus.APPROVED
    assert membership.invited_by == officer
    assert colleague.has_role(Role.OFFICER)
    assert not colleague.has_usable_password()  # chooses one through the invitation link
    assert AuditLog.objects.filter(event=AuditEvent.MEMBERSHIP_INVITED, actor=officer).exists()


def test_invitation_approves_a_pending_request(programme_admin):
    organisation = OrganisationFactory()
    pending = Membership.objects.create(user=UserFactory(), organisation=organisation)
    membership_invite(
        organisation=organisation,
        email=pending.user.email,
        actor=programme_admin,
    )
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.APPROVED
    assert Membership.objects.count() == 1


def test_a_decision_is_taken_once(programme_admin):
    membership = Membership.objects.create(user=UserFactory(), organisation=OrganisationFactory())
    membership_refuse(membership=membership, actor=programme_admin)
    with pytest.raises(DomainError):
        membership_refuse(membership=membership, actor=programme_admin)
    assert AuditLog.objects.filter(event=AuditEvent.MEMBERSHIP_REFUSED).count() == 1


def test_api_approve_is_allowed_to_a_colleague_but_a_proposed_organisation_to_admins_only(
    api_client, programme_admin
):
    organisation = OrganisationFactory()
    officer = approved_officer(organisation)
    pending = Membership.objects.create(user=UserFactory(), organisation=organisation)
    api_client.force_authenticate(officer)
    assert api_client.get(f"/api/v1/memberships/{pending.uuid}/").status_code == 200
    url = f"/api/v1/memberships/{pending.uuid}/approve/"
    assert api_client.post(url).json()["status"] == "approved"
    assert api_client.post(url).status_code == 409

    organisation.is_verified = False
    organisation.save()
    proposing = Membership.objects.create(
        user=UserFactory(), organisation=organisation, proposes_organisation=True
    )
    url = f"/api/v1/memberships/{proposing.uuid}/approve/"
    assert api_client.post(url).status_code == 403
    api_client.force_authenticate(programme_admin)
    assert api_client.post(url).json()["status"] == "approved"


def test_role_changes_are_audited_and_only_admins_are_staff(programme_admin):
    user = UserFactory()
    from smartcity.accounts.services import user_grant_role

    user_grant_role(user=user, role=Role.PROGRAMME_ADMIN, actor=programme_admin)
    user.refresh_from_db()
    assert user.is_staff
    entry = AuditLog.objects.get(event=AuditEvent.ROLE_ADDED, user=user)
    assert entry.detail == {"role": "programme_admin"}
    user.groups.clear()
    from smartcity.accounts.services import user_sync_staff_flag

    user_sync_staff_flag(user=user)
    assert not user.is_staff


def members_of(organisation):
    return lambda count: [
        Membership.objects.create(user=UserFactory(), organisation=organisation)
        for _ in range(count)
    ]


def test_membership_list_endpoint_queries_do_not_grow(api_client, programme_admin):
    api_client.force_authenticate(programme_admin)
    (body,) = assert_queries_do_not_grow(
        members_of(OrganisationFactory()), lambda: api_client.get("/api/v1/memberships/").json()
    )[-1]
    assert body["count"] == 30
    assert len(body["results"]) == 30


def test_members_page_queries_do_not_grow(client):
    organisation = OrganisationFactory()
    client.force_login(approved_officer(organisation))
    url = reverse("accounts:organisation-members", kwargs={"uuid": organisation.uuid})
    (rows,) = assert_queries_do_not_grow(
        members_of(organisation), lambda: list(client.get(url).context["rows"])
    )[-1]
    assert len(rows) == 30 + 1
    assert sum(can_decide for _membership, can_decide in rows) == 30


def test_dashboard_queries_do_not_grow(client):
    officer = UserFactory(role=Role.OFFICER)
    client.force_login(officer)
    (memberships,) = assert_queries_do_not_grow(
        lambda count: [
            Membership.objects.create(user=officer, organisation=OrganisationFactory())
            for _ in range(count)
        ],
        lambda: list(client.get(reverse("accounts:dashboard")).context["memberships"]),
    )[-1]
    assert len(memberships) == 30


def test_organisation_search_queries_do_not_grow(client):
    url = reverse("accounts:organisation-search")
    (rows,) = assert_queries_do_not_grow(
        lambda count: OrganisationFactory.create_batch(count),
        lambda: list(client.get(url, {"q": "ทดสอบ"}).context["rows"]),
    )[-1]
    assert len(rows) == 10


def test_the_member_list_is_for_approved_members_and_administrators(client, programme_admin):
    organisation = OrganisationFactory()
    member = approved_officer(organisation)
    pending = Membership.objects.create(user=UserFactory(), organisation=organisation).user
    url = reverse("accounts:organisation-members", kwargs={"uuid": organisation.uuid})

    def status(user):
        client.force_login(user)
        return client.get(url).status_code

    assert (status(member), status(programme_admin)) == (200, 200)
    assert status(pending) == 404  # names, job titles and addresses are not theirs to see yet
