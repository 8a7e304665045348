"""The registry's read-only API: regions, provinces and organisations."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from municipalities.forms import OrganisationFilterForm
from municipalities.models import Organisation, Province, Region
from municipalities.selectors import organisation_list, province_list, region_list
from smartcity.api import router


class RegionOut(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ("code", "name_th", "name_en")


class ProvinceOut(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Province
        fields = ("code", "name_th", "name_en", "region")


class OrganisationOut(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)
    province_name_th = serializers.CharField(source="province.name_th", default=None)
    province_name_en = serializers.CharField(source="province.name_en", default=None)
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)
    region = serializers.CharField(source="province.region.code", default=None)

    class Meta:
        model = Organisation
        fields = (
            "uuid", "dla_code", "kind", "kind_display", "name_th", "short_name_th", "name_en",
            "is_name_en_machine_made", "province", "province_name_th", "province_name_en",
            "district", "region", "latitude", "longitude", "area_km2", "population", "website",
            "is_verified", "is_pilot",
        )  # fmt: skip


@extend_schema_view(list=extend_schema(summary="The six regions"))
class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionOut
    lookup_field = "code"
    pagination_class = None  # six rows

    def get_queryset(self) -> QuerySet[Region]:
        return region_list()


@extend_schema_view(
    list=extend_schema(
        summary="The 77 provinces, in Thai dictionary order",
        parameters=[OpenApiParameter("region", OpenApiTypes.STR, description="region code")],
    )
)
class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProvinceOut
    lookup_field = "code"
    pagination_class = None  # 77 rows

    def get_queryset(self) -> QuerySet[Province]:
        code = self.request.query_params.get("region")
        region = region_list().filter(code=code).first() if code else None
        if code and region is None:
            raise ValidationError({"region": [f"unknown region {code!r}"]})
        return province_list(region=region)


@extend_schema_view(
    list=extend_schema(
        summary="Organisations, best match first, larger bodies first, then Thai dictionary order",
        parameters=[
            OpenApiParameter(
                "search",
                OpenApiTypes.STR,
                description="Thai or English name substring, or the start of a DLA code",
            ),
            OpenApiParameter("region", OpenApiTypes.STR, description="region code, e.g. north"),
            OpenApiParameter("province", OpenApiTypes.STR, description="2-digit province code"),
            OpenApiParameter("kind", OpenApiTypes.STR, description="organisation kind"),
            OpenApiParameter("is_pilot", OpenApiTypes.BOOL, description="2020 MOU pilots"),
        ],
    )
)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationOut
    lookup_field = "uuid"

    def get_queryset(self) -> QuerySet[Organisation]:
        params = self.request.query_params
        form = OrganisationFilterForm(
            {
                "q": params.get("search", ""),
                "region": params.get("region", ""),
                "province": params.get("province", ""),
                "kind": params.get("kind", ""),
            }
        )
        if not form.is_valid():
            raise ValidationError(form.errors)
        pilot = params.get("is_pilot")
        is_pilot = None if pilot is None else pilot.lower() in {"1", "true", "yes"}
        return organisation_list(**form.cleaned_data, is_pilot=is_pilot)


router.register("regions", RegionViewSet, basename="region")
router.register("provinces", ProvinceViewSet, basename="province")
router.register("organisations", OrganisationViewSet, basename="organisation")
