"""The benchmark's pieces inside the portal (smartcity/bench.py), mounted only with BENCH=1."""

from __future__ import annotations

import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from applications.models import Application
from smartcity import bench
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.bulk import bulk_proposals


@pytest.mark.django_db
def test_the_middleware_counts_every_statement_of_the_request():
    def view(request):
        list(Application.objects.all())
        list(Application.objects.all()[:1])
        return HttpResponse("ok")

    response = bench.QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Query-Count"] == "2"


@pytest.mark.django_db
def test_the_baselines_return_the_rows_the_api_lists(client):
    staff = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    bulk_proposals(70, seed=9)
    client.force_login(staff)
    api = client.get(reverse("api:application-list"), secure=True).json()["results"]
    request = RequestFactory().get("/bench/applications-values/")
    request.user = staff
    rows = json.loads(bench.applications_values(request).content)["results"]
    assert [row["uuid"] for row in rows] == [row["uuid"] for row in api]
    request = RequestFactory().get("/bench/organisations-values/")
    request.user = staff
    organisations = json.loads(bench.organisations_values(request).content)["results"]
    api = client.get(reverse("api:organisation-list"), secure=True).json()["results"]
    assert [row["uuid"] for row in organisations] == [row["uuid"] for row in api]


def test_the_baselines_are_not_mounted_without_bench():
    with pytest.raises(NoReverseMatch):
        reverse("bench:bare")
