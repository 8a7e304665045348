"""The Government Website Standard's pages and the API's introduction to tokens."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "thai", "english"),
    [
        ("privacy", "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล", "Personal Data Protection Act"),
        ("security", "72 ชั่วโมง", "within 72 hours"),
        ("accessibility", "WCAG", "level AA"),
        ("contact", "smartcity@depa.or.th", "80 Soi Lat Phrao 4"),
    ],
)
def test_each_page_in_thai_and_english(client, path, thai, english):
    assert thai in client.get(f"/about/{path}/").content.decode()
    assert english in client.get(f"/en/about/{path}/").content.decode()


def test_the_site_map_links_every_public_section(client):
    body = client.get(reverse("pages:sitemap")).content.decode()

    for name in ("home", "municipalities:organisation-list", "mou:mou-list", "api:docs"):
        assert f'href="{reverse(name)}"' in body


def test_the_api_docs_explain_how_to_get_and_send_a_token(client):
    schema = client.get(reverse("api:schema")).content.decode()

    assert "POST your e-mail address (as `username`) and password to" in schema
    assert "/api/v1/auth/token/" in schema
    assert "Authorization: Token <your token>" in schema
