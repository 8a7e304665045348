from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from mou.models import MOU, MOUMunicipality, MOUParty, MOUPerson, PersonRole, Status
from municipalities.models import OrganisationKind
from tests.factories.municipalities import OrganisationFactory


class AgencyFactory(OrganisationFactory):
    """A government agency without DLA code or province (like DLA or depa)."""

    dla_code = None
    kind = OrganisationKind.GOVERNMENT_AGENCY
    province = None
    short_name_th = factory.Sequence(lambda n: f"หน่วยงาน{n}")
    name_th = factory.LazyAttribute(lambda o: f"สำนักงาน{o.short_name_th}")
    name_en = factory.Sequence(lambda n: f"Agency {n}")


class MunicipalityFactory(OrganisationFactory):
    province = None
    kind = OrganisationKind.TOWN_MUNICIPALITY


class MOUFactory(DjangoModelFactory):
    class Meta:
        model = MOU

    reference_number = factory.Sequence(lambda n: f"MOU-{n:05d}")
    title_th = factory.Sequence(lambda n: f"บันทึกความเข้าใจเมืองอัจฉริยะ ฉบับที่ {n}")
    title_en = factory.Sequence(lambda n: f"Smart city MOU no. {n}")
    signed_on = dt.date(2020, 7, 2)
    effective_from = dt.date(2020, 7, 2)
    status = Status.ACTIVE


def signed_mou(parties: int = 2, municipalities: int = 0, **fields: object) -> MOU:
    """An MOU with its parties, a signatory from each, and municipalities."""
    mou = MOUFactory(**fields)
    for order in range(parties):
        agency = AgencyFactory()
        MOUParty.objects.create(mou=mou, organisation=agency, order=order)
        MOUPerson.objects.create(
            mou=mou, role=PersonRole.SIGNATORY, name_th=f"นายทดสอบ {order}", organisation=agency
        )
    for _ in range(municipalities):
        MOUMunicipality.objects.create(
            mou=mou, organisation=MunicipalityFactory(), joined_on=mou.signed_on
        )
    return mou
