from __future__ import annotations

import pytest

from tests.factories.municipalities import registry_load
from tests.lists import assert_queries_do_not_grow


@pytest.fixture
def some(db):
    return {o.dla_code: o for o in registry_load(["3500102", "2500101", "3950102", "5450802"])}


def test_organisation_lookup_by_uuid(api_client, some):
    city = some["3500102"]

    body = api_client.get(f"/api/v1/organisations/{city.uuid}/").json()

    assert body["dla_code"] == "3500102"
    assert body["province"] == "50"
    assert body["district"] == "5001"
    assert body["region"] == "north"
    assert body["kind_display"]
    assert body["is_name_en_machine_made"] is False  # a pilot's English name comes from the data


def test_organisation_filters(api_client, some):
    def codes(**params):
        return [
            r["dla_code"]
            for r in api_client.get("/api/v1/organisations/", params).json()["results"]
        ]

    assert codes(region="south") == ["3950102"]
    assert codes(province="45") == ["5450802"]
    assert codes(kind="provincial_admin_org") == ["2500101"]
    assert codes(search="Yala") == ["3950102"]
    assert set(codes(is_pilot="true")) == {"3500102", "3950102"}


def test_an_unknown_filter_value_is_a_400(api_client, some):
    response = api_client.get("/api/v1/organisations/", {"province": "zz"})

    assert response.status_code == 400
    assert "province" in response.json()


def test_regions_and_provinces(api_client, db):
    regions = api_client.get("/api/v1/regions/").json()
    north = api_client.get("/api/v1/provinces/", {"region": "north"}).json()

    assert [r["code"] for r in regions] == [
        "north",
        "northeast",
        "central",
        "east",
        "west",
        "south",
    ]
    assert len(north) == 9
    assert api_client.get("/api/v1/provinces/50/").json()["name_en"] == "Chiang Mai"


def test_the_api_is_read_only(api_client, some):
    response = api_client.post("/api/v1/organisations/", {"name_th": "x"})

    assert response.status_code in {401, 403, 405}  # anonymous API writes answer 401 (issue 5)


def test_the_schema_and_docs_describe_the_endpoints(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    docs = client.get("/api/v1/docs/")

    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/regions/", "/api/v1/provinces/", "/api/v1/organisations/"} <= set(
        schema["paths"]
    )
    assert "/api/v1/organisations/{uuid}/" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/organisations/"]["get"]["parameters"]}
    assert {"search", "region", "province", "kind", "is_pilot", "page"} <= params
    assert docs.status_code == 200
    assert "/static/drf_spectacular_sidecar/" in docs.content.decode()  # assets served locally


def test_the_province_and_region_lists_take_a_fixed_number_of_queries(api_client, db):
    every, south, regions = assert_queries_do_not_grow(
        lambda _count: None,  # fixed reference data: 77 provinces in 6 regions
        lambda: api_client.get("/api/v1/provinces/").json(),
        lambda: api_client.get("/api/v1/provinces/", {"region": "south"}).json(),
        lambda: api_client.get("/api/v1/regions/").json(),
        sizes=(77,),
        limit=2,
    )[-1]

    assert (len(every), len(south), len(regions)) == (77, 14, 6)
