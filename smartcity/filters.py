"""What every app's list filters share (each app's FilterSets live in its `filters.py`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

SELECT = forms.Select(attrs={"class": "form-select"})  # Bootstrap's select, for every list filter


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`; anything else is refused (django-filter's BooleanFilter ignores it)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=[("true", "true"), ("false", "false")],
            coerce=lambda value: value == "true",
            **kwargs,
        )


class ApiFilterSet(django_filters.FilterSet):
    """Base of the API's FilterSets: a choice filter given blank (`?status=`) is refused (400
    naming it), not ignored. Pages keep django-filter's reading, where a blank select is "all".
    """

    def is_valid(self) -> bool:
        valid: bool = super().is_valid()
        for name, filter_ in self.filters.items():
            if self.data.get(name) == "" and not isinstance(filter_, django_filters.CharFilter):
                self.form.add_error(name, _("Give a value, or leave this filter out."))
                valid = False
        return valid


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time compared in UTC: PostgreSQL refuses offsets beyond ±15:59 that
    Python accepts (`+23:34`), and a date-time too near year 1 or 9999 to move matches nothing."""

    def filter(self, qs: QuerySet[Any], value: dt.datetime | None) -> QuerySet[Any]:
        if value is None:
            return qs
        try:
            value = value.astimezone(dt.UTC)
        except OverflowError:
            return qs.none()
        filtered: QuerySet[Any] = super().filter(qs, value)
        return filtered
