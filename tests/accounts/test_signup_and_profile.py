from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from municipalities.models import Province
from smartcity.accounts.models import AuditEvent, AuditLog, Membership, MembershipStatus, User
from smartcity.notifications.models import Notification
from smartcity.notifications.services import notification_send
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "นาย",
    "first_name_th": "สมชาย",
    "last_name_th": "ใจดี",
    "first_name_en": "Somchai",
    "last_name_en": "Jaidee",
    "email": "Somchai@Example.ac.th",
    "phone": "081-234-5678",
    "position": "นักวิชาการคอมพิวเตอร์",
    "password1": "smart-city-yala-2026",
    "password2": "smart-city-yala-2026",
    "privacy_accepted": "on",
}


UNIVERSITY = {
    "propose_organisation": "on",
    "new_org_kind": "university",
    "new_org_name_th": "มหาวิทยาลัยเมืองอัจฉริยะ",
    "new_org_name_en": "Smart City University",
    "new_org_province": "95",
}


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


def signup_payload(organisation=None, **changes: str) -> dict:
    chosen = {"organisation": str(organisation.uuid)} if organisation else UNIVERSITY
    return {**GOOD, **chosen, **changes}


def test_signup_sends_a_link_that_activates_the_account(
    client, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), signup_payload(organisation))
    assert response.status_code == 302
    user = User.objects.get(email="somchai@example.ac.th")
    assert not user.is_active
    assert user.phone == "0812345678"
    assert user.has_role("officer")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.status) == (organisation, MembershipStatus.PENDING)
    (row,) = Notification.objects.filter(recipient=user, event="accounts.verify_email")
    assert notification_send(notification_id=row.pk)  # what the worker does after commit
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    path = re.search(r"https?://\S+(/accounts/verify/\S+/)", mail.outbox[0].body).group(1)

    assert client.get(path).context["verified"] is True
    user.refresh_from_db()
    assert user.is_active
    assert user.email_verified_at is not None
    assert client.get(path).context["verified"] is False  # one use only
    login = {"username": "somchai@example.ac.th", "password": GOOD["password1"]}
    assert client.post(reverse("accounts:login"), login).status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-email"), ("password1", "12345678"), ("phone", "12345")],
)
def test_bad_input_is_explained_next_to_the_field_and_the_rest_kept(
    client, organisation, field, value
):
    changes = {field: value}
    if field == "password1":
        changes["password2"] = value
    response = client.post(reverse("accounts:signup"), signup_payload(organisation, **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    assert 'value="นักวิชาการคอมพิวเตอร์"' in html  # everything else stays typed
    assert f'value="{organisation.uuid}" checked' in html  # and the chosen organisation
    assert not User.objects.exists()


def test_duplicate_email_is_refused(client, organisation):
    UserFactory(email="somchai@example.ac.th")
    response = client.post(reverse("accounts:signup"), signup_payload(organisation))
    assert list(response.context["form"].errors) == ["email"]


def test_proposing_an_unlisted_university_creates_it_unverified(client, programme_admin):
    assert client.post(reverse("accounts:signup"), signup_payload()).status_code == 302
    membership = Membership.objects.select_related("organisation").get()
    university = membership.organisation
    assert (university.name_th, university.kind, university.province.code) == (
        "มหาวิทยาลัยเมืองอัจฉริยะ",
        "university",
        "95",
    )
    assert not university.is_verified
    assert membership.proposes_organisation

    from smartcity.accounts.services import membership_approve

    membership_approve(membership=membership, actor=programme_admin)
    university.refresh_from_db()
    membership.refresh_from_db()
    assert university.is_verified
    assert membership.status == MembershipStatus.APPROVED
    assert AuditLog.objects.filter(
        event=AuditEvent.MEMBERSHIP_APPROVED, actor=programme_admin, user=membership.user
    ).exists()


def test_duplicate_organisation_is_refused_next_to_its_name(client):
    yala = Province.objects.get(code="95")
    OrganisationFactory(name_th="มหาวิทยาลัยเมืองอัจฉริยะ", province=yala, kind="university")
    response = client.post(
        reverse("accounts:signup"), signup_payload(new_org_name_th="มหาวิทยาลัยเมืองอัจฉริยะ ")
    )
    form = response.context["form"]
    assert list(form.errors) == ["new_org_name_th"]
    html = response.content.decode()
    assert 'id="id_new_org_name_th-error"' in html
    assert 'value="Smart City University"' in html
    assert not User.objects.exists()


def test_company_needs_a_juristic_number(client):
    response = client.post(
        reverse("accounts:signup"), signup_payload(new_org_kind="private_company")
    )
    assert list(response.context["form"].errors) == ["new_org_juristic_number"]


def test_profile_update_normalises_phone(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name_th": "สมหญิง",
            "last_name_th": "ใจดี",
            "phone": "+66 2 123 4567",
            "position": "ผู้อำนวยการกอง",
            "language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name_th, user.phone, user.language) == ("สมหญิง", "021234567", "en")


def test_personal_data_export_holds_only_the_users_data(client, programme_admin):
    user = UserFactory(phone="0812345678", position="วิศวกร")
    other = UserFactory(phone="0899999999", position="ผู้อำนวยการ")
    for person in (user, other):
        client.post(reverse("accounts:login"), {"username": person.email, "password": PASSWORD})
    client.force_login(user)

    response = client.get(reverse("accounts:profile-export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == user.email
    assert data["profile"]["phone"] == "0812345678"
    assert {e["event"] for e in data["audit_log"]} == {AuditEvent.LOGIN}
    assert len(data["audit_log"]) == 2  # the form login and the test's force_login
    text = response.content.decode()
    for foreign in (
        other.email,
        other.phone,
        other.first_name_th,
        str(other.uuid),
        programme_admin.email,
    ):
        assert foreign not in text
    assert AuditLog.objects.filter(event=AuditEvent.DATA_EXPORTED, user=user).exists()


def test_closing_the_account_anonymises_and_keeps_the_row(client):
    user = UserFactory(phone="0812345678")
    client.force_login(user)
    assert client.post(reverse("accounts:profile-close"), {"password": "wrong"}).status_code == 200
    response = client.post(reverse("accounts:profile-close"), {"password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.closed_at
    assert not user.is_active
    assert not user.has_usable_password()
    assert (user.first_name_th, user.phone) == ("", "")
    assert user.email.endswith("@closed.invalid")
    assert AuditLog.objects.filter(event=AuditEvent.ACCOUNT_CLOSED, user=user).exists()
    assert "_auth_user_id" not in client.session


def test_token_and_me(api_client):
    user = UserFactory(role="officer")
    assert api_client.get("/api/v1/me/").status_code == 401
    assert "Token" in api_client.get("/api/v1/me/")["WWW-Authenticate"]
    response = api_client.post(
        "/api/v1/auth/token/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {response.data['token']}")
    me = api_client.get("/api/v1/me/").json()
    assert me["email"] == user.email
    assert me["roles"] == ["officer"]
    assert me["memberships"] == []
    membership = Membership.objects.create(user=user, organisation=OrganisationFactory())
    me = api_client.get("/api/v1/me/").json()
    assert me["memberships"][0]["uuid"] == str(membership.uuid)
    assert me["memberships"][0]["status"] == "pending"
