"""Years and dates typed as Thai officers write them: Buddhist Era on Thai pages, stored in CE.

A stand-in until smartcity/dates.py (the shared EraDateField) lands on main; then the form
imports that one and this module goes.
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

BUDDHIST_ERA_OFFSET = 543
DATE_INPUT = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def uses_buddhist_era() -> bool:
    return (get_language() or "th").startswith("th")


def _offset() -> int:
    return BUDDHIST_ERA_OFFSET if uses_buddhist_era() else 0


class EraYearField(forms.IntegerField):
    """A year: 2570 on Thai pages, 2027 on English ones; the cleaned value is CE."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "size": "6"}))
        super().__init__(**kwargs)

    def prepare_value(self, value: object) -> object:
        if isinstance(value, int):
            return value + _offset()
        return value

    def to_python(self, value: object) -> int | None:
        year = super().to_python(value)
        if year is None:
            return None
        year -= _offset()
        if not 2000 <= year <= 2100:
            raise ValidationError(
                _("Enter the year in the Buddhist Era, e.g. 2570.")
                if uses_buddhist_era()
                else _("Enter the year, e.g. 2027.")
            )
        return year


class EraDateInput(forms.TextInput):
    def get_context(self, name: str, value: object, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault(
            "placeholder", str(_("dd/mm/yyyy BE") if uses_buddhist_era() else _("dd/mm/yyyy"))
        )
        return context

    def format_value(self, value: object) -> str | None:
        if isinstance(value, dt.date):
            return f"{value.day:02d}/{value.month:02d}/{value.year + _offset()}"
        return None if value in (None, "") else str(value)


class EraDateField(forms.DateField):
    """dd/mm/yyyy in the Buddhist Era on Thai pages (CE on English ones); stored in CE."""

    widget = EraDateInput

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "size": "10"})

    def to_python(self, value: object) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        text = str(value)
        try:
            if match := ISO_DATE.match(text):
                return dt.date(*map(int, match.groups()))
            if match := DATE_INPUT.match(text):
                day, month, year = map(int, match.groups())
                return dt.date(year - _offset(), month, day)
        except ValueError:
            pass
        raise ValidationError(
            _("Enter a date as dd/mm/yyyy in the Buddhist Era, e.g. 01/10/2569.")
            if uses_buddhist_era()
            else _("Enter a date as dd/mm/yyyy, e.g. 01/10/2026.")
        )
