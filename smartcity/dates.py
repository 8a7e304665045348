"""Dates for people: the Buddhist Era on Thai screens, the Christian Era on English ones.

Stored values stay ordinary dates and aware datetimes; the Buddhist Era exists only here, for
display (`thai_date`, the `thai_dates` template filters, admin list cells) and for input
(`EraDateField`, the date field of every admin form and portal form).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from smartcity.i18n import is_thai

BUDDHIST_ERA_OFFSET = 543
PLAUSIBLE_YEARS = 100  # a date further than this from today was typed in the wrong era
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
THAI_MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


def uses_buddhist_era() -> bool:
    """Thai is active: years are shown and typed in the Buddhist Era."""
    return is_thai()


def era_year(year: int) -> int:
    """A stored (CE) year as people read it in the active language: 2020 → 2563 in Thai."""
    return year + BUDDHIST_ERA_OFFSET if uses_buddhist_era() else year


_CE_YEAR = re.compile(r"\b(?:19|20|21)\d\d\b")


def era_years(text: object) -> str:
    """Every CE year within a text in the active language's era: the Django admin's date
    drill-down titles ("2026", "พฤศจิกายน 2026") read "2569", "พฤศจิกายน 2569" in Thai."""
    if not uses_buddhist_era():
        return str(text)
    return _CE_YEAR.sub(lambda year: str(era_year(int(year.group()))), str(text))


def _local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def thai_date(value: dt.date | dt.datetime | None, style: str = "short") -> str:
    """2020-07-02 → "2 ก.ค. 2563" (Thai; "long": "2 กรกฎาคม 2563") or "2 Jul 2020" (English)."""
    if value in (None, ""):
        return ""
    day = _local_date(value)
    if uses_buddhist_era():
        months = THAI_MONTHS_LONG if style == "long" else THAI_MONTHS_SHORT
        return f"{day.day} {months[day.month - 1]} {era_year(day.year)}"
    return formats.date_format(day, "j F Y" if style == "long" else "j M Y")


def thai_datetime(value: dt.datetime | None) -> str:
    """An aware datetime in Bangkok time: "2 ก.ค. 2563 14:05" or "2 Jul 2020 14:05"."""
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{thai_date(local)} {local:%H:%M}"


# ---------------------------------------------------------------- input
DATE_INPUT = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")  # what the API and tests send


class EraDateInput(forms.DateInput):
    """A text input showing dd/mm/yyyy in the active language's era (no calendar: a browser's
    or the admin's date picker writes Christian Era years)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(
            {"inputmode": "numeric", "autocomplete": "off", "size": "10", **(attrs or {})}
        )

    def format_value(self, value: dt.date | str | None) -> str | None:
        if isinstance(value, dt.date):
            return f"{value.day:02d}/{value.month:02d}/{era_year(value.year)}"
        return value or None

    def get_context(self, name: str, value: object, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", str(date_placeholder()))
        return context


def date_placeholder() -> str:
    return str(_("dd/mm/yyyy BE") if uses_buddhist_era() else _("dd/mm/yyyy"))


class EraDateField(forms.DateField):
    """dd/mm/yyyy in the Buddhist Era on Thai forms (stored in CE), in CE on English ones; a year
    that puts the date more than 100 years from today was typed in the other era: refused."""

    widget = EraDateInput
    default_error_messages: ClassVar[dict[str, StrOrPromise]] = {
        "invalid": _("Enter a date as dd/mm/yyyy, e.g. %(example)s."),
        "wrong_era_be": _(
            "Enter the year in the Buddhist Era (พ.ศ.), e.g. %(example)s; %(year)s is not a "
            "Buddhist Era year for this date."
        ),
        "wrong_era_ce": _(
            "Enter the year in the Christian Era (CE), e.g. %(example)s; %(year)s is not a "
            "Christian Era year for this date."
        ),
    }

    def to_python(self, value: object) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        example = EraDateInput().format_value(timezone.localdate()) or ""
        if iso := ISO_DATE.match(str(value)):
            return self._date(*map(int, iso.groups()), example=example)
        typed = DATE_INPUT.match(str(value))
        if typed is None:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"example": example}
            )
        day, month, year = map(int, typed.groups())
        stored_year = year - BUDDHIST_ERA_OFFSET if uses_buddhist_era() else year
        value = self._date(stored_year, month, day, example=example)
        if abs((value - timezone.localdate()).days) > PLAUSIBLE_YEARS * 365:
            code = "wrong_era_be" if uses_buddhist_era() else "wrong_era_ce"
            raise ValidationError(
                self.error_messages[code], code=code, params={"example": example, "year": year}
            )
        return value

    def _date(self, year: int, month: int, day: int, *, example: str) -> dt.date:
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"example": example}
            ) from None
