from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories.municipalities import OrganisationFactory, registry_load


@pytest.fixture
def chiang_mai(db):
    orgs = registry_load(["3500102", "2500101", "3950102", "5450802"])
    return next(o for o in orgs if o.dla_code == "3500102")


def test_the_list_filters_by_region_province_and_kind(client, chiang_mai):
    url = reverse("municipalities:organisation-list")

    north = client.get(url, {"region": "north"}).context["page"].object_list
    south_cities = client.get(url, {"region": "south", "kind": "city_municipality"})
    in_roi_et = client.get(url, {"province": "45"}).context["page"].object_list

    assert {o.dla_code for o in north} == {"3500102", "2500101"}
    assert [o.dla_code for o in south_cities.context["page"].object_list] == ["3950102"]
    assert [o.dla_code for o in in_roi_et] == ["5450802"]


def test_the_list_puts_larger_bodies_first_each_kind_in_thai_order(client, chiang_mai):
    for short in ("ตากแดด", "กระบี่น้อย", "เชียงดาว"):  # subdistrict administrative organisations
        OrganisationFactory(short_name_th=short, name_th=f"องค์การบริหารส่วนตำบล{short}")

    rows = client.get(reverse("municipalities:organisation-list")).context["page"].object_list

    # two cities, the provincial organisation, the subdistrict municipality, then the rest
    assert [o.dla_code for o in rows][:4] == ["3500102", "3950102", "2500101", "5450802"]
    assert [o.short_name_th for o in rows][4:] == ["กระบี่น้อย", "เชียงดาว", "ตากแดด"]


def test_a_bad_filter_shows_everything_rather_than_failing(client, chiang_mai):
    response = client.get(reverse("municipalities:organisation-list"), {"province": "zz"})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_htmx_gets_only_the_rows(client, chiang_mai):
    response = client.get(
        reverse("municipalities:organisation-list"), {"q": "ยะลา"}, HTTP_HX_REQUEST="true"
    )

    body = response.content.decode()
    assert "เทศบาลนครยะลา" in body
    assert "<nav" not in body  # no page chrome, just the results


@pytest.mark.parametrize("by", ["uuid", "dla_code"])
def test_the_detail_page_by_uuid_or_code(client, chiang_mai, by):
    response = client.get(f"/en/municipalities/{getattr(chiang_mai, by)}/")

    body = response.content.decode()
    assert response.context["organisation"] == chiang_mai
    assert "Chiang Mai City Municipality" in body
    assert "City municipality" in body
    assert "North" in body  # region
    assert "gives no coordinates" in body  # the registry has none for Chiang Mai city
    assert "2020 MOU pilot" in body


def test_the_detail_page_pins_the_map_when_coordinates_exist(client, chiang_mai, settings):
    settings.MAP_TILE_URL = "https://tiles.example.go.th/{z}/{x}/{y}.png"
    response = client.get("/en/municipalities/3950102/")

    body = response.content.decode()
    assert 'data-lat="6.550000" data-lon="101.280000"' in body
    assert 'data-tiles="https://tiles.example.go.th/{z}/{x}/{y}.png"' in body
    assert "Yala City Municipality" in body


def test_without_a_tile_server_the_page_loads_no_map_but_keeps_the_coordinates(client, chiang_mai):
    body = client.get("/en/municipalities/3950102/").content.decode()

    assert "data-map-pin" not in body
    assert "leaflet" not in body
    assert "mlat=6.550000&amp;mlon=101.280000" in body


@pytest.mark.parametrize("key", ["9999999", "not-a-uuid", "3f1e0f4e-0000-4000-8000-000000000000"])
def test_an_unknown_organisation_is_404(client, db, key):
    assert client.get(f"/municipalities/{key}/").status_code == 404


def test_the_nav_links_to_the_registry(client, db):
    body = client.get("/en/").content.decode()

    assert 'href="/en/municipalities/"' in body
    assert ">Municipalities<" in body


def test_no_result_suggests_dropping_filters_or_searching_by_code(client, chiang_mai):
    url = reverse("municipalities:organisation-list")
    body = client.get(url, {"q": "เชียงใหม่", "region": "south"}).content.decode()

    assert "ไม่พบหน่วยงานที่ตรงกับการค้นหา" in body
    assert f'href="{url}?q={quote("เชียงใหม่")}"' in body  # the same words, no filter
    assert "3500102" in body  # the example DLA code
