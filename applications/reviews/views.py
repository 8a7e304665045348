"""The reviewer's pages: declare an interest, score, then see the others' scores; the score
export of a call. Thin: selectors read, services write; who may do what is applications/rules."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from applications.decisions.selectors import application_visible
from applications.models import Application, Call
from applications.reviews import selectors
from applications.reviews.exports import score_export
from applications.reviews.forms import DeclarationForm, ScoreForm
from applications.services.declarations import declaration_make
from applications.services.reviews import review_save, scoring_problem
from smartcity.accounts.models import User
from smartcity.errors import DomainError


def _user(request: HttpRequest) -> User:
    """The signed-in user (every view here is login_required)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _assigned(request: HttpRequest, uuid: str) -> Application:
    """The proposal if the viewer is a reviewer assigned to it (Http404 for anyone else)."""
    application = application_visible(viewer=_user(request), uuid=uuid)
    if not rules.test_rule("applications.score", _user(request), application) and not (
        rules.test_rule("applications.declare_interest", _user(request), application)
    ):
        raise Http404
    return application


@login_required
def declare(request: HttpRequest, uuid: str) -> HttpResponse:
    """ "No conflict" or "conflict, with reason": once, before scoring."""
    application = _assigned(request, uuid)
    if not rules.test_rule("applications.declare_interest", _user(request), application):
        return redirect("reviews:score", uuid=application.uuid)  # declared "no conflict" already
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            declaration_make(
                application=application,
                reviewer=_user(request),
                has_conflict=form.conflict,
                reason=form.cleaned_data["reason"],
            )
        except (DomainError, ValidationError) as error:
            text = error.message if isinstance(error, DomainError) else " ".join(error.messages)
            messages.error(request, text)
        else:
            if form.conflict:
                messages.success(
                    request,
                    _("Your conflict of interest is recorded; you no longer review this proposal."),
                )
                return redirect("decisions:staff-queue")
            messages.success(request, _("Declared: no conflict of interest. You may now score."))
            return redirect("reviews:score", uuid=application.uuid)
    return render(
        request, "applications/reviews/declare.html", {"application": application, "form": form}
    )


@login_required
def score(request: HttpRequest, uuid: str) -> HttpResponse:
    """The score form (draft or submit); once submitted, the scores of everyone."""
    application = _assigned(request, uuid)
    problem = scoring_problem(application=application, reviewer=_user(request))
    if request.method == "GET" and problem is not None and problem.code == "declaration_missing":
        messages.info(request, problem.message)
        return redirect("reviews:declare", uuid=application.uuid)
    criteria = selectors.criteria_for_scoring(call=application.call)
    review = selectors.review_own(application=application, reviewer=_user(request))
    form = ScoreForm(request.POST or None, criteria=criteria, review=review)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            review_save(
                application=application,
                reviewer=_user(request),
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                submit=submit,
            )
        except DomainError as error:  # the page keeps what was typed
            messages.error(request, error.message)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("Your scores are submitted.") if submit else _("Your draft is saved.")
            )
            return redirect("reviews:score", uuid=application.uuid)
    context = {
        "application": application,
        "form": form,
        "review": review,
        "submitted": review is not None and review.submitted_at is not None,
        "scores": (
            selectors.proposal_scores(application=application)
            if _user(request).has_perm("applications.view_scores", application)
            else None
        ),
    }
    return render(request, "applications/reviews/score.html", context)


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def export(request: HttpRequest, uuid: str, fmt: str) -> HttpResponse:
    """The score summary of a call, one row per proposal, as CSV (UTF-8, BOM) or Excel."""
    if not _user(request).has_perm("applications.export_scores"):
        raise PermissionDenied
    call = get_object_or_404(Call, uuid=uuid)
    if fmt not in EXPORT_TYPES:
        raise Http404
    response = HttpResponse(score_export(call=call, fmt=fmt), content_type=EXPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="scores-{call.uuid}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
