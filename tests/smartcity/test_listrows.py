"""The API's list pages read with .values() give exactly the serializers' JSON (issue 18)."""

from __future__ import annotations

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation

from applications.api import SUMMARY_ROWS
from applications.selectors import application_list
from applications.serializers import ApplicationSummaryOut
from municipalities.api import ORGANISATION_ROWS, OrganisationOut
from municipalities.models import Organisation, OrganisationKind
from municipalities.selectors import organisation_list
from smartcity.accounts.roles import Role
from smartcity.listrows import ValuesRows
from tests.factories.accounts import UserFactory
from tests.factories.bulk import bulk_proposals, registry_sample


def _json(data: object) -> object:
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@pytest.fixture
def staff(db):
    return UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["th", "en"])
def test_organisation_rows_are_the_serializers(staff, language):
    registry_sample()
    Organisation.objects.create(  # no province, district or region: the defaults apply
        kind=OrganisationKind.GOVERNMENT_AGENCY, name_th="สำนักงานทดสอบ", is_verified=True
    )
    rows = organisation_list(viewer=staff)
    with translation.override(language):
        expected = _json(OrganisationOut(rows, many=True).data)
        assert _json(ORGANISATION_ROWS.render(rows.values(*ORGANISATION_ROWS.lookups))) == expected
    assert len(expected) == rows.count()


@pytest.mark.django_db
def test_proposal_rows_are_the_serializers(staff):
    bulk_proposals(80, seed=4)  # drafts without reference or dates among them
    rows = application_list(viewer=staff)
    expected = _json(ApplicationSummaryOut(rows, many=True).data)
    assert _json(SUMMARY_ROWS.render(rows.values(*SUMMARY_ROWS.lookups))) == expected
    assert len(expected) == 80


@pytest.mark.django_db
def test_the_list_endpoints_answer_the_serializers_shape(client, staff):
    bulk_proposals(60, seed=5)
    client.force_login(staff)
    for name, serializer, rows in (
        ("api:application-list", ApplicationSummaryOut, application_list(viewer=staff)),
        ("api:organisation-list", OrganisationOut, organisation_list(viewer=staff)),
    ):
        body = client.get(reverse(name), secure=True).json()
        assert body["count"] == rows.count()
        assert body["results"] == _json(serializer(rows[:50], many=True).data)


def test_fields_that_values_cannot_give_are_refused_at_once():
    from applications.serializers import ApplicationOut

    with pytest.raises(TypeError, match="flat"):
        ValuesRows(ApplicationOut)  # nested partners and projects
