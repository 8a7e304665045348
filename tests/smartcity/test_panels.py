"""The panel registry: apps add boxes to other apps' pages without importing them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from smartcity.panels import Panel, _registry, panel_register, panels_render


@pytest.fixture
def scratch_slot():
    saved = dict(_registry["home"])
    _registry["home"].clear()  # only the test's panels, whatever the apps register
    yield "home"
    _registry["home"].clear()
    _registry["home"].update(saved)


def test_panels_render_in_order_and_a_panel_without_context_is_left_out(scratch_slot, db):
    template = "mou/partials/_home_mous.html"
    panel_register(Panel("b", scratch_slot, "B", template, lambda r, o: {"latest_mous": []}, 20))
    panel_register(Panel("a", scratch_slot, "A", template, lambda r, o: {"latest_mous": []}, 10))
    panel_register(Panel("hidden", scratch_slot, "H", template, lambda r, o: None, 5))
    request = RequestFactory().get("/")
    request.user = AnonymousUser()  # as every request has after the middleware
    keys = [p.key for p in panels_render(slot=scratch_slot, request=request)]
    assert [key for key in keys if key in ("a", "b")] == ["a", "b"]  # other apps add theirs
    assert "hidden" not in keys


def test_an_unknown_slot_is_refused():
    with pytest.raises(ValueError, match="unknown panel slot"):
        panel_register(Panel("x", "sidebar", "X", "t.html", lambda r, o: {}))


def test_home_and_organisation_pages_show_the_mou_panel(client, load_organisations):
    (organisation,) = load_organisations(["3500102"])
    home = client.get("/").content.decode()
    page = client.get(f"/municipalities/{organisation.uuid}/").content.decode()
    assert 'id="panel-mous"' in home
    assert 'id="panel-mous"' in page
