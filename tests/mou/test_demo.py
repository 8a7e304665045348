from __future__ import annotations

import datetime as dt

import pytest

from mou import demo
from mou.models import MOU, MOUParty, MOUPerson, PersonRole, SigningMethod, Status
from municipalities.models import Organisation, OrganisationKind
from municipalities.services import geography_sync
from tests.factories.municipalities import PILOT_CODES, registry_load


@pytest.mark.django_db
def test_demo_loads_the_2020_dla_depa_mou_once():
    geography_sync()
    registry_load(PILOT_CODES)
    lines = demo.load()
    assert lines[1] == "12 of 12 pilot municipalities linked"
    demo.load()  # idempotent: nothing is duplicated
    mou = MOU.objects.get(reference_number=demo.REFERENCE)
    assert mou.signed_on == dt.date(2020, 7, 2)
    assert mou.signing_method == SigningMethod.WEB_CONFERENCE
    assert mou.status == Status.ACTIVE
    assert mou.title_th == "บันทึกความเข้าใจว่าด้วยการขับเคลื่อนและพัฒนาเมืองน่าอยู่อัจฉริยะ"
    parties = [p.organisation for p in MOUParty.objects.filter(mou=mou).order_by("order")]
    assert [p.name_th for p in parties] == [
        "กรมส่งเสริมการปกครองท้องถิ่น",
        "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล",
    ]
    assert {p.kind for p in parties} == {OrganisationKind.GOVERNMENT_AGENCY}
    assert Organisation.objects.filter(kind=OrganisationKind.GOVERNMENT_AGENCY).count() == 2
    people = {
        (p.role, p.name_th, p.organisation.name_th) for p in MOUPerson.objects.filter(mou=mou)
    }
    assert people == {
        (PersonRole.SIGNATORY, "นายประยูร รัตนเสนีย์", "กรมส่งเสริมการปกครองท้องถิ่น"),
        (PersonRole.SIGNATORY, "ดร.ณัฐพล นิมมานพัชรินทร์", "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล"),
        (PersonRole.WITNESS, "นายขจร ศรีชวโนทัย", "กรมส่งเสริมการปกครองท้องถิ่น"),
        (PersonRole.WITNESS, "นายภาสกร ประถมบุตร", "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล"),
    }
    codes = set(mou.municipalities.values_list("organisation__dla_code", flat=True))
    assert codes == set(PILOT_CODES)
    assert mou.municipalities.filter(joined_on=dt.date(2020, 7, 2)).count() == 12
