"""The model's own guarantees: the one-active-proposal constraint and the version trigger."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from applications.models import VERSION_DELETE_SETTING, ApplicationVersion
from applications.workflow import MOVES, State
from tests.factories.applications import ApplicationFactory, complete_draft

pytestmark = pytest.mark.django_db


def test_one_active_proposal_per_call_organisation_and_area():
    first = ApplicationFactory(area_name="Yala City เทศบาลนครยะลา")
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(
            call=first.call, lead_org=first.lead_org, area_name="  yala   city เทศบาลนครยะลา "
        )
    # another area of the same organisation is fine, and so is the same area once withdrawn
    ApplicationFactory(call=first.call, lead_org=first.lead_org, area_name="เขตอุตสาหกรรม")
    ApplicationFactory(
        call=first.call, lead_org=first.lead_org, area_name=first.area_name, state=State.WITHDRAWN
    )


def _version() -> ApplicationVersion:
    application = complete_draft()
    return ApplicationVersion.objects.create(
        application=application, number=1, submitted_by=application.contact, data={"a": 1}
    )


def test_versions_refuse_raw_update_and_delete():
    version = _version()
    with pytest.raises(Exception, match="Cannot update"), transaction.atomic():
        ApplicationVersion.objects.filter(pk=version.pk).update(data={"a": 2})
    with pytest.raises(Exception, match="Cannot delete"), transaction.atomic():
        ApplicationVersion.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.data == {"a": 1}


def test_the_delete_bypass_is_local_to_its_transaction():
    version = _version()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [VERSION_DELETE_SETTING])
        with transaction.atomic():  # a savepoint keeps the setting: it is the transaction's
            ApplicationVersion.objects.filter(pk=version.pk).delete()
        transaction.set_rollback(True)
    with pytest.raises(Exception, match="Cannot delete"), transaction.atomic():
        ApplicationVersion.objects.filter(pk=version.pk).delete()


def test_every_state_is_reachable_by_name_and_moves_name_known_states():
    assert len(State) == 16
    for move in MOVES.values():
        assert move.sources <= set(State)
