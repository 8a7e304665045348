"""Query-string filters of the proposals API (django-filter)."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from applications.models import Application, Call
from applications.workflow import State
from smartcity.vocabulary import Domain


class ApplicationFilter(django_filters.FilterSet):
    call = django_filters.UUIDFilter(field_name="call__uuid")
    lead_org = django_filters.UUIDFilter(field_name="lead_org__uuid")
    state = django_filters.MultipleChoiceFilter(choices=State.choices)
    domain = django_filters.ChoiceFilter(choices=Domain.choices, method="filter_domain")
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="icontains")
    submitted_after = django_filters.IsoDateTimeFilter(field_name="submitted_at", lookup_expr="gte")
    submitted_before = django_filters.IsoDateTimeFilter(field_name="submitted_at", lookup_expr="lt")

    class Meta:
        model = Application
        fields = ("call", "lead_org", "state", "domain", "reference")

    def filter_domain(
        self, queryset: QuerySet[Application], name: str, value: str
    ) -> QuerySet[Application]:
        return queryset.filter(domains__contains=[value])


class CallFilter(django_filters.FilterSet):
    is_open = django_filters.BooleanFilter(field_name="is_open_now")

    class Meta:
        model = Call
        fields = ("is_open",)
