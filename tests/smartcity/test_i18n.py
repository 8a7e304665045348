"""The one helper each for a name in the current language and for the Buddhist year."""

from __future__ import annotations

from django.utils import translation

from smartcity.i18n import display_year, in_language


def test_a_name_in_the_current_language_falls_back_to_the_other():
    with translation.override("th"):
        assert in_language("เชียงใหม่", "Chiang Mai") == "เชียงใหม่"
        assert in_language("", "Chiang Mai") == "Chiang Mai"
    with translation.override("en"):
        assert in_language("เชียงใหม่", "Chiang Mai") == "Chiang Mai"
        assert in_language("เชียงใหม่", "") == "เชียงใหม่"


def test_the_year_is_buddhist_era_on_thai_pages_only():
    with translation.override("th"):
        assert display_year(2020) == 2563
    with translation.override("en"):
        assert display_year(2020) == 2020
