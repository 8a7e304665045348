"""The registry's read-only API: regions, provinces and organisations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from municipalities.filters import OrganisationFilter, ProvinceFilter
from municipalities.models import ORGANISATION_FACTS, District, Organisation, Province, Region
from municipalities.selectors import organisation_list, province_list, region_list
from smartcity.listrows import ValuesRows


class RegionOut(serializers.ModelSerializer[Region]):
    class Meta:
        model = Region
        fields = ("code", "name_th", "name_en")


class ProvinceOut(serializers.ModelSerializer[Province]):
    region: serializers.SlugRelatedField[Region] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Province
        fields = ("code", "name_th", "name_en", "region")


class OrganisationOut(serializers.ModelSerializer[Organisation]):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    # an agency outside the registry has no province, district or region
    province: serializers.SlugRelatedField[Province] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    province_name_th = serializers.CharField(
        source="province.name_th", default=None, allow_null=True
    )
    province_name_en = serializers.CharField(
        source="province.name_en", default=None, allow_null=True
    )
    district: serializers.SlugRelatedField[District] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    region = serializers.CharField(source="province.region.code", default=None, allow_null=True)

    class Meta:
        model = Organisation
        fields = (
            "uuid",
            "dla_code",
            "kind",
            "kind_display",
            "name_th",
            "short_name_th",
            "name_en",
            "is_name_en_machine_made",
            "province",
            "province_name_th",
            "province_name_en",
            "district",
            "region",
            *ORGANISATION_FACTS,
        )


ORGANISATION_ROWS = ValuesRows(OrganisationOut)


@extend_schema_view(list=extend_schema(summary="The six regions"))
class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionOut
    lookup_field = "code"
    pagination_class = None  # six rows

    def get_queryset(self) -> QuerySet[Region]:
        return region_list()


@extend_schema_view(list=extend_schema(summary="The 77 provinces, in Thai dictionary order"))
class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProvinceOut
    lookup_field = "code"
    pagination_class = None  # 77 rows
    filterset_class = ProvinceFilter

    def get_queryset(self) -> QuerySet[Province]:
        return province_list()


@extend_schema_view(
    list=extend_schema(
        summary="Organisations, best match first, larger bodies first, then Thai dictionary order"
    )
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationOut
    lookup_field = "uuid"
    filterset_class = OrganisationFilter

    def get_queryset(self) -> QuerySet[Organisation]:
        return organisation_list(viewer=self.request.user)

    def list(self, request: Request) -> Response:
        # the page as OrganisationOut shapes it, read with .values() (smartcity/listrows.py)
        rows = self.filter_queryset(self.get_queryset())
        # PageRows is the sequence DRF's paginator slices: its pages are .values() dicts
        pages = cast("Sequence[Any]", ORGANISATION_ROWS.page(rows, count_scope="organisations"))
        page = cast("list[dict[str, Any]] | None", self.paginate_queryset(pages))
        return self.get_paginated_response(ORGANISATION_ROWS.render(page or []))
