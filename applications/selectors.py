"""Reads of calls and proposals, each shaped for one page or endpoint."""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from applications import workflow
from applications.models import (
    Application,
    ApplicationVersion,
    Assignment,
    Attachment,
    Call,
    ConflictDeclaration,
    Criterion,
    Partner,
    Project,
    Review,
    RevisionRequest,
    Transition,
)
from applications.workflow import State
from municipalities.models import Organisation
from smartcity.accounts.models import Membership, User
from smartcity.accounts.roles import Role


def call_list_public() -> QuerySet[Call]:
    """Every call (open first, then the most recent), with its proposal count and criteria."""
    now = timezone.now()
    return (
        Call.objects.filter(is_synthetic=False)
        .annotate(
            submitted_count=Count("applications", filter=~Q(applications__state=State.DRAFT)),
            is_open_now=Q(opens_at__lte=now, closes_at__gt=now),
        )
        .prefetch_related(
            Prefetch("criteria", Criterion.objects.prefetch_related("levels")),
            "documents__stored_file",
        )
        .order_by("-is_open_now", "-opens_at", "pk")
    )


def call_list_open(*, limit: int = 5) -> list[Call]:
    """Calls accepting proposals now, closing soonest first (the home page box)."""
    now = timezone.now()
    return list(
        Call.objects.filter(is_synthetic=False, opens_at__lte=now, closes_at__gt=now).order_by(
            "closes_at", "pk"
        )[:limit]
    )


def call_get(*, uuid: Any) -> Call:  # noqa: ANN401 - a UUID or its text from the URL
    """One call with its criteria, score meanings and documents (Http404)."""
    try:
        return call_list_public().get(uuid=uuid)
    except Call.DoesNotExist:
        raise Http404 from None


def application_list(*, viewer: User, **filters: Any) -> QuerySet[Application]:  # noqa: ANN401
    """Proposals the viewer may see, with what a list row shows (summary fields)."""
    rows = Application.objects.visible_to(viewer).filter(**filters)
    return rows.select_related("call", "lead_org__province").order_by(
        "-last_submitted_at", "-created_at", "pk"
    )


def application_full(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """The proposal with everything the full serializer (and a snapshot) reads."""
    return queryset.select_related(
        "call", "lead_org__province", "contact", "created_by"
    ).prefetch_related(  # one query each: partners and attachments join what they show
        Prefetch("partners", Partner.objects.select_related("organisation")),
        Prefetch("projects", Project.objects.prefetch_related("kpis")),
        Prefetch("attachments", Attachment.objects.select_related("stored_file")),
    )


def application_for_snapshot(*, pk: int) -> Application:
    """The proposal as a version freezes it."""
    return application_full(Application.objects.all()).get(pk=pk)


def application_get(*, viewer: User, uuid: Any) -> Application:  # noqa: ANN401
    """A proposal the viewer may see at least as a summary, fully loaded (Http404)."""
    try:
        key = uuid_module.UUID(str(uuid))
        return application_full(Application.objects.visible_to(viewer)).get(uuid=key)
    except (ValueError, Application.DoesNotExist):
        raise Http404 from None


def version_list(*, application: Application, viewer: User) -> QuerySet[ApplicationVersion]:
    """The versions the viewer may read, oldest first: all of them for those who see the
    proposal whole, else (an officer of a partner organisation) those naming their organisation.
    The caller has checked `applications.view_versions`."""
    rows = application.versions.select_related("submitted_by").order_by("number")
    if viewer.has_perm("applications.view_application", application):
        return rows
    served = (
        Membership.objects.approved()
        .filter(user=viewer)
        .values_list("organisation__uuid", flat=True)
    )
    naming = Q(pk__in=[])
    for organisation in served:
        naming |= Q(data__partners__contains=[{"organisation": str(organisation)}])
    return rows.filter(naming)


def transition_list(*, application: Application) -> QuerySet[Transition]:
    """The proposal's timeline, oldest first."""
    return application.transitions.select_related("actor").order_by("at", "pk")


def assignment_list(*, viewer: User) -> QuerySet[Assignment]:
    """Assignments: all for programme administrators, their own for reviewers; with the
    reviewer's declaration ("none", "no_conflict") and review ("none", "draft", "submitted")."""
    same = {"application": OuterRef("application"), "reviewer": OuterRef("reviewer")}
    review = Review.objects.filter(**same)
    rows = Assignment.objects.select_related("application", "reviewer", "assigned_by").annotate(
        declaration=Case(
            When(Exists(ConflictDeclaration.objects.filter(**same)), then=Value("no_conflict")),
            default=Value("none"),
        ),
        review=Case(
            When(Exists(review.filter(submitted_at__isnull=False)), then=Value("submitted")),
            When(Exists(review), then=Value("draft")),
            default=Value("none"),
        ),
    )
    if not viewer.is_authenticated:
        return rows.none()
    if viewer.has_perm("applications.assign_reviewer"):
        return rows.order_by("-assigned_at", "pk")
    return rows.filter(reviewer=viewer).order_by("-assigned_at", "pk")


def application_list_for_organisation(
    *, viewer: User, organisation: Organisation, limit: int = 10
) -> list[Application]:
    """The organisation's proposals the viewer may see, newest first (organisation page)."""
    return list(application_list(viewer=viewer).filter(lead_org=organisation)[:limit])


def _list_position(application: Application) -> tuple[bool, float, float, int]:
    """application_list's order in Python: last submitted first (never submitted before all),
    then the newest, then the key."""
    last = application.last_submitted_at
    return (
        last is not None,
        -last.timestamp() if last else 0,
        -application.created_at.timestamp(),
        application.pk,
    )


def application_list_for_dashboard(*, viewer: User, limit: int = 10) -> list[Application]:
    """The viewer's own work: their organisations' proposals, and the submitted ones assigned
    to them as a reviewer — what `visible_to` shows them of those, newest first.

    Two small queries instead of one with an OR across both: at 100,000 proposals the planner
    cannot estimate the OR and walks the whole list order to find a dozen rows (issue 18)."""
    if not viewer.is_authenticated:
        return []
    served = list(
        Membership.objects.approved().filter(user=viewer).values_list("organisation", flat=True)
    )
    rows = Application.objects.select_related("call", "lead_org__province").order_by(
        "-last_submitted_at", "-created_at", "pk"
    )
    own = list(rows.filter(lead_org__in=served)[:limit]) if served else []
    if viewer.has_role(Role.REVIEWER):  # reviewers see every submitted proposal
        assigned = rows.filter(assignments__reviewer=viewer, submitted_at__isnull=False)
        own += assigned.exclude(lead_org__in=served)[:limit]
    return sorted(own, key=_list_position)[:limit]


def version_get(*, application: Application, viewer: User, number: int) -> ApplicationVersion:
    """One version of the proposal the viewer may read (Http404)."""
    found = version_list(application=application, viewer=viewer).filter(number=number).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class StartOption:
    """An open call and an organisation the officer serves: start a proposal, or continue
    the organisation's draft."""

    call: Call
    organisation: Organisation
    draft: Application | None

    @property
    def days_left(self) -> int:
        return (timezone.localdate(self.call.closes_at) - timezone.localdate()).days


def proposal_starts(*, viewer: User) -> dict[str, Any]:
    """For the dashboard and home page: each open call with each organisation the viewer is an
    approved officer of (with its draft, if any), and the memberships still waiting."""
    if not viewer.is_authenticated:
        return {"starts": [], "waiting": []}
    memberships = list(
        Membership.objects.filter(user=viewer).select_related("organisation").order_by("pk")
    )
    approved = [m.organisation for m in memberships if m.is_approved]
    calls = call_list_open() if approved else []
    drafts = (
        {
            (a.call_id, a.lead_org_id): a
            for a in Application.objects.filter(
                call__in=calls, lead_org__in=approved, state__in=workflow.EDITABLE
            ).order_by("-updated_at")
        }
        if calls
        else {}
    )
    return {
        "starts": [
            StartOption(call, organisation, drafts.get((call.pk, organisation.pk)))
            for call in calls
            for organisation in approved
        ],
        "waiting": [m.organisation for m in memberships if m.is_pending],
    }


def revision_request_list(*, application: Application) -> list[RevisionRequest]:
    """The proposal's revision requests, open ones first, newest first."""
    return sorted(application.revision_requests.all(), key=lambda r: (not r.is_open, r.pk * -1))
