"""Reads for the office's pages, the cities directory and the certificates."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from applications.models import (
    AgendaItem,
    Application,
    Certificate,
    Comment,
    Meeting,
    RevisionRequest,
)
from applications.queue.selectors import overdue_filter
from applications.workflow import State
from municipalities.models import Province, Region
from smartcity.accounts.models import User

WAITING = {
    "screen": frozenset({State.SUBMITTED, State.SCREENING}),
    "revision": frozenset({State.REVISION_REQUESTED}),
    "working_group": frozenset({State.WG_REVIEW, State.WG_APPROVED_IN_PRINCIPLE}),
    "committees": frozenset(
        {State.WG_RECOMMENDED, State.SUBCOMMITTEE, State.COMMITTEE, State.PROMOTION_ZONE}
    ),
}


def _uuid(value: Any) -> uuid_module.UUID:  # noqa: ANN401 - a UUID or its text from the URL
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise Http404 from None


# ---------------------------------------------------------------- /cities/
def city_list(
    *,
    q: str = "",
    region: Region | None = None,
    province: Province | None = None,
    domain: str = "",
    today: dt.date | None = None,
) -> QuerySet[Certificate]:
    """Certificates valid today, with the organisation, province and region each row shows."""
    rows = city_search(Certificate.objects.valid_on(today or timezone.localdate()), q)
    if region is not None:
        rows = rows.filter(organisation__province__region=region)
    if province is not None:
        rows = rows.filter(organisation__province=province)
    if domain:
        rows = rows.filter(domains__contains=[domain])
    return rows.select_related("organisation__province__region").order_by(
        "organisation__sort_key", "number"
    )


def city_search(rows: QuerySet[Certificate], text: str) -> QuerySet[Certificate]:
    """Certificates whose organisation name, area or number contains the text."""
    text = text.strip()
    if not text:
        return rows
    return rows.filter(
        Q(organisation__name_th__icontains=text)
        | Q(organisation__name_en__icontains=text)
        | Q(area_name__icontains=text)
        | Q(number__icontains=text)
    )


def certificate_list_for_organisation(*, organisation: Any) -> list[Certificate]:  # noqa: ANN401
    """The organisation's certificates, valid or not, newest first."""
    return list(Certificate.objects.filter(organisation=organisation).order_by("-certified_on"))


def certificate_list_latest(*, limit: int = 5) -> list[Certificate]:
    """The latest valid certificates, for the home page."""
    return list(city_list().order_by("-certified_on", "number")[:limit])


def certificate_get(*, viewer: User, uuid: Any) -> Certificate:  # noqa: ANN401
    """A certificate whose documents the viewer may download: staff and the officers of the
    lead organisation (Http404 for anyone else)."""
    certificate = (
        Certificate.objects.select_related("organisation__province", "application__call")
        .filter(uuid=_uuid(uuid))
        .first()
    )
    if certificate is None or not viewer.has_perm("applications.download_certificate", certificate):
        raise Http404
    return certificate


# ---------------------------------------------------------------- the office's work
@dataclass(frozen=True)
class StaffWork:
    to_screen: int
    overdue: int  # a revision past its deadline, or a review past its due date
    upcoming_meetings: list[Meeting]
    upcoming_count: int


def staff_work(*, viewer: User, today: dt.date | None = None) -> StaffWork:
    """What waits for a reviewer, a committee member or the office: three counts and the next
    meetings (three queries whatever the numbers)."""
    today = today or timezone.localdate()
    counts = Application.objects.visible_to(viewer).aggregate(
        to_screen=Count("pk", filter=Q(state__in=WAITING["screen"])),
        # the queue's own test, so the count is what its "overdue" link lists
        overdue=Count("pk", filter=overdue_filter(today)),
    )
    meetings = Meeting.objects.filter(date__gte=today).annotate(item_count=Count("items"))
    return StaffWork(
        to_screen=counts["to_screen"],
        overdue=counts["overdue"],
        upcoming_meetings=list(meetings.order_by("date", "pk")[:5]),
        upcoming_count=meetings.count(),
    )


def comment_list(*, application: Application, viewer: User) -> list[Comment]:
    """The comments the viewer may read: internal ones only for staff who work on it."""
    rows = application.comments.select_related("author", "stored_file").order_by("created_at")
    if not viewer.has_perm("applications.view_internal_comments", application):
        rows = rows.filter(is_internal=False)
    return list(rows)


def revision_request_list(*, application: Application) -> list[RevisionRequest]:
    """The proposal's revision requests with their points and extensions, newest first."""
    return list(
        application.revision_requests.prefetch_related("items", "extensions")
        .select_related("answered_by")
        .order_by("-requested_at")
    )


def meeting_list() -> QuerySet[Meeting]:
    """Meetings, next first then past, with their agenda size."""
    return Meeting.objects.annotate(item_count=Count("items")).order_by("-date", "pk")


def meeting_get(*, uuid: Any) -> Meeting:  # noqa: ANN401
    """A meeting with its agenda (proposal, organisation) loaded (Http404)."""
    items = AgendaItem.objects.select_related("application__lead_org__province").order_by(
        "order", "pk"
    )
    meeting = (
        Meeting.objects.prefetch_related(Prefetch("items", items)).filter(uuid=_uuid(uuid)).first()
    )
    if meeting is None:
        raise Http404
    return meeting


def agenda_candidates(*, meeting: Meeting) -> QuerySet[Application]:
    """Proposals that may go on this meeting's agenda now."""
    from applications.services.meetings import AGENDA_STATES

    return (
        Application.objects.filter(state__in=AGENDA_STATES[meeting.body])
        .exclude(agenda_items__meeting=meeting)
        .select_related("lead_org")
        .order_by("reference")
    )


def revisions_to_answer(*, viewer: User) -> tuple[list[RevisionRequest], list[Certificate]]:
    """For an officer's dashboard: their organisations' open revision requests and certificates."""
    from smartcity.accounts.models import Membership

    if not viewer.is_authenticated:
        return [], []
    served = Membership.objects.approved().filter(user=viewer).values("organisation")
    revisions = RevisionRequest.objects.filter(
        answered_at__isnull=True,
        application__state=State.REVISION_REQUESTED,
        application__lead_org__in=served,
    ).select_related("application")
    certificates = Certificate.objects.filter(organisation__in=served).select_related(
        "organisation"
    )
    return list(revisions.order_by("deadline")), list(certificates.order_by("-certified_on"))


def application_visible(*, viewer: User, uuid: Any) -> Application:  # noqa: ANN401
    """A proposal the viewer may see at least as a summary, with what the decision pages show
    (Http404)."""
    found = (
        Application.objects.visible_to(viewer)
        .select_related("call", "lead_org__province", "certificate")
        .filter(uuid=_uuid(uuid))
        .first()
    )
    if found is None:
        raise Http404
    return found
