"""Demo data: the 2 July 2020 DLA-depa MOU on livable smart cities (../shared/DOMAIN.md)."""

from __future__ import annotations

import datetime as dt

from mou.models import MOU, PersonRole, SigningMethod, Status, Visibility
from mou.services import MunicipalityEntry, PartyEntry, PersonEntry, mou_create, mou_update
from municipalities.models import Organisation, OrganisationKind
from municipalities.registry import pilots_read
from municipalities.services import organisation_sort_key
from smartcity.vocabulary import FocusArea

SIGNED = dt.date(2020, 7, 2)
REFERENCE = "DLA-DEPA-2020-01"

# The two parties have no DLA code: they are keyed on kind and Thai name, which are unique here.
AGENCIES = {
    "dla": {
        "name_th": "กรมส่งเสริมการปกครองท้องถิ่น",
        "short_name_th": "สถ.",
        "name_en": "Department of Local Administration",
    },
    "depa": {
        "name_th": "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล",
        "short_name_th": "ดีป้า",
        "name_en": "Digital Economy Promotion Agency (depa)",
    },
}

PEOPLE = (
    (
        "dla",
        PersonRole.SIGNATORY,
        "นายประยูร รัตนเสนีย์",
        "Mr. Prayoon Rattanasenee",
        "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
        "Director-General, Department of Local Administration",
    ),
    (
        "depa",
        PersonRole.SIGNATORY,
        "ดร.ณัฐพล นิมมานพัชรินทร์",
        "Dr. Nuttapon Nimmanphatcharin",
        "ผู้อำนวยการใหญ่สำนักงานส่งเสริมเศรษฐกิจดิจิทัล",
        "President and CEO, depa",
    ),
    (
        "dla",
        PersonRole.WITNESS,
        "นายขจร ศรีชวโนทัย",
        "Mr. Khajorn Srichavanotai",
        "รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น",
        "Deputy Director-General, Department of Local Administration",
    ),
    (
        "depa",
        PersonRole.WITNESS,
        "นายภาสกร ประถมบุตร",
        "Mr. Passakorn Prathombutr",
        "รองผู้อำนวยการใหญ่สำนักงานส่งเสริมเศรษฐกิจดิจิทัล",
        "Vice President, depa",
    ),
)


def agency_get_or_create(*, name_th: str, short_name_th: str, name_en: str) -> Organisation:
    """The government agency with this Thai name, created once if the registry lacks it."""
    organisation, _created = Organisation.objects.get_or_create(
        kind=OrganisationKind.GOVERNMENT_AGENCY,
        name_th=name_th,
        defaults={
            "short_name_th": short_name_th,
            "name_en": name_en,
            "is_verified": True,
            "sort_key": organisation_sort_key(name_th=name_th, short_name_th=short_name_th),
        },
    )
    return organisation


FIELDS: dict[str, object] = {
    "title_th": "บันทึกความเข้าใจว่าด้วยการขับเคลื่อนและพัฒนาเมืองน่าอยู่อัจฉริยะ",
    "title_en": "MOU on driving and developing livable smart cities",
    "subject_th": "ความร่วมมือระหว่างกรมส่งเสริมการปกครองท้องถิ่นและสำนักงานส่งเสริมเศรษฐกิจ"
    "ดิจิทัลในการขับเคลื่อนและพัฒนาเมืองน่าอยู่อัจฉริยะร่วมกับองค์กรปกครองส่วนท้องถิ่นนำร่อง 12 แห่ง",
    "subject_en": "Cooperation between the Department of Local Administration and the "
    "Digital Economy Promotion Agency in driving and developing livable smart cities "
    "together with 12 pilot local administrative organisations",
    "objectives_th": "ส่งเสริมให้องค์กรปกครองส่วนท้องถิ่นพัฒนาเป็นเมืองน่าอยู่อัจฉริยะ "
    "ด้านการจราจรและความปลอดภัย คุณภาพชีวิต สาธารณสุข โครงสร้างพื้นฐาน และสาธารณูปโภค",
    "objectives_en": "To support local administrative organisations in becoming livable "
    "smart cities in traffic and safety, quality of life, public health, infrastructure "
    "and utilities",
    "focus_areas": [area.value for area in FocusArea],
    "signed_on": SIGNED,
    "signing_method": SigningMethod.WEB_CONFERENCE,
    "place_th": "กรมส่งเสริมการปกครองท้องถิ่น (ลงนามผ่านระบบประชุมทางไกล)",
    "place_en": "Department of Local Administration (signed by web conference)",
    "effective_from": SIGNED,
    "status": Status.ACTIVE,
    "visibility": Visibility.PUBLIC,
    "notes": "ผู้บริหารท้องถิ่นของ อปท. นำร่องเข้าร่วมเป็นสักขีพยาน",
}


def load() -> list[str]:
    """Create or refresh the DLA-depa MOU through the MOU services; a rerun changes nothing."""
    agencies = {key: agency_get_or_create(**fields) for key, fields in AGENCIES.items()}
    codes = [row["dla_code"] for row in pilots_read()]
    pilots = list(Organisation.objects.filter(dla_code__in=codes))
    parties = [PartyEntry(agencies[key], order=n) for n, key in enumerate(("dla", "depa"))]
    people = [
        PersonEntry(role, agencies[key], name_th, name_en, position_th, position_en, order)
        for order, (key, role, name_th, name_en, position_th, position_en) in enumerate(PEOPLE)
    ]
    towns = [MunicipalityEntry(pilot) for pilot in pilots]  # joined on the signing day
    mou = MOU.objects.filter(reference_number=REFERENCE).first()
    before = mou.updated_at if mou else None
    if mou is None:
        mou = mou_create(
            mou=MOU(reference_number=REFERENCE, **FIELDS),
            parties=parties,
            people=people,
            municipalities=towns,
            actor=None,
        )
    else:
        mou = mou_update(
            mou=mou, fields=FIELDS, parties=parties, people=people, municipalities=towns, actor=None
        )
    state = {None: "created", mou.updated_at: "up to date"}.get(before, "updated")
    lines = [f"MOU {REFERENCE} {state}"]
    lines.append(f"{len(pilots)} of {len(codes)} pilot municipalities linked")
    if len(pilots) < len(codes):
        lines.append("some pilots are missing: run manage.py load_reference_data first")
    return lines
