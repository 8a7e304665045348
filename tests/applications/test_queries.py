"""Lists run the same number of queries (≤ 12) for 3 and for 300 proposals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.models import Application
from tests.factories.applications import AssignmentFactory, CallFactory, submitted_applications

pytestmark = pytest.mark.django_db


def test_api_list_and_calls_page_queries_do_not_grow(
    api_client, client, reviewer, programme_admin, django_assert_max_num_queries
):
    call = CallFactory()
    counts: dict[int, list[int]] = {}
    for add in (3, 297):
        for application in submitted_applications(add, call=call):
            AssignmentFactory(application=application, reviewer=reviewer)
        size = Application.objects.count()
        counts[size] = []
        for viewer, url, params in [
            (reviewer, "/api/v1/applications/", {}),
            (reviewer, "/api/v1/applications/", {"state": "submitted", "domain": "living"}),
            (programme_admin, "/api/v1/applications/", {"call": str(call.uuid)}),
            (None, reverse("applications:call-list"), {}),
            (None, "/api/v1/calls/", {}),
            (reviewer, reverse("accounts:dashboard"), {}),
        ]:
            http = api_client if url.startswith("/api/") else client
            if viewer is None:
                http.logout()
            else:
                http.force_login(viewer)
            with django_assert_max_num_queries(12) as captured:
                response = http.get(url, params)
            assert response.status_code == 200
            if "applications" in url:
                assert response.data["count"] == size
                assert len(response.data["results"]) == min(size, 50)
            counts[size].append(len(captured))
        page = client.get(reverse("applications:call-list"))
        assert page.context["page"].object_list[0].submitted_count == size
    assert sorted(counts) == [3, 300]
    assert counts[3] == counts[300]
