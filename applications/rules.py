"""Who may do what with calls and proposals (the policy table of the accounts issue).

- Approved officers of the lead organisation create and edit drafts and see all their
  organisation's proposals; nobody else ever sees a draft.
- Officers of a partner organisation see the submitted versions of proposals naming them.
- Reviewers see the queue summary of every submitted proposal; the full proposal, its versions
  and files only when assigned to it.
- Committee members see proposals at committee stages; programme administrators see all.
Listing queries are `Application.objects.visible_to(user)`; these predicates decide one object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from applications.workflow import COMMITTEE_STAGES, EDITABLE
from smartcity.accounts.rules import (
    is_approved_officer_of,
    is_committee,
    is_programme_admin,
    is_reviewer,
)

if TYPE_CHECKING:  # types only: the models are imported where used, at run time
    from applications.models import Application, Certificate, ConflictDeclaration
    from smartcity.accounts.models import User, Viewer
    from smartcity.files.models import StoredFile

_SERVED_CACHE = "_served_organisation_ids"


def _served_ids(user: Viewer) -> frozenset[int]:
    """Ids of the organisations the user is an approved officer of, read once per user object
    (cached in an attribute the User model does not declare, hence getattr and setattr)."""
    from smartcity.accounts.models import Membership

    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[int] | None = getattr(user, _SERVED_CACHE, None)
    if cached is None:
        cached = frozenset(
            Membership.objects.approved()
            .filter(user_id=user.pk)
            .values_list("organisation_id", flat=True)
        )
        setattr(user, _SERVED_CACHE, cached)
    return cached


@rules.predicate
def is_lead_officer(user: Viewer, application: Application | None) -> bool:
    """An approved officer of the proposal's lead organisation."""
    return application is not None and application.lead_org_id in _served_ids(user)


@rules.predicate
def is_partner_officer(user: Viewer, application: Application | None) -> bool:
    """An approved officer of an organisation the submitted proposal names as partner."""
    if application is None or application.submitted_at is None:
        return False
    served = _served_ids(user)
    return bool(served) and application.partners.filter(organisation_id__in=served).exists()


@rules.predicate
def is_assigned_reviewer(user: Viewer, application: Application | None) -> bool:
    """A reviewer a programme administrator assigned to this proposal, who has not declared a
    conflict of interest on it. Declaring one deletes the assignment; the declaration is checked
    here too, so an assignment made again by hand (Django admin) grants nothing either."""
    from django.db.models import Exists, OuterRef

    from applications.models import ConflictDeclaration

    if application is None or not user.is_authenticated or not is_reviewer(user):
        return False
    conflict = ConflictDeclaration.objects.filter(
        application=OuterRef("application"), reviewer=OuterRef("reviewer"), has_conflict=True
    )
    return bool(application.assignments.filter(reviewer=user).exclude(Exists(conflict)).exists())


def _declaration(user: User, application: Application) -> ConflictDeclaration | None:
    """The user's declaration on the proposal (not cached: it changes within a session)."""
    from applications.models import ConflictDeclaration

    return ConflictDeclaration.objects.filter(
        application=application,
        reviewer_id=user.pk,
    ).first()


@rules.predicate
def has_declared_no_conflict(user: Viewer, application: Application | None) -> bool:
    """The reviewer declared they have no conflict of interest with this proposal."""
    if application is None or not user.is_authenticated:
        return False
    declaration = _declaration(user, application)
    return declaration is not None and not declaration.has_conflict


@rules.predicate
def has_declared(user: Viewer, application: Application | None) -> bool:
    """The reviewer declared on this proposal, either way (final)."""
    if application is None or not user.is_authenticated:
        return False
    return _declaration(user, application) is not None


@rules.predicate
def has_submitted_review(user: Viewer, application: Application | None) -> bool:
    """The reviewer submitted their own scores for this proposal."""
    from applications.models import Review

    if application is None or not user.is_authenticated:
        return False
    return Review.objects.filter(
        application=application,
        reviewer_id=user.pk,
        submitted_at__isnull=False,
    ).exists()


@rules.predicate
def is_submitted(user: Viewer, application: Application | None) -> bool:
    return application is not None and application.submitted_at is not None


@rules.predicate
def is_at_committee_stage(user: Viewer, application: Application | None) -> bool:
    return application is not None and application.state in COMMITTEE_STAGES


@rules.predicate
def is_editable(user: Viewer, application: Application | None) -> bool:
    return application is not None and application.state in EDITABLE


# the full proposal: every field, projects, KPIs, files, versions, transitions
may_see_full = (
    is_programme_admin
    | is_lead_officer
    | (is_submitted & is_assigned_reviewer)
    | (is_committee & is_at_committee_stage)
)
rules.add_perm("applications.view_application", may_see_full)
# the queue summary: reference, organisation, area, state, dates
rules.add_perm(
    "applications.view_application_summary",
    may_see_full | is_partner_officer | (is_reviewer & is_submitted),
)
rules.add_perm("applications.view_versions", may_see_full | is_partner_officer)
rules.add_perm("applications.change_application", is_lead_officer & is_editable)
rules.add_perm("applications.submit_application", is_lead_officer)
rules.add_perm("applications.withdraw_application", is_lead_officer)
rules.add_perm("applications.request_revision", is_programme_admin | is_assigned_reviewer)
# the office, and reviewers (depa staff) sharing out the queue; conflicts are refused by the service
rules.add_perm("applications.assign_reviewer", is_programme_admin | is_reviewer)

# decisions: screening, meetings, certificates, comments (issue "from screening to certificate")
is_staff_member = is_reviewer | is_committee | is_programme_admin
rules.add_perm("applications.screen", is_programme_admin | (is_submitted & is_assigned_reviewer))

rules.add_perm(
    "applications.resume_wg_review", is_programme_admin | (is_submitted & is_assigned_reviewer)
)
# the office is the working group's secretary; committee members record their own bodies' votes
rules.add_perm(
    "applications.record_decision",
    is_programme_admin | (is_committee & is_at_committee_stage),
)
rules.add_perm("applications.manage_certificate", is_programme_admin | is_committee)
rules.add_perm("applications.extend_deadline", is_programme_admin | is_assigned_reviewer)
rules.add_perm("applications.answer_revision", is_lead_officer)
# the staff workspace of a proposal and its internal comments
rules.add_perm("applications.work_on_application", is_staff_member & may_see_full)
rules.add_perm("applications.view_internal_comments", is_staff_member & may_see_full)
rules.add_perm("applications.comment", may_see_full)
rules.add_perm("applications.comment_internally", is_staff_member & may_see_full)
rules.add_perm("applications.view_meetings", is_staff_member)
rules.add_perm("applications.manage_meetings", is_programme_admin | is_committee)
rules.add_perm("applications.view_staff_queue", is_staff_member)

# the review (issue 17): an assigned reviewer declares once, scores after "no conflict", and sees
# the others' scores after submitting their own; committee members (at their stages) and the
# office see every score and the aggregates; the applicant never sees an individual score
# Declaring and scoring are personal acts: rules (rules.test_rule), not permissions, since the
# administrator backend grants every permission and an administrator declares for nobody.
may_review = is_submitted & is_assigned_reviewer
rules.add_rule("applications.declare_interest", may_review & ~has_declared)
rules.add_rule("applications.score", may_review & has_declared_no_conflict)
rules.add_perm(
    "applications.view_scores",
    is_programme_admin
    | (is_committee & is_at_committee_stage)
    | (may_review & has_declared_no_conflict & has_submitted_review),
)
rules.add_perm("applications.view_declarations", is_programme_admin)
# the score export of a call (no object): the office and committee members
rules.add_perm("applications.export_scores", is_programme_admin | is_committee)


@rules.predicate
def is_officer_of_certified(user: Viewer, certificate: Certificate | None) -> bool:
    """An approved officer of the certified organisation."""
    return certificate is not None and certificate.organisation_id in _served_ids(user)


rules.add_perm("applications.download_certificate", is_staff_member | is_officer_of_certified)
# object: the organisation the new proposal is for
rules.add_perm("applications.create_application", is_approved_officer_of)

# Django admin: calls, criteria and assignments for programme administrators; proposals,
# versions, transitions and revision requests are read there only (they change through services).
for model in ("call", "criterion", "scorelevel", "calldocument", "assignment", "certificate"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"applications.{action}_{model}", is_programme_admin)
for model in ("applicationversion", "transition", "revisionrequest"):
    rules.add_perm(f"applications.view_{model}", is_programme_admin)


def may_download_comment_file(user: Viewer, stored: StoredFile) -> bool:
    """A comment's file: for those who may read the comment (internal ones: staff only)."""
    from applications.models import Comment

    comment = Comment.objects.select_related("application").filter(stored_file=stored).first()
    if comment is None:
        return False
    rule = "applications.view_internal_comments" if comment.is_internal else "applications.comment"
    return user.has_perm(rule, comment.application)


def may_download_call_document(user: Viewer, stored: StoredFile) -> bool:
    """A call's guideline or template: public."""
    return hasattr(stored, "call_document")


def may_download_attachment(user: Viewer, stored: StoredFile) -> bool:
    """A proposal's file: for those who see the proposal whole (never the draft of another)."""
    from applications.models import Application

    applications = Application.objects.filter(attachments__stored_file=stored.pk)
    return any(user.has_perm("applications.view_application", a) for a in applications)
