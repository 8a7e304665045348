"""The refusals of the proposals app: each a DomainError (a page message, a 409 in the API)."""

from __future__ import annotations

from smartcity.errors import DomainError


class SubmissionClosed(DomainError):
    """The call does not accept this submission now."""

    code = "submission_closed"


class DuplicateProposal(DomainError):
    """The organisation already has an active proposal for this area in this call."""

    code = "duplicate_proposal"


class NotEditable(DomainError):
    """The proposal cannot be changed in its state."""

    code = "not_editable"


class StaleRevision(DomainError):
    """Someone saved the draft after the revision this change was based on."""

    code = "stale_revision"


class CriteriaFrozen(DomainError):
    """The call's criteria or weights changed after its first submission."""

    code = "criteria_frozen"


class CallClosed(DomainError):
    """The call does not accept new drafts."""

    code = "call_closed"


class RevisionUnanswered(DomainError):
    """A resubmission while points of the open revision request have no answer."""

    code = "revision_unanswered"
