"""Certificates: numbering, issue at certification, renewal, revocation, expiry, and the
certifications made on paper before the portal (CSV import, no workflow run)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications import workflow
from applications.models import (
    Application,
    Certificate,
    CertificateCounter,
    CertificateRenewal,
)
from applications.notifications import CERTIFICATE_EXPIRING, lead_officers, office
from applications.services.versions import counter_next
from applications.workflow import State
from municipalities.models import Organisation
from smartcity.accounts.models import User
from smartcity.dates import BUDDHIST_ERA_OFFSET
from smartcity.notifications.services import reminder_due_send
from smartcity.vocabulary import Domain

VALIDITY_YEARS = 3
EXPIRY_THRESHOLDS = (90, 30, 7)


def _years_later(day: dt.date, years: int) -> dt.date:
    """The day before the same date `years` later (29 February → 28 February)."""
    try:
        later = day.replace(year=day.year + years)
    except ValueError:
        later = day.replace(year=day.year + years, day=28)
    return later - dt.timedelta(days=1)


def certificate_number_next(*, on: dt.date) -> str:
    """SC-CERT-{Buddhist Era year}-{3-digit sequence}, from the year's locked counter row."""
    number = counter_next(model=CertificateCounter, year=on.year)
    return f"SC-CERT-{on.year + BUDDHIST_ERA_OFFSET}-{number:03d}"


def certificate_issue(*, application: Application, on: dt.date) -> Certificate:
    """The certificate of a proposal the committee just certified (caller holds the lock)."""
    return Certificate.objects.create(
        number=certificate_number_next(on=on),
        organisation_id=application.lead_org_id,
        application=application,
        area_name=application.area_name,
        domains=list(application.domains),
        certified_on=on,
        valid_from=on,
        valid_until=_years_later(on, VALIDITY_YEARS),
    )


@transaction.atomic
def certificate_renew(
    *, certificate: Certificate, actor: User, valid_until: dt.date | None = None
) -> CertificateRenewal:
    """Extend a valid certificate under the same number, before it expires (IllegalMove,
    ValidationError)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    application = Application.objects.select_for_update().get(certificate=certificate)
    workflow.move_check(application, "renew", actor=actor)
    today = timezone.localdate()
    valid_until = valid_until or _years_later(certificate.valid_until + dt.timedelta(days=1), 3)
    if valid_until <= certificate.valid_until:
        raise ValidationError({"valid_until": _("A renewal must extend the validity.")})
    renewal = CertificateRenewal.objects.create(
        certificate=certificate,
        previous_valid_until=certificate.valid_until,
        valid_until=valid_until,
        renewed_on=today,
        renewed_by=actor,
    )
    certificate.valid_until = valid_until
    certificate.save(update_fields=["valid_until"])
    workflow.advance(application, "renew", actor=actor, comment=str(valid_until))
    return renewal


def certificate_revoke(*, application: Application, actor: User, reason: str) -> Certificate:
    """End a certificate with a reason; the caller holds the proposal's lock (IllegalMove,
    ValidationError)."""
    workflow.move_check(application, "revoke", actor=actor)
    if not reason.strip():
        raise ValidationError({"comment": _("Give the reason for the revocation.")})
    certificate = Certificate.objects.select_for_update().get(application=application)
    certificate.revoked_on = timezone.localdate()
    certificate.revocation_reason = reason.strip()
    certificate.save(update_fields=["revoked_on", "revocation_reason"])
    workflow.advance(application, "revoke", actor=actor, comment=reason.strip())
    return certificate


def certificates_expire(*, today: dt.date) -> int:
    """Certified proposals whose certificate ended before today move to expired (daily beat)."""
    ended = Application.objects.filter(
        state=State.CERTIFIED, certificate__valid_until__lt=today
    ).values_list("pk", flat=True)
    count = 0
    for pk in ended:
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=pk)
            if application.state == State.CERTIFIED:
                workflow.advance(application, "expire", actor=None)
                count += 1
    return count


def certificate_expiry_reminders_send(*, today: dt.date) -> int:
    """Remind the lead officers and the office 90, 30 and 7 days before a certificate ends."""
    ending = (
        Certificate.objects.valid_on(today)
        .filter(
            application__state=State.CERTIFIED,
            valid_until__lte=today + dt.timedelta(days=max(EXPIRY_THRESHOLDS)),
        )
        .select_related("application")
    )
    staff = office()
    sent = 0
    for certificate in ending:
        application = certificate.application
        if application is None:  # not so: the query asks for its state
            continue
        sent += len(
            reminder_due_send(
                recipients=[*lead_officers(application), *staff],
                event=CERTIFICATE_EXPIRING.name,
                obj=certificate,
                days_left=(certificate.valid_until - today).days,
                thresholds=EXPIRY_THRESHOLDS,
                context={"link": application.get_absolute_url()},
            )
        )
    return sent


# ---------------------------------------------------------------- earlier certifications
IMPORT_COLUMNS = ("dla_code", "certificate_number", "certified_on", "valid_until", "domains")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def _date(text: str) -> dt.date:
    """A date as YYYY-MM-DD; a year above 2400 is read as Buddhist Era."""
    day = dt.date.fromisoformat(text.strip())
    return day.replace(year=day.year - BUDDHIST_ERA_OFFSET) if day.year > 2400 else day


def _domains(text: str) -> list[str]:
    """Domains by code (mobility) or label, Thai or English (Smart Mobility)."""
    by_name = {d.value: d.value for d in Domain}
    for language in ("th", "en"):
        with translation.override(language):
            by_name.update({str(d.label): d.value for d in Domain})
    values = []
    for part in text.replace(";", ",").split(","):
        if part.strip():
            if part.strip() not in by_name:
                raise ValueError(_("unknown domain “%(domain)s”") % {"domain": part.strip()})
            values.append(by_name[part.strip()])
    return values


@transaction.atomic
def certificates_import(*, text: str) -> ImportReport:
    """Record certifications made before the portal from CSV (columns: dla_code,
    certificate_number, certified_on, valid_until, domains[, valid_from, area_name]), keyed on the
    certificate number; a rerun changes nothing; each rejected line is reported with its reason."""
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = set(IMPORT_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        report.errors.append((1, _("missing columns: %(c)s") % {"c": ", ".join(sorted(missing))}))
        return report
    rows = list(reader)
    codes = [(row.get("dla_code") or "").strip() for row in rows]
    organisations = {o.dla_code: o for o in Organisation.objects.filter(dla_code__in=codes)}
    for line, row in enumerate(rows, start=2):
        code = (row["dla_code"] or "").strip()
        organisation = organisations.get(code)
        if organisation is None:
            report.errors.append(
                (line, _("no organisation with DLA code “%(code)s”") % {"code": code})
            )
            continue
        try:
            certified_on = _date(row["certified_on"])
            fields: dict[str, Any] = {
                "organisation": organisation,
                "certified_on": certified_on,
                "valid_from": _date(row.get("valid_from") or row["certified_on"]),
                "valid_until": _date(row["valid_until"]),
                "domains": _domains(row["domains"] or ""),
                "area_name": (row.get("area_name") or organisation.name_th).strip(),
            }
        except ValueError as error:
            report.errors.append((line, str(error)))
            continue
        number = (row["certificate_number"] or "").strip()
        if not number:
            report.errors.append((line, _("no certificate number")))
            continue
        if fields["valid_until"] < fields["valid_from"]:
            report.errors.append((line, _("valid until is before valid from")))
            continue
        existing = Certificate.objects.filter(number=number).first()
        if existing is None:
            Certificate.objects.create(number=number, is_recorded=True, **fields)
            report.created += 1
        elif not existing.is_recorded:
            report.errors.append(
                (line, _("%(number)s was issued through the portal") % {"number": number})
            )
        elif all(getattr(existing, name) == value for name, value in fields.items()):
            report.unchanged += 1
        else:
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
            report.updated += 1
    return report
