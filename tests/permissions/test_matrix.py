"""Walk every URL pattern of the resolver and check each role gets the status MATRIX expects."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from rest_framework.test import APIClient

from tests.permissions.matrix import ANONYMOUS, MATRIX, ROLES


def walk(
    patterns: list, prefix: str = "", namespace: str | None = None, i18n: bool = False
) -> list[tuple[str, str, bool]]:
    """(route name or '', full pattern, translated?) for every endpoint the resolver knows."""
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            translated = i18n or isinstance(pattern.pattern, LocalePrefixPattern)
            found += walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, translated)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            found.append((name or "", prefix + str(pattern.pattern), i18n))
    return found


ROUTES = walk(get_resolver().url_patterns)
TRANSLATED = {name for name, _pattern, i18n in ROUTES if i18n}


def entry_key(name: str, pattern: str) -> str | None:
    if name in MATRIX:
        return name
    if name.startswith("admin:") or pattern.startswith("admin/"):
        return "admin:*"
    return None


def cases() -> list[tuple[str, str, str]]:
    """(matrix key, route name, language) for every route that can be called."""
    found = []
    for name in sorted({name for name, _pattern, _i18n in ROUTES if name}):
        keys = [key for key in MATRIX if key == name or key.startswith(f"{name}#")]
        if not keys and name.startswith("admin:"):
            try:
                reverse(name)  # admin routes needing an object id are covered by the same entry
            except NoReverseMatch:
                continue
            keys = ["admin:*"]
        for key in keys:
            for language in ("th", "en") if name in TRANSLATED else ("th",):
                found.append((key, name, language))
    return found


def test_every_route_has_an_entry():
    missing = sorted(
        {
            f"{name or '(unnamed)'} {pattern}"
            for name, pattern, _i18n in ROUTES
            if entry_key(name, pattern) is None
        }
    )
    assert not missing, "add these routes to tests/permissions/matrix.py:\n" + "\n".join(missing)


def test_every_entry_names_a_route():
    names = {name for name, _pattern, _i18n in ROUTES}
    stale = [key for key in MATRIX if key != "admin:*" and key.split("#")[0] not in names]
    assert not stale


@pytest.mark.parametrize(("key", "name", "language"), cases())
def test_each_role_gets_the_expected_status(world, key, name, language):
    route = MATRIX[key]
    roles = ROLES + tuple(role for role in route.expect if role not in ROLES)  # e.g. STAFF
    kwargs = route.kwargs(world) if route.kwargs else {}
    with translation.override(language):
        url = reverse(name, kwargs=kwargs)
    assert url.startswith("/en/") == (language == "en")
    got = {}
    for role in roles:
        client = APIClient() if url.startswith("/api/") else Client()
        options = {"format": route.format} if route.format else {}
        cache.delete_pattern("throttle*")  # each role has its own rate-limit allowance
        with transaction.atomic():  # each role meets the same world: a DELETE is undone
            if role != ANONYMOUS:
                client.force_login(world.users[role])
            data = route.data(world) if callable(route.data) else route.data
            response = getattr(client, route.method)(url, data, **options)
            transaction.set_rollback(True)
        got[role] = response.status_code
        assert response.has_header("Content-Security-Policy"), url  # every answer, every page
        private = route.expect[ANONYMOUS] == 302 and 200 in route.expect.values()
        if role == ANONYMOUS and private and response.status_code == 302:
            assert "login" in response["Location"], f"{url}: anonymous not sent to a login page"
        if url.startswith("/api/") and response.status_code == 401:
            assert response.has_header("WWW-Authenticate")
    assert got == route.expect, url
