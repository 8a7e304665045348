"""Reads of the registry shaped for its pages and endpoints."""

from __future__ import annotations

import re
import uuid

from django.db.models import Case, Q, QuerySet, Value, When
from django.http import Http404

from municipalities.models import Organisation, OrganisationKind, Province, Region

_RE_DLA_CODE = re.compile(r"^\d{7}$")


# Larger bodies first: a city or town carries the place's name, the provincial organisation
# covers the province around it, then the smaller local bodies and everything else.
KIND_RANK = {
    OrganisationKind.CITY_MUNICIPALITY: 0,
    OrganisationKind.SPECIAL_ADMIN_AREA: 0,
    OrganisationKind.PROVINCIAL_ADMIN_ORG: 1,
    OrganisationKind.TOWN_MUNICIPALITY: 2,
    OrganisationKind.SUBDISTRICT_MUNICIPALITY: 3,
    OrganisationKind.SUBDISTRICT_ADMIN_ORG: 4,
}


def organisation_list(
    *,
    q: str = "",
    region: Region | None = None,
    province: Province | None = None,
    kind: str = "",
    is_pilot: bool | None = None,
) -> QuerySet[Organisation]:
    """Organisations matching a search and filters, best match first, rows ready to show.

    Each word of `q` matches a substring of the Thai, short Thai or English name (the trigram
    index on `search_text`: Thai needs no word segmentation this way), or, when it is digits,
    the start of the DLA code. Rows whose name equals `q` come first, then names starting with
    it; within each, larger bodies first (KIND_RANK), then Thai dictionary order.
    """
    rows = Organisation.objects.select_related("province__region", "district")
    for term in q.split():
        if term.isdigit():
            rows = rows.filter(dla_code__startswith=term)
        else:
            rows = rows.filter(search_text__contains=term.upper())
    if region is not None:
        rows = rows.filter(province__region=region)
    if province is not None:
        rows = rows.filter(province=province)
    if kind:
        rows = rows.filter(kind=kind)
    if is_pilot is not None:
        rows = rows.filter(is_pilot=is_pilot)
    order = [
        Case(*(When(kind=k, then=Value(rank)) for k, rank in KIND_RANK.items()), default=9),
        "sort_key",
        "dla_code",
    ]
    phrase = " ".join(q.split())
    if phrase:
        exact = Q(name_th=phrase) | Q(short_name_th=phrase) | Q(name_en__iexact=phrase)
        prefix = (
            Q(name_th__startswith=phrase)
            | Q(short_name_th__startswith=phrase)
            | Q(name_en__istartswith=phrase)
        )
        order.insert(0, Case(When(exact, then=0), When(prefix, then=1), default=2))
    return rows.order_by(*order)


def organisation_get(*, key: str) -> Organisation:
    """One organisation by uuid or DLA code, with its province, region and district (or 404)."""
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


def province_list(*, region: Region | None = None, english: bool = False) -> QuerySet[Province]:
    """Provinces in Thai dictionary order (or English alphabetical order), with their region."""
    rows = Province.objects.select_related("region")
    if region is not None:
        rows = rows.filter(region=region)
    return rows.order_by("name_en" if english else "sort_key")
