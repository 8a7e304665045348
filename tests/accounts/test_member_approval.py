"""Pending members: who is told, who decides where the sign-up page promises, the counters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mou.models import Status
from smartcity.accounts.models import AuditEvent, AuditLog, MembershipStatus
from smartcity.accounts.roles import Role
from smartcity.accounts.services import membership_request, user_verify_email
from smartcity.accounts.tokens import email_verification_token
from smartcity.notifications.models import Notification
from tests.accounts.test_memberships import approved_officer
from tests.factories.accounts import UserFactory
from tests.factories.mou import signed_mou
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


def signed_up(organisation, *, proposes: bool = False):
    """A sign-up as user_signup leaves it: an inactive officer with a pending membership."""
    user = UserFactory(role=Role.OFFICER, is_active=False)
    membership = membership_request(
        user=user, organisation=organisation, proposes_organisation=proposes
    )
    return user, membership


def told(event: str) -> set:
    return set(Notification.objects.filter(event=event).values_list("recipient", flat=True))


def test_verifying_the_address_tells_the_officers_and_administrators(programme_admin):
    organisation = OrganisationFactory()
    colleague, stranger = approved_officer(organisation), approved_officer(OrganisationFactory())
    user, _membership = signed_up(organisation)
    assert not told("accounts.membership_requested")  # an unverified address tells nobody

    assert user_verify_email(user=user, token=email_verification_token.make_token(user))
    assert told("accounts.membership_requested") == {colleague.pk, programme_admin.pk}
    row = Notification.objects.get(recipient=colleague)
    assert row.link == reverse("accounts:organisation-members", args=[organisation.uuid])
    assert organisation.name_th in row.subject
    assert stranger.pk not in told("accounts.membership_requested")


def test_a_proposed_organisation_is_announced_to_administrators_only(programme_admin):
    organisation = OrganisationFactory(is_verified=False)
    approved_officer(organisation)
    user, _membership = signed_up(organisation, proposes=True)
    user_verify_email(user=user, token=email_verification_token.make_token(user))
    assert told("accounts.organisation_proposed") == {programme_admin.pk}
    assert not told("accounts.membership_requested")


@pytest.fixture
def colleague_waits(client):
    """An approved officer, signed in, and a new colleague waiting: (officer, user, membership)."""
    organisation = OrganisationFactory()
    officer = approved_officer(organisation)
    client.force_login(officer)
    return officer, *signed_up(organisation)


def test_an_officer_approves_a_colleague_from_the_members_page(client, colleague_waits):
    officer, user, membership = colleague_waits
    organisation = membership.organisation
    page = reverse("accounts:organisation-members", args=[organisation.uuid])
    approve = reverse("accounts:membership-approve", args=[membership.uuid])
    assert approve in client.get(page).content.decode()

    response = client.post(approve, follow=True)
    assert response.redirect_chain[-1][0] == page
    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == (MembershipStatus.APPROVED, officer)
    assert AuditLog.objects.filter(event=AuditEvent.MEMBERSHIP_APPROVED, actor=officer).exists()
    assert told("accounts.membership_approved") == {user.pk}


def test_a_refusal_needs_a_reason_and_the_member_is_told_it(client, colleague_waits):
    _officer, user, membership = colleague_waits
    refuse = reverse("accounts:membership-refuse", args=[membership.uuid])
    client.post(refuse, {"reason": ""})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING

    client.post(refuse, {"reason": "ไม่ใช่เจ้าหน้าที่ของเทศบาล"})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REFUSED
    notice = Notification.objects.get(event="accounts.membership_refused", recipient=user)
    assert "ไม่ใช่เจ้าหน้าที่ของเทศบาล" in notice.body_text


def test_officers_leave_proposed_organisations_and_other_organisations_alone(
    client, programme_admin
):
    organisation = OrganisationFactory(is_verified=False)
    officer = approved_officer(organisation)
    _user, proposing = signed_up(organisation, proposes=True)
    client.force_login(officer)
    page = client.get(reverse("accounts:organisation-members", args=[organisation.uuid]))
    assert (
        reverse("accounts:membership-approve", args=[proposing.uuid]) not in page.content.decode()
    )
    approve = reverse("accounts:membership-approve", args=[proposing.uuid])
    assert client.post(approve).status_code == 403
    client.force_login(approved_officer(OrganisationFactory()))
    assert client.post(approve).status_code == 404
    client.force_login(programme_admin)
    assert client.post(approve).status_code == 302
    organisation.refresh_from_db()
    assert organisation.is_verified


def test_administrators_see_the_counters_on_the_dashboard_and_admin_index(
    client, programme_admin, officer
):
    signed_up(OrganisationFactory())
    signed_up(OrganisationFactory(is_verified=False), proposes=True)
    today = timezone.localdate()
    signed_mou(status=Status.ACTIVE, effective_until=today + dt.timedelta(days=30))
    signed_mou(status=Status.ACTIVE, effective_until=today + dt.timedelta(days=200))
    client.force_login(programme_admin)
    for url in ("/en/accounts/dashboard/", "/en/admin/"):
        html = " ".join(client.get(url).content.decode().split())
        assert '<strong class="counter-value">2</strong> memberships waiting' in html, url
        assert '<strong class="counter-value">1</strong> proposed organisations' in html, url
        assert '<strong class="counter-value">1</strong> MOUs expiring within 90 days' in html
    client.force_login(officer)
    assert 'id="panel-pending"' not in client.get(reverse("accounts:dashboard")).content.decode()


def test_the_api_refuses_with_a_reason_too(api_client, colleague_waits):
    officer, user, membership = colleague_waits
    api_client.force_authenticate(officer)
    url = f"/api/v1/memberships/{membership.uuid}/refuse/"
    assert api_client.post(url, {"reason": "ไม่ใช่เจ้าหน้าที่"}).json()["status"] == "refused"
    notice = Notification.objects.get(event="accounts.membership_refused", recipient=user)
    assert "ไม่ใช่เจ้าหน้าที่" in notice.body_text
