"""API tokens and sign-in records are for superusers, not every programme administrator."""

from __future__ import annotations

import pytest
from django.urls import reverse

from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

SECURITY_MODELS = ("authtoken", "axes")


def admin_apps(client, user) -> set[str]:
    client.force_login(user)
    return {app["app_label"] for app in client.get(reverse("admin:index")).context["app_list"]}


def test_programme_administrators_do_not_see_tokens_or_sign_in_records(client):
    administrator = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)

    apps = admin_apps(client, administrator)
    assert "municipalities" in apps
    assert not apps & set(SECURITY_MODELS)
    for url in ("admin:authtoken_tokenproxy_changelist", "admin:axes_accessattempt_changelist"):
        assert client.get(reverse(url)).status_code == 403


def test_superusers_do(client):
    superuser = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True, is_superuser=True)

    assert admin_apps(client, superuser) >= set(SECURITY_MODELS)
    assert client.get(reverse("admin:axes_accesslog_changelist")).status_code == 200


def test_an_empty_recent_actions_box_says_none_rather_than_busy(client):
    client.force_login(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))

    body = client.get(reverse("admin:index")).content.decode()

    assert "ไม่มีรายการ" in body
    assert "ไม่ว่าง" not in body  # Django's Thai for "None available" reads "busy"
