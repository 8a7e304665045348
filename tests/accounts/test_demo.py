from __future__ import annotations

import pytest

from smartcity.accounts import demo
from smartcity.accounts.models import Membership, User
from smartcity.accounts.roles import Role
from tests.factories.municipalities import PILOT_CODES, registry_load

pytestmark = pytest.mark.django_db


def test_demo_accounts_for_every_pilot_and_role_once():
    registry_load(PILOT_CODES)
    lines = demo.load()
    assert demo.load() == lines  # idempotent
    assert len(lines) == 1 + 3 + 12
    approved = Membership.objects.approved().select_related("organisation")
    assert sorted(m.organisation.dla_code for m in approved) == sorted(PILOT_CODES)
    assert User.objects.with_role(Role.REVIEWER).count() == 2
    assert User.objects.with_role(Role.COMMITTEE).count() == 1
    admin = User.objects.get(email="admin@demo.smartcity.local")
    assert admin.is_staff
    assert len({line.split(": ")[1] for line in lines}) == len(lines)  # distinct logins
