"""The proposal workflow: every state, every move, who may make it and what it sets off.

This module is the only place state names live. A move is applied with `advance()` on a row the
caller has locked (`select_for_update()`); it checks the source state and the actor's django-rules
permission, writes the Transition row and sends the move's event through `notify()` after commit.
`docs/workflow.md` is generated from this table (`manage.py workflow_docs`); a test fails when it
is stale. Later issues add moves to MOVES; they add no states.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartcity.errors import DomainError

if TYPE_CHECKING:
    from applications.models import Application
    from smartcity.accounts.models import User


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SCREENING = "screening", _("Screening")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    WG_REVIEW = "wg_review", _("Working group review")
    WG_RECOMMENDED = "wg_recommended", _("Recommended by the working group")
    WG_APPROVED_IN_PRINCIPLE = "wg_approved_in_principle", _("Approved in principle")
    WG_NOT_APPROVED = "wg_not_approved", _("Not approved by the working group")
    SUBCOMMITTEE = "subcommittee", _("Sub-committee")
    COMMITTEE = "committee", _("Committee")
    CERTIFIED = "certified", _("Certified")
    NOT_APPROVED = "not_approved", _("Not approved")
    PROMOTION_ZONE = "promotion_zone", _("Smart city promotion zone")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CERTIFICATION_EXPIRED = "certification_expired", _("Certification expired")
    CERTIFICATION_REVOKED = "certification_revoked", _("Certification revoked")


# The lead organisation edits the live record only in these states.
EDITABLE = frozenset({State.DRAFT, State.REVISION_REQUESTED})
# States after a first submission that the office works on before any decision.
IN_REVIEW = frozenset(
    {
        State.SUBMITTED,
        State.SCREENING,
        State.REVISION_REQUESTED,
        State.WG_REVIEW,
        State.WG_RECOMMENDED,
        State.WG_APPROVED_IN_PRINCIPLE,
        State.WG_NOT_APPROVED,
    }
)
# Committee members see proposals from the sub-committee on, and the outcomes.
COMMITTEE_STAGES = frozenset(
    {
        State.SUBCOMMITTEE,
        State.COMMITTEE,
        State.CERTIFIED,
        State.NOT_APPROVED,
        State.PROMOTION_ZONE,
        State.CERTIFICATION_EXPIRED,
        State.CERTIFICATION_REVOKED,
    }
)
# A proposal in one of these no longer blocks a new one for the same call, organisation and area.
CLOSED = frozenset(
    {
        State.WITHDRAWN,
        State.NOT_APPROVED,
        State.CERTIFICATION_EXPIRED,
        State.CERTIFICATION_REVOKED,
    }
)
# Withdrawal is possible before a decision.
WITHDRAWABLE = frozenset({State.DRAFT, *IN_REVIEW, State.SUBCOMMITTEE, State.COMMITTEE})
ACTIVE = frozenset(State) - CLOSED


class IllegalMove(DomainError):
    """The move is not allowed from this state, or not for this person."""

    code = "illegal_move"


Audience = Callable[["Application"], Iterable["User"]]


def lead_officers_and_office(application: Application) -> list[User]:
    """Approved officers of the lead organisation and the programme administrators."""
    from applications.notifications import lead_officers, office

    return [*lead_officers(application), *office()]


def lead_officers_only(application: Application) -> list[User]:
    """Approved officers of the lead organisation."""
    from applications.notifications import lead_officers

    return lead_officers(application)


def lead_officers_and_staff(application: Application) -> list[User]:
    """Officers of the lead organisation, the assigned reviewers and the office."""
    from applications.notifications import assigned_reviewers, lead_officers, office

    return [*lead_officers(application), *assigned_reviewers(application), *office()]


# the outcomes a meeting records; each is one move below
DECISION_MOVES = (
    "wg_recommend",
    "wg_approve_in_principle",
    "wg_not_approve",
    "subcommittee_forward",
    "subcommittee_not_approve",
    "declare_promotion_zone",
    "certify",
    "not_approve",
)


@dataclass(frozen=True)
class Move:
    """One transition of the table: from which states, to which, for whom, and its effects."""

    sources: frozenset[State]
    target: State
    rule: str  # the django-rules permission the actor needs on the application
    label: str | Promise  # the button and the docs
    event: str | None = None  # notification sent after the move
    audience: Audience | None = None
    effects: str = ""  # what else the service making the move does, for docs/workflow.md
    by_system: bool = False  # made by a scheduled job (no actor), never by a person
    guard: Callable[[Application], bool] | None = None  # a condition on the proposal itself


MOVES: dict[str, Move] = {
    "submit": Move(
        frozenset({State.DRAFT}),
        State.SUBMITTED,
        "applications.submit_application",
        _("Submit"),
        "applications.submitted",
        lead_officers_and_office,
        "first submission only while the call is open (or until late_until for drafts created "
        "before closing); reference number SC-{BE year}-{sequence}; version 1 frozen; "
        "criteria of the call frozen",
    ),
    "resubmit": Move(
        frozenset({State.REVISION_REQUESTED}),
        State.SUBMITTED,
        "applications.submit_application",
        _("Resubmit"),
        "applications.resubmitted",
        lead_officers_and_office,
        "allowed until the revision request's deadline whatever the call's dates; next version "
        "frozen; the revision request is marked answered",
    ),
    "withdraw": Move(
        WITHDRAWABLE,
        State.WITHDRAWN,
        "applications.withdraw_application",
        _("Withdraw"),
        "applications.withdrawn",
        lead_officers_and_office,
        "a reason is recorded as the transition's comment",
    ),
    "request_revision": Move(
        frozenset({State.SUBMITTED, State.SCREENING}),
        State.REVISION_REQUESTED,
        "applications.request_revision",
        _("Request a revision"),
        "applications.revision_requested",
        lead_officers_only,
        "a revision request with itemised points and a deadline (end of that day in Bangkok); "
        "reminders 3 days before and when overdue",
    ),
    "screen": Move(
        frozenset({State.SUBMITTED}),
        State.SCREENING,
        "applications.screen",
        _("Start screening"),
    ),
    "screening_pass": Move(
        frozenset({State.SCREENING}),
        State.WG_REVIEW,
        "applications.screen",
        _("Passed screening: to the working group"),
        effects="the checklist (boundary defined, lead body eligible, required sections "
        "complete) must be all ticked; it is recorded in the transition's comment",
    ),
    "resume_wg_review": Move(
        frozenset({State.SUBMITTED}),
        State.WG_REVIEW,
        "applications.resume_wg_review",
        _("Back to the working group"),
        effects="guard: it passed screening before (it answers the working group's conditions)",
        guard=lambda application: application.transitions.filter(target=State.WG_REVIEW).exists(),
    ),
    "wg_recommend": Move(
        frozenset({State.WG_REVIEW}),
        State.WG_RECOMMENDED,
        "applications.record_decision",
        _("Working group: recommend"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a working-group meeting decision",
    ),
    "wg_approve_in_principle": Move(
        frozenset({State.WG_REVIEW}),
        State.WG_APPROVED_IN_PRINCIPLE,
        "applications.record_decision",
        _("Working group: approve in principle"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a meeting decision with conditions, then at once return_with_conditions",
    ),
    "return_with_conditions": Move(
        frozenset({State.WG_APPROVED_IN_PRINCIPLE}),
        State.REVISION_REQUESTED,
        "applications.record_decision",
        _("Return with the conditions to meet"),
        "applications.revision_requested",
        lead_officers_only,
        "a revision request whose points are the conditions, deadline from the decision",
    ),
    "wg_not_approve": Move(
        frozenset({State.WG_REVIEW}),
        State.WG_NOT_APPROVED,
        "applications.record_decision",
        _("Working group: do not approve"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a working-group meeting decision",
    ),
    "confirm_not_approved": Move(
        frozenset({State.WG_NOT_APPROVED}),
        State.NOT_APPROVED,
        "applications.record_decision",
        _("Close as not approved"),
    ),
    "to_subcommittee": Move(
        frozenset({State.WG_RECOMMENDED}),
        State.SUBCOMMITTEE,
        "applications.record_decision",
        _("Send to the sub-committee"),
    ),
    "subcommittee_forward": Move(
        frozenset({State.SUBCOMMITTEE}),
        State.COMMITTEE,
        "applications.record_decision",
        _("Sub-committee: forward to the committee"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a sub-committee meeting decision",
    ),
    "subcommittee_not_approve": Move(
        frozenset({State.SUBCOMMITTEE}),
        State.NOT_APPROVED,
        "applications.record_decision",
        _("Sub-committee: do not approve"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a sub-committee meeting decision",
    ),
    "declare_promotion_zone": Move(
        frozenset({State.COMMITTEE}),
        State.PROMOTION_ZONE,
        "applications.record_decision",
        _("Committee: declare a promotion zone"),
        "applications.decision_made",
        lead_officers_and_staff,
        "a declared step before full certification",
    ),
    "certify": Move(
        frozenset({State.COMMITTEE, State.PROMOTION_ZONE}),
        State.CERTIFIED,
        "applications.record_decision",
        _("Committee: certify"),
        "applications.certificate_issued",
        lead_officers_and_staff,
        "certificate SC-CERT-{BE year}-{sequence} from a locked counter, valid from the decision "
        "date; decision letter and certificate PDFs",
    ),
    "not_approve": Move(
        frozenset({State.COMMITTEE, State.PROMOTION_ZONE}),
        State.NOT_APPROVED,
        "applications.record_decision",
        _("Committee: do not approve"),
        "applications.decision_made",
        lead_officers_and_staff,
        "recorded by a committee meeting decision",
    ),
    "renew": Move(
        frozenset({State.CERTIFIED}),
        State.CERTIFIED,
        "applications.manage_certificate",
        _("Renew the certification"),
        "applications.certificate_issued",
        lead_officers_and_staff,
        "before expiry: validity extended under the same number, recorded as a renewal",
    ),
    "revoke": Move(
        frozenset({State.CERTIFIED}),
        State.CERTIFICATION_REVOKED,
        "applications.manage_certificate",
        _("Revoke the certification"),
        "applications.decision_made",
        lead_officers_and_staff,
        "a reason is required; the certificate ends that day",
    ),
    "expire": Move(
        frozenset({State.CERTIFIED}),
        State.CERTIFICATION_EXPIRED,
        "",
        _("Certification expired"),
        effects="the daily beat, the day after the certificate's last valid day; reminders "
        "90, 30 and 7 days before",
        by_system=True,
    ),
}

# who holds each permission, for docs/workflow.md (applications/rules.py is the truth)
RULE_HOLDERS: dict[str, str] = {
    "applications.submit_application": "approved officer of the lead organisation",
    "applications.withdraw_application": "approved officer of the lead organisation",
    "applications.request_revision": "assigned reviewer, programme administrator",
    "applications.screen": "assigned reviewer, programme administrator",
    "applications.resume_wg_review": "assigned reviewer, programme administrator",
    "applications.record_decision": "programme administrator (secretary of the working group); "
    "committee member from the sub-committee on",
    "applications.manage_certificate": "programme administrator, committee member",
    "": "the daily scheduled job",
}


def _may(move: Move, application: Application, actor: User | None) -> bool:
    """Who first, then the guard: a guard may query, the roles are read once per request."""
    if actor is None:
        allowed = move.by_system
    else:
        allowed = not move.by_system and actor.has_perm(move.rule, application)
    return allowed and (move.guard is None or move.guard(application))


def move_check(application: Application, name: str, *, actor: User | None) -> Move:
    """The move, if this actor may make it on the proposal now (IllegalMove otherwise)."""
    move = MOVES.get(name)
    if move is None:
        raise IllegalMove(gettext("There is no such step: “%(move)s”.") % {"move": name})
    if application.state not in move.sources or not _may(move, application, actor):
        raise IllegalMove(
            gettext("“%(move)s” is not possible for a proposal in the state “%(state)s”.")
            % {"move": move.label, "state": application.get_state_display()}
        )
    return move


def advance(application: Application, name: str, *, actor: User | None, comment: str = "") -> None:
    """Apply one move to a row the caller has locked with select_for_update() (IllegalMove).

    `actor` is None only for the moves a scheduled job makes (`by_system`)."""
    from applications.queue.cache import facets_changed
    from smartcity.notifications.services import notify

    move = move_check(application, name, actor=actor)
    source, application.state = application.state, move.target
    application.revision += 1
    application.save(update_fields=["state", "revision", "updated_at"])
    application.transitions.create(
        actor=actor, move=name, source=source, target=move.target, comment=comment
    )
    if move.event and move.audience:
        notify(recipients=move.audience(application), event=move.event, obj=application)
    transaction.on_commit(facets_changed, robust=True)  # the queue's cached counts are stale


def allowed_moves(application: Application, user: User) -> list[str]:
    """The moves this user may make now, one button each on the page."""
    return [
        name
        for name, move in MOVES.items()
        if application.state in move.sources and _may(move, application, user)
    ]
