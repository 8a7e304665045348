"""List pages of the API from `.values()` rows, with exactly the JSON of a flat ModelSerializer.

A DRF serializer spends most of a 50-row page on per-field machinery (source lookups, callable
checks, `get_<field>_display` signatures), not on the query. `ValuesRows(SummaryOut)` reads the
serializer's own fields once — their sources, defaults and `to_representation` — and turns each
`.values()` row into the same dict, so the serializer stays the one definition of the shape (and
of the OpenAPI schema) and a test compares the two outputs row for row.

    ROWS = ValuesRows(OrganisationOut)

    def list(self, request):
        rows = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(ROWS.page(rows))
        return self.get_paginated_response(ROWS.render(page or []))

Only flat serializers: model fields, dotted sources through foreign keys, slug-related fields
and `get_<field>_display`; anything else (methods, nested serializers) is refused when the
module loads, so a new field never silently changes the output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import ISO_8601, relations, serializers
from rest_framework import fields as drf_fields
from rest_framework.settings import api_settings

from smartcity.counts import cached_count

Convert = Callable[[Any], Any]

# types whose value from the database is already what to_representation returns
_AS_IS = (
    drf_fields.CharField,
    drf_fields.BooleanField,
    drf_fields.IntegerField,
    drf_fields.ChoiceField,
)


def _identity(value: Any) -> Any:  # noqa: ANN401
    return value


def _uuid(value: Any) -> str:  # noqa: ANN401
    return str(value)


def _LOCAL_ISO(value: Any) -> Any:  # noqa: ANN401 - a marker render() replaces
    raise NotImplementedError


def _iso_in_current_zone(field: drf_fields.DateTimeField) -> bool:
    """The field writes ISO 8601 in the active time zone (DRF's default)."""
    output = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return (
        isinstance(output, str)
        and output.lower() == ISO_8601
        and getattr(field, "timezone", None) is None
        and settings.USE_TZ
    )


def _decimal(field: drf_fields.DecimalField) -> Convert:
    """DecimalField.to_representation, without its work where the database's value already
    has the field's places (a numeric column of that scale): then it is the same text."""
    places, slow = field.decimal_places, field.to_representation
    coerce = getattr(field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
    if not coerce or field.localize or field.normalize_output or places is None:
        return slow

    def convert(value: Decimal) -> Any:  # noqa: ANN401
        if isinstance(value, Decimal) and value.as_tuple().exponent == -places:
            return f"{value:f}"
        return slow(value)

    return convert


class ValuesRows:
    """The `.values()` lookups a flat serializer needs and a renderer of rows in its shape."""

    def __init__(self, serializer_class: type[serializers.ModelSerializer[Any]]) -> None:
        self.serializer_class = serializer_class
        model: type[models.Model] = serializer_class.Meta.model
        self.columns: list[tuple[str, str, Convert, Any]] = []  # name, lookup, convert, default
        for name, field in serializer_class().fields.items():
            self.columns.append((name, *self._column(model, name, field)))
        self.lookups = tuple(dict.fromkeys(lookup for _, lookup, _, _ in self.columns))

    @staticmethod
    def _column(
        model: type[models.Model], name: str, field: drf_fields.Field[Any, Any, Any, Any]
    ) -> tuple[str, Convert, Any]:
        source = field.source or name
        default = None if field.default is drf_fields.empty else field.default
        if source.startswith("get_") and source.endswith("_display"):
            model_field = model._meta.get_field(source[4:-8])
            labels = dict(model_field.flatchoices)  # type: ignore[union-attr]
            return source[4:-8], lambda value: str(labels.get(value, value)), default
        lookup = source.replace(".", "__")
        if isinstance(field, relations.SlugRelatedField):
            return f"{lookup}__{field.slug_field}", _identity, default
        if isinstance(
            field, relations.RelatedField | relations.ManyRelatedField | serializers.BaseSerializer
        ):
            raise TypeError(f"{name}: only flat fields can be read from .values()")
        if isinstance(field, drf_fields.SerializerMethodField | drf_fields.HiddenField):
            raise TypeError(f"{name}: only flat fields can be read from .values()")
        if isinstance(field, drf_fields.UUIDField):
            return lookup, _uuid, default
        if isinstance(field, _AS_IS) and not isinstance(field, drf_fields.MultipleChoiceField):
            return lookup, _identity, default
        if isinstance(field, drf_fields.DateTimeField) and _iso_in_current_zone(field):
            return lookup, _LOCAL_ISO, default  # converted in render(), in the active zone
        if isinstance(field, drf_fields.DecimalField):
            return lookup, _decimal(field), default
        return lookup, field.to_representation, default

    def page(self, rows: QuerySet[Any], *, count_scope: str = "") -> PageRows:
        """What to hand the paginator: counts `rows` (no join; cached for the scope if one is
        given, smartcity/counts.py), slices `.values()`."""
        return PageRows(rows, self.lookups, count_scope=count_scope)

    def render(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The serializer's output for each `.values(*self.lookups)` row.

        As the serializer: None stays None; a dotted source through a missing relation gives
        the field's default."""
        zone = timezone.get_current_timezone()

        def local_iso(value: dt.datetime) -> str:  # DateTimeField.to_representation, in short
            text = value.astimezone(zone).isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text

        columns = [
            (name, lookup, local_iso if convert is _LOCAL_ISO else convert, default)
            for name, lookup, convert, default in self.columns
        ]
        return [
            {
                name: (
                    (default if "__" in lookup else None)
                    if (value := row[lookup]) is None
                    else convert(value)
                )
                for name, lookup, convert, default in columns
            }
            for row in rows
        ]


class PageRows:
    """A list for Django's Paginator: the count of the model queryset (the `.values()` of a
    select_related queryset would count through its outer joins), pages as `.values()` rows."""

    def __init__(
        self, rows: QuerySet[Any], lookups: tuple[str, ...], *, count_scope: str = ""
    ) -> None:
        self.rows, self.lookups, self.count_scope = rows, lookups, count_scope
        self.ordered = rows.ordered  # Paginator warns about unordered lists

    def count(self) -> int:
        if self.count_scope:
            return cached_count(self.rows, scope=self.count_scope)
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return list(self.rows.values(*self.lookups)[index])
