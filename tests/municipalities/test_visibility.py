"""Organisations proposed at sign-up stay out of public pages, search and API until verified."""

from __future__ import annotations

import pytest
from django.urls import reverse

from municipalities.models import Organisation
from smartcity.accounts.models import Membership
from smartcity.accounts.services import membership_approve
from tests.accounts.test_signup_and_profile import signup_payload

pytestmark = pytest.mark.django_db

NAME = "มหาวิทยาลัยเมืองอัจฉริยะ"


@pytest.fixture
def proposed(client, load_organisations):
    """Chiang Mai city municipality (3500102) from the registry, and a university proposed at
    sign-up (its proposer's address not verified yet)."""
    load_organisations(["3500102"])
    assert client.post(reverse("accounts:signup"), signup_payload()).status_code == 302
    return Organisation.objects.get(name_th=NAME)


def public_names(client, **params) -> set[str]:
    page = client.get(reverse("municipalities:organisation-list"), params).context["page"]
    return {o.dla_code or o.name_th for o in page.object_list}


def api_names(api_client, **params) -> set[str]:
    rows = api_client.get("/api/v1/organisations/", params).json()["results"]
    return {o["dla_code"] or o["name_th"] for o in rows}


def test_a_proposed_organisation_is_not_public(client, api_client, proposed):
    assert public_names(client) == {"3500102"}  # registry rows stay public, verified or not
    assert public_names(client, q=NAME) == set()
    assert public_names(client, q="เชียงใหม่") == {"3500102"}
    detail = reverse("municipalities:organisation-detail", kwargs={"key": proposed.uuid})
    assert client.get(detail).status_code == 404
    assert api_names(api_client) == {"3500102"}
    assert api_client.get(f"/api/v1/organisations/{proposed.uuid}/").status_code == 404


def test_the_proposer_and_administrators_see_it_marked(client, proposed, programme_admin):
    proposer = Membership.objects.get(organisation=proposed).user
    proposer.is_active = True  # verified their address; the organisation waits for approval
    proposer.save()
    detail = reverse("municipalities:organisation-detail", kwargs={"key": proposed.uuid})
    for user in (proposer, programme_admin):
        client.force_login(user)
        assert public_names(client) == {"3500102", NAME}
        assert "รอการตรวจสอบ" in client.get(detail).content.decode()  # awaiting verification


def test_it_is_public_once_verified(client, proposed, programme_admin):
    membership = Membership.objects.get(organisation=proposed)
    membership_approve(membership=membership, actor=programme_admin)
    assert public_names(client) == {"3500102", NAME}


def test_the_signup_search_still_offers_it_marked(client, proposed):
    response = client.get(reverse("accounts:organisation-search"), {"q": NAME})
    assert NAME in response.content.decode()
    assert "รอการตรวจสอบ" in response.content.decode()
