from __future__ import annotations

import pytest
from django.urls import reverse

from municipalities.models import Organisation
from tests.factories.municipalities import registry_lines, registry_load


def chiang_mai_sample() -> list[str]:
    """20 organisations of Chiang Mai, of every kind there, so every filter below finds rows."""
    rows = [line.split(",") for line in registry_lines()[1:]]
    picked: list[str] = []
    for kind, take in [
        ("provincial_admin_org", 1), ("city_municipality", 1), ("town_municipality", 4),
        ("subdistrict_municipality", 7), ("subdistrict_admin_org", 7),
    ]:  # fmt: skip
        picked += [r[0] for r in rows if r[5] == "50" and r[4] == kind][:take]
    return picked


@pytest.mark.django_db
def test_list_page_and_endpoint_queries_do_not_grow_with_the_registry(
    client, api_client, django_assert_max_num_queries
):
    """The same query count for 20 and for 7,849 organisations, ≤ 12, filters included."""
    counts: dict[int, list[int]] = {}
    for codes in (chiang_mai_sample(), None):
        registry_load(codes)
        size = Organisation.objects.count()
        counts[size] = []
        for url, params in [
            (reverse("municipalities:organisation-list"), {}),
            (reverse("municipalities:organisation-list"), {"q": "เทศบาล", "region": "north"}),
            ("/en/municipalities/", {"province": "50", "kind": "subdistrict_admin_org"}),
            ("/api/v1/organisations/", {}),
            ("/api/v1/organisations/", {"search": "ตำบล", "province": "50", "region": "north"}),
        ]:
            with django_assert_max_num_queries(12) as captured:
                response = (api_client if "api" in url else client).get(url, params)
            assert response.status_code == 200
            rows = response.json()["results"] if "api" in url else response.context["page"]
            assert len(rows) > 0
            counts[size].append(len(captured))

    assert sorted(counts) == [20, 7849]
    assert counts[20] == counts[7849]
