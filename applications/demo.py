"""Proposals' part of load_demo_data: the open call "Smart City Thailand" and proposals that
mirror the programme's 2020 figures — 39 submitted (12 from the pilot municipalities: 7 city,
4 town, 1 subdistrict; the rest from provinces, other local administrations, a university and a
private developer), some returned for revision, a few drafts, the demo reviewers assigned.

Everything goes through the services (create, submit, request a revision, assign), so versions,
reference numbers and transitions are real. A proposal is keyed on its call and organisation:
a second run finds them all and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from applications.decisions import demo as decisions_demo
from applications.models import Application, Call
from applications.queue import demo as queue_demo
from applications.reviews import demo as reviews_demo
from applications.services.assignments import assignment_create
from applications.services.calls import call_criteria_default_create
from applications.services.proposals import (
    application_create,
    application_submit,
    application_update,
)
from applications.services.revisions import application_request_revision, revision_answers_save
from applications.workflow import State
from municipalities.models import LOCAL_KINDS, Organisation, OrganisationKind, Province
from municipalities.services import organisation_save
from smartcity.accounts.demo import DEMO_PASSWORD, DOMAIN
from smartcity.accounts.models import Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.accounts.services import user_grant_role
from smartcity.vocabulary import Domain, FocusArea

CALL_TITLE = "เมืองอัจฉริยะประเทศไทย"
# other local administrations that applied, by DLA code: city municipalities and provincial
# administrative organisations outside the 12 pilots
OTHER_LAO_CODES = (
    "3110102",
    "3120102",
    "3120601",
    "3130301",
    "3140102",
    "3200701",
    "3210102",
    "3300102",
    "3340102",
    "3400102",
    "3410102",
    "3470102",
    "3520102",
    "3650102",
    "3730102",
    "3800102",
    "3830102",
    "3900102",
    "3920102",
    "2830101",
)
DRAFT_CODES = ("3630601", "3740102", "2500101")  # a few drafts, not counted among the 39
PROVINCES = ("83", "40", "20", "21", "24")  # Phuket, Khon Kaen, Chon Buri, Rayong, Chachoengsao
OTHER_BODIES = (
    (OrganisationKind.UNIVERSITY, "มหาวิทยาลัยเชียงใหม่", "Chiang Mai University", "50"),
    (
        OrganisationKind.PRIVATE_COMPANY,
        "บริษัท เมืองอัจฉริยะพัฒนา จำกัด",
        "Smart Township Development Co., Ltd.",
        "11",
    ),
)
REVISION_EVERY = 6  # every sixth submitted proposal is returned for revision
PROJECT_IDEAS = {
    Domain.ENVIRONMENT: ("เครือข่ายเซนเซอร์คุณภาพอากาศ", "จุดตรวจวัดฝุ่น PM2.5", "จุด"),
    Domain.ECONOMY: ("ตลาดดิจิทัลชุมชน", "ร้านค้าที่ขายออนไลน์", "ร้าน"),
    Domain.MOBILITY: ("รถโดยสารไฟฟ้าอัจฉริยะ", "ผู้โดยสารต่อวัน", "คน"),
    Domain.ENERGY: ("ไฟถนนอัจฉริยะ", "พลังงานที่ประหยัดได้", "เมกะวัตต์ชั่วโมง"),
    Domain.PEOPLE: ("ศูนย์ทักษะดิจิทัลชุมชน", "ผู้ผ่านการอบรม", "คน"),
    Domain.LIVING: ("ระบบแจ้งเหตุฉุกเฉินและกล้อง CCTV", "เวลาตอบสนองเหตุ", "นาที"),
    Domain.GOVERNANCE: ("แพลตฟอร์มบริการประชาชนออนไลน์", "บริการที่ยื่นออนไลน์ได้", "บริการ"),
}
DOMAINS = list(Domain)


def _call() -> Call:
    call = Call.objects.filter(title_th=CALL_TITLE, is_synthetic=False).first()
    if call is None:
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        call = Call.objects.create(
            title_th=CALL_TITLE,
            title_en="Smart City Thailand",
            description_th="ประกาศรับข้อเสนอพื้นที่เพื่อพิจารณาเป็นเมืองอัจฉริยะ ตามเกณฑ์ 5 ด้านของ "
            "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล",
            description_en="Call for areas to be considered as smart cities, assessed against "
            "depa's five criteria.",
            opens_at=now - dt.timedelta(days=30),
            closes_at=now + dt.timedelta(days=120),
        )
        call_criteria_default_create(call=call)
    return call


def _body(kind: str, name_th: str, name_en: str, province_code: str) -> Organisation:
    """A province, university or company, found by kind and Thai name, created once."""
    found = Organisation.objects.filter(kind=kind, name_th=name_th).first()
    if found is not None:
        return found
    province = Province.objects.get(code=province_code)
    return organisation_save(
        organisation=Organisation(
            kind=kind, name_th=name_th, name_en=name_en, province=province, is_verified=True
        )
    )


def _applicants() -> tuple[list[Organisation], list[Organisation]]:
    """The 39 organisations that submitted, pilots first, and those with drafts."""
    pilot_codes = list(
        Organisation.objects.pilots().order_by("dla_code").values_list("dla_code", flat=True)
    )
    by_code = {
        o.dla_code: o
        for o in Organisation.objects.filter(
            dla_code__in=[*pilot_codes, *OTHER_LAO_CODES, *DRAFT_CODES]
        )
    }
    provinces = [
        _body(OrganisationKind.PROVINCE, f"จังหวัด{p.name_th}", f"{p.name_en} Province", p.code)
        for p in Province.objects.filter(code__in=PROVINCES).order_by("code")
    ]
    others = [_body(*body) for body in OTHER_BODIES]
    submitted = [by_code[c] for c in (*pilot_codes, *OTHER_LAO_CODES)] + provinces + others
    return submitted, [by_code[c] for c in DRAFT_CODES]


def _officer(organisation: Organisation) -> User:
    """An approved officer of the organisation: the pilots' come from the accounts demo."""
    membership = (
        Membership.objects.approved()
        .filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is not None:
        return membership.user
    key = organisation.dla_code or f"org{organisation.pk}"
    user = User.objects.create_user(
        f"officer.{key}@{DOMAIN}",
        DEMO_PASSWORD,
        first_name_th="เจ้าหน้าที่",
        last_name_th=organisation.short_name_th or organisation.name_th,
        first_name_en="Officer",
        last_name_en=organisation.name_en or key,
        position="นักวิเคราะห์นโยบายและแผน",
        email_verified_at=timezone.now(),
    )
    user_grant_role(user=user, role=Role.OFFICER)
    Membership.objects.create(
        user=user,
        organisation=organisation,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )
    return user


def _content(organisation: Organisation, index: int) -> tuple[dict[str, Any], list[dict]]:
    """Sections and projects (with KPIs) of the proposal number `index`."""
    domains = [DOMAINS[index % 7], DOMAINS[(index + 3) % 7]]
    name = organisation.name_th
    area = organisation.short_name_th or name
    fields = {
        "domains": [d.value for d in domains],
        "focus_areas": [list(FocusArea)[index % len(FocusArea)].value],
        "area_name": f"เขต{name}" if organisation.kind in LOCAL_KINDS else f"พื้นที่เมืองอัจฉริยะ{area}",
        "area_boundary": f"ตามเขตการปกครองของ{name}",
        "area_km2": organisation.area_km2 or Decimal(20 + index * 3),
        "population_covered": 40000 + index * 2500,
        "vision": f"{area} เมืองน่าอยู่ ปลอดภัย เศรษฐกิจดี ด้วยข้อมูลและเทคโนโลยี",
        "goals": "ยกระดับคุณภาพชีวิตประชาชนและบริการสาธารณะภายใน 3 ปี",
        "infrastructure_plan": "วางโครงข่ายใยแก้วนำแสงและเสาอัจฉริยะในพื้นที่เศรษฐกิจหลัก",
        "data_platform": "แพลตฟอร์มข้อมูลเมือง (City Data Platform) แบบเปิด เชื่อมข้อมูลหน่วยงานในพื้นที่",
        "smart_services": "บริการอัจฉริยะตามด้านที่เลือก ดูรายละเอียดในโครงการ",
        "governance": f"คณะกรรมการขับเคลื่อนเมืองอัจฉริยะ{area} มีผู้บริหารท้องถิ่นเป็นประธาน",
        "partnership": "สถาบันการศึกษาในพื้นที่ หอการค้าจังหวัด และภาคเอกชน",
        "funding": "งบประมาณท้องถิ่น เงินอุดหนุน และการร่วมลงทุนกับเอกชน",
        "citizen_participation": "เวทีประชาคมรายไตรมาสและช่องทางรับฟังความเห็นออนไลน์",
    }
    projects = []
    for number, domain in enumerate(domains):
        title, kpi, unit = PROJECT_IDEAS[domain]
        projects.append(
            {
                "domain": domain.value,
                "title": f"{title} {area}",
                "summary": f"{title} ครอบคลุมพื้นที่{area}",
                "budget": Decimal(5_000_000 + (index * 750_000 + number * 2_500_000) % 45_000_000),
                "funding_source": "งบประมาณท้องถิ่นและเงินอุดหนุน",
                "starts_on": dt.date(2027, 1 + number * 3, 1),
                "ends_on": dt.date(2028, 12, 31),
                "lead_unit": "สำนักปลัด" if number else "กองช่าง",
                "kpis": [
                    {
                        "name": kpi,
                        "unit": unit,
                        "baseline": Decimal(index % 5 * 10),
                        "target": Decimal(100 + index * 10),
                        "target_year": 2028,
                    }
                ],
            }
        )
    return fields, projects


def load() -> list[str]:
    """Create the demo call and proposals once; a second run writes nothing."""
    if not Organisation.objects.pilots().exists():
        return ["demo proposals skipped: run load_reference_data first"]
    call = _call()
    admin = User.objects.filter(email=f"admin@{DOMAIN}").first()
    reviewers = list(User.objects.filter(email__in=[f"reviewer1@{DOMAIN}", f"reviewer2@{DOMAIN}"]))
    if admin is None or not reviewers:
        return ["demo proposals skipped: the accounts demo made no administrator or reviewers"]
    existing = set(Application.objects.filter(call=call).values_list("lead_org_id", flat=True))
    submitted, drafts = _applicants()
    made = 0
    for index, organisation in enumerate([*submitted, *drafts]):
        if organisation.pk in existing:
            continue
        officer = _officer(organisation)
        fields, projects = _content(organisation, index)
        application = application_create(
            call=call, lead_org=organisation, actor=officer, fields=fields, projects=projects
        )
        made += 1
        if organisation in drafts:
            continue
        application_submit(application=application, actor=officer)
        if index % 3 == 0:
            reviewer = reviewers[index % len(reviewers)]
            assignment_create(application=application, reviewer=reviewer, actor=admin)
        if index % REVISION_EVERY == 1:
            application_request_revision(
                application=application,
                actor=admin,
                points="1. ระบุขอบเขตพื้นที่พร้อมแผนที่ให้ชัดเจน\n2. แยกงบประมาณรายปีของแต่ละโครงการ",
                deadline=timezone.localdate() + dt.timedelta(days=30),
            )
            if index % 12 == 1:  # answered already: a second version to compare
                revision_answers_save(
                    application=application,
                    actor=officer,
                    answers={
                        1: "แนบแผนที่ขอบเขตพื้นที่ไว้ท้ายข้อเสนอแล้ว",
                        2: "แยกงบประมาณรายปีไว้ในแต่ละโครงการแล้ว",
                    },
                )
                application_update(
                    application=application,
                    actor=officer,
                    fields={"area_boundary": f"{fields['area_boundary']} (แผนที่แนบท้าย)"},
                )
                application_submit(application=application, actor=officer)
    total = Application.objects.filter(call=call).exclude(state=State.DRAFT).count()
    lines = [f"call “{call.title_en}”: {made} proposals created, {total} submitted in all"]
    return lines + decisions_demo.load() + reviews_demo.load() + queue_demo.load()
