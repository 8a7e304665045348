"""Buddhist Era input and display: the admin (site-wide) and portal forms share EraDateField."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from mou.models import MOU
from smartcity.accounts.models import AuditEvent, AuditLog
from smartcity.dates import EraDateField
from tests.factories.mou import signed_mou
from tests.mou.test_admin import mou_post


class DateForm(forms.Form):
    day = EraDateField()


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("th", "01/10/2568", dt.date(2025, 10, 1)),
        ("th", "2/7/2563", dt.date(2020, 7, 2)),
        ("en", "01/10/2025", dt.date(2025, 10, 1)),
        ("th", "2025-10-01", dt.date(2025, 10, 1)),  # ISO is unambiguous: CE in any language
    ],
)
def test_typed_dates_are_read_in_the_languages_era(language, typed, stored):
    with translation.override(language):
        form = DateForm({"day": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == stored


@pytest.mark.parametrize(
    ("language", "typed", "words"),
    [
        ("th", "01/10/2025", "พุทธศักราช"),  # a CE year where the Buddhist Era is expected
        ("en", "01/10/2568", "Christian Era"),
        ("th", "01/10/2700", "พุทธศักราช"),  # more than 100 years ahead
        ("th", "31/02/2568", "วว/ดด/ปปปป"),
    ],
)
def test_years_in_the_wrong_era_are_refused_naming_the_expected_one(language, typed, words):
    with translation.override(language):
        form = DateForm({"day": typed})
        assert not form.is_valid()
        assert words in form.errors["day"][0]


def test_the_input_shows_the_languages_era():
    with translation.override("th"):
        html = str(DateForm(initial={"day": dt.date(2025, 10, 1)})["day"])
        assert 'value="01/10/2568"' in html
    with translation.override("en"):
        assert 'value="01/10/2025"' in str(DateForm(initial={"day": dt.date(2025, 10, 1)})["day"])


def typed_dates(start: str, end: str) -> dict:
    """An MOU admin form as a person fills it: every date typed as dd/mm/yyyy."""
    return mou_post() | {
        "signed_on": start,
        "effective_from": start,
        "effective_until": end,
        "municipalities-0-joined_on": start,
    }


def added_in_admin(client, admin: str, start: str, end: str) -> MOU:
    """The MOU the admin at `admin` (its URL prefix) adds from a form with typed dates."""
    response = client.post(f"{admin}mou/mou/add/", typed_dates(start, end))
    assert response.status_code == 302, response.context["errors"]
    return MOU.objects.get(reference_number="MOU-TEST-1")


@pytest.mark.django_db
def test_the_thai_admin_takes_and_shows_the_buddhist_era(client, programme_admin):
    client.force_login(programme_admin)
    mou = added_in_admin(client, "/admin/", "01/10/2568", "30/09/2573")
    assert (mou.signed_on, mou.effective_until) == (dt.date(2025, 10, 1), dt.date(2030, 9, 30))
    assert mou.municipalities.get().joined_on == dt.date(2025, 10, 1)
    change = client.get(f"/admin/mou/mou/{mou.pk}/change/").content.decode()
    assert 'value="01/10/2568"' in change

    wrong = client.post("/admin/mou/mou/add/", mou_post() | {"signed_on": "01/10/2025"})
    assert wrong.status_code == 200
    assert "พุทธศักราช" in wrong.content.decode()


@pytest.mark.django_db
def test_admin_list_cells_show_dates_by_the_portals_rules(client, programme_admin):
    signed_mou(signed_on=dt.date(2025, 10, 1))
    AuditLog.objects.create(
        event=AuditEvent.LOGIN,
        user=programme_admin,
        created_at=dt.datetime(2025, 10, 1, 9, 30, tzinfo=dt.UTC),
    )
    client.force_login(programme_admin)
    assert "1 ต.ค. 2568" in client.get("/admin/mou/mou/").content.decode()
    assert "1 ต.ค. 2568 16:30" in client.get("/admin/accounts/auditlog/").content.decode()


@pytest.mark.django_db
def test_the_english_admin_stays_in_the_christian_era(client, programme_admin):
    client.force_login(programme_admin)
    mou = added_in_admin(client, "/en/admin/", "01/10/2025", "30/09/2030")
    assert mou.signed_on == dt.date(2025, 10, 1)
    assert "1 Oct 2025" in client.get("/en/admin/mou/mou/").content.decode()


@pytest.mark.django_db
def test_the_admin_date_drill_down_reads_in_the_languages_era(client, programme_admin):
    for year in (2024, 2025):
        AuditLog.objects.create(
            event=AuditEvent.LOGIN,
            user=programme_admin,
            created_at=dt.datetime(year, 10, 1, 9, 30, tzinfo=dt.UTC),
        )
    client.force_login(programme_admin)
    years = client.get("/admin/accounts/auditlog/").content.decode()
    assert ">2567</a>" in years
    assert ">2568</a>" in years
    assert "created_at__year=2025" in years  # the links keep CE
    months = client.get("/admin/accounts/auditlog/", {"created_at__year": "2025"}).content
    assert "ตุลาคม 2568" in months.decode()
    assert ">2025</a>" in client.get("/en/admin/accounts/auditlog/").content.decode()
