from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from smartcity.accounts import services
from smartcity.accounts.models import AuditEvent, AuditLog, Membership, User
from smartcity.accounts.roles import Role
from smartcity.notifications.models import Notification
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


def announced() -> list[Notification]:
    """The outbox rows accounts wrote through notify(), oldest first."""
    return list(Notification.objects.select_related("recipient").order_by("pk"))


def test_admin_invites_a_reviewer_from_the_admin(client, programme_admin):
    client.force_login(programme_admin)
    url = reverse("admin:accounts_user_invite_staff")
    response = client.post(url, {"email": "Reviewer@depa.or.th", "role": Role.REVIEWER})
    assert response.status_code == 302
    reviewer = User.objects.get(email="reviewer@depa.or.th")
    assert reviewer.has_role(Role.REVIEWER)
    assert not reviewer.is_staff  # only programme administrators enter the Django admin
    assert not reviewer.has_usable_password()
    assert AuditLog.objects.filter(event=AuditEvent.STAFF_INVITED, actor=programme_admin).exists()
    [row] = announced()
    assert row.event == "accounts.staff_account_created"
    assert row.recipient == reviewer
    assert f"/accounts/password/reset/{services.user_link_id(reviewer)}/" in row.link
    assert row.link in row.body_text  # the set-password link is the email's action


def test_officers_are_not_invited_as_staff(client, programme_admin):
    client.force_login(programme_admin)
    url = reverse("admin:accounts_user_invite_staff")
    response = client.post(url, {"email": "x@example.go.th", "role": Role.OFFICER})
    assert response.status_code == 200
    assert not User.objects.filter(email="x@example.go.th").exists()


def test_membership_decisions_and_invitations_are_announced(programme_admin):
    organisation = OrganisationFactory()
    first = Membership.objects.create(user=UserFactory(), organisation=organisation)
    second = Membership.objects.create(user=UserFactory(), organisation=organisation)
    services.membership_approve(membership=first, actor=programme_admin)
    services.membership_refuse(membership=second, actor=programme_admin)
    services.membership_invite(
        organisation=organisation,
        email="new@example.go.th",
        actor=programme_admin,
    )
    rows = announced()
    assert [row.event for row in rows] == [
        "accounts.membership_approved",
        "accounts.membership_refused",
        "accounts.invitation",
    ]
    assert [row.recipient for row in rows[:2]] == [first.user, second.user]
    assert organisation.name_th in rows[0].body_text
    assert "/accounts/password/reset/" in rows[2].link


def test_password_reset_then_change(client):
    user = UserFactory()
    client.post(reverse("accounts:password-reset"), {"email": user.email.upper()})
    assert len(mail.outbox) == 1
    path = re.search(r"http://testserver(/\S+/)", mail.outbox[0].body).group(1)
    assert services.user_link_id(user) in path  # the account by uuid, not by its sequential id
    form_page = client.get(path, follow=True)
    new = "another-long-secret-2026"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)

    client.force_login(user)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": new, "new_password1": PASSWORD + "!", "new_password2": PASSWORD + "!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD + "!")
    assert AuditLog.objects.filter(event=AuditEvent.PASSWORD_CHANGED, user=user).count() == 2


def test_a_reset_link_by_sequential_id_finds_no_account(client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.http import urlsafe_base64_encode

    user = UserFactory()
    token = default_token_generator.make_token(user)
    by_pk = urlsafe_base64_encode(str(user.pk).encode())
    response = client.get(f"/accounts/password/reset/{by_pk}/{token}/", follow=True)
    assert not response.context["validlink"]
