"""Content-Security-Policy and Permissions-Policy on every answer (the matrix checks each
route; this checks what the policy says)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


@pytest.mark.parametrize("path", ["/", "/en/municipalities/", "/admin/login/", "/api/v1/"])
def test_pages_forbid_inline_code_and_other_origins(client, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_map_tiles_are_the_only_other_origin():
    from smartcity.security import content_security_policy

    assert directives(Client().get("/"))["img-src"] == ["'self'", "data:"]  # no MAP_TILE_URL
    policy = content_security_policy(map_tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert policy["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://*.tile.example.org"]
    assert all(
        "example.org" not in " ".join(values)
        for name, values in policy["DIRECTIVES"].items()
        if name != "img-src"
    )
