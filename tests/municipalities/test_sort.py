from __future__ import annotations

import pytest

from municipalities.models import Province
from municipalities.thai import thai_sort_key


def test_thai_sort_key_orders_as_a_thai_dictionary():
    names = ["ตาก", "เชียงใหม่", "กระบี่"]

    assert sorted(names) == ["กระบี่", "ตาก", "เชียงใหม่"]  # code points put เ… last
    assert sorted(names, key=thai_sort_key) == ["กระบี่", "เชียงใหม่", "ตาก"]


def test_tone_marks_only_break_ties():
    assert sorted(["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"], key=thai_sort_key) == [
        "กาล",
        "เกิด",
        "ไก่",
        "เป็ด",
        "วันที่",
        "วัว",
        "หมู",
    ]


@pytest.mark.django_db
def test_the_database_orders_provinces_the_thai_way():
    names = list(Province.objects.order_by("sort_key").values_list("name_th", flat=True))

    assert len(names) == 77  # created by the post_migrate hook
    assert names.index("กระบี่") < names.index("เชียงใหม่") < names.index("ตาก")
