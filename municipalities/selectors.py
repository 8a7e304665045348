"""Reads of the registry shaped for its pages and endpoints."""

from __future__ import annotations

import re
import uuid

from django.db.models import QuerySet
from django.http import Http404

from municipalities.models import Organisation, Province, Region

_RE_DLA_CODE = re.compile(r"^\d{7}$")


def organisation_list() -> QuerySet[Organisation]:
    """Organisations in Thai dictionary order, rows ready to show (filters: filters.py)."""
    return Organisation.objects.select_related("province__region", "district").order_by(
        "sort_key", "dla_code"
    )


def organisation_get(*, key: str) -> Organisation:
    """One organisation by uuid or DLA code, with its province, region and district.

    Raises Http404, like every `<entity>_get` selector: pages and the API answer 404 alike.
    """
    rows = Organisation.objects.select_related("province__region", "district")
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


def province_list() -> QuerySet[Province]:
    """Provinces in Thai dictionary order, each with its region."""
    return Province.objects.select_related("region").order_by("sort_key")
