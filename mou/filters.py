"""The MOU list filters: one definition for /mous/, /api/v1/mous/ and its schema."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from mou.models import MOU, Status
from mou.selectors import mou_filter_municipalities, mou_filter_parties
from municipalities.models import Organisation
from smartcity.filters import SELECT, ApiFilterSet


def mou_search(rows: QuerySet[MOU], name: str, value: str) -> QuerySet[MOU]:
    """Title, reference number or a party's name contains the text."""
    text = value.strip()
    if not text:
        return rows
    return rows.filter(
        pk__in=MOU.objects.filter(
            Q(title_th__icontains=text)
            | Q(title_en__icontains=text)
            | Q(reference_number__icontains=text)
            | Q(parties__organisation__name_th__icontains=text)
            | Q(parties__organisation__name_en__icontains=text)
        ).values("pk")  # a subquery: the joins would repeat a row and upset its counts
    )


def _organisation_filter(
    label: StrOrPromise, empty_label: StrOrPromise, queryset: QuerySet[Organisation], via: str
) -> django_filters.ModelChoiceFilter:
    """An organisation, by uuid, taking part in the MOU `via` its parties or municipalities."""

    def taking_part(rows: QuerySet[MOU], name: str, value: Organisation) -> QuerySet[MOU]:
        return rows.filter(
            pk__in=MOU.objects.filter(**{f"{via}__organisation": value}).values("pk")
        )

    return django_filters.ModelChoiceFilter(
        label=label,
        empty_label=empty_label,
        queryset=queryset,
        to_field_name="uuid",
        method=taking_part,
        widget=SELECT,
    )


class MOUFilters(django_filters.FilterSet):
    """Status, party and municipality: the filters the page and the API share."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("All statuses"), widget=SELECT
    )
    party = _organisation_filter(_("Party"), _("All parties"), mou_filter_parties(), via="parties")
    municipality = _organisation_filter(
        _("Municipality"),
        _("All municipalities"),
        mou_filter_municipalities(),
        via="municipalities",
    )

    class Meta:
        model = MOU
        fields: ClassVar[list[str]] = []


class MOUPageFilter(MOUFilters):
    """/mous/: `q` searches."""

    q = django_filters.CharFilter(label=_("Search"), max_length=100, method=mou_search)


class MOUFilter(MOUFilters, ApiFilterSet):
    """/api/v1/mous/: `search` searches."""

    search = django_filters.CharFilter(
        max_length=100, help_text=_("Title, reference or party"), method=mou_search
    )
