"""'Send the verification link again': a new link for a waiting account, the same answer for all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from smartcity.notifications.models import Notification
from tests.accounts.test_signup_and_profile import signup_payload
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db
RESEND = "/accounts/verify/resend/"


def links() -> list[str]:
    return list(
        Notification.objects.filter(event="accounts.verify_email")
        .order_by("pk")
        .values_list("link", flat=True)
    )


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_a_new_link_activates_the_account(client):
    client.post(reverse("accounts:signup"), signup_payload(OrganisationFactory()))
    assert len(links()) == 1
    answer = client.post(RESEND, {"email": "SOMCHAI@example.ac.th"})
    assert answer.status_code == 200
    assert len(links()) == 2  # sent again
    assert client.get(links()[-1]).context["verified"] is True


def test_the_answer_is_the_same_whether_or_not_the_address_waits(client):
    active = UserFactory()
    client.post(reverse("accounts:signup"), signup_payload(OrganisationFactory()))
    answers = [
        main(client.post(RESEND, {"email": email}).content.decode())
        for email in ("somchai@example.ac.th", active.email, "nobody@example.go.th")
    ]
    assert answers[0] == answers[1] == answers[2]
    assert len(links()) == 2  # the sign-up's and the waiting account's; none for the others


def test_the_login_page_and_the_taken_address_error_offer_it(client):
    assert RESEND in client.get(reverse("accounts:login")).content.decode()
    UserFactory(email="somchai@example.ac.th")
    html = client.post(reverse("accounts:signup"), signup_payload()).content.decode()
    assert 'id="email-taken-links"' in html
    for url in (reverse("accounts:login"), reverse("accounts:password-reset"), RESEND):
        assert f'href="{url}' in html
    assert 'id="error-summary"' in html
    assert f"{RESEND}?email=Somchai%40Example.ac.th" in html  # the resend form is filled in
