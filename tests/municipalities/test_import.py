from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from municipalities.models import Organisation, OrganisationKind

SAMPLE = Path(__file__).parent / "fixtures" / "registry_sample.csv"


def run_import(path: Path = SAMPLE) -> list[str]:
    output = StringIO()
    call_command("import_dla_registry", str(path), stdout=output, no_color=True)
    return output.getvalue().splitlines()


@pytest.mark.django_db
def test_import_takes_good_rows_and_explains_each_bad_one():
    lines = run_import()

    assert lines[0] == "organisations: 20 created, 0 updated, 0 unchanged, 4 rejected"
    rejections = "\n".join(lines[1:])
    assert "line 22 (35001X2): bad DLA code '35001X2': 7 digits expected" in rejections
    assert "line 23 (6990101): unknown province '99'" in rejections
    assert "line 24 (3500102): duplicate DLA code 3500102 (line 5 names it เทศบาลนครเชียงใหม่)" in (
        rejections
    )
    assert "line 25 (6500198): unknown district '9501' in province 50" in rejections
    assert Organisation.objects.count() == 20
    city = Organisation.objects.select_related("district", "province").get(dla_code="3500102")
    assert city.name_th == "เทศบาลนครเชียงใหม่"  # the first line wins over the duplicate
    assert city.kind == OrganisationKind.CITY_MUNICIPALITY
    assert (city.province.code, city.district.code) == ("50", "5001")
    quoted = Organisation.objects.get(dla_code="6500199")
    assert quoted.name_th == "องค์การบริหารส่วนตำบลทดสอบ, สาขาหนึ่ง"
    assert quoted.short_name_th == "ทดสอบ, สาขาหนึ่ง"
    assert Organisation.objects.get(dla_code="2500101").district is None  # a PAO: whole province


@pytest.mark.django_db
def test_the_bad_row_with_too_many_columns_is_counted_once(tmp_path):
    bad = tmp_path / "bad.csv"
    header = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(f"{header}\n1234567,a,b,c,d,e,f,g,h,i,j,k,l,m,n\n", encoding="utf-8")

    lines = run_import(bad)

    assert lines[0].endswith("0 created, 0 updated, 0 unchanged, 1 rejected")
    assert "15 columns instead of 14" in lines[1]


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    run_import()
    before = {o.dla_code: (o.updated_at, o.name_en) for o in Organisation.objects.all()}
    events = Organisation.pgh_event_model.objects.count()

    lines = run_import()

    assert lines[0] == "organisations: 0 created, 0 updated, 20 unchanged, 4 rejected"
    assert {o.dla_code: (o.updated_at, o.name_en) for o in Organisation.objects.all()} == before
    assert Organisation.pgh_event_model.objects.count() == events


@pytest.mark.django_db
def test_an_upgrade_in_the_file_updates_the_kind_and_keeps_its_history(tmp_path):
    run_import()
    upgraded = tmp_path / "upgraded.csv"
    text = SAMPLE.read_text(encoding="utf-8")
    old_line = next(line for line in text.splitlines() if line.startswith("5500104,"))
    new_line = old_line.replace("เทศบาลตำบล", "เทศบาลเมือง").replace(
        "subdistrict_municipality", "town_municipality"
    )
    upgraded.write_text(text.replace(old_line, new_line), encoding="utf-8")

    lines = run_import(upgraded)

    assert lines[0].startswith("organisations: 0 created, 1 updated, 19 unchanged")
    org = Organisation.objects.get(dla_code="5500104")
    assert org.kind == OrganisationKind.TOWN_MUNICIPALITY
    assert org.name_en.endswith("Town Municipality")
    kinds = list(org.events.order_by("pgh_id").values_list("kind", flat=True))
    assert kinds == ["subdistrict_municipality", "town_municipality"]


@pytest.mark.django_db
def test_verified_organisations_and_human_english_names_are_kept():
    run_import()
    Organisation.objects.filter(dla_code="5500104").update(is_verified=True, name_th="แก้ไขแล้ว")
    Organisation.objects.filter(dla_code="5500105").update(
        name_en="Official Name", is_name_en_machine_made=False
    )

    run_import()

    assert Organisation.objects.get(dla_code="5500104").name_th == "แก้ไขแล้ว"
    assert Organisation.objects.get(dla_code="5500105").name_en == "Official Name"


@pytest.mark.django_db
def test_machine_made_english_names_use_rtgs_spellings_and_are_flagged():
    run_import()
    names = dict(Organisation.objects.values_list("dla_code", "name_en"))
    assert names["3500102"] == "Chiang Mai City Municipality"
    assert names["2950101"] == "Yala Provincial Administrative Organisation"
    assert names["5210204"] == "Ban Chang Subdistrict Municipality"
    assert names["3200408"] == "Pattaya City"
    assert not Organisation.objects.filter(is_name_en_machine_made=False).exists()


@pytest.mark.django_db
def test_a_file_with_another_header_is_refused(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("code,name\n3500102,x\n", encoding="utf-8")

    with pytest.raises(CommandError, match="expected the header dla_code,name_th"):
        run_import(other)
    assert not Organisation.objects.exists()
