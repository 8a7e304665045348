"""Two-factor sign-in: TOTP and recovery codes, required for staff by the policy setting."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from smartcity.accounts.models import AuditEvent, AuditLog
from smartcity.accounts.roles import Role
from smartcity.accounts.services import two_factor_device, two_factor_enable
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
ADMIN_PAGE = "/admin/mou/mou/"


def code_of(device: TOTPDevice, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += steps_ahead * device.step
    return f"{totp.token():06d}"


@pytest.fixture
def enrolled_admin(db):
    """A programme administrator with an authenticator app; returns (user, device, codes)."""
    user = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    device = two_factor_device(user=user)
    codes = two_factor_enable(user=user, device=device, code=code_of(device))
    return user, device, codes


def password_step(client, user, next_url=ADMIN_PAGE):
    return client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD, "next": next_url}
    )


def test_the_password_alone_does_not_reach_the_admin(client, enrolled_admin):
    user, _device, _codes = enrolled_admin
    response = password_step(client, user)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login-code"))
    assert "_auth_user_id" not in client.session
    admin = client.get(ADMIN_PAGE, follow=True)
    assert admin.redirect_chain[-1][0].startswith(reverse("accounts:login"))  # ours, with its code


def test_a_valid_code_reaches_the_admin(client, enrolled_admin):
    user, device, _codes = enrolled_admin
    password_step(client, user)
    url = reverse("accounts:login-code") + f"?next={ADMIN_PAGE}"
    response = client.post(url, {"code": code_of(device, steps_ahead=1), "next": ADMIN_PAGE})
    assert (response.status_code, response["Location"]) == (302, ADMIN_PAGE)
    assert client.get(ADMIN_PAGE).status_code == 200
    assert AuditLog.objects.filter(event=AuditEvent.LOGIN, user=user).count() == 1


def test_a_recovery_code_works_once(client, enrolled_admin):
    user, _device, codes = enrolled_admin
    for expected in (302, 200):  # the second time the same code is refused
        client.logout()
        password_step(client, user)
        response = client.post(reverse("accounts:login-code"), {"code": codes[0]})
        assert response.status_code == expected


def test_wrong_codes_are_audited_and_lock_the_account_out(client, enrolled_admin, settings):
    user, _device, _codes = enrolled_admin
    password_step(client, user)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = client.post(reverse("accounts:login-code"), {"code": "000000"})
        assert wrong.status_code == 200
    locked = client.post(reverse("accounts:login-code"), {"code": "000000"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # even the right password and code are refused while locked
    assert password_step(client, user).status_code == 429
    failed = AuditLog.objects.filter(event=AuditEvent.LOGIN_FAILED, user=user)
    assert failed.count() >= settings.AXES_FAILURE_LIMIT
    assert AuditLog.objects.filter(event=AuditEvent.LOCKED_OUT, username=user.email).exists()


def test_a_session_that_skipped_the_code_is_logged_out(client, enrolled_admin):
    user, _device, _codes = enrolled_admin
    client.force_login(user)  # as a session from before two-factor was turned on would be
    assert client.get(ADMIN_PAGE).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_policy_sends_staff_to_set_it_up_and_officers_may_opt_in(client, settings, officer):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["programme_admin", "reviewer"]
    reviewer = UserFactory(role=Role.REVIEWER)
    client.force_login(reviewer)
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-setup"))
    bell = client.get(reverse("notifications:bell"), headers={"HX-Request": "true"})
    assert (bell.status_code, bell.content) == (204, b"")  # no page swapped into the navbar

    setup = client.get(reverse("accounts:two-factor-setup"))
    assert "<svg" in setup.content.decode()  # the QR code, inline: no third-party image
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    done = client.post(reverse("accounts:two-factor-setup"), {"code": code_of(device)})
    assert len(done.context["codes"]) == 10
    assert client.get(reverse("accounts:dashboard")).status_code == 200  # verified session
    assert AuditLog.objects.filter(event=AuditEvent.TWO_FACTOR_ENABLED, user=reviewer).exists()

    client.force_login(officer)
    assert client.get(reverse("accounts:dashboard")).status_code == 200  # not required
    assert client.get(reverse("accounts:two-factor-setup")).status_code == 200  # but offered


def test_an_api_token_needs_the_code_too(api_client, enrolled_admin):
    user, device, _codes = enrolled_admin
    credentials = {"username": user.email, "password": PASSWORD}
    refused = api_client.post("/api/v1/auth/token/", credentials)
    assert refused.status_code == 400
    assert "token" not in refused.json()
    granted = api_client.post(
        "/api/v1/auth/token/", {**credentials, "otp_token": code_of(device, steps_ahead=1)}
    )
    assert granted.status_code == 200
    assert granted.json()["token"]


def test_staff_the_policy_covers_get_no_token_before_they_set_up_two_factor(api_client, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["reviewer"]
    credentials = {"username": UserFactory(role=Role.REVIEWER).email, "password": PASSWORD}
    refused = api_client.post("/api/v1/auth/token/", credentials)
    assert refused.status_code == 403
    assert "token" not in refused.json()
    officer = {"username": UserFactory(role=Role.OFFICER).email, "password": PASSWORD}
    assert api_client.post("/api/v1/auth/token/", officer).status_code == 200  # not in the policy
