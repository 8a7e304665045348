"""The office's pages (workspace, meetings; the old queue address now leads to /review/), the
officer's answer page, the cities directory and the decision documents. Thin: selectors read,
services write."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications import workflow
from applications.decisions import selectors
from applications.decisions.forms import (
    AgendaAddForm,
    AnswerForm,
    CityFilterForm,
    CommentForm,
    DecisionForm,
    ExtendForm,
    MeetingForm,
    MoveForm,
)
from applications.models import Application, Certificate, RevisionRequest
from applications.reviews.selectors import review_panel, score_summaries
from applications.services.comments import comment_create
from applications.services.decisions import NOT_STAFF_MOVES, application_transition
from applications.services.meetings import (
    DecisionInput,
    meeting_agenda_add,
    meeting_create,
    meeting_decide,
)
from applications.services.revisions import (
    revision_answers_save,
    revision_deadline_extend,
    revision_open,
)
from smartcity.errors import DomainError
from smartcity.http import AuthenticatedHttpRequest
from smartcity.pdf import pdf_render

PAGE_SIZE = 50
# what each move asks for on the page; the others take a comment only
MOVE_FIELDS = {
    "screening_pass": ("checklist", "comment"),
    "request_revision": ("points", "deadline"),
}
PAGE_MOVES_EXCLUDED = NOT_STAFF_MOVES | {"return_with_conditions", *workflow.DECISION_MOVES}


def _refused(request: HttpRequest, error: DomainError | ValidationError) -> None:
    for text in getattr(error, "messages", None) or [error.message]:
        messages.error(request, text)


def _application(request: AuthenticatedHttpRequest, uuid: str, perm: str) -> Application:
    application = selectors.application_visible(viewer=request.user, uuid=uuid)
    if not request.user.has_perm(perm, application):
        raise Http404
    return application


def _staff_only(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


# ---------------------------------------------------------------- public
def city_index(request: HttpRequest) -> HttpResponse:
    """The public directory of cities whose certificate is valid."""
    form = CityFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.city_list(**{k: v for k, v in filters.items() if v})
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "applications/decisions/city_list.html", {"page": page, "form": form})


# ---------------------------------------------------------------- the office
def staff_queue(request: HttpRequest) -> HttpResponse:
    """/staff/proposals/ is now the review queue (/review/): `waiting` picks the same group of
    states, `overdue=1` the overdue proposals."""
    waiting = selectors.WAITING.get(request.GET.get("waiting", ""), frozenset())
    query = [("state", state.value) for state in sorted(waiting)]
    if request.GET.get("overdue") == "1":
        query.append(("overdue", "true"))
    target = reverse("queue:list")
    return redirect(f"{target}?{urlencode(query)}" if query else target, permanent=False)


@login_required
def workspace(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """A proposal as the office works on it: moves, revisions, comments, timeline."""
    application = _application(request, uuid, "applications.work_on_application")
    moves = [
        (
            name,
            workflow.MOVES[name].label,
            MOVE_FIELDS.get(name, ("comment",)),
            MoveForm(prefix=name),
        )
        for name in workflow.allowed_moves(application, request.user)
        if name not in PAGE_MOVES_EXCLUDED
    ]
    context = {
        "application": application,
        "moves": moves,
        "revisions": selectors.revision_request_list(application=application),
        "comments": selectors.comment_list(application=application, viewer=request.user),
        "comment_form": CommentForm(),
        "extend_form": ExtendForm(),
        "may_extend": request.user.has_perm("applications.extend_deadline", application),
        "transitions": application.transitions.select_related("actor").order_by("at", "pk"),
        "certificate": getattr(application, "certificate", None),
        "today": timezone.localdate(),
        "review": review_panel(viewer=request.user, application=application),
    }
    return render(request, "applications/decisions/workspace.html", context)


@login_required
@require_POST
def move_make(request: AuthenticatedHttpRequest, uuid: str, move: str) -> HttpResponse:
    """Make one staff move from the workspace; a refusal is a message, nothing changes."""
    application = _application(request, uuid, "applications.work_on_application")
    form = MoveForm(request.POST, prefix=move)
    form.is_valid()
    try:
        application_transition(
            application=application,
            move=move,
            actor=request.user,
            comment=form.cleaned_data.get("comment", ""),
            checklist=form.cleaned_data.get("checklist") or (),
            points=form.cleaned_data.get("points", ""),
            deadline=form.cleaned_data.get("deadline"),
        )
        messages.success(request, _("Done: %(move)s.") % {"move": workflow.MOVES[move].label})
    except (DomainError, ValidationError) as error:
        _refused(request, error)
    return redirect("decisions:workspace", uuid=application.uuid)


@login_required
@require_POST
def deadline_extend(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    revision = RevisionRequest.objects.select_related("application").filter(uuid=uuid).first()
    if revision is None or not request.user.has_perm(
        "applications.work_on_application", revision.application
    ):
        raise Http404
    form = ExtendForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        revision_deadline_extend(request=revision, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The deadline is extended."))
    except (DomainError, ValidationError) as error:
        _refused(request, error)
    return redirect("decisions:workspace", uuid=revision.application.uuid)


@login_required
@require_POST
def comment_add(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """A comment from the office (internal or to the applicant) or from the lead organisation."""
    application = _application(request, uuid, "applications.comment")
    form = CommentForm(request.POST, request.FILES)
    is_staff = request.user.has_perm("applications.comment_internally", application)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        comment_create(
            application=application,
            author=request.user,
            body=form.cleaned_data["body"],
            is_internal=is_staff and form.cleaned_data["is_internal"],
            upload=form.cleaned_data["file"],
        )
        messages.success(request, _("Your comment is saved."))
    except (DomainError, ValidationError) as error:
        _refused(request, error)
    target = "decisions:workspace" if is_staff else "decisions:revision-answer"
    return redirect(target, uuid=application.uuid)


# ---------------------------------------------------------------- the lead organisation
@login_required
def revision_answer(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """The officer answers each point of the open revision request and resubmits."""
    from applications.services.proposals import application_submit

    application = _application(request, uuid, "applications.view_application")
    revision = revision_open(application)
    form = None
    if revision is not None and request.user.has_perm("applications.answer_revision", application):
        form = AnswerForm(request.POST or None, request=revision)
    if request.method == "POST" and form is not None and form.is_valid():
        resubmit = "resubmit" in request.POST
        try:
            revision_answers_save(
                application=application, actor=request.user, answers=form.answers()
            )
            if resubmit:
                version = application_submit(application=application, actor=request.user)
                messages.success(
                    request, _("Resubmitted as version %(n)s.") % {"n": version.number}
                )
            else:
                messages.success(request, _("Your answers are saved."))
            return redirect("decisions:revision-answer", uuid=application.uuid)
        except (DomainError, ValidationError) as error:
            _refused(request, error)
    context = {
        "application": application,
        "revision": revision,
        "form": form,
        "revisions": selectors.revision_request_list(application=application),
        "comments": selectors.comment_list(application=application, viewer=request.user),
        "comment_form": CommentForm(),
        "certificate": getattr(application, "certificate", None),
        "today": timezone.localdate(),
    }
    return render(request, "applications/decisions/revision_answer.html", context)


# ---------------------------------------------------------------- meetings
@login_required
def meeting_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    _staff_only(request, "applications.view_meetings")
    form = MeetingForm(request.POST or None)
    if request.method == "POST":
        _staff_only(request, "applications.manage_meetings")
        if form.is_valid():
            try:
                meeting = meeting_create(actor=request.user, **form.cleaned_data)
                return redirect(meeting)
            except ValidationError as error:
                form.add_error(None, error)
    page = Paginator(selectors.meeting_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "may_manage": request.user.has_perm("applications.manage_meetings"),
    }
    return render(request, "applications/decisions/meeting_list.html", context)


@login_required
def meeting_detail(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """The agenda, the proposals that may join it, and the decisions to record in one batch."""
    _staff_only(request, "applications.view_meetings")
    meeting = selectors.meeting_get(uuid=uuid)
    agenda_form = AgendaAddForm(
        request.POST or None, candidates=selectors.agenda_candidates(meeting=meeting)
    )
    if request.method == "POST":
        _staff_only(request, "applications.manage_meetings")
        if agenda_form.is_valid():
            try:
                meeting_agenda_add(meeting=meeting, actor=request.user, **agenda_form.cleaned_data)
            except DomainError as error:
                _refused(request, error)
            return redirect(meeting)
    items = [
        (item, DecisionForm(prefix=f"item-{item.pk}", body=meeting.body))
        for item in meeting.items.all()
    ]
    context = {
        "meeting": meeting,
        "items": items,
        "agenda_form": agenda_form,
        "has_undecided": any(not item.outcome for item, _form in items),
        "may_manage": request.user.has_perm("applications.manage_meetings"),
    }
    return render(request, "applications/decisions/meeting_detail.html", context)


@login_required
@require_POST
def meeting_decisions(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """Record the outcomes chosen on the meeting page, all in one transaction."""
    _staff_only(request, "applications.manage_meetings")
    meeting = selectors.meeting_get(uuid=uuid)
    decisions = []
    for item in meeting.items.all():
        form = DecisionForm(request.POST, prefix=f"item-{item.pk}", body=meeting.body)
        if not item.outcome and form.is_valid() and form.cleaned_data["outcome"]:
            decisions.append(DecisionInput(item=item, **form.cleaned_data))
    try:
        count = meeting_decide(meeting=meeting, actor=request.user, decisions=decisions)
        messages.success(request, _("%(count)s decisions recorded.") % {"count": count})
    except (DomainError, ValidationError) as error:
        _refused(request, error)
    return redirect(meeting)


def _pdf(content: bytes, filename: str) -> FileResponse:
    """A rendered PDF as a download, like every file the portal sends."""
    response = FileResponse(
        io.BytesIO(content), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response


MEETING_DOCUMENTS = {
    "agenda": "applications/pdf/agenda_pack.html",
    "minutes": "applications/pdf/minutes.html",
}


@login_required
def meeting_document(request: AuthenticatedHttpRequest, uuid: str, kind: str) -> FileResponse:
    """The agenda pack (each proposal's summary) or the minutes, as PDF in Thai."""
    _staff_only(request, "applications.view_meetings")
    if kind not in MEETING_DOCUMENTS:
        raise Http404
    meeting = selectors.meeting_get(uuid=uuid)
    items = list(meeting.items.all())
    summaries = score_summaries(applications=[item.application for item in items])
    # the reviewers' mean total, count and criteria to discuss (never individual scores): for
    # committee members and the office, and for a reviewer of the proposal once they submitted
    sees_all = request.user.has_perm("applications.export_scores")
    context = {
        "meeting": meeting,
        "items": [
            (
                item,
                summaries[item.application_id]
                if sees_all or request.user.has_perm("applications.view_scores", item.application)
                else None,
            )
            for item in items
        ],
    }
    content = pdf_render(template=MEETING_DOCUMENTS[kind], context=context, language="th")
    return _pdf(content, f"{kind}-{meeting.body}-{meeting.number.replace('/', '-')}.pdf")


CERTIFICATE_DOCUMENTS: dict[str, tuple[str, Callable[[Certificate], bool]]] = {
    "letter": ("applications/pdf/decision_letter.html", lambda c: c.application_id is not None),
    "certificate": ("applications/pdf/certificate.html", lambda c: True),
}


@login_required
def certificate_document(request: AuthenticatedHttpRequest, uuid: str, kind: str) -> FileResponse:
    """The decision letter (หนังสือแจ้งผล) or the certificate, as PDF in Thai."""
    certificate = selectors.certificate_get(viewer=request.user, uuid=uuid)
    template, exists = CERTIFICATE_DOCUMENTS.get(kind, ("", lambda c: False))
    if not exists(certificate):
        raise Http404
    context = {"certificate": certificate, "today": timezone.localdate()}
    content = pdf_render(template=template, context=context, language="th")
    return _pdf(content, f"{certificate.number}-{kind}.pdf")
