"""Reads of the review queue: who sees which rows, what a row shows, the facet counts.

A row is a submitted proposal. Staff who see every submitted proposal (programme administrators,
reviewers) get a plain `submitted_at IS NOT NULL` filter, committee members without an
organisation of their own a plain state filter; only someone who is also an officer of an
organisation goes through `Application.objects.visible_to()` (its subquery joins partners, which
the planner cannot skip at 100,000 proposals). Every figure a row shows comes annotated or
prefetched: a page is the same handful of queries whatever the number of proposals.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid as uuid_module
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.db.models.lookups import LessThan
from django.http import Http404
from django.utils import timezone

from applications.models import (
    Application,
    Assignment,
    Call,
    Review,
    RevisionRequest,
    SavedView,
)
from applications.queue.cache import FACETS_SECONDS, facets_version
from applications.rules import _served_ids
from applications.workflow import COMMITTEE_STAGES, State
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role

# the states a submitted proposal can be in, in workflow order (facets, the state sort)
QUEUE_STATES: tuple[State, ...] = tuple(state for state in State if state != State.DRAFT)
STATE_POSITION = Case(
    *(When(state=state, then=Value(n)) for n, state in enumerate(QUEUE_STATES)), default=99
)
# each sortable column: what it orders by (ascending; "-name" reverses), organisations and
# provinces in Thai dictionary order through the registry's sort keys
SORTS: dict[str, tuple[Any, ...]] = {
    "reference": (F("reference"),),
    "organisation": (F("lead_org__sort_key"),),
    "province": (F("lead_org__province__sort_key"),),
    "state": (STATE_POSITION,),
    "submitted": (F("submitted_at"),),
    "due": (F("due"),),
}
DEFAULT_SORT = "-submitted"
# the state badge's colour in the queue
STATE_BADGES: dict[str, str] = {
    State.SUBMITTED: "text-bg-primary",
    State.SCREENING: "text-bg-info",
    State.REVISION_REQUESTED: "text-bg-warning",
    State.WG_REVIEW: "text-bg-info",
    State.WG_RECOMMENDED: "text-bg-success",
    State.WG_APPROVED_IN_PRINCIPLE: "text-bg-warning",
    State.WG_NOT_APPROVED: "text-bg-danger",
    State.CERTIFIED: "text-bg-success",
    State.NOT_APPROVED: "text-bg-danger",
    State.WITHDRAWN: "text-bg-light border",
}


def queue_order(sort: str) -> list[Any]:
    """The order_by() of a sort choice: its column, then newest first and the primary key, so
    equal values keep one stable order across pages (blank or unknown: the default)."""
    descending = sort.startswith("-")
    columns = SORTS.get(sort.lstrip("-")) or SORTS[DEFAULT_SORT.lstrip("-")]
    if sort.lstrip("-") not in SORTS:
        descending = DEFAULT_SORT.startswith("-")
    expressions = [
        (c.desc(nulls_last=True) if descending else c.asc(nulls_last=True)) for c in columns
    ]
    return [*expressions, F("submitted_at").desc(), "pk"]


# ---------------------------------------------------------------- who sees what
def sees_every_submission(viewer: User) -> bool:
    return viewer.is_superuser or any(
        viewer.has_role(role) for role in (Role.PROGRAMME_ADMIN, Role.REVIEWER)
    )


def sees_scores(viewer: User) -> bool:
    """Programme administrators and committee members see the mean score of each proposal;
    reviewers never see others' scores in the queue."""
    return viewer.is_superuser or any(
        viewer.has_role(role) for role in (Role.PROGRAMME_ADMIN, Role.COMMITTEE)
    )


def visibility_class(viewer: User) -> str:
    """A name shared by every viewer who sees the same rows (the facet cache's key)."""
    if sees_every_submission(viewer):
        return "all"
    if viewer.has_role(Role.COMMITTEE) and not _served_ids(viewer):
        return "committee"
    return f"user-{viewer.pk}"


def queue_base(*, viewer: User) -> QuerySet[Application]:
    """The submitted proposals the viewer may see in the queue, nothing loaded yet."""
    rows = Application.objects.filter(submitted_at__isnull=False)
    scope = visibility_class(viewer)
    if scope == "all":
        return rows
    if scope == "committee":
        return rows.filter(state__in=COMMITTEE_STAGES)
    return rows.filter(pk__in=Application.objects.visible_to(viewer).values("pk"))


# ---------------------------------------------------------------- what a row shows
def _unreviewed_assignments() -> QuerySet[Assignment]:
    """Assignments whose reviewer has not submitted a review of the proposal."""
    submitted = Review.objects.filter(
        application=OuterRef("application"),
        reviewer=OuterRef("reviewer"),
        submitted_at__isnull=False,
    )
    return Assignment.objects.filter(~Exists(submitted))


def _pending_assignments() -> QuerySet[Assignment]:
    """Assignments of the outer proposal whose reviewer has not submitted a review."""
    return _unreviewed_assignments().filter(application=OuterRef("pk"))


def overdue_filter(today: dt.date | None = None) -> Q:
    """An open revision request past its deadline, or an assignment past its due date whose
    reviewer has not submitted a review: the late proposals' ids as uncorrelated subqueries,
    which PostgreSQL hashes once instead of probing per proposal (at 100,000 proposals the
    correlated form took seconds)."""
    today = today or timezone.localdate()
    late_revisions = RevisionRequest.objects.filter(answered_at__isnull=True, deadline__lt=today)
    late_reviews = _unreviewed_assignments().filter(due_on__lt=today)
    return Q(pk__in=late_revisions.values("application_id"), state=State.REVISION_REQUESTED) | Q(
        pk__in=late_reviews.values("application_id")
    )


def assigned_condition(reviewer: User | uuid_module.UUID) -> Exists:
    """The proposal has this reviewer (a user, or a user's uuid) assigned."""
    if isinstance(reviewer, uuid_module.UUID):
        mine = Assignment.objects.filter(reviewer__uuid=reviewer)
    else:
        mine = Assignment.objects.filter(reviewer=reviewer)
    return Exists(mine.filter(application=OuterRef("pk")))


def _count(rows: QuerySet[Review]) -> Coalesce:
    counted = rows.order_by().values("application").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def queue_rows(rows: QuerySet[Application], *, viewer: User) -> QuerySet[Application]:
    """Everything a queue row shows (page, API, export), annotated or prefetched:
    `due` (the earliest open revision deadline or review due date), `is_overdue`,
    `reviews_submitted`, `queue_assignments` (with reviewers) and, for those who may see it,
    `mean_score`."""
    today = timezone.localdate()
    submitted = Review.objects.filter(application=OuterRef("pk"), submitted_at__isnull=False)
    revision_deadline = Subquery(
        RevisionRequest.objects.filter(application=OuterRef("pk"), answered_at__isnull=True)
        .order_by("deadline")
        .values("deadline")[:1]
    )
    review_due = Subquery(
        _pending_assignments().filter(due_on__isnull=False).order_by("due_on").values("due_on")[:1]
    )
    rows = rows.select_related("call", "lead_org__province__region").annotate(
        due=Least(revision_deadline, review_due),
        # overdue_filter()'s rule from the two deadlines just read, row by row: as EXISTS here the
        # planner hashes every revision request and assignment (0.8 s at 100,000 proposals)
        is_overdue=Case(
            When(
                Q(LessThan(revision_deadline, today), state=State.REVISION_REQUESTED)
                | Q(LessThan(review_due, today)),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
        reviews_submitted=_count(submitted),
    )
    if sees_scores(viewer):
        mean = submitted.order_by().values("application").annotate(m=Avg("total")).values("m")
        rows = rows.annotate(mean_score=Subquery(mean))
    reviewers = Assignment.objects.select_related("reviewer").order_by("assigned_at", "pk")
    rows = rows.prefetch_related(Prefetch("assignments", reviewers, to_attr="queue_assignments"))
    return rows.order_by(*queue_order(DEFAULT_SORT))


# ---------------------------------------------------------------- facets
@dataclass(frozen=True)
class Facet:
    state: State
    count: int
    selected: bool

    @property
    def label(self) -> str:
        return str(self.state.label)


def _facet_key(viewer: User, filters: Mapping[str, Sequence[str]]) -> str:
    text = "&".join(f"{name}={','.join(sorted(filters[name]))}" for name in sorted(filters))
    if "me" in text:  # "assigned=me" differs from one viewer to the next
        text += f"&viewer={viewer.pk}"
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return f"queue:facets:{facets_version()}:{visibility_class(viewer)}:{digest}"


def state_counts(
    rows: QuerySet[Application], *, viewer: User, filters: Mapping[str, Sequence[str]]
) -> dict[str, int]:
    """Proposals per state among `rows` (the queue filtered by everything but the state),
    cached up to FACETS_SECONDS under the viewer's visibility class and the filters."""
    key = _facet_key(viewer, filters)
    counts = cache.get(key)
    if not isinstance(counts, dict):
        counts = dict(
            rows.order_by().values_list("state").annotate(n=Count("pk")).values_list("state", "n")
        )
        cache.set(key, counts, FACETS_SECONDS)
    return counts


def facets(counts: Mapping[str, int], selected: Iterable[str]) -> list[Facet]:
    chosen = set(selected)
    return [Facet(state, counts.get(state, 0), state in chosen) for state in QUEUE_STATES]


# ---------------------------------------------------------------- choices, picks, saved views
def call_choices() -> list[Call]:
    """Calls with submitted proposals, newest first (the call filter's options)."""
    with_proposals = Application.objects.filter(call=OuterRef("pk"), submitted_at__isnull=False)
    return list(Call.objects.filter(Exists(with_proposals)).order_by("-opens_at", "pk"))


def reviewer_list() -> list[User]:
    """Active reviewers, by name (the assigned filter and the bulk assignment's choices)."""
    return list(
        User.objects.with_role(Role.REVIEWER).order_by(
            "first_name_th", "last_name_th", "email", "pk"
        )
    )


def reviewers_pick(uuids: Iterable[uuid_module.UUID]) -> tuple[list[User], list[str]]:
    """The active reviewers with these uuids, and the uuids that name none."""
    wanted = list(dict.fromkeys(uuids))
    found = {
        user.uuid: user for user in User.objects.with_role(Role.REVIEWER).filter(uuid__in=wanted)
    }
    return [found[u] for u in wanted if u in found], [str(u) for u in wanted if u not in found]


def applications_pick(
    *, viewer: User, uuids: Iterable[uuid_module.UUID]
) -> tuple[list[Application], list[str]]:
    """The queue's proposals with these uuids that the viewer sees, and the uuids that name none."""
    wanted = list(dict.fromkeys(uuids))
    found = {a.uuid: a for a in queue_base(viewer=viewer).filter(uuid__in=wanted)}
    return [found[u] for u in wanted if u in found], [str(u) for u in wanted if u not in found]


def saved_view_list(*, owner: User) -> list[SavedView]:
    return list(SavedView.objects.filter(owner=owner).order_by("name", "pk"))


def saved_view_get(*, owner: User, uuid: object) -> SavedView:
    """One of the owner's saved views (Http404 for anyone else's, or a bad uuid)."""
    try:
        key = uuid_module.UUID(str(uuid))
    except ValueError:
        raise Http404 from None
    found = SavedView.objects.filter(owner=owner, uuid=key).first()
    if found is None:
        raise Http404
    return found
