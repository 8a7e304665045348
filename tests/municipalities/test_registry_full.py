"""The "done when" checks against the whole registry, loaded once for this module."""

from __future__ import annotations

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from municipalities.models import Organisation, OrganisationKind
from tests.factories.municipalities import PILOT_CODES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("full_registry")]

PILOTS = set(PILOT_CODES)


def test_the_api_lists_77_provinces_in_thai_order(api_client):
    provinces = api_client.get("/api/v1/provinces/").json()

    assert len(provinces) == 77
    names = [p["name_th"] for p in provinces]
    assert names.index("กระบี่") < names.index("เชียงใหม่") < names.index("ตาก")
    assert names[0] == "กระบี่"


def test_the_api_counts_the_whole_registry(api_client):
    body = api_client.get("/api/v1/organisations/").json()

    assert body["count"] == 7849
    assert len(body["results"]) == 50


def test_the_api_search_finds_chiang_mai_city(api_client):
    body = api_client.get("/api/v1/organisations/", {"search": "เชียงใหม่"}).json()

    found = {row["dla_code"]: row for row in body["results"]}
    assert found["3500102"]["name_th"] == "เทศบาลนครเชียงใหม่"
    assert found["3500102"]["kind"] == OrganisationKind.CITY_MUNICIPALITY
    assert found["3500102"]["is_pilot"] is True


def test_the_twelve_pilots_are_present_and_marked(api_client):
    body = api_client.get("/api/v1/organisations/", {"is_pilot": "true"}).json()

    assert {row["dla_code"] for row in body["results"]} == PILOTS
    assert {row["name_en"] for row in body["results"]} >= {
        "Yala City Municipality",
        "Ban Chang Subdistrict Municipality",
    }
    assert Organisation.objects.filter(is_pilot=True).count() == 12


def test_the_registry_counts_by_kind_match_the_source():
    counts = {k: Organisation.objects.filter(kind=k).count() for k in OrganisationKind.values}

    assert counts["provincial_admin_org"] == 76
    assert counts["city_municipality"] == 30
    assert counts["town_municipality"] == 195
    assert counts["subdistrict_municipality"] == 2247
    assert counts["subdistrict_admin_org"] == 5300
    assert counts["special_admin_area"] == 1


def test_the_thai_list_page_finds_yala(client):
    response = client.get(reverse("municipalities:organisation-list"), {"q": "ยะลา"})

    names = [o.name_th for o in response.context["page"].object_list]
    assert "เทศบาลนครยะลา" in names
    assert "เทศบาลนครยะลา" in response.content.decode()


def test_the_english_list_page_finds_yala_city(client):
    response = client.get("/en/municipalities/", {"q": "Yala"})

    assert "Yala City Municipality" in response.content.decode()
    assert response.context["page"].paginator.count >= 1


def test_a_search_by_dla_code_finds_one(client):
    response = client.get(reverse("municipalities:organisation-list"), {"q": "3500102"})

    assert [o.dla_code for o in response.context["page"].object_list] == ["3500102"]


def test_loading_the_reference_data_again_changes_nothing():
    before = set(Organisation.objects.values_list("dla_code", "updated_at"))
    output = StringIO()

    started = time.monotonic()
    call_command("load_reference_data", stdout=output, no_color=True)
    elapsed = time.monotonic() - started

    text = output.getvalue()
    assert "organisations: 0 created, 0 updated, 7849 unchanged, 0 rejected" in text
    assert "districts: 0 created, 0 updated" in text
    assert "pilots: 12 of 12 present, 0 marked now" in text
    assert set(Organisation.objects.values_list("dla_code", "updated_at")) == before
    assert elapsed < 30, f"a second load took {elapsed:.1f}s"


def test_chiang_mai_city_comes_first_on_the_page_and_the_api(client, api_client):
    page = client.get(reverse("municipalities:organisation-list"), {"q": "เชียงใหม่"})
    api = api_client.get("/api/v1/organisations/", {"search": "เชียงใหม่"}).json()

    first = page.context["page"].object_list[0]
    assert (first.dla_code, first.name_th) == ("3500102", "เทศบาลนครเชียงใหม่")
    assert api["results"][0]["dla_code"] == "3500102"
    # exact short names first, larger bodies first: the city, the province, then ตำบลเชียงใหม่
    codes = [o.dla_code for o in page.context["page"].object_list]
    assert codes[:3] == ["3500102", "2500101", "5450802"]


def test_the_unfiltered_list_starts_with_the_larger_bodies(client):
    rows = client.get(reverse("municipalities:organisation-list")).context["page"].object_list

    cities = {OrganisationKind.CITY_MUNICIPALITY, OrganisationKind.SPECIAL_ADMIN_AREA}
    assert {o.kind for o in rows[:31]} == cities  # 30 cities and Pattaya City
    assert rows[31].kind == OrganisationKind.PROVINCIAL_ADMIN_ORG


def test_the_registry_search_uses_the_trigram_index():
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from municipalities.selectors import organisation_list, organisation_search

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE municipalities_organisation")  # statistics of the loaded rows
    plan = organisation_search(organisation_list(viewer=AnonymousUser()), "เชียงใหม่").explain()

    assert "organisation_search_trgm" in plan, plan


def test_english_province_choices_are_in_english_order(client):
    form = client.get("/en/municipalities/").context["form"]

    names = [label for _value, label in form.fields["province"].choices][1:]
    assert names == sorted(names)
    assert names[0] == "Amnat Charoen"
