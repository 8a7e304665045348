"""Reads of the registry shaped for its pages and endpoints."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from django.db.models import Case, Q, QuerySet, When
from django.http import Http404

from municipalities.models import Organisation, Province, Region, kind_rank

if TYPE_CHECKING:
    from smartcity.accounts.models import Viewer  # a type only: no import at run time

_RE_DLA_CODE = re.compile(r"^\d{7}$")


# the list's order; the index organisation_list_order serves it (larger bodies first)
ORGANISATION_ORDER = (kind_rank(), "sort_key", "dla_code")


def organisation_list(*, viewer: Viewer) -> QuerySet[Organisation]:
    """The organisations the viewer may see, larger bodies first, then Thai dictionary order,
    rows ready to show (filters: filters.py)."""
    rows = Organisation.objects.visible_to(viewer).select_related("province__region", "district")
    return rows.order_by(*ORGANISATION_ORDER)


def organisation_search(rows: QuerySet[Organisation], text: str) -> QuerySet[Organisation]:
    """Rows matching every word of `text`, best match first.

    Each word matches a substring of the Thai, short Thai or English name (the trigram index on
    `search_text`: Thai needs no word segmentation this way), or, when it is digits, the start
    of the DLA code. Names equal to the text come first, then names starting with it; within
    each, the list's order (larger bodies first, then Thai dictionary order).
    """
    for term in text.split():
        if term.isdigit():
            rows = rows.filter(dla_code__startswith=term)
        else:
            rows = rows.filter(search_text__contains=term.upper())
    phrase = " ".join(text.split())
    if not phrase:
        return rows
    exact = Q(name_th=phrase) | Q(short_name_th=phrase) | Q(name_en__iexact=phrase)
    prefix = (
        Q(name_th__startswith=phrase)
        | Q(short_name_th__startswith=phrase)
        | Q(name_en__istartswith=phrase)
    )
    match = Case(When(exact, then=0), When(prefix, then=1), default=2)
    return rows.order_by(match, *ORGANISATION_ORDER)


def organisation_get(*, key: str, viewer: Viewer) -> Organisation:
    """One organisation the viewer may see, by uuid or DLA code, with its province, region and
    district.

    Raises Http404, like every `<entity>_get` selector: pages and the API answer 404 alike.
    """
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


def province_list(*, english: bool = False) -> QuerySet[Province]:
    """Provinces in Thai dictionary order (or English alphabetical order), each with its region."""
    return Province.objects.select_related("region").order_by("name_en" if english else "sort_key")
