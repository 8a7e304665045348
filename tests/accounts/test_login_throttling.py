from __future__ import annotations

import pytest
from django.urls import reverse

from smartcity.accounts.models import AuditEvent, AuditLog
from tests.factories.accounts import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email: str, password: str, ip: str = "203.0.113.7"):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_ten_failures_lock_that_account_from_that_address_only(client):
    target, other = UserFactory(), UserFactory()
    for attempt in range(9):
        email = target.email.upper() if attempt % 2 else target.email  # case does not matter
        assert _login(client, email, "wrong-password").status_code == 200
    tenth = _login(client, target.email, "wrong-password")
    assert tenth.status_code == 429
    assert "ระงับการเข้าสู่ระบบ" in tenth.content.decode()

    # even the right password is refused while locked, with the same Thai message
    locked = _login(client, target.email, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    # another account from the same address still logs in
    assert _login(client, other.email, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)
    client.logout()

    # the same account from another address is not locked
    assert _login(client, target.email, PASSWORD, ip="198.51.100.2").status_code == 302

    failed = AuditLog.objects.filter(event=AuditEvent.LOGIN_FAILED, user=target)
    assert failed.count() == 11  # ten wrong passwords and the refused right one
    assert set(failed.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    assert AuditLog.objects.filter(event=AuditEvent.LOCKED_OUT, username=target.email).exists()
    assert AuditLog.objects.filter(event=AuditEvent.LOGIN, user=other).count() == 1


def test_admin_filters_the_audit_log_by_event(client, programme_admin):
    user = UserFactory()
    _login(client, user.email, "wrong-password")
    client.force_login(programme_admin)
    url = reverse("admin:accounts_auditlog_changelist")
    response = client.get(url, {"event__exact": AuditEvent.LOGIN_FAILED})
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert [row.username for row in rows] == [user.email]


def test_audit_log_is_hidden_from_other_staff(client, reviewer):
    reviewer.is_staff = True  # even if someone ticked the flag by hand
    reviewer.save()
    client.force_login(reviewer)
    assert client.get(reverse("admin:accounts_auditlog_changelist")).status_code == 403
