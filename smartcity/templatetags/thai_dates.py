"""`{{ value|thai_date }}`, `{{ value|thai_datetime }}`, `{{ text|era_years }}`: the display rules
of smartcity.dates."""

from __future__ import annotations

from django import template

from smartcity.dates import era_years, thai_date, thai_datetime

register = template.Library()
register.filter("thai_date", thai_date)
register.filter("thai_datetime", thai_datetime)
register.filter("era_years", era_years)
