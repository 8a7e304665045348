"""/review/ and /api/v1/review-queue/ run the same number of queries (≤ 12) for 10 and for
10,000 proposals, with the facet cache cleared, for every filter, search and sort."""

from __future__ import annotations

import pytest
from django.urls import reverse_lazy

from applications.models import Application
from applications.queue.selectors import SORTS
from tests.applications.queue.conftest import facets_forget, many_proposals, matching_everything
from tests.factories.bulk import bulk_proposals
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

THAI_SEARCH = "เชียง"  # เทศบาลนครเชียงใหม่, เทศบาลนครเชียงราย


def queue_cases(world: dict) -> dict[str, dict]:
    """Every view the issue names: default, page size 100, each filter alone, all together, a
    Thai search, each sortable column (both ways)."""
    filters = {
        "call": str(world["call"]),
        "state": ["submitted", "revision_requested"],
        "region": "north",
        "province": "50",
        "kind": "city_municipality",
        "domain": "mobility",
        "assigned": str(world["reviewer"]),
        "overdue": "true",
    }
    cases = {
        "default": {},
        "page-size-100": {"page_size": "100"},
        "assigned-me": {"assigned": "me"},
    }
    cases.update({f"filter-{name}": {name: value} for name, value in filters.items()})
    cases["all-filters"] = {**filters, "q": THAI_SEARCH, "ordering": "-due", "page_size": "25"}
    cases["thai-search"] = {"q": THAI_SEARCH}
    for column in SORTS:
        cases[f"sort-{column}"] = {"ordering": column}
        cases[f"sort-{column}-desc"] = {"ordering": f"-{column}"}
    return cases


SURFACES = {  # name: (URL, headers)
    "page": (reverse_lazy("queue:list"), {}),
    "htmx": (reverse_lazy("queue:list"), {"HX-Request": "true"}),
    "api": ("/api/v1/review-queue/", {}),
    "facets": ("/api/v1/review-queue/facets/", {}),
}


@pytest.mark.parametrize("persona", ["reviewer", "programme_admin"])
def test_queue_queries_do_not_grow(request, client, api_client, persona):
    viewer = request.getfixturevalue(persona)
    made = many_proposals(0)
    matching_everything(made, viewer=viewer)  # so that no case is an empty list at 10 rows
    world = {"call": made.call.uuid, "reviewer": made.reviewers[0].uuid}

    def add_rows(count: int) -> None:
        """The bulk factory's proposals in every state (one seed per batch); the first batch
        one short, for the proposal above."""
        first = made.count == 1
        bulk_proposals(count - 1 if first else count, seed=1 if first else 2)
        made.count += count

    client.force_login(viewer)
    api_client.force_login(viewer)

    def fetch(surface: str, params: dict):
        url, headers = SURFACES[surface]
        http = api_client if url.startswith("/api/") else client

        def run():
            facets_forget()
            response = http.get(url, params, headers=headers)
            assert response.status_code == 200, (params, response.content[:500])
            return response

        return run

    cases = queue_cases(world)
    keys = [(surface, case) for case in cases for surface in SURFACES]
    results = assert_queries_do_not_grow(
        add_rows, *(fetch(surface, cases[case]) for surface, case in keys), sizes=(10, 10_000)
    )
    assert Application.objects.count() == 10_000
    queued = Application.objects.filter(submitted_at__isnull=False).count()  # drafts are not
    large = dict(zip(keys, results[-1], strict=True))
    api = large["api", "default"].data
    assert api["count"] == queued
    assert len(api["results"]) == 50
    assert len(large["api", "page-size-100"].data["results"]) == 100
    assert 0 < large["api", "thai-search"].data["count"] < 10_000
    assert large["api", "filter-overdue"].data["count"] > 0
    scores = {row["mean_score"] for row in api["results"]}
    assert scores == {None} if persona == "reviewer" else scores != {None}
    page = large["page", "default"].context["page"]
    assert page.paginator.count == queued
    assert len(large["page", "page-size-100"].context["page"].object_list) == 100
    assert large["facets", "default"].data["total"] == queued
    assert large["facets", "all-filters"].data["total"] >= 1
