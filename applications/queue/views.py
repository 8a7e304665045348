"""/review/: the staff review queue, its saved views, bulk assignment and exports. Thin: the
FilterSet reads the query, selectors load, services write."""

from __future__ import annotations

import uuid as uuid_module
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from applications.queue import exports, selectors
from applications.queue.filters import (
    DEFAULT_PAGE_SIZE,
    PAGE_SIZES,
    QueueFilter,
    facet_counts,
    page_data,
)
from applications.queue.services import queue_assign, saved_view_delete, saved_view_save
from applications.services.assignments import BulkAssignment
from smartcity.accounts.models import User
from smartcity.counts import CachedCountPaginator

PERM = "applications.view_staff_queue"


def _staff(request: HttpRequest) -> User:
    """The signed-in staff member (PermissionDenied for anyone else)."""
    if not request.user.has_perm(PERM):
        raise PermissionDenied
    return cast(User, request.user)


def queue_filters(request: HttpRequest, data: QueryDict) -> tuple[QueueFilter, list[str]]:
    """The FilterSet bound to the query; a refused value is dropped, and described for the page."""
    viewer = _staff(request)
    rows = selectors.queue_rows(selectors.queue_base(viewer=viewer), viewer=viewer)
    filters = QueueFilter(data, queryset=rows, request=request)
    if filters.is_valid():
        return filters, []
    refused = [
        f"{filters.filters[name].label}: {' '.join(str(m) for m in errors)}"
        for name, errors in filters.errors.items()
        if name in filters.filters
    ]
    for name in filters.errors:
        data.pop(name, None)
    filters = QueueFilter(data, queryset=rows, request=request)
    filters.is_valid()
    return filters, refused


COLUMNS = (
    ("reference", _lazy("Reference")),
    ("organisation", _lazy("Organisation")),
    ("province", _lazy("Province")),
    ("call", _lazy("Call")),
    ("state", _lazy("State")),
    ("submitted", _lazy("Submitted on")),
    ("reviewers", _lazy("Reviewers")),
    ("reviews", _lazy("Reviews")),
    ("due", _lazy("Due")),
)
ARIA_SORT = {"asc": "ascending", "desc": "descending", "": "none"}


def _columns(data: QueryDict, current: str, *, scores: bool) -> list[dict[str, str]]:
    """The table's headings; a sortable one links to its ascending order, or to the descending
    one when it is already sorted ascending."""
    columns = []
    for column, label in (*COLUMNS, *((("mean_score", _lazy("Mean score")),) if scores else ())):
        heading = {"label": str(label), "url": "", "direction": ""}
        if column in selectors.SORTS:
            query = data.copy()
            query.pop("page", None)
            query["ordering"] = f"-{column}" if current == column else column
            heading["url"] = f"?{query.urlencode()}"
            heading["direction"] = (
                "asc" if current == column else "desc" if current == f"-{column}" else ""
            )
            heading["aria_sort"] = ARIA_SORT[heading["direction"]]
        columns.append(heading)
    return columns


@login_required
def queue_index(request: HttpRequest) -> HttpResponse:
    """The queue: facets per state, filters, search, sortable columns, pages of 25/50/100."""
    viewer = _staff(request)
    data = page_data(request.GET)
    filters, refused = queue_filters(request, data)
    cleaned = filters.form.cleaned_data
    page_size = cleaned.get("page_size") or DEFAULT_PAGE_SIZE
    page = CachedCountPaginator(filters.qs, page_size, scope="applications").get_page(
        request.GET.get("page")
    )
    for application in page.object_list:
        application.state_badge = selectors.STATE_BADGES.get(application.state, "text-bg-secondary")
    may_assign = viewer.has_perm("applications.assign_reviewer")
    saved_query = data.copy()
    for name in ("page", "pick", "assign_to"):
        saved_query.pop(name, None)
    context: dict[str, Any] = {
        "page": page,
        "form": filters.form,
        "refused": refused,
        "facets": selectors.facets(
            facet_counts(data, viewer=viewer, request=request), cleaned.get("state") or []
        ),
        "columns": _columns(
            data, cleaned.get("ordering") or "", scores=selectors.sees_scores(viewer)
        ),
        "ordering": cleaned.get("ordering") or "",
        "page_size": page_size,
        "page_sizes": PAGE_SIZES,
        "query": saved_query.urlencode(),
        "calls": selectors.call_choices(),
        "reviewers": selectors.reviewer_list(),
        "may_assign": may_assign,
        "sees_scores": selectors.sees_scores(viewer),
        "picked": set(request.GET.getlist("pick")),
        "assign_to": set(request.GET.getlist("assign_to")),
        "today": timezone.localdate(),
    }
    if getattr(request, "htmx", False):
        return render(request, "applications/queue/partials/_results.html", context)
    context["saved_views"] = selectors.saved_view_list(owner=viewer)
    return render(request, "applications/queue/queue.html", context)


def assignment_lines(result: BulkAssignment) -> list[tuple[int, str]]:
    """The messages of a bulk assignment: what was made, then each refusal with its reason."""
    lines = []
    if result.created:
        made = ", ".join(f"{a.application.reference} → {a.reviewer}" for a in result.created)
        text = ngettext(
            "%(count)s assignment made: %(made)s.",
            "%(count)s assignments made: %(made)s.",
            len(result.created),
        )
        lines.append((messages.SUCCESS, text % {"count": len(result.created), "made": made}))
    for application, reviewer, reason in result.refused:
        text = _("Not assigned: %(reviewer)s to %(reference)s. %(reason)s")
        lines.append(
            (
                messages.ERROR,
                text % {"reviewer": reviewer, "reference": application.reference, "reason": reason},
            )
        )
    return lines


def _uuids(values: list[str]) -> list[uuid_module.UUID]:
    found = []
    for value in values:
        try:
            found.append(uuid_module.UUID(value))
        except ValueError:
            continue
    return found


def _back(query: str, **keep: list[str]) -> HttpResponse:
    extra = urlencode([(name, value) for name, values in keep.items() for value in values])
    joined = "&".join(part for part in (query, extra) if part)
    return redirect(f"{reverse('queue:list')}{'?' if joined else ''}{joined}")


@login_required
@require_POST
def queue_assign_view(request: HttpRequest) -> HttpResponse:
    """Assign the chosen reviewers to the ticked proposals; each refusal is reported with its
    reason and the selection comes back ticked."""
    viewer = _staff(request)
    if not viewer.has_perm("applications.assign_reviewer"):
        raise PermissionDenied
    query = request.POST.get("next", "")
    picked = request.POST.getlist("application")
    chosen = request.POST.getlist("reviewer")
    applications, _unknown = selectors.applications_pick(viewer=viewer, uuids=_uuids(picked))
    reviewers, _nobody = selectors.reviewers_pick(_uuids(chosen))
    if not applications or not reviewers:
        messages.error(request, _("Tick at least one proposal and choose at least one reviewer."))
        return _back(query, pick=picked, assign_to=chosen)
    result = queue_assign(applications=applications, reviewers=reviewers, actor=viewer)
    for level, text in assignment_lines(result):
        messages.add_message(request, level, text)
    if result.refused:
        return _back(query, pick=picked, assign_to=chosen)
    return _back(query)


@login_required
def queue_export(request: HttpRequest, kind: str) -> HttpResponse:
    """Every row the filters match (not only one page) as CSV (UTF-8 with BOM) or Excel."""
    viewer = _staff(request)
    filters, _refused = queue_filters(request, page_data(request.GET))
    return exports.queue_export(list(filters.qs), kind=kind, scores=selectors.sees_scores(viewer))


@login_required
@require_POST
def saved_view_create(request: HttpRequest) -> HttpResponse:
    viewer = _staff(request)
    query = QueryDict(request.POST.get("query", ""))
    try:
        view = saved_view_save(
            owner=viewer, name=request.POST.get("name", ""), parameters=dict(query.lists())
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return _back(query.urlencode())
    messages.success(request, _("The view “%(name)s” is saved.") % {"name": view.name})
    return redirect("queue:view-open", uuid=view.uuid)


@login_required
def saved_view_open(request: HttpRequest, uuid: str) -> HttpResponse:
    view = selectors.saved_view_get(owner=_staff(request), uuid=uuid)
    return _back(view.query)


@login_required
@require_POST
def saved_view_remove(request: HttpRequest, uuid: str) -> HttpResponse:
    viewer = _staff(request)
    view = selectors.saved_view_get(owner=viewer, uuid=uuid)
    saved_view_delete(owner=viewer, saved_view=view)
    messages.success(request, _("The view “%(name)s” is deleted.") % {"name": view.name})
    return redirect("queue:list")
