from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from applications.models import Certificate
from applications.services.certificates import certificates_import
from smartcity.accounts.roles import Role
from tests.applications.decisions import certified_proposal
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory
from tests.lists import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

CSV = """dla_code,certificate_number,certified_on,valid_until,domains,area_name
{a},SC-CERT-2564-001,2021-01-28,2027-01-27,"mobility,living",
{b},SC-CERT-2564-002,2564-01-28,2570-01-27,Smart Governance,ย่านเมืองเก่า
{c},SC-CERT-2565-003,2022-06-30,2028-06-29,environment,
9999999,SC-CERT-2565-004,2022-06-30,2028-06-29,environment,
"""


def test_earlier_certifications_import_once_and_show_in_cities(client):
    a, b, c = OrganisationFactory.create_batch(3)
    text = CSV.format(a=a.dla_code, b=b.dla_code, c=c.dla_code)
    report = certificates_import(text=text)
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.errors == [(5, "ไม่มีองค์กรที่มีรหัส อปท. “9999999”")]
    rerun = certificates_import(text=text)
    assert (rerun.created, rerun.updated, rerun.unchanged, len(rerun.errors)) == (0, 0, 3, 1)
    recorded = Certificate.objects.get(number="SC-CERT-2564-002")
    assert recorded.is_recorded
    assert recorded.application is None
    assert recorded.certified_on == dt.date(2021, 1, 28)  # typed in the Buddhist Era
    assert recorded.domains == ["governance"]
    page = client.get(reverse("decisions:city-list")).content.decode()
    for certificate in Certificate.objects.all():
        assert certificate.number in page
    assert page.count("บันทึกย้อนหลัง") == 3


def test_the_import_reports_a_missing_column():
    report = certificates_import(text="dla_code,certificate_number\n1234567,X\n")
    assert report.created == 0
    assert report.errors[0][0] == 1


def test_cities_search_and_filters(client):
    kept = certified_proposal()
    other = certified_proposal()
    url = reverse("decisions:city-list")
    page = client.get(url, {"q": kept.certificate.number}).content.decode()
    assert kept.certificate.number in page
    assert other.certificate.number not in page
    assert len(client.get(url, {"domain": "energy"}).context["page"].object_list) == 0


def test_cities_and_staff_home_queries_do_not_grow(client):
    today = timezone.localdate()

    def add_rows(count: int) -> None:
        start = Certificate.objects.count() + 1
        Certificate.objects.bulk_create(
            Certificate(
                number=f"SC-CERT-2564-{n:03d}",
                organisation=organisation,
                area_name=organisation.name_th,
                domains=["mobility"],
                certified_on=today,
                valid_from=today,
                valid_until=today + dt.timedelta(days=365),
                is_recorded=True,
            )
            for n, organisation in enumerate(OrganisationFactory.create_batch(count), start=start)
        )

    reviewer = Client()
    reviewer.force_login(UserFactory(role=Role.REVIEWER))

    def page(http: Client, url: str):
        return lambda: http.get(url)

    results = assert_queries_do_not_grow(
        add_rows,
        page(client, reverse("decisions:city-list")),
        page(reviewer, reverse("accounts:dashboard")),
        page(reviewer, reverse("queue:list")),
        page(reviewer, reverse("home")),
        sizes=(5, 500),
    )
    for size, (cities, dashboard, _queue, _home) in zip((5, 500), results, strict=True):
        assert len(cities.context["page"].object_list) == min(size, 50)
        assert "count-to-screen" in dashboard.content.decode()


def test_the_home_and_organisation_pages_show_certificates(client):
    certificate = certified_proposal().certificate
    assert certificate.number in client.get(reverse("home")).content.decode()
    organisation_page = reverse(
        "municipalities:organisation-detail", kwargs={"key": certificate.organisation.dla_code}
    )
    assert certificate.number in client.get(organisation_page).content.decode()
