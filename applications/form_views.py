"""The officer's pages: start a proposal, fill it section by section with autosave, submit it;
a version as PDF or printable HTML, and the diff between two versions."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications import editors
from applications.checklist import SECTION_BY_KEY, SECTIONS, checklist_sections, section_url
from applications.documents import version_document
from applications.errors import StaleRevision
from applications.forms import AttachmentForm, SubmitForm, project_blocks
from applications.models import Application, ApplicationVersion
from applications.selectors import application_get, call_get, version_get, version_list
from applications.services.proposals import (
    application_create,
    application_submit,
    application_update,
    attachment_add,
)
from applications.services.versions import version_diff
from municipalities.selectors import organisation_get
from smartcity.errors import DomainError
from smartcity.http import AuthenticatedHttpRequest
from smartcity.pdf import pdf_render


def _editable(request: AuthenticatedHttpRequest, uuid: str) -> Application:
    application = application_get(viewer=request.user, uuid=uuid)
    if not request.user.has_perm("applications.change_application", application):
        raise PermissionDenied
    return application


@login_required
@require_POST
def application_start(
    request: AuthenticatedHttpRequest, call: str, organisation: str
) -> HttpResponse:
    """Start a draft for one of the officer's organisations in an open call."""
    lead_org = organisation_get(key=str(organisation), viewer=request.user)
    try:
        application = application_create(
            call=call_get(uuid=call),
            lead_org=lead_org,
            actor=request.user,
            fields={"area_name": lead_org.name_th},
        )
    except DomainError as refusal:
        messages.error(request, refusal.message)
        return redirect("accounts:dashboard")
    return redirect(section_url(application, SECTIONS[0].key))


@login_required
def application_edit(request: AuthenticatedHttpRequest, uuid: str, section: str) -> HttpResponse:
    """One section of the form; POST saves it (htmx: an autosave answering with its status)."""
    if section not in SECTION_BY_KEY:
        raise Http404
    application = _editable(request, uuid)
    if section == "review":
        return _review(request, application)
    if section == "attachments":
        return _attachments(request, application)
    editor = editors.editor_for(section, application, request.POST or None)
    if request.method == "POST":
        status = _save(request, application, editor)
        if request.htmx:
            return render(request, "applications/partials/_save_status.html", status)
        if status["saved"] and not editor.has_errors:
            return redirect(section_url(application, _next_section(section)))
        application = status.pop("application", application)
        return _page(request, application, section, **status)
    return _page(request, application, section, editor=editor)


def _save(
    request: AuthenticatedHttpRequest, application: Application, editor: editors.Editor
) -> dict:
    """Save what is valid; a save based on an older revision is refused and explained."""
    base = request.GET.get("base") or request.POST.get("revision")
    try:
        try:
            saved = _update(request, application, editor, base)
        except StaleRevision:
            current = application_get(viewer=request.user, uuid=application.uuid)
            if current.saved_by_id != request.user.pk:
                return {
                    "saved": False,
                    "editor": editor,
                    "current": current,
                    "conflicts": editor.conflicts(current),
                }
            # the newer save is this editor's own (another section, a queued autosave, "Save
            # and continue" racing an autosave): nobody else's work is at stake
            saved = _update(request, current, editor, None)
    except (DomainError, ValidationError) as refusal:
        problems = getattr(refusal, "messages", None) or [refusal.message]
        return {"saved": False, "editor": editor, "problems": problems}
    return {"saved": True, "editor": editor, "application": saved}


def _update(
    request: AuthenticatedHttpRequest,
    application: Application,
    editor: editors.Editor,
    base: str | None,
) -> Application:
    return application_update(
        application=application,
        actor=request.user,
        expected_revision=int(base) if base and base.isdigit() else None,
        **editor.changes(),
    )


def _next_section(key: str) -> str:
    keys = [section.key for section in SECTIONS]
    return keys[min(keys.index(key) + 1, len(keys) - 1)]


def _page(
    request: AuthenticatedHttpRequest, application: Application, section: str, **context: object
) -> HttpResponse:
    statuses = checklist_sections(application)

    return render(
        request,
        "applications/edit.html",
        {
            "application": application,
            "section": SECTION_BY_KEY[section],
            "statuses": statuses,
            "missing_count": sum(len(status.missing) for status in statuses),
            "next_section": _next_section(section),
            **context,
        },
    )


def _attachments(request: AuthenticatedHttpRequest, application: Application) -> HttpResponse:
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment_add(application=application, actor=request.user, **form.cleaned_data)
        except (DomainError, ValidationError) as refusal:
            form.add_error("upload", getattr(refusal, "messages", None) or refusal.message)
        else:
            messages.success(request, _("The file is attached."))
            return redirect(section_url(application, "attachments"))
    return _page(request, application, "attachments", attachment_form=form)


def _review(request: AuthenticatedHttpRequest, application: Application) -> HttpResponse:
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = application_submit(application=application, actor=request.user)
        except DomainError as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("Submitted: reference number %(ref)s, version %(number)s.")
                % {"ref": version.application.reference, "number": version.number},
            )
            return redirect(application.get_absolute_url())
    return _page(request, application, "review", submit_form=form)


@login_required
@require_POST
def project_add(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """Add an empty project (with one empty KPI) to the draft; answers its block (htmx)."""
    application = _editable(request, uuid)
    application = _add_rows(request, application, editors.projects_plus_one(application))
    block = project_blocks(application)[-1]
    context = {"application": application, "block": block, "revision": application.revision}
    return render(request, "applications/partials/_project.html", context)


@login_required
@require_POST
def kpi_add(request: AuthenticatedHttpRequest, uuid: str, project: str) -> HttpResponse:
    """Add an empty KPI to one project of the draft; answers its row (htmx)."""
    application = _editable(request, uuid)
    if str(project) not in {str(row.uuid) for row in application.projects.all()}:
        raise Http404
    rows = editors.projects_plus_one(application, kpi_of=project)
    application = _add_rows(request, application, rows)
    block = next(b for b in project_blocks(application) if b.key == str(project))
    key, form = block.kpis[-1]
    context = {
        "application": application,
        "project_key": block.key,
        "kpi_key": key,
        "kpi": form,
        "revision": application.revision,
    }
    return render(request, "applications/partials/_kpi.html", context)


def _add_rows(
    request: AuthenticatedHttpRequest, application: Application, projects: list
) -> Application:
    """Store the projects with their new empty row: the row's uuid is the server's from the
    start, so every later autosave of the page updates it in place."""
    application_update(application=application, actor=request.user, fields={}, projects=projects)
    return application_get(viewer=request.user, uuid=application.uuid)


def _version(
    request: AuthenticatedHttpRequest, uuid: str, number: int
) -> tuple[Application, ApplicationVersion]:
    application = application_get(viewer=request.user, uuid=uuid)
    if not request.user.has_perm("applications.view_versions", application):
        raise Http404
    return application, version_get(application=application, viewer=request.user, number=number)


@login_required
def version_pdf(request: AuthenticatedHttpRequest, uuid: str, number: int) -> FileResponse:
    """One version as PDF, rendered from its snapshot."""
    application, version = _version(request, uuid, number)
    context = version_document(application=application, version=version)
    pdf = pdf_render(template="applications/pdf/version.html", context=context)
    name = f"{application.reference or application.uuid}-v{version.number}.pdf"
    return FileResponse(io.BytesIO(pdf), content_type="application/pdf", filename=name)


@login_required
def version_print(request: AuthenticatedHttpRequest, uuid: str, number: int) -> HttpResponse:
    """One version as a printable HTML summary, from its snapshot."""
    application, version = _version(request, uuid, number)
    context = version_document(application=application, version=version)
    return render(request, "applications/version_print.html", context)


@login_required
def versions_compare(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """The field-level diff between two versions the viewer may read (htmx fragment)."""
    application = application_get(viewer=request.user, uuid=uuid)
    if not request.user.has_perm("applications.view_versions", application):
        raise Http404
    versions = {v.number: v for v in version_list(application=application, viewer=request.user)}
    older, newer = (versions.get(_number(request.GET.get(k)) or 0) for k in ("older", "newer"))
    if older is None or newer is None:
        raise Http404
    if older.number > newer.number:
        older, newer = newer, older
    return render(
        request,
        "applications/partials/_diff.html",
        {
            "older": older,
            "newer": newer,
            "changes": version_diff(older=older, newer=newer),
        },
    )


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
