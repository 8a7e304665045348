"""Dates for people: Buddhist Era with Thai month names on Thai pages, CE on English pages.

Stored values stay ordinary dates and aware datetimes; the Buddhist Era exists only here.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats, timezone

from smartcity.i18n import display_year, is_thai

register = template.Library()

THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
THAI_MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip


def _local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def thai_date(value: dt.date | dt.datetime | None, style: str = "short") -> str:
    """2020-07-02 → "2 ก.ค. 2563" (Thai; "long": "2 กรกฎาคม 2563") or "2 Jul 2020" (English)."""
    if value in (None, ""):
        return ""
    day = _local_date(value)
    if is_thai():
        months = THAI_MONTHS_LONG if style == "long" else THAI_MONTHS_SHORT
        return f"{day.day} {months[day.month - 1]} {display_year(day.year)}"
    return formats.date_format(day, "j F Y" if style == "long" else "j M Y")


@register.filter
def thai_datetime(value: dt.datetime | None) -> str:
    """An aware datetime in Bangkok time: "2 ก.ค. 2563 14:05" or "2 Jul 2020 14:05"."""
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{thai_date(local)} {local:%H:%M}"
