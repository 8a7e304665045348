"""depa's five assessment criteria and what each score means: the default of every new call."""

from __future__ import annotations

from typing import NamedTuple


class CriterionText(NamedTuple):
    title_th: str
    title_en: str
    description_th: str
    description_en: str


DEPA_CRITERIA: tuple[CriterionText, ...] = (
    CriterionText(
        "พื้นที่ วิสัยทัศน์ และเป้าหมาย",
        "Area, vision and goals",
        "ขอบเขตพื้นที่ชัดเจน มีวิสัยทัศน์และเป้าหมายการพัฒนาเมืองอัจฉริยะ",
        "A clearly bounded area with a smart-city vision and goals.",
    ),
    CriterionText(
        "แผนการลงทุนโครงสร้างพื้นฐาน",
        "Infrastructure investment plan",
        "แผนการลงทุนโครงสร้างพื้นฐานและแหล่งเงินทุน",
        "A plan for investing in infrastructure, with its funding.",
    ),
    CriterionText(
        "แพลตฟอร์มข้อมูลเมือง",
        "City data platform",
        "แพลตฟอร์มข้อมูลเมืองที่เปิดเผยและมีความมั่นคงปลอดภัย",
        "An open and secure city data platform.",
    ),
    CriterionText(
        "บริการและโซลูชันอัจฉริยะ",
        "Smart services and solutions",
        "บริการอัจฉริยะอย่างน้อยหนึ่งบริการในแต่ละด้านที่เลือก",
        "At least one smart service in each chosen domain.",
    ),
    CriterionText(
        "รูปแบบการบริหารจัดการ",
        "Management model",
        "การกำกับดูแล ภาคีเครือข่าย แหล่งเงินทุน และการมีส่วนร่วมของประชาชนอย่างยั่งยืน",
        "Sustainable governance, partners, funding and citizen participation.",
    ),
)

# score → (Thai, English): the same scale for every default criterion
SCORE_MEANINGS: dict[int, tuple[str, str]] = {
    0: ("ไม่มีข้อมูล", "Not addressed"),
    1: ("ไม่เพียงพอ", "Insufficient"),
    2: ("ต่ำกว่าเกณฑ์", "Below expectations"),
    3: ("ตามเกณฑ์", "Meets expectations"),
    4: ("ดี", "Good"),
    5: ("ดีเยี่ยม", "Excellent"),
}
