"""Pages: the public calls and a proposal's page (the officer's form comes with its own issue)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from applications import workflow
from applications.selectors import (
    application_get,
    call_get,
    call_list_public,
    revision_request_list,
    transition_list,
    version_list,
)
from applications.services.proposals import application_submit, application_withdraw
from applications.tracker import tracker_for
from smartcity.errors import DomainError
from smartcity.http import AuthenticatedHttpRequest


def call_index(request: HttpRequest) -> HttpResponse:
    """Every call, open ones first, with its dates and number of submitted proposals."""
    page = Paginator(call_list_public(), 20).get_page(request.GET.get("page"))
    return render(request, "applications/call_list.html", {"page": page})


def call_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    """One call: dates, description, criteria with weights and score meanings, documents."""
    return render(request, "applications/call_detail.html", {"call": call_get(uuid=uuid)})


@login_required
def application_detail(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    """A proposal: the queue summary, or the whole proposal with versions and timeline."""
    application = application_get(viewer=request.user, uuid=uuid)
    is_full = request.user.has_perm("applications.view_application", application)
    context = {
        "application": application,
        "is_full": is_full,
        "moves": [
            (name, workflow.MOVES[name].label)
            for name in workflow.allowed_moves(application, request.user)
            if name in PAGE_MOVES
        ],
    }
    context["tracker"] = tracker_for(application)
    if is_full:
        context["versions"] = version_list(application=application, viewer=request.user)
        context["transitions"] = transition_list(application=application)
        context["revision_requests"] = revision_request_list(application=application)
    return render(request, "applications/application_detail.html", context)


PAGE_MOVES = {
    "submit": lambda application, request: application_submit(
        application=application, actor=request.user
    ),
    "resubmit": lambda application, request: application_submit(
        application=application, actor=request.user
    ),
    "withdraw": lambda application, request: application_withdraw(
        application=application, actor=request.user, reason=request.POST.get("reason", "")
    ),
}


@login_required
@require_POST
def application_move(request: AuthenticatedHttpRequest, uuid: str, move: str) -> HttpResponse:
    """Make one move from the proposal's page; a refusal is shown as a message there."""
    application = application_get(viewer=request.user, uuid=uuid)
    if move not in PAGE_MOVES:
        raise Http404
    try:
        PAGE_MOVES[move](application, request)
    except DomainError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, str(workflow.MOVES[move].label))
    return redirect(application.get_absolute_url())
