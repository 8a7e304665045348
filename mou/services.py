"""Every write on MOU records: one function per use case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pghistory
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from mou.models import MOU, MOUDocument, Status
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role
from smartcity.exports import csv_bytes
from smartcity.files.services import stored_file_create
from smartcity.files.validators import PDF_ONLY
from smartcity.notifications.services import reminder_due_send

# Statuses that claim the agreement was signed: each party needs its signatory first.
SIGNED_STATUSES = frozenset({Status.ACTIVE, Status.EXPIRED, Status.TERMINATED, Status.SUPERSEDED})


def mou_completeness_errors(
    *, status: str, party_org_ids: Iterable[int], signatory_org_ids: Iterable[int]
) -> list[str]:
    """Why an MOU with these parties and signatories may not be saved with this status."""
    parties = set(party_org_ids)
    errors = []
    if len(parties) < 2:
        errors.append(_("An MOU needs at least two parties."))
    if status in SIGNED_STATUSES and parties - set(signatory_org_ids):
        errors.append(
            _("Each party needs a signatory from its organisation before the MOU can be %(s)s.")
            % {"s": Status(status).label}
        )
    return errors


@transaction.atomic
def mou_document_add(
    *,
    mou: MOU,
    upload: UploadedFile,
    actor: User | None,
    kind: str,
    title: str = "",
    visibility: str = "public",
) -> MOUDocument:
    """Keep a PDF (checked by the file component) as a document of the MOU (ValidationError)."""
    stored = stored_file_create(upload=upload, policy=PDF_ONLY, actor=actor)
    return MOUDocument.objects.create(
        mou=mou, stored_file=stored, kind=kind, title=title, visibility=visibility
    )


@transaction.atomic
def mou_expire(*, mous: Iterable[MOU], actor: User | None) -> int:
    """Mark the given MOUs expired (an administrator's action); returns how many changed."""
    with pghistory.context(user=actor.pk if actor else None, job="mou_expire"):
        return (
            MOU.objects.filter(pk__in=[m.pk for m in mous])
            .exclude(status=Status.EXPIRED)
            .update(status=Status.EXPIRED)
        )


@transaction.atomic
def mou_expire_ended(*, today: dt.date) -> int:
    """Active MOUs whose end date has passed become expired; returns how many changed."""
    with pghistory.context(job="mou_daily_scan"):
        return MOU.objects.filter(status=Status.ACTIVE, effective_until__lt=today).update(
            status=Status.EXPIRED
        )


EXPIRY_EVENT = "mou.expiring"
EXPIRY_THRESHOLDS = (90, 30, 7)


def mou_expiry_reminders_send(*, today: dt.date) -> int:
    """Remind responsible staff and programme administrators as an active MOU nears its end.

    Each threshold (90, 30, 7 days) is sent once per recipient; a day the scan missed is
    caught up the next day, because a threshold counts as crossed whenever days left ≤ N.
    Returns how many notifications were written.
    """
    admins = list(User.objects.with_role(Role.PROGRAMME_ADMIN))
    ending = (
        MOU.objects.filter(
            status=Status.ACTIVE,
            effective_until__gte=today,
            effective_until__lte=today + dt.timedelta(days=max(EXPIRY_THRESHOLDS)),
        )
        .prefetch_related("responsible_staff")
        .order_by("effective_until", "pk")
    )
    sent = 0
    for mou in ending:
        recipients = {user.pk: user for user in [*mou.responsible_staff.all(), *admins]}
        days_left = mou.days_to_expiry(today)
        sent += len(
            reminder_due_send(
                recipients=[u for u in recipients.values() if u.is_active],
                event=EXPIRY_EVENT,
                obj=mou,
                days_left=days_left,
                thresholds=EXPIRY_THRESHOLDS,
                context={"mou": mou, "ends_on": mou.effective_until},
            )
        )
    return sent


def mou_csv_export(*, mous: Iterable[MOU]) -> bytes:
    """The MOUs as CSV in UTF-8 with a BOM, so Excel shows the Thai text."""
    header = [
        _("Reference number"),
        _("Title (Thai)"),
        _("Title (English)"),
        _("Status"),
        _("Parties"),
        _("Signed on"),
        _("Signing method"),
        _("Effective from"),
        _("Effective until"),
        _("Municipalities"),
    ]
    rows = (
        [
            mou.reference_number,
            mou.title_th,
            mou.title_en,
            mou.get_status_display(),
            "; ".join(str(p.organisation) for p in mou.parties.all()),
            mou.signed_on.isoformat() if mou.signed_on else "",
            mou.get_signing_method_display() if mou.signing_method else "",
            mou.effective_from.isoformat() if mou.effective_from else "",
            mou.effective_until.isoformat() if mou.effective_until else "",
            len(mou.municipalities.all()),
        ]
        for mou in mous
    )
    return csv_bytes([header, *rows])
