from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from municipalities.models import Organisation
from tests.factories.municipalities import registry_lines, registry_load
from tests.lists import assert_queries_do_not_grow


def chiang_mai_sample() -> list[str]:
    """20 organisations of Chiang Mai, of every kind there, so every filter below finds rows."""
    rows = [line.split(",") for line in registry_lines()[1:]]
    picked: list[str] = []
    for kind, take in [
        ("provincial_admin_org", 1),
        ("city_municipality", 1),
        ("town_municipality", 4),
        ("subdistrict_municipality", 7),
        ("subdistrict_admin_org", 7),
    ]:
        picked += [r[0] for r in rows if r[5] == "50" and r[4] == kind][:take]
    return picked


@pytest.mark.django_db
def test_list_page_and_endpoint_queries_do_not_grow_with_the_registry(client, api_client):
    """The same query count for 20 and for 7,849 organisations, ≤ 12, filters included."""

    def load(_added: int) -> None:  # 20 of Chiang Mai first, then the whole registry
        registry_load(None if Organisation.objects.exists() else chiang_mai_sample())

    def fetch(url: str, params: dict[str, str]) -> Callable[[], list]:
        def rows() -> list:
            response = (api_client if "api" in url else client).get(url, params)
            assert response.status_code == 200
            return response.json()["results"] if "api" in url else response.context["page"]

        return rows

    results = assert_queries_do_not_grow(
        load,
        fetch(reverse("municipalities:organisation-list"), {}),
        fetch(reverse("municipalities:organisation-list"), {"q": "เทศบาล", "region": "north"}),
        fetch("/en/municipalities/", {"province": "50", "kind": "subdistrict_admin_org"}),
        fetch("/api/v1/organisations/", {}),
        fetch("/api/v1/organisations/", {"search": "ตำบล", "province": "50", "region": "north"}),
        sizes=(20, 7849),
    )

    assert Organisation.objects.count() == 7849
    assert all(len(rows) > 0 for size in results for rows in size)
