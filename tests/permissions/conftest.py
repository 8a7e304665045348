"""The world the permission matrix runs in: two organisations and one user per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from smartcity.accounts.models import Membership, MembershipStatus
from smartcity.accounts.roles import Role
from smartcity.files.services import stored_file_create
from smartcity.files.validators import PDF_ONLY
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory
from tests.permissions import matrix

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    users: dict[str, Any]
    org_a: Any
    org_b: Any
    pending_membership: Membership
    file_of_officer_a: Any


@pytest.fixture
def world(db) -> World:
    org_a, org_b = OrganisationFactory(), OrganisationFactory()
    users = {
        matrix.PENDING_OFFICER: UserFactory(role=Role.OFFICER),
        matrix.OFFICER_A: UserFactory(role=Role.OFFICER),
        matrix.OFFICER_B: UserFactory(role=Role.OFFICER),
        matrix.REVIEWER: UserFactory(role=Role.REVIEWER),
        matrix.COMMITTEE: UserFactory(role=Role.COMMITTEE),
        matrix.ADMIN: UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True),
    }
    pending = Membership.objects.create(user=users[matrix.PENDING_OFFICER], organisation=org_a)
    for role, organisation in ((matrix.OFFICER_A, org_a), (matrix.OFFICER_B, org_b)):
        Membership.objects.create(
            user=users[role], organisation=organisation, status=MembershipStatus.APPROVED
        )
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")
    stored = stored_file_create(upload=upload, policy=PDF_ONLY, actor=users[matrix.OFFICER_A])
    return World(users, org_a, org_b, pending, stored)
