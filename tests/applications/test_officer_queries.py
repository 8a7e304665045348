"""The dashboard and the proposal page cost the same queries (≤ 12) for 3 and 300 proposals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.models import Application
from applications.services.proposals import application_submit
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

SIZES = (2, 299)  # drafts added beside the first: 3 and 300 proposals


def more_drafts(template: Application, count: int) -> None:
    """More drafts of the template's organisation in its call (bulk: the size is what matters)."""
    start = Application.objects.filter(lead_org=template.lead_org).count()
    Application.objects.bulk_create(
        Application(
            call=template.call,
            lead_org=template.lead_org,
            contact=template.contact,
            created_by=template.contact,
            area_name=f"เขต {n}",
            domains=template.domains,
        )
        for n in range(start, start + count)
    )


def page(client, url: str):
    def get():
        response = client.get(url)
        assert response.status_code == 200
        return response

    return get


def test_dashboard_queries_do_not_grow(client):
    yala = OrganisationFactory()
    officer = approved_officer(yala)
    drafts = [complete_draft(call=CallFactory(), lead_org=yala, contact=officer) for _ in (1, 2)]
    client.force_login(officer)

    def add_rows(count: int) -> None:
        for draft in drafts:
            more_drafts(draft, count)

    results = assert_queries_do_not_grow(
        add_rows, page(client, reverse("accounts:dashboard")), sizes=SIZES
    )
    assert Application.objects.filter(call=drafts[0].call).count() == 300
    for (response,) in results:
        starts = response.context["starts"]
        assert [start.draft is not None for start in starts] == [True, True]


def test_proposal_page_queries_do_not_grow(client):
    draft = complete_draft()
    application_submit(application=draft, actor=draft.contact)
    client.force_login(draft.contact)
    assert_queries_do_not_grow(
        lambda count: more_drafts(draft, count), page(client, draft.get_absolute_url()), sizes=SIZES
    )
    assert Application.objects.filter(lead_org=draft.lead_org).count() == 300
