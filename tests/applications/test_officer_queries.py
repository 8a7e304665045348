"""The dashboard and the proposal page cost the same queries (≤ 12) for 3 and 300 proposals."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import Application
from applications.services.proposals import application_submit
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


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


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_dashboard_queries_do_not_grow(client):
    yala = OrganisationFactory()
    officer = approved_officer(yala)
    drafts = [complete_draft(call=CallFactory(), lead_org=yala, contact=officer) for _ in (1, 2)]
    for draft in drafts:
        more_drafts(draft, 2)
    client.force_login(officer)
    url = reverse("accounts:dashboard")
    at_3 = queries(client, url)
    for draft in drafts:
        more_drafts(draft, 297)
    assert Application.objects.filter(call=drafts[0].call).count() == 300
    assert queries(client, url) == at_3 <= 12
    starts = client.get(url).context["starts"]
    assert [start.draft is not None for start in starts] == [True, True]


def test_proposal_page_queries_do_not_grow(client):
    draft = complete_draft()
    more_drafts(draft, 2)
    application_submit(application=draft, actor=draft.contact)
    client.force_login(draft.contact)
    url = draft.get_absolute_url()
    at_3 = queries(client, url)
    more_drafts(draft, 297)
    assert queries(client, url) == at_3 <= 12
