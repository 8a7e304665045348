"""Where a proposal stands, in the stages a person understands, and who holds the next step.

The programme's sixteen states collapse here into five stages (submitted → screening → working
group → committee → decision); each state says what happens next and who does it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from applications.workflow import State

if TYPE_CHECKING:
    from applications.models import Application

STAGES: tuple[tuple[str | Promise, frozenset[State]], ...] = (
    (_("Submitted"), frozenset({State.SUBMITTED})),
    (_("Screening"), frozenset({State.SCREENING, State.REVISION_REQUESTED})),
    (
        _("Working group"),
        frozenset(
            {
                State.WG_REVIEW,
                State.WG_RECOMMENDED,
                State.WG_APPROVED_IN_PRINCIPLE,
                State.WG_NOT_APPROVED,
            }
        ),
    ),
    (_("Committee"), frozenset({State.SUBCOMMITTEE, State.COMMITTEE})),
    (
        _("Decision"),
        frozenset(
            {
                State.CERTIFIED,
                State.NOT_APPROVED,
                State.PROMOTION_ZONE,
                State.CERTIFICATION_EXPIRED,
                State.CERTIFICATION_REVOKED,
            }
        ),
    ),
)

LEAD_ORGANISATION = _("Your organisation")
OFFICE = _("The Smart City Office (depa)")
# state → (the next action, who holds it); None: nothing more is expected
NEXT: dict[State, tuple[str | Promise, str | Promise] | None] = {
    State.DRAFT: (_("Complete the checklist and submit the proposal."), LEAD_ORGANISATION),
    State.SUBMITTED: (_("Eligibility screening of the proposal."), OFFICE),
    State.SCREENING: (_("Eligibility screening of the proposal."), OFFICE),
    State.REVISION_REQUESTED: (
        _("Revise the proposal and resubmit it before the deadline."),
        LEAD_ORGANISATION,
    ),
    State.WG_REVIEW: (_("Assessment against the five criteria."), _("The technical working group")),
    State.WG_RECOMMENDED: (_("Consideration by the sub-committee."), OFFICE),
    State.WG_APPROVED_IN_PRINCIPLE: (_("Consideration by the sub-committee."), OFFICE),
    State.WG_NOT_APPROVED: (_("Consideration by the sub-committee."), OFFICE),
    State.SUBCOMMITTEE: (_("Decision of the sub-committee."), _("The sub-committee")),
    State.COMMITTEE: (_("Decision of the Smart City Committee."), _("The Smart City Committee")),
    State.CERTIFIED: None,
    State.NOT_APPROVED: None,
    State.PROMOTION_ZONE: (_("Full certification may follow."), OFFICE),
    State.WITHDRAWN: None,
    State.CERTIFICATION_EXPIRED: None,
    State.CERTIFICATION_REVOKED: None,
}


@dataclass(frozen=True)
class Stage:
    label: str | Promise
    status: str  # "done", "current" or "todo": the tracker's CSS class and its screen-reader text


@dataclass(frozen=True)
class Tracker:
    stages: list[Stage]
    next_action: str | Promise | None
    holder: str | Promise | None


def tracker_for(application: Application) -> Tracker:
    """The five stages with the current one, and the next action with who holds it."""
    current = next(
        (i for i, (_label, states) in enumerate(STAGES) if application.state in states), -1
    )
    if application.state == State.WITHDRAWN:
        current = -1
    stages = [
        Stage(label, "current" if i == current else "done" if i < current else "todo")
        for i, (label, _states) in enumerate(STAGES)
    ]
    step = NEXT[State(application.state)]
    return Tracker(stages, *(step or (None, None)))
