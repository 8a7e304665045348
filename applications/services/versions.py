"""Versions: the frozen snapshot of a submission, the diff between two, reference numbers, and
the one way to delete versions (synthetic benchmark data only)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from applications.models import (
    KPI,
    VERSION_DELETE_SETTING,
    Application,
    ApplicationVersion,
    Attachment,
    Partner,
    Project,
    ReferenceCounter,
    RevisionRequest,
)
from applications.selectors import application_for_snapshot
from applications.serializers import SCHEMA_VERSION, ApplicationOut, ApplicationSummaryOut
from smartcity.accounts.models import User
from smartcity.dates import BUDDHIST_ERA_OFFSET

# Keys of the snapshot that record the submission itself, not what the applicant wrote.
BOOKKEEPING = frozenset(
    {*ApplicationSummaryOut.Meta.fields, "revision", "created_by"} - {"area_name"}
)


def counter_next(*, model: type[Model], year: int) -> int:
    """The next number of the year from a counter table (`year` key, `last` value): the row is
    upserted and locked until the caller's transaction ends, so two callers never share one."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (year, last) VALUES (%s, 1) "  # noqa: S608 - a model's table
            f"ON CONFLICT (year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [year],
        )
        (number,) = cursor.fetchone()
    return int(number)


def reference_next(*, at: dt.datetime) -> str:
    """SC-{Buddhist Era year in Bangkok}-{5-digit sequence}, from the year's locked counter."""
    year = timezone.localtime(at).year
    number = counter_next(model=ReferenceCounter, year=year)
    return f"SC-{year + BUDDHIST_ERA_OFFSET}-{number:05d}"


def snapshot_of(application: Application) -> dict[str, Any]:
    """The proposal as plain JSON, exactly as the API shows it (people by uuid only)."""
    loaded = application_for_snapshot(pk=application.pk)
    snapshot: dict[str, Any] = json.loads(
        json.dumps(ApplicationOut(loaded).data, cls=DjangoJSONEncoder)
    )
    return snapshot


def version_freeze(*, application: Application, actor: User, at: dt.datetime) -> ApplicationVersion:
    """Store the next version of a proposal whose row the caller has locked."""
    return ApplicationVersion.objects.create(
        application=application,
        number=application.versions.count() + 1,
        submitted_at=at,
        submitted_by=actor,
        schema_version=SCHEMA_VERSION,
        data=snapshot_of(application),
    )


@dataclass(frozen=True)
class Change:
    """One changed field between two versions; `path` is stable, `label` for people."""

    path: str
    label: str
    before: Any
    after: Any


def _label(model: type[Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a key of the serializer only, such as "contact"
        return name
    return str(getattr(field, "verbose_name", name))


def _rows(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(item[key]): item for item in items}


def _compare_fields(
    model: type[Model], path: str, prefix: str, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    changes = []
    for name in sorted(set(old) | set(new)):
        if name in BOOKKEEPING or name in ("kpis", "organisation_name"):
            continue
        if old.get(name) != new.get(name):
            label = f"{prefix}{_label(model, name)}"
            changes.append(Change(f"{path}{name}", label, old.get(name), new.get(name)))
    return changes


def _compare_rows(
    model: type[Model],
    path: str,
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    key: str,
    title: str,
) -> list[Change]:
    """Rows added or removed are one change each; rows in both are compared field by field."""
    before, after = _rows(old, key), _rows(new, key)
    kind = str(model._meta.verbose_name)
    changes = []
    for row_key in sorted(set(before) | set(after)):
        a, b = before.get(row_key), after.get(row_key)
        row_path = f"{path}/{row_key}"
        if a is None or b is None:
            shown = (a or b or {}).get(title, row_key)
            changes.append(
                Change(row_path, kind, a and a.get(title, shown), b and b.get(title, shown))
            )
            continue
        prefix = f"{kind} “{b.get(title, row_key)}”: "
        changes += _compare_fields(model, f"{row_path}/", prefix, a, b)
        if model is Project:
            changes += _compare_rows(
                KPI, f"{row_path}/kpis", a.get("kpis", []), b.get("kpis", []), "uuid", "name"
            )
    return changes


def version_diff(*, older: ApplicationVersion, newer: ApplicationVersion) -> list[Change]:
    """What the applicant changed between two versions, field by field, labelled in the active
    language; bookkeeping (state, dates, revision) is left out."""
    old, new = older.data, newer.data
    nested = {"projects", "partners", "attachments"}
    top_old = {k: v for k, v in old.items() if k not in nested}
    top_new = {k: v for k, v in new.items() if k not in nested}
    changes = _compare_fields(Application, "", "", top_old, top_new)
    changes += _compare_rows(
        Project, "projects", old.get("projects", []), new.get("projects", []), "uuid", "title"
    )
    changes += _compare_rows(
        Partner,
        "partners",
        old.get("partners", []),
        new.get("partners", []),
        "organisation",
        "organisation_name",
    )
    changes += _compare_rows(
        Attachment,
        "attachments",
        old.get("attachments", []),
        new.get("attachments", []),
        "uuid",
        "original_name",
    )
    return changes


def _version_delete_allow(*, value: str) -> None:
    with connection.cursor() as cursor:  # is_local => true: for this transaction only
        cursor.execute("SELECT set_config(%s, %s, true)", [VERSION_DELETE_SETTING, value])


@transaction.atomic
def synthetic_applications_delete(*, applications: QuerySet[Application]) -> int:
    """Delete synthetic (benchmark) proposals with their versions: the only way past the
    versions' trigger; returns how many proposals went (ValueError for a real proposal).

    The bypass is `set_config(..., is_local => true)`, switched off again before returning: it
    never outlives this transaction, so no other statement, request or connection runs with it.
    """
    if applications.filter(is_synthetic=False).exists():
        raise ValueError("only synthetic proposals may be deleted")
    doomed = list(applications.values_list("pk", flat=True))
    synthetic_versions_delete(applications=Application.objects.filter(pk__in=doomed))
    deleted, _by_model = Application.objects.filter(pk__in=doomed).delete()
    return len(doomed) if deleted else 0


@transaction.atomic
def synthetic_versions_delete(*, applications: QuerySet[Application]) -> int:
    """Delete the versions (and the revision requests answered by them) of synthetic proposals,
    past the versions' trigger; returns how many versions went (ValueError for a real proposal).

    The bypass is `set_config(..., is_local => true)`, switched off again before returning."""
    if applications.filter(is_synthetic=False).exists():
        raise ValueError("only synthetic proposals may be deleted")
    RevisionRequest.objects.filter(application__in=applications).delete()  # they point at versions
    _version_delete_allow(value="on")
    deleted, _by_model = ApplicationVersion.objects.filter(application__in=applications).delete()
    _version_delete_allow(value="")
    return deleted
