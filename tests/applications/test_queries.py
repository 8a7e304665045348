"""Lists run the same number of queries (≤ 12) for 3 and for 300 proposals."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import Application
from tests.factories.applications import AssignmentFactory, CallFactory, submitted_applications
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def fetch(http: Client, url: str, params: dict[str, str] | None = None):
    def get():
        response = http.get(url, params or {})
        assert response.status_code == 200
        return response

    return get


def test_api_list_and_calls_page_queries_do_not_grow(reviewer, programme_admin):
    call = CallFactory()

    def add_rows(count: int) -> None:
        for application in submitted_applications(count, call=call):
            AssignmentFactory(application=application, reviewer=reviewer)

    as_reviewer, as_admin, anonymous_api = APIClient(), APIClient(), APIClient()
    as_reviewer.force_login(reviewer)
    as_admin.force_login(programme_admin)
    page_as_reviewer, anonymous = Client(), Client()
    page_as_reviewer.force_login(reviewer)
    results = assert_queries_do_not_grow(
        add_rows,
        fetch(as_reviewer, "/api/v1/applications/"),
        fetch(as_reviewer, "/api/v1/applications/", {"state": "submitted", "domain": "living"}),
        fetch(as_admin, "/api/v1/applications/", {"call": str(call.uuid)}),
        fetch(anonymous, reverse("applications:call-list")),
        fetch(anonymous_api, "/api/v1/calls/"),
        fetch(page_as_reviewer, reverse("accounts:dashboard")),
        sizes=(3, 60),  # past one page of 50
    )
    for size, (every, filtered, of_call, calls_page, _calls, _dashboard) in zip(
        (3, 60), results, strict=True
    ):
        for response in (every, filtered, of_call):
            assert response.data["count"] == size
            assert len(response.data["results"]) == min(size, 50)
        assert calls_page.context["page"].object_list[0].submitted_count == size
    assert Application.objects.count() == 60
