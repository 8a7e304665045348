"""The world the permission matrix runs in: two organisations and one user per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mou.models import MOU, DocumentKind, MOUDocument, Status, Visibility
from mou.services import mou_document_add
from smartcity.accounts.models import Membership, MembershipStatus
from smartcity.accounts.roles import Role
from smartcity.files.services import stored_file_create
from smartcity.files.validators import PDF_ONLY
from smartcity.notifications.models import Notification
from smartcity.notifications.services import notify
from tests.factories.accounts import UserFactory
from tests.factories.mou import signed_mou
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
    notification_of_officer_a: Notification
    public_mou: MOU
    internal_mou: MOU
    draft_mou: MOU
    public_document: MOUDocument  # public document of the public MOU
    internal_document: MOUDocument  # internal document of the public MOU
    document_of_internal_mou: MOUDocument  # public document of the internal MOU
    call: Any = None  # an open call with a public guideline
    call_document: Any = None
    draft_of_a: Any = None  # org A's draft
    submitted_of_a: Any = None  # org A's submitted proposal: partner org C, assigned reviewer
    attachment_of_submitted: Any = None
    assignment: Any = None
    conflict_declaration: Any = None  # of the conflicted reviewer, on the submitted proposal


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("plan.pdf", PDF_BYTES, content_type="application/pdf")


def mou_document(mou: MOU, visibility: str = Visibility.PUBLIC) -> MOUDocument:
    return mou_document_add(
        mou=mou, upload=pdf(), actor=None, kind=DocumentKind.ANNEX, visibility=visibility
    )


@pytest.fixture
def world(db) -> World:
    org_a, org_b = OrganisationFactory(), OrganisationFactory()
    users = {
        matrix.PENDING_OFFICER: UserFactory(role=Role.OFFICER),
        matrix.OFFICER_A: UserFactory(role=Role.OFFICER),
        matrix.OFFICER_B: UserFactory(role=Role.OFFICER),
        matrix.REVIEWER: UserFactory(role=Role.REVIEWER),
        matrix.ASSIGNED_REVIEWER: UserFactory(role=Role.REVIEWER),
        matrix.PARTNER_OFFICER: UserFactory(role=Role.OFFICER),
        matrix.COMMITTEE: UserFactory(role=Role.COMMITTEE),
        matrix.ADMIN: UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True),
        matrix.STAFF: UserFactory(is_staff=True),  # no programme role (see matrix.STAFF)
        matrix.CONFLICTED_REVIEWER: UserFactory(role=Role.REVIEWER),
    }
    pending = Membership.objects.create(user=users[matrix.PENDING_OFFICER], organisation=org_a)
    org_c = OrganisationFactory()
    officers = (
        (matrix.OFFICER_A, org_a),
        (matrix.OFFICER_B, org_b),
        (matrix.PARTNER_OFFICER, org_c),
    )
    for role, organisation in officers:
        Membership.objects.create(
            user=users[role], organisation=organisation, status=MembershipStatus.APPROVED
        )
    stored = stored_file_create(upload=pdf(), policy=PDF_ONLY, actor=users[matrix.OFFICER_A])
    (notification,) = notify(
        recipients=[users[matrix.OFFICER_A]],
        event="accounts.membership_approved",
        obj=users[matrix.OFFICER_A],
    )
    public_mou = signed_mou()
    internal_mou = signed_mou(visibility=Visibility.INTERNAL)
    proposals = proposals_world(users, org_a, org_c)
    return World(
        users,
        org_a,
        org_b,
        pending,
        stored,
        notification_of_officer_a=notification,
        public_mou=public_mou,
        internal_mou=internal_mou,
        draft_mou=signed_mou(status=Status.DRAFT),
        public_document=mou_document(public_mou),
        internal_document=mou_document(public_mou, Visibility.INTERNAL),
        document_of_internal_mou=mou_document(internal_mou),
        **proposals,
    )


def proposals_world(users: dict[str, Any], org_a: Any, org_c: Any) -> dict[str, Any]:
    """A call with a guideline; org A's draft, and its submitted proposal naming org C as
    partner, with an attachment and the assigned reviewer."""
    from applications.services.calls import call_document_add
    from applications.services.declarations import declaration_make
    from applications.services.proposals import application_submit, attachment_add
    from tests.factories.applications import (
        AssignmentFactory,
        CallFactory,
        PartnerFactory,
        complete_draft,
    )

    officer = users[matrix.OFFICER_A]
    call = CallFactory()
    document = call_document_add(
        call=call, upload=pdf(), actor=None, kind="guideline", title_th="แนวทาง"
    )
    draft = complete_draft(call=call, lead_org=org_a, contact=officer, area_name="เขตร่าง")
    submitted = complete_draft(call=call, lead_org=org_a, contact=officer, area_name="เขตยื่น")
    PartnerFactory(application=submitted, organisation=org_c)
    attachment = attachment_add(application=submitted, actor=officer, upload=pdf(), kind="other")
    application_submit(application=submitted, actor=officer)
    submitted.refresh_from_db()
    assignment = AssignmentFactory(application=submitted, reviewer=users[matrix.ASSIGNED_REVIEWER])
    AssignmentFactory(application=submitted, reviewer=users[matrix.CONFLICTED_REVIEWER])
    conflict = declaration_make(
        application=submitted,
        reviewer=users[matrix.CONFLICTED_REVIEWER],
        has_conflict=True,
        reason="เคยเป็นที่ปรึกษาของเทศบาล",
    )
    return {
        "call": call,
        "call_document": document,
        "draft_of_a": draft,
        "submitted_of_a": submitted,
        "attachment_of_submitted": attachment,
        "assignment": assignment,
        "conflict_declaration": conflict,
    }
