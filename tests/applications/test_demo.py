from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications import demo
from applications.models import Application, ApplicationVersion, Assignment
from applications.workflow import State
from municipalities.models import OrganisationKind
from smartcity.accounts import demo as accounts_demo
from tests.factories.municipalities import PILOT_CODES, registry_load


@pytest.mark.django_db
def test_demo_mirrors_the_2020_figures_and_a_rerun_writes_nothing():
    registry_load([*PILOT_CODES, *demo.OTHER_LAO_CODES, *demo.DRAFT_CODES])
    accounts_demo.load()
    lines = demo.load()
    assert lines[0] == "call “Smart City Thailand”: 42 proposals created, 39 submitted in all"
    assert lines[1].endswith(" certified")  # the decisions demo: a pilot, a meeting, paper ones

    submitted = Application.objects.exclude(state=State.DRAFT)
    assert submitted.count() == 39
    pilots = submitted.filter(lead_org__is_pilot=True)
    kinds = sorted(pilots.values_list("lead_org__kind", flat=True))
    assert kinds.count(OrganisationKind.CITY_MUNICIPALITY) == 7
    assert kinds.count(OrganisationKind.TOWN_MUNICIPALITY) == 4
    assert kinds.count(OrganisationKind.SUBDISTRICT_MUNICIPALITY) == 1
    others = set(
        submitted.filter(lead_org__is_pilot=False).values_list("lead_org__kind", flat=True)
    )
    expected = {
        OrganisationKind.PROVINCE,
        OrganisationKind.UNIVERSITY,
        OrganisationKind.PRIVATE_COMPANY,
        OrganisationKind.CITY_MUNICIPALITY,
    }
    assert expected <= others
    states = set(submitted.values_list("state", flat=True))
    assert {State.SUBMITTED, State.REVISION_REQUESTED, State.CERTIFIED, State.WG_REVIEW} == states
    assert Application.objects.filter(state=State.DRAFT).count() == 3
    for application in submitted.prefetch_related("projects__kpis", "versions"):
        assert application.reference.startswith("SC-")
        assert application.versions.all()
        assert all(p.kpis.all() for p in application.projects.all())
    assert ApplicationVersion.objects.filter(number=2).exists()  # answered revisions
    reviewers = set(Assignment.objects.values_list("reviewer__email", flat=True))
    assert reviewers == {f"reviewer1@{accounts_demo.DOMAIN}", f"reviewer2@{accounts_demo.DOMAIN}"}

    with CaptureQueriesContext(connection) as queries:
        again = demo.load()
    assert again == ["call “Smart City Thailand”: 0 proposals created, 39 submitted in all"]
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
