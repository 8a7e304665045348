"""The registry's list filters: one definition each for the pages, the API and its schema."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation, OrganisationKind, Province
from municipalities.selectors import organisation_search, province_list, region_list
from smartcity.filters import SELECT, ApiFilterSet, StrictBooleanFilter


def organisation_search_filter(
    rows: QuerySet[Organisation], name: str, value: str
) -> QuerySet[Organisation]:
    """The registry's ranked search (selectors.organisation_search) as a filter method."""
    return organisation_search(rows, value)


def provinces_in_language(request: HttpRequest | None) -> QuerySet[Province]:
    """Province choices in Thai dictionary order, or in English order on English pages."""
    return province_list(english=get_language() == "en")


class OrganisationFilters(django_filters.FilterSet):
    """Region, province and kind: the filters the page and the API share."""

    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=region_list(),
        to_field_name="code",
        field_name="province__region",
        empty_label=_("All regions"),
        widget=SELECT,
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=provinces_in_language,
        to_field_name="code",
        empty_label=_("All provinces"),
        widget=SELECT,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganisationKind.choices, empty_label=_("All kinds"), widget=SELECT
    )

    class Meta:
        model = Organisation
        fields: ClassVar[list[str]] = []


class OrganisationPageFilter(OrganisationFilters):
    """/municipalities/: `q` searches."""

    q = django_filters.CharFilter(
        label=_("Search"),
        max_length=100,
        help_text=_("Thai or English name, or DLA code"),
        method=organisation_search_filter,
    )


class OrganisationFilter(OrganisationFilters, ApiFilterSet):
    """/api/v1/organisations/: `search` searches; `is_pilot` picks the 2020 MOU pilots."""

    search = django_filters.CharFilter(
        max_length=100,
        help_text=_("Thai or English name, or DLA code"),
        method=organisation_search_filter,
    )
    is_pilot = StrictBooleanFilter(help_text=_("The pilots of the 2020 MOU"))


class ProvinceFilter(ApiFilterSet):
    region = django_filters.ModelChoiceFilter(queryset=region_list(), to_field_name="code")

    class Meta:
        model = Province
        fields: ClassVar[list[str]] = []
