"""Rate limits: password reset and sign-up per address and per client, the API, the token."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from smartcity.accounts.models import User
from smartcity.notifications.models import Notification
from tests.accounts.test_signup_and_profile import signup_payload
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


def limit(settings, name: str) -> int:
    return int(settings.RATE_LIMITS[name].split("/")[0])


def test_password_reset_over_the_address_limit_sends_nothing(client, settings):
    user = UserFactory()
    allowed = limit(settings, "password_reset_address")
    for _ in range(allowed):
        assert (
            client.post(reverse("accounts:password-reset"), {"email": user.email}).status_code
            == 302
        )
    refused = client.post(reverse("accounts:password-reset"), {"email": user.email.upper()})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "ลองใหม่" in refused.content.decode()  # "try again" in Thai, on a page
    assert len(mail.outbox) == allowed  # fifteen requests do not send fifteen e-mails


def test_password_reset_over_the_client_limit_sends_nothing(client, settings):
    allowed = limit(settings, "password_reset_client")
    users = UserFactory.create_batch(allowed + 1)
    answers = [
        client.post(reverse("accounts:password-reset"), {"email": u.email}).status_code
        for u in users
    ]
    assert answers == [302] * allowed + [429]
    assert len(mail.outbox) == allowed
    other_client = client.post(
        reverse("accounts:password-reset"), {"email": users[-1].email}, REMOTE_ADDR="198.51.100.9"
    )
    assert other_client.status_code == 302  # the limit is per client address


def test_signup_is_limited_per_client(client, settings, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    allowed = limit(settings, "signup_client")
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(allowed + 1):
            payload = signup_payload(organisation, email=f"person{n}@example.go.th")
            answers.append(client.post(reverse("accounts:signup"), payload).status_code)
    assert answers == [302] * allowed + [429]
    assert User.objects.count() == allowed
    assert verification_mails() == allowed  # one verification mail queued per account


def test_signup_is_limited_per_address(client, settings):
    organisation = OrganisationFactory()
    allowed = limit(settings, "signup_address")
    answers = []
    for n in range(allowed + 1):  # the address is refused as taken, then no longer even checked
        ip = f"198.51.100.{n + 1}"
        payload = signup_payload(organisation)
        answers.append(client.post(reverse("accounts:signup"), payload, REMOTE_ADDR=ip))
    assert [a.status_code for a in answers] == [302] + [200] * (allowed - 1) + [429]


def test_the_api_answers_429_with_retry_after_past_its_limit(api_client, settings, officer):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api_anon": "3/min", "api_user": "5/min"}
    statuses = [api_client.get("/api/v1/regions/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api_client.get("/api/v1/regions/")
    assert 0 < int(refused["Retry-After"]) <= 60

    api_client.force_authenticate(officer)  # signed-in users have their own, larger limit
    statuses = [api_client.get("/api/v1/regions/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_a_locked_out_token_request_answers_429(api_client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        api_client.post("/api/v1/auth/token/", {"username": user.email, "password": "wrong"})
    locked = api_client.post(
        "/api/v1/auth/token/", {"username": user.email, "password": "correct-horse-battery-staple"}
    )
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert "token" not in locked.json()


def test_the_resend_link_over_its_limit_sends_nothing_and_answers_alike(client, settings):
    waiting = UserFactory(is_active=False).email
    allowed = limit(settings, "verification_resend_address")
    url = reverse("accounts:verification-resend")
    for n in range(allowed):
        client.post(url, {"email": waiting}, REMOTE_ADDR=f"198.51.100.{n + 1}")
    assert verification_mails() == allowed

    def over_limit(email: str):
        for n in range(allowed):
            client.post(url, {"email": email}, REMOTE_ADDR=f"192.0.2.{n + 1}")
        return client.post(url, {"email": email}, REMOTE_ADDR="192.0.2.200")

    refused_known, refused_unknown = over_limit(waiting), over_limit("nobody@example.go.th")
    assert verification_mails() == allowed  # nothing more once the address is past its limit
    assert refused_known.status_code == refused_unknown.status_code == 429
    main = [r.content.decode().split("<main")[1] for r in (refused_known, refused_unknown)]
    assert main[0] == main[1]  # (the page head differs by its CSRF token only)


def verification_mails() -> int:
    """Verification e-mails queued in the outbox (they are sent through notify())."""
    return Notification.objects.filter(event="accounts.verify_email").count()
