"""Error pages on the layout in the request's language; JSON in the API's shape under /api/."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.smartcity.error_urls import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.smartcity.error_urls")]


@pytest.fixture
def visitor(settings) -> Client:
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def on_layout(html: str, language: str) -> bool:
    return f'<html lang="{language}">' in html and 'name="viewport"' in html and 'id="main"' in html


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [("/no-such-page", "th", "ไม่พบหน้าที่ต้องการ"), ("/en/no-such-page", "en", "Page not found")],
)
def test_a_missing_page_answers_404_on_the_layout_in_its_language(visitor, url, language, title):
    response = visitor.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert on_layout(html, language)
    assert title in html
    assert 'role="search"' in html
    assert 'href="/' in html


@pytest.mark.parametrize(("url", "language"), [("/boom/", "th"), ("/en/boom/", "en")])
def test_a_page_that_raises_answers_500_without_the_exception(visitor, url, language):
    response = visitor.get(url)
    html = response.content.decode()
    assert response.status_code == 500
    assert on_layout(html, language)
    assert SECRET not in html
    assert "Traceback" not in html


def test_a_forbidden_page_answers_the_403_page(visitor):
    response = visitor.get("/forbidden/")
    assert response.status_code == 403
    assert on_layout(response.content.decode(), "th")
    assert SECRET not in response.content.decode()


def test_the_api_answers_errors_as_json_in_its_shape(visitor):
    response = visitor.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "server_error"
    assert SECRET not in response.content.decode()
    missing = visitor.get("/api/v1/no-such-endpoint/")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")


def test_api_validation_errors_keep_their_field_names(visitor, programme_admin):
    visitor.force_login(programme_admin)
    response = visitor.post("/api/v1/mous/", {"status": "no-such-status"}, "application/json")
    assert response.status_code == 400
    assert "status" in response.json()


def test_the_favicon_answers(visitor):
    response = visitor.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header
