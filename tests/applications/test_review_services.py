"""Assignment refusals, declarations, scoring and the aggregates (issue 17): services and rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from applications.models import Assignment, ConflictDeclaration, Review
from applications.reviews.selectors import proposal_scores
from applications.scoring import weighted_total
from applications.services.assignments import AssignmentRefused
from applications.services.declarations import DeclarationFinal, declaration_make
from applications.services.reviews import DeclarationMissing, ReviewFinal, review_save
from smartcity.accounts.models import AuditEvent, AuditLog, Membership, MembershipStatus
from smartcity.accounts.roles import Role
from smartcity.notifications.models import Notification
from tests.applications.reviews import (
    assign,
    criteria,
    declared,
    office_admin,
    scored,
    set_weights,
)
from tests.factories.accounts import UserFactory
from tests.factories.applications import PartnerFactory
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------ the arithmetic
def test_weighted_total_matches_the_hand_computed_example():
    # weights 30/25/20/15/10, scores 4,3,5,2,4:
    # Σw·s = 120 + 75 + 100 + 30 + 40 = 365; Σw = 100; 365 / 100 * 20 = 73.00
    pairs = [(30, 4), (25, 3), (20, 5), (15, 2), (10, 4)]
    assert weighted_total(pairs) == Decimal("73.00")


def test_weighted_total_rounds_half_up():
    # weights 41/40/30/30/19 (Σ 160), scores 4,4,3,2,1:
    # Σw·s = 164 + 160 + 90 + 60 + 19 = 493; 493 / 160 * 20 = 61.625 exactly,
    # half up → 61.63 (banker's rounding would give 61.62)
    pairs = [(41, 4), (40, 4), (30, 3), (30, 2), (19, 1)]
    assert weighted_total(pairs) == Decimal("61.63")


def test_submitted_review_total_is_the_weighted_total(submitted):
    set_weights(submitted, 41, 40, 30, 30, 19)
    review = scored(submitted, [4, 4, 3, 2, 1])
    assert review.total == Decimal("61.63")
    assert review.submitted_at is not None


# ------------------------------------------------------------------ assignment refusals
@pytest.mark.parametrize("status", list(MembershipStatus))
def test_a_member_of_the_lead_organisation_in_any_status_is_refused(submitted, status):
    reviewer = UserFactory(role=Role.REVIEWER)
    Membership.objects.create(user=reviewer, organisation=submitted.lead_org, status=status)
    with pytest.raises(AssignmentRefused) as refused:
        assign(submitted, reviewer)
    assert submitted.lead_org.name_th in refused.value.message
    assert not Assignment.objects.filter(reviewer=reviewer).exists()


def test_a_past_member_of_a_partner_is_refused(submitted):
    partner = OrganisationFactory()
    PartnerFactory(application=submitted, organisation=partner)
    reviewer = UserFactory(role=Role.REVIEWER)
    Membership.objects.create(user=reviewer, organisation=partner, status=MembershipStatus.REFUSED)
    with pytest.raises(AssignmentRefused) as refused:
        assign(submitted, reviewer)
    assert partner.name_th in refused.value.message
    assert "ภาคี" in refused.value.message  # says it is the partner


def test_a_reviewer_working_for_the_lead_organisation_is_refused(submitted):
    reviewer = UserFactory(role=Role.REVIEWER, home_organisation=submitted.lead_org)
    with pytest.raises(AssignmentRefused) as refused:
        assign(submitted, reviewer)
    assert submitted.lead_org.name_th in refused.value.message


def test_a_member_of_another_organisation_is_assigned_due_in_review_days(submitted, settings):
    settings.REVIEW_DAYS = 10
    reviewer = UserFactory(role=Role.REVIEWER, home_organisation=OrganisationFactory())
    Membership.objects.create(
        user=reviewer, organisation=OrganisationFactory(), status=MembershipStatus.APPROVED
    )
    assign(submitted, reviewer)
    assignment = Assignment.objects.get(reviewer=reviewer)
    assert assignment.due_on == timezone.localdate() + dt.timedelta(days=10)
    notice = Notification.objects.get(recipient=reviewer)
    assert notice.event == "applications.reviewer_assigned"


def test_assignment_notifies_after_commit_only(submitted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assign(submitted)
    assert callbacks  # the e-mail is queued once the assignment is committed


def test_a_reviewer_who_declared_a_conflict_is_not_assigned_again(submitted):
    reviewer = declared(submitted, has_conflict=True, reason="ญาติเป็นนายกเทศมนตรี")
    with pytest.raises(AssignmentRefused, match="ผลประโยชน์ทับซ้อน"):
        assign(submitted, reviewer)


# ------------------------------------------------------------------ declarations
def test_no_conflict_keeps_the_assignment_and_is_audited(submitted):
    reviewer = declared(submitted)
    assert Assignment.objects.filter(reviewer=reviewer).exists()
    entry = AuditLog.objects.get(event=AuditEvent.INTEREST_DECLARED, user=reviewer)
    assert entry.detail["has_conflict"] is False
    assert ConflictDeclaration.pgh_event_model.objects.filter(pgh_obj__reviewer=reviewer).exists()
    assert rules.test_rule("applications.score", reviewer, submitted)


def test_a_conflict_needs_a_reason(submitted):
    reviewer = assign(submitted)
    with pytest.raises(ValidationError) as refused:
        declaration_make(application=submitted, reviewer=reviewer, has_conflict=True, reason=" ")
    assert "reason" in refused.value.message_dict
    assert not ConflictDeclaration.objects.exists()


def test_a_conflict_ends_the_assignment_and_access_and_tells_the_office(submitted):
    admin = office_admin()
    reviewer = assign(submitted)
    assert reviewer.has_perm("applications.view_application", submitted)
    declaration_make(
        application=submitted, reviewer=reviewer, has_conflict=True, reason="เคยเป็นที่ปรึกษา"
    )
    assert not Assignment.objects.filter(reviewer=reviewer).exists()
    for perm in (
        "applications.view_application",
        "applications.work_on_application",
        "applications.view_internal_comments",
        "applications.view_scores",
        "applications.request_revision",
    ):
        assert not reviewer.has_perm(perm, submitted), perm
    assert reviewer.has_perm("applications.view_application_summary", submitted)
    assert Notification.objects.filter(
        recipient=admin, event="applications.conflict_declared"
    ).exists()


def test_an_assignment_made_again_by_hand_grants_nothing_after_a_conflict(submitted):
    reviewer = declared(submitted, has_conflict=True, reason="ญาติ")
    Assignment.objects.create(application=submitted, reviewer=reviewer)  # the service refuses
    assert not reviewer.has_perm("applications.view_application", submitted)


def test_a_declaration_is_final(submitted):
    reviewer = declared(submitted)
    with pytest.raises(DeclarationFinal):
        declaration_make(application=submitted, reviewer=reviewer, has_conflict=True, reason="x")


def test_only_an_assigned_reviewer_declares(submitted):
    with pytest.raises(PermissionDenied):
        declaration_make(
            application=submitted, reviewer=UserFactory(role=Role.REVIEWER), has_conflict=False
        )


# ------------------------------------------------------------------ scoring
def test_scoring_without_a_declaration_is_refused(submitted):
    reviewer = assign(submitted)
    with pytest.raises(DeclarationMissing, match="ผลประโยชน์ทับซ้อน"):
        review_save(application=submitted, reviewer=reviewer, scores={}, submit=False)
    assert not Review.objects.exists()


def test_an_unassigned_reviewer_cannot_score(submitted):
    with pytest.raises(PermissionDenied):
        review_save(application=submitted, reviewer=UserFactory(role=Role.REVIEWER), scores={})


def test_a_draft_may_leave_criteria_blank_but_submitting_needs_them_all(submitted):
    reviewer = declared(submitted)
    first, *rest = criteria(submitted)
    draft = review_save(
        application=submitted, reviewer=reviewer, scores={first: (3, "พอใช้")}, comment="ร่าง"
    )
    assert draft.submitted_at is None
    assert draft.total is None
    assert list(draft.scores.values_list("score", flat=True)) == [3]
    with pytest.raises(ValidationError) as refused:
        review_save(application=submitted, reviewer=reviewer, scores={first: (3, "")}, submit=True)
    assert f"criterion_{rest[0].number}" in refused.value.message_dict


def test_a_draft_keeps_a_comment_whose_score_is_still_blank(submitted):
    """Nothing typed is lost: a comment is saved before its score is chosen."""
    reviewer = declared(submitted)
    first, second, *rest = criteria(submitted)
    draft = review_save(
        application=submitted,
        reviewer=reviewer,
        scores={first: (4, "ดี"), second: (None, "ต้องดูงบประมาณอีกครั้ง"), rest[0]: (None, "")},
    )
    kept = {s.criterion_id: (s.score, s.comment) for s in draft.scores.all()}
    assert kept == {first.pk: (4, "ดี"), second.pk: (None, "ต้องดูงบประมาณอีกครั้ง")}
    review = review_save(
        application=submitted,
        reviewer=reviewer,
        scores=dict.fromkeys((first, second, *rest), (3, "")),
        submit=True,
    )
    assert review.total == Decimal("60.00")
    assert proposal_scores(application=submitted).criteria[1].values == [3]


def test_a_score_outside_0_to_5_is_refused(submitted):
    reviewer = declared(submitted)
    first = criteria(submitted)[0]
    with pytest.raises(ValidationError):
        review_save(application=submitted, reviewer=reviewer, scores={first: (6, "")})


def test_a_submitted_review_is_final(submitted):
    review = scored(submitted, [3, 3, 3, 3, 3])
    with pytest.raises(ReviewFinal):
        review_save(application=submitted, reviewer=review.reviewer, scores={}, submit=False)


def test_criteria_not_yet_frozen_are_frozen_by_the_first_score(submitted):
    call = submitted.call
    type(call).objects.filter(pk=call.pk).update(criteria_frozen_at=None)
    scored(submitted, [1, 2, 3, 4, 5], submit=False)
    call.refresh_from_db()
    assert call.criteria_frozen_at is not None


# ------------------------------------------------------------------ visibility and aggregates
def test_others_scores_are_hidden_until_one_submits(submitted):
    first = scored(submitted, [5, 5, 5, 5, 5])
    second = scored(submitted, [2, 5, 5, 5, 5], submit=False).reviewer
    assert rules.has_perm("applications.view_scores", first.reviewer, submitted)
    assert not second.has_perm("applications.view_scores", submitted)
    officer = submitted.contact
    assert not officer.has_perm("applications.view_scores", submitted)
    assert office_admin().has_perm("applications.view_scores", submitted)


def test_aggregate_mean_spread_and_flags_with_names(submitted):
    set_weights(submitted, 1, 1, 1, 1, 1)
    a = scored(submitted, [5, 4, 3, 2, 1])  # total 60.00
    b = scored(submitted, [2, 4, 3, 2, 0])  # total 44.00
    scored(submitted, [0, 0, 0, 0, 0], submit=False)  # a draft counts nowhere
    summary = proposal_scores(application=submitted)
    assert summary.reviewer_count == 2
    assert summary.mean_total == Decimal("52.00")
    first = summary.criteria[0]
    assert (first.low, first.high, first.mean) == (2, 5, Decimal("3.50"))
    assert [spread.criterion.number for spread in summary.flagged] == [1]
    names = [reviewer for reviewer, _score, _comment in summary.flagged[0].scores]
    assert names == [a.reviewer, b.reviewer]
