"""Bad bytes and lengths are refused with 4xx on every route, never a 500 (one middleware)."""

from __future__ import annotations

import pytest

NUL_REQUESTS = [
    "/api/v1/provinces/?region=%00",
    "/api/v1/regions/%00/",
    "/api/v1/mous/?search=a%00b",
    "/api/v1/mous/?status=%00",
    "/accounts/organisations/search/?q=a%00b",
    "/admin/mou/mou/?q=a%00b",
    "/municipalities/a%00b/",
    "/municipalities/?q=a%00b",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NUL_REQUESTS)
def test_a_nul_byte_in_path_or_query_answers_400(client, programme_admin, url):
    client.force_login(programme_admin)
    response = client.get(url)
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_answers_400(client):
    response = client.post("/accounts/login/", {"username": "a\x00b@x.go.th", "password": "x"})
    assert response.status_code == 400


LONG_NAME = "a" * 250 + "@x.go.th"  # 258 characters: more than django-axes can store


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/", "/api/v1/auth/token/"])
@pytest.mark.parametrize("content_type", ["multipart", "json"])
def test_an_over_long_login_name_answers_400(client, url, content_type):
    credentials = {"username": LONG_NAME, "password": "secret-password"}
    if content_type == "json":
        response = client.post(url, credentials, content_type="application/json")
    else:
        response = client.post(url, credentials)
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_nul_byte_in_a_json_body_answers_400(api_client):
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "a\x00b", "password": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
