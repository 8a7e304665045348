"""Cached list counts (smartcity/counts.py): reused for the same query, forgotten on a change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import Application
from smartcity.accounts.roles import Role
from smartcity.counts import cached_count
from tests.factories.accounts import UserFactory
from tests.factories.bulk import bulk_proposals


@pytest.mark.django_db
def test_a_count_is_reused_until_a_proposal_changes():
    made = bulk_proposals(30, seed=6)
    rows = Application.objects.filter(call=made.call)
    assert cached_count(rows, scope="applications") == 30
    with CaptureQueriesContext(connection) as queries:
        assert cached_count(rows, scope="applications") == 30
    assert not queries.captured_queries
    assert cached_count(rows.filter(state="draft"), scope="applications") == (
        rows.filter(state="draft").count()
    )
    rows.filter(state="draft").first().delete()  # post_delete: a new generation
    assert cached_count(rows, scope="applications") == 29


@pytest.mark.django_db
def test_the_api_counts_what_it_lists_after_a_change(client):
    staff = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    made = bulk_proposals(20, seed=8)
    client.force_login(staff)
    url = reverse("api:application-list")
    assert client.get(url, secure=True).json()["count"] == 20
    draft = Application.objects.filter(call=made.call, state="draft").first()
    draft.area_name = f"{draft.area_name} (แก้ไข)"
    draft.save()  # post_save: the count is read again
    Application.objects.filter(pk=draft.pk).delete()
    assert client.get(url, secure=True).json()["count"] == 19


@pytest.mark.django_db
def test_the_paginator_takes_its_count_from_the_cache():
    from smartcity.counts import CachedCountPaginator

    made = bulk_proposals(12, seed=10)
    rows = Application.objects.filter(call=made.call).order_by("pk")
    assert CachedCountPaginator(rows, 5, scope="applications").get_page(3).object_list
    with CaptureQueriesContext(connection) as queries:
        page = CachedCountPaginator(rows, 5, scope="applications").get_page(3)
        assert len(page.object_list) == 2
    assert len(queries.captured_queries) == 1  # the page; the count came from the cache


def test_a_paginator_class_per_scope_for_drf():
    from smartcity.counts import CachedCountPaginator

    paginator = CachedCountPaginator.of("applications")(Application.objects.none(), 50)
    assert paginator.scope == "applications"


@pytest.mark.django_db
def test_a_registry_import_renews_the_organisation_counts(load_organisations):
    """The importer writes in bulk (no post_save): it says itself that the counts changed."""
    from municipalities.models import Organisation

    load_organisations(["2110101"])  # อบจ.สมุทรปราการ: no pilot, so nothing saves one by one
    rows = Organisation.objects.all()
    assert cached_count(rows, scope="organisations") == 1
    load_organisations(["2110101", "2120101"])
    assert cached_count(rows, scope="organisations") == 2
