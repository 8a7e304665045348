"""The review queue's one FilterSet: /review/, its exports and /api/v1/review-queue/ share it.

Pages drop blank values before binding (a blank select means "all"); the API refuses them
(ApiFilterSet). Validating a value costs no query: calls and reviewers are matched by uuid,
regions and provinces against the reference data read once per process.
"""

from __future__ import annotations

import functools
import uuid as uuid_module
from typing import Any, ClassVar

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from applications.models import Application
from applications.queue.selectors import (
    QUEUE_STATES,
    SORTS,
    assigned_condition,
    overdue_filter,
    queue_base,
    queue_order,
    state_counts,
)
from municipalities.models import OrganisationKind, Province, Region
from smartcity.accounts.models import User
from smartcity.filters import SELECT, ApiFilterSet, StrictBooleanFilter
from smartcity.i18n import in_language
from smartcity.vocabulary import Domain

PAGE_SIZES = (25, 50, 100)
DEFAULT_PAGE_SIZE = 50
SORT_LABELS = {
    "reference": _("Reference"),
    "organisation": _("Organisation"),
    "province": _("Province"),
    "state": _("State"),
    "submitted": _("Submitted on"),
    "due": _("Due"),
}


@functools.cache
def reference_geography() -> tuple[
    tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]
]:
    """(code, Thai name, English name) of the regions and of the provinces, read once per
    process: reference data (load_reference_data) that no page changes."""
    regions = tuple(
        Region.objects.order_by("position", "code").values_list("code", "name_th", "name_en")
    )
    provinces = tuple(
        Province.objects.order_by("sort_key").values_list("code", "name_th", "name_en")
    )
    return regions, provinces


def region_choices() -> list[tuple[str, str]]:
    return [(code, in_language(th, en)) for code, th, en in reference_geography()[0]]


def province_choices() -> list[tuple[str, str]]:
    return [(code, in_language(th, en)) for code, th, en in reference_geography()[1]]


def sort_choices() -> list[tuple[str, object]]:
    """Each sortable column, ascending then descending."""
    return [
        (
            f"{sign}{name}",
            format_lazy("{} ({})", label, _("descending") if sign else _("ascending")),
        )
        for name, label in SORT_LABELS.items()
        if name in SORTS
        for sign in ("", "-")
    ]


@extend_schema_field(OpenApiTypes.STR)
class ReferenceChoiceFilter(django_filters.ChoiceFilter):
    """A choice among reference data (regions, provinces) given per FilterSet instance."""


class ReviewerField(forms.Field):
    """A reviewer's uuid, or "me"."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": _("Choose a reviewer (their uuid), or “me”.")
    }

    def to_python(self, value: Any) -> str | uuid_module.UUID | None:  # noqa: ANN401
        text = str(value or "").strip()
        if not text:
            return None
        if text == "me":
            return text
        try:
            return uuid_module.UUID(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


@extend_schema_field(OpenApiTypes.STR)
class ReviewerFilter(django_filters.Filter):
    field_class = ReviewerField


class QueueFilter(ApiFilterSet):
    """Call, states, region, province, organisation kind, domain, assigned reviewer, overdue;
    `q` searches; `ordering` sorts by a column; `page_size` picks 25, 50 or 100 rows."""

    q = django_filters.CharFilter(
        label=_("Search"),
        max_length=100,
        method="filter_q",
        help_text=_("Reference, organisation or area name (Thai or English), or DLA code"),
    )
    call = django_filters.UUIDFilter(label=_("Call"), field_name="call__uuid")
    state = django_filters.MultipleChoiceFilter(
        label=_("State"),
        choices=[(s.value, s.label) for s in QUEUE_STATES],
        distinct=False,  # a column of the row itself: no duplicates to remove, no DISTINCT sort
    )
    region = ReferenceChoiceFilter(
        label=_("Region"),
        choices=(),  # set per instance (__init__): names in the active language
        field_name="lead_org__province__region__code",
        widget=SELECT,
        empty_label=_("All regions"),
    )
    province = ReferenceChoiceFilter(
        label=_("Province"),
        choices=(),  # set per instance (__init__)
        field_name="lead_org__province__code",
        widget=SELECT,
        empty_label=_("All provinces"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Organisation kind"),
        choices=OrganisationKind.choices,
        field_name="lead_org__kind",
        widget=SELECT,
        empty_label=_("All kinds"),
    )
    domain = django_filters.ChoiceFilter(
        label=_("Domain"),
        choices=Domain.choices,
        widget=SELECT,
        method="filter_domain",
        empty_label=_("All domains"),
    )
    assigned = ReviewerFilter(
        label=_("Assigned reviewer"),
        method="filter_assigned",
        help_text=_("A reviewer's uuid, or “me”"),
    )
    overdue = StrictBooleanFilter(
        label=_("Overdue"),
        method="filter_overdue",
        help_text=_("An open revision request past its deadline, or a review past its due date"),
    )
    ordering = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=sort_choices(), method="filter_ordering"
    )
    page_size = django_filters.TypedChoiceFilter(
        label=_("Rows per page"),
        choices=[(str(n), str(n)) for n in PAGE_SIZES],
        coerce=int,
        method="keep",
    )

    class Meta:
        model = Application
        fields: ClassVar[list[str]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        for name, choices in (("region", region_choices()), ("province", province_choices())):
            reference = self.filters[name]
            reference.extra["choices"] = choices
            # a field built before any instance (the API schema builds one on the class's
            # filter, with no choices) would otherwise be copied here and refuse every value
            vars(reference).pop("_field", None)

    def filter_q(self, rows: QuerySet[Application], name: str, value: str) -> QuerySet[Application]:
        """Every word is a substring of the reference, the area, the lead organisation's Thai
        or English name or its DLA code (the trigram index on `search_text`)."""
        for term in value.split():
            rows = rows.filter(search_text__contains=term.upper())
        return rows

    def filter_domain(
        self, rows: QuerySet[Application], name: str, value: str
    ) -> QuerySet[Application]:
        return rows.filter(domains__contains=[value])

    def filter_assigned(
        self, rows: QuerySet[Application], name: str, value: str | uuid_module.UUID
    ) -> QuerySet[Application]:
        reviewer = self.request.user if value == "me" and self.request else value
        if isinstance(reviewer, str):  # "me" without a request: nobody
            return rows.none()
        return rows.filter(assigned_condition(reviewer))

    def filter_overdue(
        self, rows: QuerySet[Application], name: str, value: bool
    ) -> QuerySet[Application]:
        return rows.filter(overdue_filter()) if value else rows.exclude(overdue_filter())

    def filter_ordering(
        self, rows: QuerySet[Application], name: str, value: str
    ) -> QuerySet[Application]:
        return rows.order_by(*queue_order(value))

    def keep(self, rows: QuerySet[Application], name: str, value: object) -> QuerySet[Application]:
        return rows


def page_data(query: QueryDict) -> QueryDict:
    """The page's query string without blanks (a blank select means "all" on pages), as the
    FilterSet's data."""
    data = query.copy()
    for name in list(data.keys()):
        values = [v for v in data.getlist(name) if v.strip()]
        if values:
            data.setlist(name, values)
        else:
            del data[name]
    return data


# query parameters that are no filter of the facet counts (the counts are per state)
NOT_FACETED = ("state", "ordering", "page", "page_size", "pick", "assign_to")


def facet_counts(data: QueryDict, *, viewer: User, request: HttpRequest | None) -> dict[str, int]:
    """Proposals per state for the filters in `data` except the state (selectors.state_counts:
    cached); the caller has checked the filters."""
    rest = QueryDict(mutable=True)
    for name in data:
        if name not in NOT_FACETED:
            rest.setlist(name, data.getlist(name))
    filters = QueueFilter(rest, queryset=queue_base(viewer=viewer), request=request)
    filters.is_valid()
    return state_counts(filters.qs, viewer=viewer, filters=dict(rest.lists()))
