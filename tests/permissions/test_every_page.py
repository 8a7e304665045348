"""Every HTML page, public, private or admin, in Thai and English, carries the footer links;
the Thai ones show no English UI text (tests/smartcity/test_thai_walk.py defines it)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.permissions.matrix import ADMIN, MATRIX
from tests.permissions.test_matrix import cases
from tests.smartcity.test_thai_walk import leftover_english

FOOTER = ("contact", "website-policy", "privacy", "security", "accessibility", "sitemap")


def html_pages() -> list[tuple[str, str, str]]:
    return [
        (key, name, language)
        for key, name, language in cases()
        if MATRIX[key].method == "get" and not name.startswith("api:")
    ]


@pytest.mark.parametrize(("key", "name", "language"), html_pages())
def test_every_page_has_the_footer_links_and_thai_pages_no_english(world, key, name, language):
    route = MATRIX[key]
    with translation.override(language):
        url = reverse(name, kwargs=route.kwargs(world) if route.kwargs else {})
        links = [reverse(f"pages:{page}") for page in FOOTER] + [reverse("api:docs")]
    for user in (None, world.users[ADMIN]):
        client = Client()
        if user is not None:
            client.force_login(user)
        response = client.get(url, follow=True)
        if response.status_code != 200 or response.streaming:
            continue  # a refusal or a download
        if not response["Content-Type"].startswith("text/html"):
            continue  # an export (CSV, Excel, PDF)
        body = response.content.decode()
        if not body.lstrip().lower().startswith("<!doctype html"):
            continue  # an htmx fragment
        path = response.request["PATH_INFO"]
        missing = [link for link in links if f'href="{link}"' not in body]
        assert not missing, f"{path} has no footer links {missing}"
        if language == "th":
            assert not leftover_english(body), f"{path} shows English: {leftover_english(body)}"
