"""Calls, proposals, projects and KPIs for tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from applications.criteria import DEPA_CRITERIA, SCORE_MEANINGS
from applications.models import (
    KPI,
    Application,
    Assignment,
    Call,
    Criterion,
    Partner,
    Project,
    ScoreLevel,
)
from smartcity.accounts.models import Membership, MembershipStatus
from smartcity.accounts.roles import Role
from smartcity.vocabulary import Domain
from tests.factories.accounts import UserFactory
from tests.factories.municipalities import OrganisationFactory


class CallFactory(DjangoModelFactory):
    """An open call (opened 30 days ago, closes in 60) with depa's five criteria."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    title_th = factory.Sequence(lambda n: f"เมืองอัจฉริยะประเทศไทย รอบที่ {n}")
    title_en = factory.Sequence(lambda n: f"Smart City Thailand, round {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=60))

    @factory.post_generation
    def criteria(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            for number, text in enumerate(DEPA_CRITERIA, start=1):
                criterion = Criterion.objects.create(call=self, number=number, **text._asdict())
                ScoreLevel.objects.bulk_create(
                    ScoreLevel(criterion=criterion, score=s, meaning_th=th, meaning_en=en)
                    for s, (th, en) in SCORE_MEANINGS.items()
                )


def approved_officer(organisation: object, **fields: object) -> object:
    """An officer with an approved membership of the organisation."""
    user = UserFactory(role=Role.OFFICER, **fields)
    Membership.objects.create(
        user=user, organisation=organisation, status=MembershipStatus.APPROVED
    )
    return user


class ApplicationFactory(DjangoModelFactory):
    """A draft of a new organisation, typed by its approved officer (the contact person)."""

    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    lead_org = factory.SubFactory(OrganisationFactory)
    contact = factory.LazyAttribute(lambda o: approved_officer(o.lead_org))
    created_by = factory.SelfAttribute("contact")
    area_name = factory.Sequence(lambda n: f"เขตเมืองอัจฉริยะ {n}")
    area_boundary = "ตามเขตเทศบาล"
    area_km2 = Decimal("42.50")
    population_covered = 85000
    domains = factory.LazyFunction(lambda: [Domain.MOBILITY, Domain.LIVING])
    vision = "เมืองน่าอยู่ ปลอดภัย ด้วยข้อมูล"
    goals = "ลดอุบัติเหตุร้อยละ 20"
    infrastructure_plan = "ติดตั้งเครือข่ายเซนเซอร์และไฟอัจฉริยะ"
    data_platform = "แพลตฟอร์มข้อมูลเมืองแบบเปิด"
    smart_services = "ระบบขนส่งอัจฉริยะและบริการสุขภาพทางไกล"
    governance = "คณะกรรมการเมืองอัจฉริยะ"
    funding = "งบประมาณเทศบาลและภาคเอกชน"
    citizen_participation = "เวทีประชาคมทุกไตรมาส"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    application = factory.SubFactory(ApplicationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "ร่วมพัฒนาแพลตฟอร์มข้อมูล"


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    application = factory.SubFactory(ApplicationFactory)
    domain = Domain.MOBILITY
    title = factory.Sequence(lambda n: f"โครงการรถโดยสารอัจฉริยะ {n}")
    summary = "รถโดยสารไฟฟ้าพร้อมระบบติดตามตำแหน่ง"
    budget = Decimal("12500000.00")
    funding_source = "งบประมาณเทศบาล"
    starts_on = dt.date(2026, 10, 1)
    ends_on = dt.date(2028, 9, 30)
    lead_unit = "กองช่าง"


class KPIFactory(DjangoModelFactory):
    class Meta:
        model = KPI

    project = factory.SubFactory(ProjectFactory)
    name = "ผู้ใช้บริการต่อวัน"
    unit = "คน"
    baseline = Decimal(1200)
    target = Decimal(5000)
    target_year = 2028


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(UserFactory, role=Role.REVIEWER)


def complete_draft(**fields: object) -> Application:
    """A draft with a project (and a KPI) in each chosen domain."""
    application = ApplicationFactory(**fields)
    for domain in application.domains:
        KPIFactory(project=ProjectFactory(application=application, domain=domain))
    return application


def submitted_applications(count: int, **fields: object) -> list[Application]:
    """`count` proposals of one call, each submitted through application_submit."""
    from applications.services.proposals import application_submit

    call = fields.pop("call", None) or CallFactory()
    rows = []
    for _ in range(count):
        application = complete_draft(call=call, **fields)
        application_submit(application=application, actor=application.contact)
        rows.append(application)
    return rows
