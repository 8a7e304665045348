"""The officer's form: start, sections with autosave and revisions, checklist, submit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.models import Application
from tests.factories.applications import CallFactory, approved_officer, complete_draft
from tests.factories.municipalities import OrganisationFactory

pytestmark = pytest.mark.django_db


def edit_url(application, section: str) -> str:
    return reverse(
        "applications:application-edit", kwargs={"uuid": application.uuid, "section": section}
    )


@pytest.fixture
def yala_officer():
    return approved_officer(OrganisationFactory(name_th="เทศบาลนครยะลา"))


def test_dashboard_offers_start_and_the_officer_starts_a_draft(client, yala_officer):
    call = CallFactory()
    client.force_login(yala_officer)
    page = client.get(reverse("accounts:dashboard")).content.decode()
    start = reverse(
        "applications:application-start",
        kwargs={
            "call": call.uuid,
            "organisation": yala_officer.memberships.get().organisation.uuid,
        },
    )
    assert start in page
    response = client.post(start)
    draft = Application.objects.get()
    assert response.url == edit_url(draft, "profile")
    assert draft.area_name == "เทศบาลนครยะลา"
    assert "Continue your draft" in client.get("/en/accounts/dashboard/").content.decode()


def test_a_section_saves_and_the_revision_moves(client):
    draft = complete_draft()
    client.force_login(draft.contact)
    response = client.post(
        edit_url(draft, "vision"),
        {"revision": draft.revision, "vision": "ยะลาเมืองอัจฉริยะ", "goals": "ลดอุบัติเหตุ"},
        headers={"HX-Request": "true"},
    )
    draft.refresh_from_db()
    assert draft.vision == "ยะลาเมืองอัจฉริยะ"
    assert f'value="{draft.revision}"' in response.content.decode()
    assert draft.saved_by == draft.contact


def test_a_stale_save_names_the_other_editor_and_keeps_both_values(client):
    draft = complete_draft()
    other = approved_officer(draft.lead_org, first_name_th="สมศรี", last_name_th="ใจดี")
    opened_at = draft.revision
    client.force_login(other)
    typed = {"revision": opened_at, "vision": "ของสมศรี", "goals": "ก"}
    client.post(edit_url(draft, "vision"), typed)
    client.force_login(draft.contact)
    response = client.post(
        edit_url(draft, "vision"),
        {"revision": opened_at, "vision": "ของผู้ติดต่อ", "goals": "ก"},
        headers={"HX-Request": "true"},
    )
    text = response.content.decode()
    draft.refresh_from_db()
    assert draft.vision == "ของสมศรี"
    assert "สมศรี ใจดี" in text
    assert "ของผู้ติดต่อ" in text  # what this editor typed...
    assert "ของสมศรี" in text  # ...beside what the other one saved


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_section_page_renders(client, language):
    draft = complete_draft()
    client.force_login(draft.contact)
    from applications.checklist import SECTIONS

    for section, url in [(section, edit_url(draft, section.key)) for section in SECTIONS]:
        response = client.get(language + url)
        assert response.status_code == 200, section.key
        assert str(section.title) in response.content.decode() or language == ""


def test_projects_post_replaces_projects_with_buddhist_era_years(client):
    draft = complete_draft()
    client.force_login(draft.contact)
    added = client.post(reverse("applications:project-add", kwargs={"uuid": draft.uuid}))
    assert added.status_code == 200
    draft.projects.exclude(title="").delete()
    (project,) = draft.projects.all()
    key, kpi = str(project.uuid), str(project.kpis.get().uuid)
    assert f'name="project" value="{key}"' in added.content.decode()
    draft.refresh_from_db()
    response = client.post(
        edit_url(draft, "projects"),
        {
            "revision": draft.revision,
            "project": [key],
            f"{key}-domain": "mobility",
            f"{key}-title": "รถโดยสารไฟฟ้า",
            f"{key}-budget": "12,500,000",
            f"{key}-starts_on": "01/10/2569",
            f"{key}-ends_on": "30/09/2571",
            f"{key}-kpi": [kpi],
            f"{kpi}-name": "ผู้โดยสารต่อวัน",
            f"{kpi}-target": "3,000",
            f"{kpi}-target_year": "2570",
        },
    )
    assert response.status_code == 302
    (project,) = draft.projects.all()
    assert str(project.uuid) == key
    assert project.budget == 12_500_000
    assert project.starts_on.year == 2026
    assert project.kpis.get().target_year == 2027
