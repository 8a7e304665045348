"""Every write on MOU records: one function per use case."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import pghistory
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from mou.models import (
    MOU,
    UNTIL_AFTER_FROM,
    MOUDocument,
    PartyRole,
    PersonRole,
    Status,
    Visibility,
)
from mou.selectors import mou_expiring
from municipalities.models import Organisation
from smartcity.accounts.models import User
from smartcity.accounts.roles import Role
from smartcity.exports import csv_bytes
from smartcity.files.services import stored_file_create, stored_file_delete
from smartcity.files.validators import PDF_ONLY
from smartcity.notifications.services import reminder_due_send

# Statuses that claim the agreement was signed: each party needs its signatory first.
SIGNED_STATUSES = frozenset({Status.ACTIVE, Status.EXPIRED, Status.TERMINATED, Status.SUPERSEDED})


@dataclass(frozen=True)
class PartyEntry:
    """A party of an MOU as the write services take it (one per organisation)."""

    organisation: Organisation
    role: str = PartyRole.PARTY
    order: int = 0


@dataclass(frozen=True)
class PersonEntry:
    """A signatory or witness as the write services take it (one per name and organisation)."""

    role: str
    organisation: Organisation
    name_th: str
    name_en: str = ""
    position_th: str = ""
    position_en: str = ""
    order: int = 0


@dataclass(frozen=True)
class MunicipalityEntry:
    """A participating municipality; without a date it joined with the MOU, on its signing."""

    organisation: Organisation
    joined_on: dt.date | None = None


def mou_completeness_errors(
    *, status: str, party_org_ids: Iterable[int], signatory_org_ids: Iterable[int]
) -> list[str]:
    """Why an MOU with these parties and signatories may not have this status (a draft may)."""
    if status == Status.DRAFT:
        return []
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


def mou_check(*, mou: MOU, party_org_ids: Iterable[int], signatory_org_ids: Iterable[int]) -> None:
    """Refuse an MOU whose term or parties do not fit (raises ValidationError by field)."""
    errors: dict[str, list[str]] = {}
    if mou.effective_from and mou.effective_until and mou.effective_until <= mou.effective_from:
        errors["effective_until"] = [str(UNTIL_AFTER_FROM)]
    incomplete = mou_completeness_errors(
        status=mou.status, party_org_ids=party_org_ids, signatory_org_ids=signatory_org_ids
    )
    if incomplete:
        errors["status"] = incomplete
    if errors:
        raise ValidationError(errors)


def _acting(actor: User | None) -> contextlib.AbstractContextManager[object]:
    """History names the actor, also for API token requests the history middleware cannot see."""
    return pghistory.context(user=actor.pk) if actor is not None else contextlib.nullcontext()


def _assign(instance: models.Model, fields: Mapping[str, object]) -> list[str]:
    """Set the fields that differ on the instance; returns their names (nothing saved)."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, fields[name])
    return changed


def _save_changed(instance: models.Model, changed: list[str]) -> None:
    """Save only what changed (an unchanged row writes nothing and records no history)."""
    if changed:
        stamps = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
        instance.save(update_fields=[*changed, *stamps])


class _Row(Protocol):
    @property
    def organisation(self) -> Organisation: ...


class _NamedRow(_Row, Protocol):
    @property
    def name_th(self) -> str: ...


RowT = TypeVar("RowT", bound=_Row)


def _rows_sync(
    rows: models.Manager[Any], entries: Iterable[RowT], key: Callable[[RowT], Hashable]
) -> None:
    """Make an MOU's rows match the entries: keep rows with the same key, add and remove others."""
    wanted = {key(entry): vars(entry) for entry in entries}
    existing = {key(row): row for row in rows.select_related("organisation")}
    for name, row in existing.items():
        if name not in wanted:
            row.delete()
    for name, fields in wanted.items():
        if name in existing:
            _save_changed(existing[name], _assign(existing[name], fields))
        else:
            rows.create(**fields)


def _by_organisation(row: _Row) -> Hashable:
    return row.organisation.pk


def _by_name(row: _NamedRow) -> Hashable:
    return (row.name_th, row.organisation.pk)


def _mou_save(
    mou: MOU,
    save: Callable[[], None],
    parties: Sequence[PartyEntry] | None,
    people: Sequence[PersonEntry] | None,
    municipalities: Sequence[MunicipalityEntry] | None,
    responsible_staff: Iterable[User] | None,
    actor: User | None,
) -> MOU:
    """Check the MOU as it will be, save it, then make its parts match those given."""
    mou_check(
        mou=mou,
        party_org_ids=[p.organisation.pk for p in parties]
        if parties is not None
        else mou.parties.values_list("organisation_id", flat=True),
        signatory_org_ids=[p.organisation.pk for p in people if p.role == PersonRole.SIGNATORY]
        if people is not None
        else mou.people.filter(role=PersonRole.SIGNATORY).values_list("organisation_id", flat=True),
    )
    with _acting(actor):
        save()
        if parties is not None:
            _rows_sync(mou.parties, parties, _by_organisation)
        if people is not None:
            _rows_sync(mou.people, people, _by_name)
        if municipalities is not None:
            joined = [
                MunicipalityEntry(entry.organisation, entry.joined_on or mou.signed_on)
                for entry in municipalities
            ]
            _rows_sync(mou.municipalities, joined, _by_organisation)
        if responsible_staff is not None:
            mou.responsible_staff.set(responsible_staff)
    return mou


@transaction.atomic
def mou_create(
    *,
    mou: MOU,
    parties: Sequence[PartyEntry] = (),
    people: Sequence[PersonEntry] = (),
    municipalities: Sequence[MunicipalityEntry] = (),
    responsible_staff: Iterable[User] = (),
    actor: User | None,
) -> MOU:
    """Save a new MOU (an unsaved instance the caller filled in) with its parts.

    Raises ValidationError by field when the term or the parties do not fit the status.
    """
    return _mou_save(mou, mou.save, parties, people, municipalities, responsible_staff, actor)


@transaction.atomic
def mou_update(
    *,
    mou: MOU,
    fields: Mapping[str, object],
    parties: Sequence[PartyEntry] | None = None,
    people: Sequence[PersonEntry] | None = None,
    municipalities: Sequence[MunicipalityEntry] | None = None,
    responsible_staff: Iterable[User] | None = None,
    actor: User | None,
) -> MOU:
    """Change an MOU as loaded: its fields, and its parts where given (None keeps them).

    Only what differs is written. Municipalities that joined with the MOU keep its signing
    date when that changes. Raises ValidationError by field, like mou_create.
    """
    signed_before = mou.signed_on
    changed = _assign(mou, fields)

    def save() -> None:
        _save_changed(mou, changed)
        if municipalities is None and "signed_on" in changed:
            mou.municipalities.filter(joined_on=signed_before).update(joined_on=mou.signed_on)

    return _mou_save(mou, save, parties, people, municipalities, responsible_staff, actor)


@transaction.atomic
def mou_delete(*, mou: MOU, actor: User) -> None:
    """Delete an MOU, its parts, documents and their stored files; history keeps the record.

    Only superusers may (PermissionDenied for anyone else): an MOU ends as terminated or
    superseded. Raises ProtectedError while another MOU amends or renews it.
    """
    if not actor.is_superuser:  # programme administrators may do all else, not this
        raise PermissionDenied
    with pghistory.context(user=actor.pk, job="mou_delete"):
        for document in mou.documents.select_related("stored_file"):
            mou_document_remove(document=document, actor=actor)
        mou.delete()


@transaction.atomic
def mou_document_add(
    *,
    mou: MOU,
    upload: UploadedFile[Any],
    actor: User | None,
    kind: str,
    title: str = "",
    visibility: str = Visibility.PUBLIC,
) -> MOUDocument:
    """Keep a PDF (checked by the file component) as a document of the MOU (ValidationError)."""
    stored = stored_file_create(upload=upload, policy=PDF_ONLY, actor=actor)
    with _acting(actor):
        return MOUDocument.objects.create(
            mou=mou, stored_file=stored, kind=kind, title=title, visibility=visibility
        )


@transaction.atomic
def mou_document_update(
    *, document: MOUDocument, fields: Mapping[str, object], actor: User | None
) -> MOUDocument:
    """Change a document's kind, title or visibility (its file stays as uploaded)."""
    with _acting(actor):
        _save_changed(document, _assign(document, fields))
    return document


@transaction.atomic
def mou_document_remove(*, document: MOUDocument, actor: User | None) -> None:
    """Remove a document of an MOU and its stored file (gone from storage after commit)."""
    with _acting(actor):
        document.delete()
    stored_file_delete(stored_file=document.stored_file)


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
    ending = mou_expiring(today=today, within_days=max(EXPIRY_THRESHOLDS)).prefetch_related(
        "responsible_staff"
    )
    sent = 0
    for mou in ending:
        recipients = {user.pk: user for user in [*mou.responsible_staff.all(), *admins]}
        days_left = mou.days_to_expiry(today)
        if days_left is None:  # not so: mou_expiring lists MOUs with an end date only
            continue
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
