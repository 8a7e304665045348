"""Synthetic national-scale data: proposals over the real registry, for the benchmark and tests.

`scale_data_generate(applications=100_000, seed=1)` writes, in batches with PostgreSQL COPY:
synthetic users (officers, reviewers, committee members; `.invalid` addresses, unusable
passwords), their memberships and roles, one synthetic call with weighted criteria and score
meanings, and proposals of the registry's organisations in every workflow state, each with what
that state implies: versions (snapshots shaped like the API's), projects and KPIs, partners,
transitions along the workflow's own moves, revision requests (some overdue), reviewer
assignments with due dates, conflict declarations, reviews with per-criterion scores and weighted
totals (`applications.scoring.weighted_total`), comments, certificates and the notifications
those moves sent, created as already sent (state "sent") so no sweep ever mails them.

The same seed gives the same rows: one `random.Random(seed)`, a fixed base time, uuids drawn from
the RNG; database ids are not part of that promise (they come from the sequences). Calls,
proposals and users are marked as synthetic (`is_synthetic`, SYNTHETIC_EMAIL_DOMAIN);
`applications.services.synthetic.synthetic_data_delete` removes all of it.

COPY bypasses Django's `auto_now` and signals on purpose: the timestamps are the generator's,
and no `notify()` runs. The database's own triggers still run (search text, declaration history).
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import random
import threading
import time
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model

from applications import workflow
from applications.criteria import DEPA_CRITERIA, SCORE_MEANINGS
from applications.models import (
    KPI,
    SECTION_TEXTS,
    Application,
    ApplicationVersion,
    Assignment,
    Call,
    Certificate,
    Comment,
    ConflictDeclaration,
    Criterion,
    Partner,
    Project,
    Review,
    RevisionPoint,
    RevisionRequest,
    Score,
    ScoreLevel,
    Transition,
)
from applications.scoring import weighted_total
from applications.serializers import SCHEMA_VERSION
from applications.workflow import State
from municipalities.models import Organisation, OrganisationSource
from smartcity.accounts.models import Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.counts import count_scope_changed
from smartcity.dates import BUDDHIST_ERA_OFFSET
from smartcity.notifications.models import Notification
from smartcity.notifications.models import State as Delivery
from smartcity.vocabulary import Domain, FocusArea

# bump when the rows generated for a seed change: the benchmark keys its databases on it
GENERATOR_VERSION = 2
SYNTHETIC_EMAIL_DOMAIN = "synthetic.smartcity.invalid"
# every timestamp is at or before this; "today" for overdue deadlines is its date
BASE_AT = dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC)
BATCH = 2_000  # proposals per round of COPY

# how often each state occurs (relative weights); every state occurs at least once
STATE_WEIGHTS: dict[State, int] = {
    State.DRAFT: 10,
    State.SUBMITTED: 6,
    State.SCREENING: 5,
    State.REVISION_REQUESTED: 7,
    State.WG_REVIEW: 12,
    State.WG_RECOMMENDED: 4,
    State.WG_APPROVED_IN_PRINCIPLE: 2,
    State.WG_NOT_APPROVED: 3,
    State.SUBCOMMITTEE: 3,
    State.COMMITTEE: 3,
    State.CERTIFIED: 12,
    State.NOT_APPROVED: 9,
    State.PROMOTION_ZONE: 3,
    State.WITHDRAWN: 8,
    State.CERTIFICATION_EXPIRED: 6,
    State.CERTIFICATION_REVOKED: 1,
}
# the moves after "submit, screen, screening_pass" that lead to each state from the working group
_FROM_WG: dict[State, tuple[str, ...]] = {
    State.WG_REVIEW: (),
    State.WG_RECOMMENDED: ("wg_recommend",),
    State.WG_APPROVED_IN_PRINCIPLE: ("wg_approve_in_principle",),
    State.WG_NOT_APPROVED: ("wg_not_approve",),
    State.SUBCOMMITTEE: ("wg_recommend", "to_subcommittee"),
    State.COMMITTEE: ("wg_recommend", "to_subcommittee", "subcommittee_forward"),
    State.CERTIFIED: ("wg_recommend", "to_subcommittee", "subcommittee_forward", "certify"),
    State.PROMOTION_ZONE: (
        "wg_recommend",
        "to_subcommittee",
        "subcommittee_forward",
        "declare_promotion_zone",
    ),
    State.CERTIFICATION_EXPIRED: (
        "wg_recommend",
        "to_subcommittee",
        "subcommittee_forward",
        "certify",
        "expire",
    ),
    State.CERTIFICATION_REVOKED: (
        "wg_recommend",
        "to_subcommittee",
        "subcommittee_forward",
        "certify",
        "revoke",
    ),
}
# states in which the working group has scored the proposal (reviews submitted)
_SCORED = frozenset(
    {*_FROM_WG, State.NOT_APPROVED} - {State.WG_REVIEW}  # wg_review: some reviews still drafts
)
# states a proposal sits in for a short time: its last move is recent
_OPEN = workflow.IN_REVIEW | {State.DRAFT, State.SUBCOMMITTEE, State.COMMITTEE}

ZONES = (
    "ย่านเมืองเก่า",
    "ศูนย์กลางเมือง",
    "เขตเศรษฐกิจ",
    "ย่านสถานีรถไฟ",
    "ชุมชนริมน้ำ",
    "ย่านตลาด",
    "เขตการศึกษา",
    "ย่านนวัตกรรม",
    "เขตอุตสาหกรรม",
    "ชุมชนท่องเที่ยว",
    "ย่านท่าเรือ",
    "เขตสุขภาพ",
)
FIRST_NAMES = (
    ("สมชาย", "Somchai"),
    ("สมศรี", "Somsri"),
    ("วิชัย", "Wichai"),
    ("สุดารัตน์", "Sudarat"),
    ("ประเสริฐ", "Prasert"),
    ("กาญจนา", "Kanchana"),
    ("ธนากร", "Thanakorn"),
    ("พิมพ์ชนก", "Pimchanok"),
    ("อนุชา", "Anucha"),
    ("ศิริพร", "Siriporn"),
    ("ณัฐวุฒิ", "Nattawut"),
    ("วราภรณ์", "Waraporn"),
    ("ชัยวัฒน์", "Chaiwat"),
    ("จันทร์เพ็ญ", "Chanphen"),
    ("สุริยา", "Suriya"),
    ("ปิยะนุช", "Piyanut"),
)
LAST_NAMES = (
    ("ใจดี", "Jaidee"),
    ("ศรีสุข", "Srisuk"),
    ("วงศ์ไทย", "Wongthai"),
    ("แก้วมณี", "Kaewmanee"),
    ("บุญมา", "Boonma"),
    ("ทองดี", "Thongdee"),
    ("สุขสวัสดิ์", "Suksawat"),
    ("พรหมมา", "Prommah"),
    ("จันทร์แก้ว", "Chankaew"),
    ("รัตนพันธ์", "Rattanaphan"),
)
# per domain: (project title, KPI, unit)
PROJECT_IDEAS: dict[str, tuple[tuple[str, str, str], ...]] = {
    Domain.ENVIRONMENT: (
        ("เครือข่ายเซนเซอร์คุณภาพอากาศ", "จุดตรวจวัดฝุ่น PM2.5", "จุด"),
        ("ระบบจัดการขยะอัจฉริยะ", "ขยะที่นำกลับมาใช้ใหม่", "ตันต่อปี"),
    ),
    Domain.ECONOMY: (
        ("ตลาดดิจิทัลชุมชน", "ร้านค้าที่ขายออนไลน์", "ร้าน"),
        ("ศูนย์บ่มเพาะธุรกิจดิจิทัล", "ธุรกิจเกิดใหม่", "ราย"),
    ),
    Domain.MOBILITY: (
        ("รถโดยสารไฟฟ้าอัจฉริยะ", "ผู้โดยสารต่อวัน", "คน"),
        ("ระบบสัญญาณไฟจราจรอัจฉริยะ", "เวลาเดินทางเฉลี่ยที่ลดลง", "นาที"),
    ),
    Domain.ENERGY: (
        ("ไฟถนนอัจฉริยะ", "พลังงานที่ประหยัดได้", "เมกะวัตต์ชั่วโมง"),
        ("โซลาร์รูฟท็อปอาคารสาธารณะ", "กำลังผลิตติดตั้ง", "กิโลวัตต์"),
    ),
    Domain.PEOPLE: (
        ("ศูนย์ทักษะดิจิทัลชุมชน", "ผู้ผ่านการอบรม", "คน"),
        ("ห้องเรียนอัจฉริยะ", "โรงเรียนที่เข้าร่วม", "แห่ง"),
    ),
    Domain.LIVING: (
        ("ระบบแจ้งเหตุฉุกเฉินและกล้อง CCTV", "เวลาตอบสนองเหตุ", "นาที"),
        ("ระบบดูแลผู้สูงอายุทางไกล", "ผู้สูงอายุที่ได้รับการดูแล", "คน"),
    ),
    Domain.GOVERNANCE: (
        ("แพลตฟอร์มบริการประชาชนออนไลน์", "บริการที่ยื่นออนไลน์ได้", "บริการ"),
        ("ระบบรับเรื่องร้องเรียนออนไลน์", "เรื่องที่แก้ไขภายใน 7 วัน", "ร้อยละ"),
    ),
}
FUNDING = ("งบประมาณท้องถิ่น", "เงินอุดหนุนจากรัฐบาล", "ร่วมลงทุนกับภาคเอกชน", "กองทุนดีป้า")
LEAD_UNITS = ("สำนักปลัด", "กองช่าง", "กองคลัง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม")
PARTNER_ROLES = ("ร่วมพัฒนาแพลตฟอร์มข้อมูล", "สนับสนุนงบประมาณ", "ที่ปรึกษาทางวิชาการ", "ร่วมดำเนินโครงการ")
REVISION_POINTS = (
    "ระบุขอบเขตพื้นที่พร้อมแผนที่ให้ชัดเจน",
    "แยกงบประมาณรายปีของแต่ละโครงการ",
    "ระบุแหล่งข้อมูลและมาตรฐานการเปิดเผยข้อมูลของแพลตฟอร์ม",
    "เพิ่มตัวชี้วัดที่วัดผลได้ของแต่ละบริการ",
    "แนบหนังสือยืนยันการร่วมดำเนินงานของภาคี",
)
COMMENTS_INTERNAL = (
    "ขอบเขตพื้นที่ชัดเจน แผนการลงทุนยังขาดรายละเอียดรายปี",
    "แพลตฟอร์มข้อมูลเมืองเชื่อมโยงหน่วยงานในพื้นที่ได้ดี",
    "ควรพิจารณาความยั่งยืนด้านงบประมาณหลังปีที่สาม",
    "ภาคีเครือข่ายเข้มแข็ง มีสถาบันการศึกษาในพื้นที่ร่วมด้วย",
)
COMMENTS_PUBLIC = (
    "ขอบคุณสำหรับข้อเสนอ สำนักงานได้รับเอกสารครบถ้วนแล้ว",
    "โปรดตรวจสอบตัวชี้วัดของโครงการให้สอดคล้องกับเป้าหมาย",
    "สำนักงานจะแจ้งผลการพิจารณาของคณะทำงานภายหลังการประชุม",
)
REVIEW_COMMENTS = (
    "ข้อเสนอมีความพร้อมสูง",
    "ข้อเสนอดี แต่ควรปรับแผนการลงทุน",
    "ยังขาดรายละเอียดของแพลตฟอร์มข้อมูล",
    "ควรเพิ่มการมีส่วนร่วมของประชาชน",
)
EVENT_SUBJECTS = {
    "applications.submitted": "ได้รับข้อเสนอแล้ว",
    "applications.resubmitted": "ได้รับข้อเสนอฉบับแก้ไขแล้ว",
    "applications.withdrawn": "ข้อเสนอถูกถอนแล้ว",
    "applications.revision_requested": "ขอให้แก้ไขข้อเสนอ",
    "applications.decision_made": "มีผลการพิจารณาข้อเสนอ",
    "applications.certificate_issued": "ออกใบรับรองเมืองอัจฉริยะแล้ว",
}
CRITERION_WEIGHTS = (Decimal(2), Decimal("1.5"), Decimal(1), Decimal("1.5"), Decimal(1))
DOMAINS = [str(value) for value in Domain.values]
FOCUS_AREAS = [str(value) for value in FocusArea.values]
DECLARATION_EVENT: type[Model] = apps.get_model("applications", "ConflictDeclarationEvent")


@dataclass(frozen=True)
class Org:
    """What the generator reads of a registry organisation."""

    pk: int
    uuid: str
    name_th: str
    short_name_th: str
    province: str


@dataclass
class ScaleResult:
    """What one run made: the call, the synthetic users by role, row counts and the time."""

    call: Call
    officers: list[int]
    reviewers: list[int]
    committee: list[int]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class _Ids:
    """Ids handed out from a table's sequence, reserved in one statement per batch."""

    def __init__(self, cursor: Any, model: type[Model]) -> None:  # noqa: ANN401 - a DB cursor
        self.cursor, self.model = cursor, model
        self.next = self.end = 0

    def reserve(self, count: int) -> None:
        """Take `count` ids now; `take()` hands them out (the generator is the only writer)."""
        if count <= 0:
            return
        table = self.model._meta.db_table
        self.cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            "nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
            [table, table, count],
        )
        last = int(self.cursor.fetchone()[0])
        self.next, self.end = last - count + 1, last + 1

    def take(self) -> int:
        if self.next >= self.end:
            raise RuntimeError(f"{self.model.__name__}: more ids taken than reserved")
        self.next += 1
        return self.next - 1


def _text(value: str) -> str:
    """Text escaped for COPY (most values have nothing to escape)."""
    if "\\" in value or "\n" in value or "\t" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace("\n", "\\n")
        return value.replace("\t", "\\t").replace("\r", "\\r")
    return value


_FORMATS: dict[type, Any] = {
    str: _text,
    bool: lambda v: "t" if v else "f",
    int: str,
    Decimal: str,
    dt.datetime: dt.datetime.isoformat,
    dt.date: dt.date.isoformat,
    list: lambda v: "{" + ",".join(v) + "}",  # arrays of choice values: nothing to quote
}


def _line(row: tuple) -> str:
    """One row in COPY's text format."""
    return "\t".join("\\N" if v is None else _FORMATS[type(v)](v) for v in row) + "\n"


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: list[tuple]) -> int:  # noqa: ANN401
    """COPY the rows (tuples in the order of the column names) into the table."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
        for start in range(0, len(rows), 5_000):
            copy.write("".join(map(_line, rows[start : start + 5_000])))
    return len(rows)


def _columns(model: type[Model], fields: Sequence[str]) -> list[str]:
    return [str(model._meta.get_field(name).column) for name in fields]  # type: ignore[union-attr]


def _fields(model: type[Model], *, own_id: bool, unset: Collection[str] = ()) -> tuple[str, ...]:
    """The fields the generator writes, in the model's order (its rows follow it): all but the
    id unless `own_id` (else the database's sequence gives it) and `unset` (left NULL)."""
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if (own_id or not field.primary_key) and field.name not in unset
    )


# Asia/Bangkok has kept UTC+7 without daylight saving since 1920: a fixed offset is exact
BANGKOK = dt.timezone(dt.timedelta(hours=7))


def _iso(at: dt.datetime | dt.date) -> str:
    """A date or time as the API writes it (times in Bangkok)."""
    return at.astimezone(BANGKOK).isoformat() if isinstance(at, dt.datetime) else at.isoformat()


def _local_date(at: dt.datetime) -> dt.date:
    return at.astimezone(BANGKOK).date()


def _be(at: dt.datetime) -> int:
    return at.astimezone(BANGKOK).year + BUDDHIST_ERA_OFFSET


def registry_organisations() -> list[Org]:
    """The registry's organisations (DLA code order) the proposals are spread over."""
    rows = Organisation.objects.filter(dla_code__isnull=False)
    if rows.filter(source=OrganisationSource.REGISTRY).exists():
        rows = rows.filter(source=OrganisationSource.REGISTRY)
    return [
        Org(pk, str(key), name_th, short or name_th, province or "")
        for pk, key, name_th, short, province in rows.order_by("dla_code").values_list(
            "pk", "uuid", "name_th", "short_name_th", "province__name_th"
        )
    ]


class _Generator:
    """One run: the RNG, the shared rows (users, call), then proposals batch by batch."""

    def __init__(
        self, *, seed: int, applications: int, organisations: list[Org], check_keys: bool
    ) -> None:
        if not organisations:
            raise ValueError("no registry organisations: run load_reference_data first")
        self.seed, self.total, self.orgs = seed, applications, organisations
        self.check_keys, self.replica = check_keys, False
        self.rng = random.Random(seed)  # noqa: S311 - reproducible, not secret
        self.cursor: Any = None
        self.counts: dict[str, int] = {}
        self.area_uses: dict[tuple[int, str], int] = {}
        self.officer_of: dict[int, int] = {}  # organisation pk -> officer user pk
        self.user_uuid: dict[int, str] = {}

    # ------------------------------------------------------------ helpers
    def uuid(self) -> str:
        """A version 4 uuid from the RNG, as text."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def days(self, low: float, high: float) -> dt.timedelta:
        return dt.timedelta(minutes=int(self.rng.uniform(low, high) * 24 * 60))

    def count(self, model: type[Model], columns: Sequence[str], rows: list[tuple]) -> None:
        """COPY the rows into the model's table (the proposals through the staging table)."""
        if model is Application:
            made = _copy(self.cursor, STAGING, _columns(model, columns), rows)
            self.cursor.execute(self.staged_insert)
            self.cursor.execute(f"TRUNCATE {STAGING}")
        else:
            made = _copy(self.cursor, model._meta.db_table, _columns(model, columns), rows)
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + made

    # ------------------------------------------------------------ users and the call
    def users(self, role: Role, number: int, orgs: Sequence[Org | None]) -> list[int]:
        """Synthetic users of one role (officers: one per organisation, with a membership)."""
        ids = _Ids(self.cursor, User)
        ids.reserve(number)
        users: list[tuple[Any, ...]] = []
        memberships: list[tuple[Any, ...]] = []
        made: list[int] = []
        joined = BASE_AT - dt.timedelta(days=5 * 365)
        for n in range(number):
            pk, key = ids.take(), self.uuid()
            (first_th, first_en), (last_th, last_en) = (
                self.rng.choice(FIRST_NAMES),
                self.rng.choice(LAST_NAMES),
            )
            at = joined + self.days(0, 365)
            password = "!" + "".join(self.rng.choices("abcdefghijkmnpqrstuvwxyz23456789", k=40))
            email = f"{role.value}{n + 1:05d}.s{self.seed}@{SYNTHETIC_EMAIL_DOMAIN}"
            position = {
                Role.OFFICER: "นักวิเคราะห์นโยบายและแผน",
                Role.REVIEWER: "ผู้เชี่ยวชาญด้านเมืองอัจฉริยะ",
                Role.COMMITTEE: "กรรมการเมืองอัจฉริยะ",
            }.get(role, "")
            names = (first_th, last_th, first_en, last_en)
            # in the model's field order: id, password, superuser, uuid, e-mail, title, names...
            users.append((pk, password, False, key, email, "", *names, "", position, "th"))
            users[-1] += (False, True, at, at)  # staff, active, joined, e-mail verified
            org = orgs[n] if n < len(orgs) else None
            if org is not None:
                self.officer_of[org.pk] = pk
                memberships.append(
                    (self.uuid(), pk, org.pk, MembershipStatus.APPROVED.value, False, "", at, at)
                )
            self.user_uuid[pk] = key
            made.append(pk)
        never_used = ("last_login", "home_organisation", "closed_at", "two_factor_enabled_at")
        self.count(User, _fields(User, own_id=True, unset=never_used), users)
        group = Group.objects.get(name=role.value).pk
        self.count(User.groups.through, ("user", "group"), [(pk, group) for pk in made])
        undecided = _fields(Membership, own_id=False, unset=("invited_by", "decided_by"))
        self.count(Membership, undecided, memberships)
        return made

    def call(self) -> Call:
        """The synthetic call: open for years, criteria frozen, weights 2, 1.5, 1, 1.5, 1."""
        call_ids, criterion_ids = _Ids(self.cursor, Call), _Ids(self.cursor, Criterion)
        call_ids.reserve(1)
        criterion_ids.reserve(len(DEPA_CRITERIA))
        pk, opens = call_ids.take(), BASE_AT - dt.timedelta(days=6 * 365)
        self.call_uuid = self.uuid()
        self.count(
            Call,
            _fields(Call, own_id=True, unset=("late_until",)),
            [
                (
                    pk,
                    self.call_uuid,
                    f"เมืองอัจฉริยะประเทศไทย (ข้อมูลสังเคราะห์ ชุดที่ {self.seed})",
                    f"Smart City Thailand (synthetic data, seed {self.seed})",
                    "ข้อมูลสังเคราะห์สำหรับทดสอบประสิทธิภาพของระบบ ไม่ใช่ข้อเสนอจริง",
                    "Synthetic data for performance testing; not real proposals.",
                    opens,
                    BASE_AT + dt.timedelta(days=365),
                    False,
                    opens + dt.timedelta(days=1),
                    True,
                    opens - dt.timedelta(days=7),
                    opens - dt.timedelta(days=7),
                )
            ],
        )
        self.criteria: list[tuple[int, Decimal]] = []
        criteria, levels = [], []
        for number, (text, weight) in enumerate(
            zip(DEPA_CRITERIA, CRITERION_WEIGHTS, strict=True), start=1
        ):
            criterion = criterion_ids.take()
            self.criteria.append((criterion, weight))
            criteria.append((criterion, pk, number, *text, weight))
            levels += [(criterion, s, th, en) for s, (th, en) in SCORE_MEANINGS.items()]
        self.count(Criterion, _fields(Criterion, own_id=True), criteria)
        self.count(ScoreLevel, _fields(ScoreLevel, own_id=False), levels)
        return Call.objects.get(pk=pk)

    # ------------------------------------------------------------ one proposal's story
    def state_of(self, index: int) -> State:
        states = list(STATE_WEIGHTS)
        if index < len(states):  # the first proposals take every state once
            return states[index]
        return self.rng.choices(states, weights=list(STATE_WEIGHTS.values()))[0]

    def moves_to(self, state: State) -> list[str]:
        """The workflow moves that bring a new draft to `state`, with 0 to 2 revision rounds."""
        if state == State.DRAFT:
            return []
        if state == State.WITHDRAWN:
            before = self.rng.choice(
                (State.DRAFT, State.SUBMITTED, State.SCREENING, State.WG_REVIEW)
            )
            return [*self.moves_to(before), "withdraw"]
        rounds = self.rng.choices((0, 1, 2), weights=(70, 25, 5))[0]
        moves = ["submit"]
        if state == State.SUBMITTED:
            return moves
        moves.append("screen")
        for _ in range(rounds if state != State.SCREENING else 0):
            moves += ["request_revision", "resubmit", "screen"]
        if state == State.SCREENING:
            return moves
        if state == State.REVISION_REQUESTED:
            return [*moves, "request_revision"]
        moves.append("screening_pass")
        if state == State.NOT_APPROVED:
            ends = self.rng.choice(
                (
                    ("wg_not_approve", "confirm_not_approved"),
                    ("wg_recommend", "to_subcommittee", "subcommittee_not_approve"),
                    ("wg_recommend", "to_subcommittee", "subcommittee_forward", "not_approve"),
                )
            )
            return [*moves, *ends]
        return [*moves, *_FROM_WG[state]]

    def actor(self, move: str, officer: int, reviewers: list[int]) -> int | None:
        if move in ("submit", "resubmit", "withdraw"):
            return officer
        if move == "expire":
            return None
        if move in ("screen", "request_revision", "screening_pass"):
            return reviewers[0] if reviewers else self.rng.choice(self.reviewers)
        return self.rng.choice(self.committee)

    def area(self, org: Org) -> str:
        zone = self.rng.choice(ZONES)
        uses = self.area_uses.get((org.pk, zone), 0) + 1
        self.area_uses[(org.pk, zone)] = uses
        name = f"{zone}{org.short_name_th}"
        return name if uses == 1 else f"{name} ระยะที่ {uses}"

    # ------------------------------------------------------------ the batches
    def batches(self) -> None:
        """Generate the proposals batch by batch while a second thread COPYs the previous batch.

        The database works while Python generates: the writer thread has the connection to
        itself (this thread only generates; all ids were reserved before), and at most two
        batches wait in the queue."""
        ids = {model: _Ids(self.cursor, model) for model in RESERVED}
        for model, per in RESERVED.items():  # generous bounds; unused ids are simply skipped
            ids[model].reserve(self.total * per)
        waiting: queue.Queue[dict[type[Model], list[tuple]] | None] = queue.Queue(maxsize=2)
        failed: list[BaseException] = []

        def write() -> None:
            while (rows := waiting.get()) is not None:
                try:
                    if not failed:
                        for model, columns in COLUMNS.items():
                            if rows[model]:
                                self.count(model, columns, rows[model])
                except BaseException as error:  # handed to the generating thread
                    failed.append(error)

        writer = threading.Thread(target=write, name="scale-data-copy")
        writer.start()
        try:
            for first in range(0, self.total, BATCH):
                if failed:
                    break
                rows: dict[type[Model], list[tuple]] = {model: [] for model in COLUMNS}
                for index in range(first, min(first + BATCH, self.total)):
                    self.proposal(index, rows, ids)
                waiting.put(rows)
        finally:
            waiting.put(None)
            writer.join()
        if failed:
            raise failed[0]

    def proposal(  # one proposal's story, step by step: long on purpose
        self, index: int, rows: dict[type[Model], list[tuple]], ids: dict[type[Model], _Ids]
    ) -> None:
        rng = self.rng
        state = self.state_of(index)
        org = self.used[index] if index < len(self.used) else rng.choice(self.used)
        officer = self.officer_of[org.pk]
        moves = self.moves_to(state)
        # the timeline: each move some days after the previous, the last one before BASE_AT
        gaps = [self.days(1, 45) for _ in moves]
        if state == State.CERTIFICATION_EXPIRED:
            gaps[-1] = dt.timedelta(days=3 * 365 + 1)  # the certificate ran its three years
        elif moves and moves[-1] in ("revoke",):
            gaps[-1] = self.days(60, 700)
        slack = self.days(0, 75) if state in _OPEN else self.days(0, 700)
        created = BASE_AT - slack - sum(gaps, dt.timedelta()) - self.days(1, 60)
        pk, key = ids[Application].take(), self.uuid()
        reviewer_count = rng.choice((2, 2, 3))
        reviewers = rng.sample(self.reviewers, k=min(reviewer_count, len(self.reviewers)))
        domains = sorted(rng.sample(DOMAINS, k=rng.choice((1, 2, 2, 3))))
        focus = sorted(rng.sample(FOCUS_AREAS, k=rng.choice((1, 2))))
        area_name = self.area(org)
        area_km2 = Decimal(rng.randrange(300, 90_000)) / 100
        population = rng.randrange(3_000, 400_000)
        partners = [
            o
            for o in rng.sample(self.orgs, k=min(rng.choice((0, 1, 1, 2)), len(self.orgs)))
            if o.pk != org.pk
        ]
        sections = {
            "area_boundary": f"ตามเขตการปกครองของ{org.name_th} ครอบคลุม{area_name}",
            "vision": f"{area_name} เมืองน่าอยู่ ปลอดภัย เศรษฐกิจดี ด้วยข้อมูลและเทคโนโลยี",
            "goals": rng.choice(
                (
                    "ยกระดับคุณภาพชีวิตประชาชนและบริการสาธารณะภายใน 3 ปี",
                    "ลดเวลาเดินทางและอุบัติเหตุในพื้นที่ลงร้อยละ 20 ภายใน 5 ปี",
                    "เพิ่มรายได้ชุมชนจากการท่องเที่ยวและเศรษฐกิจดิจิทัล",
                )
            ),
            "infrastructure_plan": "วางโครงข่ายใยแก้วนำแสงและเสาอัจฉริยะในพื้นที่เศรษฐกิจหลัก",
            "data_platform": "แพลตฟอร์มข้อมูลเมือง (City Data Platform) แบบเปิด เชื่อมข้อมูลหน่วยงานในพื้นที่",
            "smart_services": "บริการอัจฉริยะตามด้านที่เลือก ดูรายละเอียดในโครงการ",
            "governance": f"คณะกรรมการขับเคลื่อนเมืองอัจฉริยะ{org.short_name_th} มีผู้บริหารท้องถิ่นเป็นประธาน",
            "partnership": "สถาบันการศึกษาในพื้นที่ หอการค้าจังหวัด และภาคเอกชน",
            "funding": "งบประมาณท้องถิ่น เงินอุดหนุน และการร่วมลงทุนกับเอกชน",
            "citizen_participation": "เวทีประชาคมรายไตรมาสและช่องทางรับฟังความเห็นออนไลน์",
        }
        # projects and KPIs: one project per domain
        snapshot_projects: list[dict[str, Any]] = []
        for number, domain in enumerate(domains):
            title, kpi_name, unit = rng.choice(PROJECT_IDEAS[domain])
            project_pk, project_key = ids[Project].take(), self.uuid()
            starts = (created + self.days(90, 400)).date()
            ends = starts + dt.timedelta(days=rng.choice((365, 730, 1095)))
            budget = Decimal(rng.randrange(500, 50_000) * 1_000)
            project = (
                project_pk,
                project_key,
                pk,
                domain,
                f"{title}{org.short_name_th}",
                f"{title} ครอบคลุม{area_name}",
                budget,
                rng.choice(FUNDING),
                starts,
                ends,
                rng.choice(LEAD_UNITS),
                number,
            )
            rows[Project].append(project)
            kpis = []
            for order in range(rng.choice((1, 1, 2))):
                baseline = Decimal(rng.randrange(0, 50))
                target = baseline + Decimal(rng.randrange(10, 200))
                name = kpi_name if not order else f"ความพึงพอใจต่อ{title}"
                kpi: tuple[Any, ...] = (self.uuid(), project_pk, name, "ร้อยละ" if order else unit)
                kpi += (baseline, target, ends.year, order)
                rows[KPI].append(kpi)
                kpis.append(kpi)
            snapshot_projects.append(
                {
                    "uuid": project_key,
                    "domain": domain,
                    "title": project[4],
                    "summary": project[5],
                    "budget": f"{budget:.2f}",
                    "funding_source": project[7],
                    "starts_on": _iso(starts),
                    "ends_on": _iso(ends),
                    "lead_unit": project[10],
                    "kpis": [
                        {
                            "uuid": k[0],
                            "name": k[2],
                            "unit": k[3],
                            "baseline": f"{k[4]:.2f}",
                            "target": f"{k[5]:.2f}",
                            "target_year": k[6],
                        }
                        for k in kpis
                    ],
                }
            )
        snapshot_partners = []
        for order, partner in enumerate(partners):
            role = rng.choice(PARTNER_ROLES)
            rows[Partner].append((pk, partner.pk, role, order))
            snapshot_partners.append(
                {"organisation": partner.uuid, "organisation_name": partner.name_th, "role": role}
            )

        # walk the moves: transitions, versions, revision requests, notifications
        at, current = created, State.DRAFT
        submitted_at = last_submitted_at = None
        reference = None
        version_number = 0
        open_request: tuple[int, dt.datetime] | None = None  # (revision request pk, requested at)
        transitions_at: dict[str, dt.datetime] = {}
        for move_name, gap in zip(moves, gaps, strict=True):
            at += gap
            move = workflow.MOVES[move_name]
            actor = self.actor(move_name, officer, reviewers)
            comment = ""
            if move_name == "withdraw":
                comment = "องค์กรขอถอนข้อเสนอเพื่อปรับปรุงและยื่นใหม่ในรอบถัดไป"
            elif move_name == "screening_pass":
                comment = "ขอบเขตพื้นที่ชัดเจน หน่วยงานนำมีคุณสมบัติ เอกสารครบถ้วน"
            rows[Transition].append(
                (pk, move_name, current.value, move.target.value, actor, comment, at)
            )
            transitions_at[move_name] = at
            if move_name in ("submit", "resubmit"):
                if submitted_at is None:
                    submitted_at = at
                    reference = f"SC-{_be(at)}-{self.seed % 100:02d}{index + 1:06d}"
                last_submitted_at = at
                version_number += 1
                if move_name == "resubmit":  # the revision answers the points: the texts change
                    sections["area_boundary"] += f" (ปรับปรุงครั้งที่ {version_number - 1})"
                    sections["funding"] += " แยกงบประมาณรายปีตามข้อสังเกต"
                version_pk = ids[ApplicationVersion].take()
                snapshot = {
                    "uuid": key,
                    "reference": reference,
                    "call": self.call_uuid,
                    "lead_org": org.uuid,
                    "lead_org_name": org.name_th,
                    "province": org.province,
                    "area_name": area_name,
                    "state": State.SUBMITTED.value,
                    "submitted_at": _iso(submitted_at),
                    "last_submitted_at": _iso(at),
                    "created_at": _iso(created),
                    "updated_at": _iso(at),
                    "revision": version_number * 2,
                    "contact": self.user_uuid[officer],
                    "created_by": self.user_uuid[officer],
                    "domains": domains,
                    "focus_areas": focus,
                    "area_km2": f"{area_km2:.2f}",
                    "population_covered": population,
                    **sections,
                    "partners": snapshot_partners,
                    "projects": snapshot_projects,
                    "attachments": [],
                }
                rows[ApplicationVersion].append(
                    (
                        version_pk,
                        self.uuid(),
                        pk,
                        version_number,
                        at,
                        officer,
                        SCHEMA_VERSION,
                        json.dumps(snapshot, ensure_ascii=False),
                    )
                )
                if open_request is not None:  # the resubmission answers the open request
                    request = rows[RevisionRequest].pop()
                    rows[RevisionRequest].append((*request[:7], version_pk, at))
                    for point in range(len(rows[RevisionPoint]) - 1, -1, -1):
                        item = rows[RevisionPoint][point]
                        if item[0] != open_request[0]:
                            break
                        rows[RevisionPoint][point] = (*item[:3], "แก้ไขตามที่ขอแล้ว ดูฉบับล่าสุด", at)
                    open_request = None
            if move_name == "request_revision":
                request_pk = ids[RevisionRequest].take()
                points = rng.sample(REVISION_POINTS, k=rng.choice((1, 2, 3)))
                deadline = _local_date(at + dt.timedelta(days=rng.choice((14, 30, 45))))
                text = "\n".join(f"{n}. {p}" for n, p in enumerate(points, start=1))
                rows[RevisionRequest].append(
                    (request_pk, self.uuid(), pk, text, deadline, actor, at, None, None)
                )
                rows[RevisionPoint] += [
                    (request_pk, n, p, "", None) for n, p in enumerate(points, start=1)
                ]
                open_request = (request_pk, at)
            if move.event:
                self.notification(rows, officer, move.event, pk, key, reference or area_name, at)
            current = move.target

        # reviewers: assigned at screening, declarations and scores at the working group
        assigned = "screen" in transitions_at
        in_wg = "screening_pass" in transitions_at
        scored = state in _SCORED or (state == State.WITHDRAWN and in_wg)
        kept_reviewers = []
        for reviewer in reviewers if assigned else []:
            assigned_at = transitions_at["screen"] - dt.timedelta(hours=rng.randrange(1, 48))
            due = _local_date(assigned_at + dt.timedelta(days=30))
            conflict = in_wg and rng.random() < 0.03
            if in_wg or rng.random() < 0.5:
                declared = assigned_at + self.days(0.1, 5)
                reason = "เคยเป็นที่ปรึกษาโครงการขององค์กรผู้ยื่นข้อเสนอ" if conflict else ""
                declaration: tuple[Any, ...] = (ids[ConflictDeclaration].take(), self.uuid())
                declaration += (pk, reviewer)
                declaration += (conflict, reason, declared)
                rows[ConflictDeclaration].append(declaration)
                # its history row, as the (switched off) pghistory trigger would have written it
                rows[DECLARATION_EVENT].append((declared, "insert", declaration[0], *declaration))
            if conflict:
                continue  # a conflict ends the assignment
            kept_reviewers.append(reviewer)
            rows[Assignment].append((self.uuid(), pk, reviewer, None, assigned_at, due))
        quality = rng.gauss(3.2, 0.8)
        for reviewer in kept_reviewers if in_wg else []:
            started = transitions_at["screening_pass"] + self.days(0.5, 10)
            submitted = scored or rng.random() < 0.6
            review_pk = ids[Review].take()
            scores = []
            for criterion, weight in self.criteria:
                value = max(0, min(5, round(quality + rng.gauss(0, 0.8))))
                scores.append((weight, value))
                rows[Score].append(
                    (review_pk, criterion, value, rng.choice(REVIEW_COMMENTS) if value < 3 else "")
                )
            total = weighted_total(scores) if submitted else None
            rows[Review].append(
                (
                    review_pk,
                    self.uuid(),
                    pk,
                    reviewer,
                    rng.choice(REVIEW_COMMENTS),
                    total,
                    started,
                    started + self.days(0.1, 3) if submitted else None,
                )
            )
        if submitted_at is not None:
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                internal = rng.random() < 0.6
                author = rng.choice(reviewers) if internal else officer
                body = rng.choice(COMMENTS_INTERNAL if internal else COMMENTS_PUBLIC)
                rows[Comment].append(
                    (self.uuid(), pk, author, internal, body, submitted_at + self.days(0.1, 30))
                )
        if "certify" in transitions_at:
            serial = f"{self.seed % 100:02d}{index + 1:06d}"
            certified = _local_date(transitions_at["certify"])
            until = certified + dt.timedelta(days=3 * 365)
            revoked = _local_date(transitions_at["revoke"]) if "revoke" in transitions_at else None
            rows[Certificate].append(
                (
                    self.uuid(),
                    f"SC-CERT-{_be(transitions_at['certify'])}-{serial}",
                    org.pk,
                    pk,
                    area_name,
                    domains,
                    certified,
                    certified,
                    until,
                    False,
                    revoked,
                    "ไม่ดำเนินโครงการตามแผนที่เสนอ" if revoked else "",
                    transitions_at["certify"],
                )
            )
        rows[Application].append(
            (
                pk,
                key,
                self.call_pk,
                org.pk,
                officer,
                officer,
                state.value,
                reference,
                len(moves) + 1,
                officer,
                domains,
                focus,
                area_name,
                sections["area_boundary"],
                area_km2,
                population,
                *(sections[name] for name in SECTION_TEXTS[1:]),
                submitted_at,
                last_submitted_at,
                True,
                "",
                created,
                at,
            )
        )

    def notification(
        self,
        rows: dict[type[Model], list[tuple]],
        recipient: int,
        event: str,
        pk: int,
        key: str,
        about: str,
        at: dt.datetime,
    ) -> None:
        """An e-mail notification the move sent, recorded as delivered (never pending)."""
        subject = f"{EVENT_SUBJECTS.get(event, 'แจ้งความคืบหน้าข้อเสนอ')}: {about}"
        read = at + self.days(0.05, 3) if self.rng.random() < 0.7 else None
        rows[Notification].append(
            (
                self.uuid(),
                recipient,
                event,
                self.content_type,
                str(pk),
                "th",
                subject,
                f"{subject}\nดูรายละเอียดได้ที่หน้าข้อเสนอ",
                "",
                f"/applications/{key}/",
                True,
                Delivery.SENT.value,
                1,
                "",
                at,
                at + dt.timedelta(seconds=1),
                at + dt.timedelta(seconds=3),
                read,
            )
        )

    # ------------------------------------------------------------ the run
    def quiet(self, *, on: bool) -> None:
        """Switch the per-row triggers of QUIET_TABLES off (and the staging table on), or back.

        As a superuser, unless `check_keys`, with `session_replication_role = replica` for this
        transaction: no trigger fires, the foreign key checks included (a quarter of the time;
        every key the generator writes is one it reserved or read). Otherwise ALTER TABLE
        switches the triggers off, which locks those tables until the transaction ends. Either
        way a rollback undoes the switch with everything else."""
        quote = connection.ops.quote_name
        if on:
            self.cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            self.replica = not self.check_keys and bool(self.cursor.fetchone()[0])
        if self.replica:
            role = "replica" if on else "origin"
            self.cursor.execute(f"SET LOCAL session_replication_role = {role}")
        elif not on:  # the deferred foreign key checks first: ALTER TABLE refuses while they wait
            self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in QUIET_TABLES if not self.replica else ():
            switch = "DISABLE" if on else "ENABLE"
            self.cursor.execute(f"ALTER TABLE {quote(model._meta.db_table)} {switch} TRIGGER USER")
        if not on:
            self.cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            return
        table = quote(Application._meta.db_table)
        self.cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} (LIKE {table})")
        # the search text by the trigger's own expression (NEW is the staging row)
        triggers = Application._meta.triggers  # type: ignore[attr-defined]  # pgtrigger's
        trigger = next(t for t in triggers if t.name == "application_search_text")
        expression = trigger.func.split(":=", 1)[1].split("RETURN NEW", 1)[0].strip().rstrip(";")
        columns = [c for c in _columns(Application, COLUMNS[Application]) if c != "search_text"]
        names = ", ".join(quote(column) for column in columns)
        self.staged_insert = (
            f"INSERT INTO {table} ({names}, search_text) "  # noqa: S608 - our own names
            f"SELECT {names}, {expression} FROM {STAGING} AS NEW"
        )

    def run(self) -> ScaleResult:
        started = time.monotonic()
        with connection.cursor() as wrapper:
            self.cursor = wrapper.cursor  # the driver's cursor: COPY is not in Django's API
            self.content_type = ContentType.objects.get_for_model(Application).pk
            # the applicants: every organisation, or as many as there are proposals, spread out
            self.used = (
                self.orgs
                if self.total >= len(self.orgs)
                else [
                    self.orgs[i] for i in sorted(self.rng.sample(range(len(self.orgs)), self.total))
                ]
            )
            officers = self.users(Role.OFFICER, len(self.used), self.used)
            # an office of at most 120 reviewers and a committee of 25, however many proposals
            self.reviewers = self.users(Role.REVIEWER, max(4, min(120, self.total // 800)), [])
            self.committee = self.users(Role.COMMITTEE, max(2, min(25, self.total // 4000)), [])
            call = self.call()
            self.call_pk = call.pk
            self.quiet(on=True)
            self.batches()
            self.quiet(on=False)
        return ScaleResult(
            call=call,
            officers=officers,
            reviewers=self.reviewers,
            committee=self.committee,
            counts=self.counts,
            seconds=time.monotonic() - started,
        )


# tables whose ids other rows point at, and the most a proposal can use of them
RESERVED: dict[type[Model], int] = {
    Application: 1,
    ApplicationVersion: 3,
    Project: 3,
    RevisionRequest: 3,
    Review: 3,
    ConflictDeclaration: 3,
}
_UNSET: dict[type[Model], tuple[str, ...]] = {
    Comment: ("stored_file",),
    DECLARATION_EVENT: ("pgh_context",),
}
# the tables written per batch (in this order) and their fields, as `_fields` gives them: the
# ids of the RESERVED tables are the generator's, the others' the database's
COLUMNS: dict[type[Model], tuple[str, ...]] = {
    model: _fields(model, own_id=model in RESERVED, unset=_UNSET.get(model, ()))
    for model in (
        Application,
        ApplicationVersion,
        Project,
        KPI,
        Partner,
        Transition,
        RevisionRequest,
        RevisionPoint,
        ConflictDeclaration,
        DECLARATION_EVENT,
        Assignment,
        Review,
        Score,
        Comment,
        Certificate,
        Notification,
    )
}
# the tables whose per-row triggers the generator switches off while it writes (it does their work
# set-based: the proposals' search text through STAGING, the declarations' history rows itself)
QUIET_TABLES = (Application, ConflictDeclaration)
STAGING = "scale_application_staging"


def scale_data_generate(
    *,
    applications: int,
    seed: int = 1,
    organisations: list[Org] | None = None,
    check_keys: bool = False,
) -> ScaleResult:
    """Write `applications` synthetic proposals (and all around them) for the seed, atomically;
    `check_keys` has PostgreSQL check every foreign key (slower; see `_Generator.quiet`)."""
    orgs = organisations if organisations is not None else registry_organisations()
    with transaction.atomic():
        made = _Generator(
            seed=seed, applications=applications, organisations=orgs, check_keys=check_keys
        ).run()
    # COPY sends no post_save: the cached list counts learn of the new rows here
    count_scope_changed("applications")
    return made
