"""/review/ and /api/v1/review-queue/ run the same number of queries (≤ 12) for 10 and for
10,000 proposals, with the facet cache cleared, for every filter, search and sort; at 10,000 the
Thai search uses the trigram index (EXPLAIN)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse_lazy
from rest_framework.test import APIClient

from applications.models import Application
from applications.queue.filters import QueueFilter
from applications.queue.selectors import SORTS, queue_base, queue_rows
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
PERSONAS = ("reviewer", "programme_admin")


def surfaces_for(case: str) -> list[str]:
    """The page and the API answer every case. The htmx fragment is the page's list without its
    frame (two cases show it); facets count rows, which a sort does not change."""
    surfaces = ["page", "api"]
    if case in ("default", "all-filters"):
        surfaces.append("htmx")
    if not case.startswith("sort-"):
        surfaces.append("facets")
    return surfaces


def test_queue_queries_do_not_grow(request):
    """One data set for both personas (the 10,000 proposals take half a minute to build)."""
    viewers = {persona: request.getfixturevalue(persona) for persona in PERSONAS}
    made = many_proposals(0)
    matching_everything(made, *viewers.values())  # so that no case is an empty list at 10 rows
    world = {"call": made.call.uuid, "reviewer": made.reviewers[0].uuid}

    def add_rows(count: int) -> None:
        """The bulk factory's proposals in every state (one seed per batch); the first batch
        one short, for the proposal above."""
        first = made.count == 1
        bulk_proposals(count - 1 if first else count, seed=1 if first else 2)
        made.count += count

    def fetch(persona: str, surface: str, params: dict):
        url, headers = SURFACES[surface]
        http = APIClient() if url.startswith("/api/") else Client()
        http.force_login(viewers[persona])

        def run():
            facets_forget()
            response = http.get(url, params, headers=headers)
            assert response.status_code == 200, (persona, params, response.content[:500])
            return response

        return run

    cases = queue_cases(world)
    keys = [
        (persona, surface, case)
        for persona in PERSONAS
        for case in cases
        for surface in surfaces_for(case)
    ]
    results = assert_queries_do_not_grow(
        add_rows, *(fetch(*key[:2], cases[key[2]]) for key in keys), sizes=(10, 10_000)
    )
    assert Application.objects.count() == 10_000
    queued = Application.objects.filter(submitted_at__isnull=False).count()  # drafts are not
    large = dict(zip(keys, results[-1], strict=True))
    for persona in PERSONAS:
        api = large[persona, "api", "default"].data
        assert api["count"] == queued
        assert len(api["results"]) == 50
        assert len(large[persona, "api", "page-size-100"].data["results"]) == 100
        assert 0 < large[persona, "api", "thai-search"].data["count"] < 10_000
        assert large[persona, "api", "filter-overdue"].data["count"] > 0
        scores = {row["mean_score"] for row in api["results"]}
        assert scores == {None} if persona == "reviewer" else scores != {None}
        page = large[persona, "page", "default"].context["page"]
        assert page.paginator.count == queued
        assert len(large[persona, "page", "page-size-100"].context["page"].object_list) == 100
        assert large[persona, "facets", "default"].data["total"] == queued
        assert large[persona, "facets", "all-filters"].data["total"] >= 1
        assert "<html" not in large[persona, "htmx", "default"].content.decode()
    assert_the_search_uses_the_trigram_index(viewers["programme_admin"])


def assert_the_search_uses_the_trigram_index(viewer) -> None:
    """EXPLAIN of a Thai search over the 10,000 proposals: a bitmap scan of the trigram index."""
    with connection.cursor() as cursor:  # what autovacuum does: the GIN pending list flushed
        cursor.execute("SELECT gin_clean_pending_list('application_search_trgm'::regclass)")
        cursor.execute("ANALYZE applications_application")
    filters = QueueFilter(
        {"q": "นิมมาน"}, queryset=queue_rows(queue_base(viewer=viewer), viewer=viewer)
    )
    assert filters.is_valid()
    plan = filters.qs.explain(analyze=True)
    assert "Bitmap Index Scan on application_search_trgm" in plan, plan
    assert [a.reference for a in filters.qs] == ["SC-2569-999999"]  # ย่านนิมมานเหมินท์ only
