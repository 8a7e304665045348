from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from smartcity.dates import thai_date, thai_datetime

BANGKOK = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    ("value", "thai", "english"),
    [
        (dt.date(2020, 7, 2), "2 ก.ค. 2563", "2 Jul 2020"),
        (dt.date(2020, 1, 1), "1 ม.ค. 2563", "1 Jan 2020"),
        (dt.date(2019, 12, 31), "31 ธ.ค. 2562", "31 Dec 2019"),
        (dt.date(2024, 2, 29), "29 ก.พ. 2567", "29 Feb 2024"),
        # 17:30 UTC on 31 Dec is already New Year in Bangkok: the Buddhist year turns too
        (dt.datetime(2020, 12, 31, 17, 30, tzinfo=dt.UTC), "1 ม.ค. 2564", "1 Jan 2021"),
        (dt.datetime(2020, 12, 31, 16, 59, tzinfo=dt.UTC), "31 ธ.ค. 2563", "31 Dec 2020"),
    ],
)
def test_buddhist_era_on_thai_pages_common_era_on_english(value, thai, english):
    with translation.override("th"):
        assert thai_date(value) == thai
    with translation.override("en"):
        assert thai_date(value) == english


def test_long_style_and_datetime():
    with translation.override("th"):
        assert thai_date(dt.date(2020, 7, 2), "long") == "2 กรกฎาคม 2563"
        moment = dt.datetime(2020, 7, 2, 14, 5, tzinfo=BANGKOK)
        assert thai_datetime(moment) == "2 ก.ค. 2563 14:05"
    with translation.override("en"):
        assert thai_date(dt.date(2020, 7, 2), "long") == "2 July 2020"


def test_empty_values_render_nothing():
    assert thai_date(None) == ""
    assert thai_datetime(None) == ""


def test_filter_in_a_template():
    template = Template("{% load thai_dates %}{{ day|thai_date }}")
    with translation.override("th"):
        assert template.render(Context({"day": dt.date(2020, 7, 2)})) == "2 ก.ค. 2563"
