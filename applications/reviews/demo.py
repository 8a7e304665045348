"""Demo data of the review, after the demo proposals and decisions (called by
applications/demo.py): the two demo reviewers assigned to the first submitted proposals, their
declarations (one conflict), and their scores with comments (one criterion far enough apart to
be discussed, one draft), so the score page, the aggregates, the agenda pack and the export have
content. Rerunnable: a second run writes nothing."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils import timezone

from applications.models import (
    AgendaItem,
    Application,
    Assignment,
    ConflictDeclaration,
    Criterion,
    Review,
)
from applications.services.assignments import assignment_create, assignment_problem
from applications.services.declarations import declaration_make
from applications.services.reviews import review_save
from applications.workflow import CLOSED
from smartcity.accounts.demo import DOMAIN
from smartcity.accounts.models import User

PROPOSALS = 5
CONFLICT_AT = 2  # the second reviewer declares a conflict on the third proposal
DRAFT_AT = 4  # and leaves a draft on the fifth
# scores of criteria 1 to 5 by proposal, for reviewer 1 and reviewer 2
SCORES = (
    ((4, 4, 3, 2, 4), (4, 3, 5, 5, 3)),  # criterion 4 three points apart: to discuss
    ((3, 3, 4, 3, 3), (3, 4, 4, 3, 2)),
    ((5, 4, 4, 4, 5), ()),
    ((2, 3, 2, 3, 2), (3, 3, 2, 2, 3)),
    ((4, 4, 4, 3, 4), (4, 4, 3, 3, 0)),
)
COMMENTS = {
    1: "ขอบเขตพื้นที่และวิสัยทัศน์ชัดเจน เป้าหมายวัดผลได้",
    2: "แผนการลงทุนครอบคลุม แต่ควรระบุแหล่งงบประมาณรายปี",
    3: "แพลตฟอร์มข้อมูลเมืองยังไม่ระบุมาตรฐานความมั่นคงปลอดภัย",
    4: "มีบริการอัจฉริยะอย่างน้อยหนึ่งบริการในแต่ละด้านที่เลือก",
    5: "รูปแบบการบริหารจัดการมีภาคีร่วมและการมีส่วนร่วมของประชาชน",
}
OVERALL = (
    "ข้อเสนอมีความพร้อมในภาพรวม ควรเพิ่มรายละเอียดด้านข้อมูล",
    "เห็นควรเสนอคณะทำงานพิจารณา โดยให้แก้ไขแผนงบประมาณ",
)


def _scores(
    criteria: list[Criterion], values: tuple[int, ...]
) -> dict[Criterion, tuple[int | None, str]]:
    return {c: (v, COMMENTS.get(c.number, "")) for c, v in zip(criteria, values, strict=True)}


def _review(
    application: Application, reviewer: User, values: tuple[int, ...], n: int, *, submit: bool
) -> bool:
    if not values or Review.objects.filter(application=application, reviewer=reviewer).exists():
        return False
    criteria = list(application.call.criteria.order_by("number"))
    review_save(
        application=application,
        reviewer=reviewer,
        scores=_scores(criteria, values),
        comment=OVERALL[n],
        submit=submit,
    )
    return True


def load() -> list[str]:
    admin = User.objects.filter(email=f"admin@{DOMAIN}").first()
    reviewers = [User.objects.filter(email=f"reviewer{n}@{DOMAIN}").first() for n in (1, 2)]
    if admin is None or None in reviewers:
        return ["demo reviews skipped: the accounts demo made no administrator or reviewers"]
    # those on a coming meeting's agenda first (its agenda pack shows their scores)
    coming = AgendaItem.objects.filter(
        application=OuterRef("pk"), meeting__date__gte=timezone.localdate()
    )
    proposals = list(
        Application.objects.filter(submitted_at__isnull=False, is_synthetic=False)
        .exclude(state__in=CLOSED)
        .annotate(on_agenda=Exists(coming))
        .select_related("call")
        .order_by("-on_agenda", "reference")[:PROPOSALS]
    )
    made = {"assignments": 0, "declarations": 0, "reviews": 0}
    for index, application in enumerate(proposals):
        for n, reviewer in enumerate(reviewers):
            declared = ConflictDeclaration.objects.filter(
                application=application, reviewer=reviewer
            ).first()
            assigned = Assignment.objects.filter(application=application, reviewer=reviewer)
            if declared is None and not assigned.exists():
                if assignment_problem(application=application, reviewer=reviewer):
                    continue
                assignment_create(application=application, reviewer=reviewer, actor=admin)
                made["assignments"] += 1
            if declared is None:
                conflict = n == 1 and index == CONFLICT_AT
                declaration_make(
                    application=application,
                    reviewer=reviewer,
                    has_conflict=conflict,
                    reason="เคยเป็นที่ปรึกษาจัดทำแผนเมืองอัจฉริยะให้หน่วยงานนี้" if conflict else "",
                )
                made["declarations"] += 1
            if not (n == 1 and index == CONFLICT_AT):
                submit = not (n == 1 and index == DRAFT_AT)
                made["reviews"] += _review(
                    application, reviewer, SCORES[index][n], n, submit=submit
                )
    if not any(made.values()):
        return []
    return [", ".join(f"{count} {what}" for what, count in made.items()) + " of the review made"]
