"""An organisation proposed at sign-up is written by the registry's own services."""

from __future__ import annotations

import pytest

from municipalities.models import OrganisationKind, OrganisationSource, Province
from municipalities.services import organisation_propose, organisation_sort_key, organisation_verify

pytestmark = pytest.mark.django_db


def test_a_proposal_is_registered_unverified_with_its_sort_key_and_folded_names():
    province = Province.objects.get(code="50")
    organisation = organisation_propose(
        kind=OrganisationKind.OTHER,
        name_th="  มูลนิธิ   เมืองน่าอยู่ ",
        name_en="Liveable  City Foundation",
        province=province,
    )

    organisation.refresh_from_db()
    assert (organisation.name_th, organisation.name_en) == (
        "มูลนิธิ เมืองน่าอยู่",
        "Liveable City Foundation",
    )
    assert organisation.is_verified is False
    assert organisation.source == OrganisationSource.SIGNUP
    assert organisation.province == province
    assert organisation.sort_key == organisation_sort_key(name_th="มูลนิธิ เมืองน่าอยู่", short_name_th="")


def test_verifying_is_rerunnable():
    organisation = organisation_propose(
        kind=OrganisationKind.OTHER, name_th="มูลนิธิทดสอบ", name_en="", province=None
    )

    organisation_verify(organisation=organisation)
    organisation.refresh_from_db()
    assert organisation.is_verified is True
    verified_at = organisation.updated_at

    organisation_verify(organisation=organisation)  # already verified: nothing written
    organisation.refresh_from_db()
    assert organisation.updated_at == verified_at
