"""The one helper for a text in the current language."""

from __future__ import annotations

from django.utils import translation

from smartcity.i18n import in_language


def test_a_name_in_the_current_language_falls_back_to_the_other():
    with translation.override("th"):
        assert in_language("เชียงใหม่", "Chiang Mai") == "เชียงใหม่"
        assert in_language("", "Chiang Mai") == "Chiang Mai"
    with translation.override("en"):
        assert in_language("เชียงใหม่", "Chiang Mai") == "Chiang Mai"
        assert in_language("เชียงใหม่", "") == "เชียงใหม่"
