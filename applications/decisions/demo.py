"""Demo data of the staff path, after the demo proposals (called by applications/demo.py): one
pilot city carried to certification, one proposal at the working group with a meeting scheduled,
and two paper certifications recorded, so /cities/ and the staff home have content. Rerunnable:
a second run writes nothing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from applications.models import AgendaItem, Application, Body, Certificate, Meeting
from applications.services.certificates import certificates_import
from applications.services.decisions import SCREENING_CHECKLIST, application_transition
from applications.services.meetings import (
    DecisionInput,
    meeting_agenda_add,
    meeting_create,
    meeting_decide,
)
from applications.workflow import State
from municipalities.models import Organisation
from smartcity.accounts.demo import DOMAIN
from smartcity.accounts.models import User

# paper certifications of two pilot municipalities, as an administrator would import them
RECORDED_CSV = """dla_code,certificate_number,certified_on,valid_until,domains
{first},SC-CERT-2564-001,2021-01-28,2027-01-27,"mobility,living,governance"
{second},SC-CERT-2564-002,2021-01-28,2027-01-27,"environment,economy"
"""


def screened(application: Application, admin: User) -> None:
    """Screen the submitted proposal and pass it to the working group, every check ticked
    (the demo's step, reused by the tests)."""
    application_transition(application=application, move="screen", actor=admin)
    application_transition(
        application=application,
        move="screening_pass",
        actor=admin,
        checklist=list(SCREENING_CHECKLIST),
    )


def _meeting(admin: User, body: str, number: str, date: dt.date) -> Meeting:
    found = Meeting.objects.filter(body=body, number=number).first()
    return found or meeting_create(actor=admin, body=body, number=number, date=date, attendees="")


def _decided(meeting: Meeting, application: Application, outcome: str, admin: User) -> None:
    item = meeting_agenda_add(meeting=meeting, application=application, actor=admin)
    meeting_decide(
        meeting=meeting, actor=admin, decisions=[DecisionInput(item=item, outcome=outcome)]
    )


def load() -> list[str]:
    pilot_codes = list(
        Organisation.objects.pilots().order_by("dla_code").values_list("dla_code", flat=True)
    )
    recorded_codes = pilot_codes[:2]  # certified on paper before the portal
    admin = User.objects.filter(email=f"admin@{DOMAIN}").first()
    submitted = (
        Application.objects.filter(
            state=State.SUBMITTED, lead_org__dla_code__in=pilot_codes, is_synthetic=False
        )
        .exclude(lead_org__dla_code__in=recorded_codes)
        .order_by("reference")
    )
    if admin is None or not submitted.exists():
        return ["demo decisions skipped: no demo proposals yet"]
    lines = []
    today = timezone.localdate()
    if not Certificate.objects.filter(application__isnull=False).exists():
        application = submitted[0]  # the first by reference: there is one (checked above)
        screened(application, admin)
        past = today - dt.timedelta(days=30)
        _decided(
            _meeting(admin, Body.WORKING_GROUP, "1/2569", past), application, "wg_recommend", admin
        )
        _decided(
            _meeting(admin, Body.SUBCOMMITTEE, "1/2569", past),
            application,
            "subcommittee_forward",
            admin,
        )
        _decided(_meeting(admin, Body.COMMITTEE, "1/2569", past), application, "certify", admin)
        lines.append(f"{application.lead_org} certified")
    if not Meeting.objects.filter(date__gte=today).exists():
        waiting = submitted.exclude(pk__in=AgendaItem.objects.values("application")).first()
        meeting = _meeting(admin, Body.WORKING_GROUP, "2/2569", today + dt.timedelta(days=14))
        if waiting is not None:
            screened(waiting, admin)
            meeting_agenda_add(meeting=meeting, application=waiting, actor=admin)
        lines.append(f"meeting {meeting} scheduled")
    report = certificates_import(
        text=RECORDED_CSV.format(first=pilot_codes[0], second=pilot_codes[1])
    )
    if report.created:
        lines.append(f"{report.created} paper certifications recorded")
    return lines
