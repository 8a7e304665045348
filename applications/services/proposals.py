"""Writes on proposals: drafts, attachments, submission, withdrawal and revision requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import workflow
from applications.checklist import checklist_enforce
from applications.errors import (
    CallClosed,
    DuplicateProposal,
    NotEditable,
    RevisionUnanswered,
    StaleRevision,
    SubmissionClosed,
)
from applications.models import (
    KPI,
    Application,
    ApplicationVersion,
    Attachment,
    Call,
    Partner,
    Project,
    normalised_area,
)
from applications.selectors import application_for_snapshot
from applications.serializers import KPI_FIELDS, PROJECT_FIELDS
from applications.services.calls import call_criteria_freeze
from applications.services.revisions import revision_open
from applications.services.versions import reference_next, version_freeze
from applications.validation import application_problems, project_problems
from applications.workflow import State
from municipalities.models import Organisation
from smartcity.accounts.models import User
from smartcity.dates import thai_datetime
from smartcity.files.services import stored_file_create
from smartcity.files.validators import DOCUMENTS

DUPLICATE_CONSTRAINT = "application_one_active_per_area"
ProjectInput = Mapping[str, Any]


def _duplicate_message() -> str:
    return _(
        "Your organisation already has an active proposal for the area “%(area)s” in this call. "
        "Open that proposal, or withdraw it first; a proposal for another area is possible."
    )


def _duplicate_check(*, application: Application) -> None:
    normal = " ".join(application.area_name.split()).lower()
    clash = (
        Application.objects.filter(call_id=application.call_id, lead_org_id=application.lead_org_id)
        .exclude(state__in=workflow.CLOSED)
        .exclude(pk=application.pk)
        .annotate(normal=normalised_area())
        .filter(normal=normal)
    )
    if clash.exists():
        raise DuplicateProposal(_duplicate_message() % {"area": application.area_name})


def _save(application: Application, **options: Any) -> None:  # noqa: ANN401
    """Save, turning a lost race on the one-active-proposal constraint into its message."""
    try:
        with transaction.atomic():
            application.save(**options)
    except IntegrityError as error:
        if DUPLICATE_CONSTRAINT in str(error):
            raise DuplicateProposal(
                _duplicate_message() % {"area": application.area_name}
            ) from None
        raise


def _problems_check(*, domains: Iterable[str], projects: Iterable[ProjectInput]) -> None:
    projects = list(projects)
    problems = application_problems(
        domains=domains, project_domains=[p.get("domain") for p in projects]
    )
    for project in projects:
        problems.update(
            project_problems(
                budget=project.get("budget"),
                starts_on=project.get("starts_on"),
                ends_on=project.get("ends_on"),
            )
        )
    if problems:
        raise ValidationError(problems)


OrderedRow = TypeVar("OrderedRow", Project, KPI)  # rows kept in the order given


def _rows_replace(
    *,
    existing: QuerySet[OrderedRow],
    new: Callable[[], OrderedRow],
    rows: Iterable[Mapping[str, Any]],
    fields: Iterable[str],
) -> list[tuple[OrderedRow, Mapping[str, Any]]]:
    """Make the rows exactly these, in this order: a row with the uuid of an existing one
    updates it, any other is created (with a new uuid), and those not given are deleted."""
    by_uuid = {str(row.uuid): row for row in existing}
    kept = []
    for order, data in enumerate(rows):
        row = by_uuid.get(str(data.get("uuid"))) or new()
        for name in fields:
            if name in data:
                setattr(row, name, data[name])
        row.order = order
        row.save()
        kept.append((row, data))
    existing.exclude(pk__in=[row.pk for row, _data in kept]).delete()
    return kept


def _projects_replace(*, application: Application, projects: Iterable[ProjectInput]) -> None:
    """The proposal's projects, and each project's KPIs, become exactly these."""
    for project, data in _rows_replace(
        existing=application.projects.all(),
        new=lambda: Project(application=application),
        rows=projects,
        fields=PROJECT_FIELDS,
    ):
        _rows_replace(
            existing=project.kpis.all(),
            new=partial(KPI, project=project),
            rows=data.get("kpis", []),
            fields=KPI_FIELDS,
        )


def _partners_replace(*, application: Application, partners: Iterable[Mapping[str, Any]]) -> None:
    application.partners.all().delete()
    Partner.objects.bulk_create(
        Partner(
            application=application,
            organisation=data["organisation"],
            role=data.get("role", ""),
            order=order,
        )
        for order, data in enumerate(partners)
        if data["organisation"].pk != application.lead_org_id
    )


@transaction.atomic
def application_create(
    *,
    call: Call,
    lead_org: Organisation,
    actor: User,
    fields: Mapping[str, Any],
    projects: Iterable[ProjectInput] | None = None,
    partners: Iterable[Mapping[str, Any]] | None = None,
    now: dt.datetime | None = None,
) -> Application:
    """Start a draft for the actor's organisation in an open call, the actor as contact person
    (PermissionDenied, CallClosed, DuplicateProposal, ValidationError)."""
    if not actor.has_perm("applications.create_application", lead_org):
        raise PermissionDenied(_("Only approved officers of an organisation start its proposals."))
    if not call.is_open(now):
        raise CallClosed(_("This call does not accept new proposals now."))
    projects = list(projects or [])
    _problems_check(domains=fields.get("domains", []), projects=projects)
    application = Application(call=call, lead_org=lead_org, contact=actor, created_by=actor)
    for name, value in fields.items():
        setattr(application, name, value)
    _duplicate_check(application=application)
    _save(application)
    _projects_replace(application=application, projects=projects)
    _partners_replace(application=application, partners=partners or [])
    return application


@transaction.atomic
def application_update(
    *,
    application: Application,
    actor: User,
    fields: Mapping[str, Any],
    projects: Iterable[ProjectInput] | None = None,
    partners: Iterable[Mapping[str, Any]] | None = None,
    expected_revision: int | None = None,
) -> Application:
    """Save changes to a draft (or a proposal returned for revision) by its lead organisation;
    given projects and partners replace the stored ones. `expected_revision` is the revision the
    editor started from: an older one means someone saved in between (StaleRevision)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not actor.has_perm("applications.submit_application", application):
        raise PermissionDenied(_("Only officers of the lead organisation edit this proposal."))
    if application.state not in workflow.EDITABLE:
        raise NotEditable(
            _("A proposal in the state “%(state)s” cannot be changed.")
            % {"state": application.get_state_display()}
        )
    if expected_revision is not None and expected_revision != application.revision:
        raise StaleRevision(
            _("Someone saved this proposal after you opened it. Reload it to see their changes.")
        )
    domains = fields.get("domains", application.domains)
    project_rows = (
        list(projects)
        if projects is not None
        else [{"domain": p.domain} for p in application.projects.all()]
    )
    _problems_check(domains=domains, projects=project_rows)
    for name, value in fields.items():
        if name in ("call", "lead_org"):
            continue  # a proposal stays in its call and with its organisation
        setattr(application, name, value)
    if "area_name" in fields:
        _duplicate_check(application=application)
    application.revision += 1
    application.saved_by = actor
    _save(application)
    if projects is not None:
        _projects_replace(application=application, projects=project_rows)
    if partners is not None:
        _partners_replace(application=application, partners=partners)
    return application


@transaction.atomic
def attachment_add(
    *,
    application: Application,
    actor: User,
    upload: UploadedFile[bytes],
    kind: str,
    title: str = "",
) -> Attachment:
    """Keep a document (checked by content: PDF, Word, Excel, images) on an editable proposal
    (PermissionDenied, NotEditable, ValidationError)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.state not in workflow.EDITABLE:
        raise NotEditable(_("Files can be added to a draft or a proposal under revision only."))
    if not actor.has_perm("applications.change_application", application):
        raise PermissionDenied
    stored = stored_file_create(upload=upload, policy=DOCUMENTS, actor=actor)
    application.revision += 1
    application.save(update_fields=["revision", "updated_at"])
    return Attachment.objects.create(
        application=application, kind=kind, title=title, stored_file=stored
    )


def _end_of_day_passed(day: dt.date, now: dt.datetime) -> bool:
    """A deadline date means the end of that day in Bangkok."""
    return timezone.localdate(now) > day


def submission_window_check(*, application: Application, now: dt.datetime) -> None:
    """Refuse a submission outside its window (SubmissionClosed): a first one while the call is
    open (or until `late_until` for drafts started before closing, when the call accepts late
    drafts); a resubmission until the open revision request's deadline, whatever the call."""
    call = application.call
    if application.state == State.DRAFT:
        if now < call.opens_at:
            raise SubmissionClosed(_("This call opens for submissions later."))
        if now < call.closes_at:
            return
        late = call.accept_late_drafts and call.late_until and now < call.late_until
        if late and application.created_at < call.closes_at:
            return
        raise SubmissionClosed(
            _("This call closed for submissions on %(date)s.")
            % {"date": thai_datetime(call.closes_at)}
        )
    request = revision_open(application)
    if request is not None and _end_of_day_passed(request.deadline, now):
        raise SubmissionClosed(
            _("The deadline of the revision request has passed; contact the Smart City Office.")
        )


def revision_answers_check(*, application: Application) -> None:
    """A revised proposal goes back only with every point of its revision request answered,
    whichever way it is resubmitted (the answers page, the form, the API): RevisionUnanswered."""
    request = revision_open(application)
    if request is None:
        return
    missing = [str(point.number) for point in request.items.all() if not point.answer.strip()]
    if missing:
        raise RevisionUnanswered(
            _("Answer every point before resubmitting (missing: %(points)s).")
            % {"points": ", ".join(missing)}
        )


@transaction.atomic
def application_submit(
    *, application: Application, actor: User, now: dt.datetime | None = None
) -> ApplicationVersion:
    """Freeze the draft (or the revised proposal) as its next version and move it to submitted;
    a first submission gets its reference number and freezes the call's criteria
    (SubmissionClosed, IncompleteProposal, RevisionUnanswered, IllegalMove)."""
    now = now or timezone.now()
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )
    submission_window_check(application=application, now=now)
    checklist_enforce(application_for_snapshot(pk=application.pk))
    revision_answers_check(application=application)
    is_first = application.state == State.DRAFT
    if is_first:
        application.reference = reference_next(at=now)
        application.submitted_at = now
        call_criteria_freeze(call=application.call, at=now)
    application.last_submitted_at = now
    application.save(update_fields=["reference", "submitted_at", "last_submitted_at"])
    workflow.advance(application, "submit" if is_first else "resubmit", actor=actor)
    version = version_freeze(application=application, actor=actor, at=now)
    application.revision_requests.filter(answered_at__isnull=True).update(
        answered_at=now, answered_by=version
    )
    return version


@transaction.atomic
def application_withdraw(*, application: Application, actor: User, reason: str = "") -> Application:
    """The lead organisation withdraws its proposal before a decision (IllegalMove)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    workflow.advance(application, "withdraw", actor=actor, comment=reason)
    return application
