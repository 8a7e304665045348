from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url


def site(request: HttpRequest) -> dict[str, object]:
    """The same page in each language (language switch) and site-wide display settings."""
    path = request.get_full_path()
    return {
        "language_links": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ],
        "map_tile_url": settings.MAP_TILE_URL,
    }
