"""Reads of the registry shaped for its pages and endpoints."""

from __future__ import annotations

import re
import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from municipalities.models import Organisation, Province, Region

_RE_DLA_CODE = re.compile(r"^\d{7}$")


def organisation_list(
    *,
    viewer: object,
    q: str = "",
    region: Region | None = None,
    province: Province | None = None,
    kind: str = "",
    is_pilot: bool | None = None,
) -> QuerySet[Organisation]:
    """Organisations matching a search and filters, in Thai dictionary order, rows ready to show.

    The search matches each word of `q` as a substring of the Thai, short Thai or English name,
    or the start of the DLA code: Thai needs no word segmentation this way.
    """
    rows = Organisation.objects.visible_to(viewer).select_related("province__region", "district")
    for term in q.split():
        rows = rows.filter(
            Q(name_th__icontains=term)
            | Q(short_name_th__icontains=term)
            | Q(name_en__icontains=term)
            | Q(dla_code__startswith=term)
        )
    if region is not None:
        rows = rows.filter(province__region=region)
    if province is not None:
        rows = rows.filter(province=province)
    if kind:
        rows = rows.filter(kind=kind)
    if is_pilot is not None:
        rows = rows.filter(is_pilot=is_pilot)
    return rows.order_by("sort_key", "dla_code")


def organisation_get(*, key: str, viewer: object) -> Organisation:
    """One organisation the viewer may see by uuid or DLA code, with its province, region and
    district (or 404)."""
    rows = Organisation.objects.visible_to(viewer).select_related("province__region", "district")
    if _RE_DLA_CODE.match(key):
        found = rows.filter(dla_code=key).first()
    else:
        try:
            found = rows.filter(uuid=uuid.UUID(key)).first()
        except ValueError:
            found = None
    if found is None:
        raise Http404(key)
    return found


def region_list() -> QuerySet[Region]:
    """The six regions in their usual order (north to south)."""
    return Region.objects.order_by("position", "code")


def province_list(*, region: Region | None = None) -> QuerySet[Province]:
    """Provinces in Thai dictionary order, each with its region."""
    rows = Province.objects.select_related("region")
    if region is not None:
        rows = rows.filter(region=region)
    return rows.order_by("sort_key")
