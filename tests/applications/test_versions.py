"""Versions: distinct reference numbers under concurrency, immutability everywhere, PDPA."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.utils import timezone

from applications.models import Application, ApplicationVersion
from applications.services.proposals import application_submit
from applications.services.versions import synthetic_applications_delete
from smartcity.accounts.services import user_close
from tests.factories.applications import CallFactory, complete_draft


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_get_distinct_reference_numbers():
    # two calls: submits to one call also queue on its row, locked with the proposal's
    drafts = [complete_draft(call=CallFactory()), complete_draft(call=CallFactory())]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def submit(application: Application) -> None:
        try:
            barrier.wait(5)
            application_submit(application=application, actor=application.contact)
        except BaseException as error:  # reported below, from the main thread
            errors.append(error)
        finally:
            connection.close()  # each thread's own connection

    threads = [threading.Thread(target=submit, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    references = sorted(Application.objects.values_list("reference", flat=True))
    year = timezone.localdate().year + 543
    assert references == [f"SC-{year}-00001", f"SC-{year}-00002"]


@pytest.mark.django_db
def test_no_api_call_or_admin_form_changes_a_version(
    api_client, client, submitted, programme_admin
):
    version = submitted.versions.get()
    before = version.data
    api_client.force_authenticate(programme_admin)
    base = f"/api/v1/applications/{submitted.uuid}/versions/1/"
    assert api_client.get(base).status_code == 200
    for method in ("put", "patch", "delete", "post"):
        assert getattr(api_client, method)(base, {"data": {}}, format="json").status_code == 405
    client.force_login(programme_admin)
    url = f"/admin/applications/applicationversion/{version.pk}/change/"
    assert client.get(url).status_code == 200  # read-only view
    assert client.post(url, {"number": 9}).status_code == 403
    delete = f"/admin/applications/applicationversion/{version.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    version.refresh_from_db()
    assert (version.number, version.data) == (1, before)


@pytest.mark.django_db
def test_closing_the_contact_persons_account_leaves_versions_without_their_name(submitted):
    contact = submitted.contact
    secrets = [contact.email, contact.first_name_th, contact.last_name_en, contact.first_name_en]
    user_close(user=contact)
    for version in ApplicationVersion.objects.all():
        text = json.dumps(version.data, ensure_ascii=False)
        assert str(contact.uuid) in text
        assert not [secret for secret in secrets if secret and secret in text]


@pytest.mark.django_db
def test_synthetic_proposals_are_the_only_ones_deleted_past_the_trigger(submitted):
    synthetic = complete_draft(call=submitted.call, is_synthetic=True)
    application_submit(application=synthetic, actor=synthetic.contact)
    with pytest.raises(ValueError, match="synthetic"):
        synthetic_applications_delete(applications=Application.objects.all())
    assert (
        synthetic_applications_delete(applications=Application.objects.filter(is_synthetic=True))
        == 1
    )
    assert list(ApplicationVersion.objects.values_list("application", flat=True)) == [submitted.pk]
    with connection.cursor() as cursor:  # the bypass did not outlive the service's transaction
        cursor.execute("SELECT current_setting('applications.allow_version_delete', true)")
        assert cursor.fetchone()[0] in (None, "")
