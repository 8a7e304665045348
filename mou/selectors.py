"""Reads of MOU records shaped for one page, endpoint or admin screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mou.models import (
    MOU,
    MOUDocument,
    MOUMunicipality,
    MOUParty,
    MOUPerson,
    Status,
    Visibility,
)
from mou.rules import is_mou_staff
from municipalities.models import Organisation


def _parties() -> Prefetch:
    return Prefetch("parties", queryset=MOUParty.objects.select_related("organisation"))


def mou_list(
    *,
    viewer: object,
    query: str = "",
    status: str = "",
    party: str = "",
    municipality: str = "",
) -> QuerySet[MOU]:
    """MOUs the viewer may see, filtered, with parties and a municipality count per row."""
    rows = MOU.objects.visible_to(viewer)
    if query:
        rows = rows.filter(
            Q(title_th__icontains=query)
            | Q(title_en__icontains=query)
            | Q(reference_number__icontains=query)
            | Q(parties__organisation__name_th__icontains=query)
            | Q(parties__organisation__name_en__icontains=query)
        )
    if status:
        rows = rows.filter(status=status)
    if party:
        rows = rows.filter(parties__organisation__uuid=party)
    if municipality:
        rows = rows.filter(municipalities__organisation__uuid=municipality)
    if query or party or municipality:
        rows = MOU.objects.filter(pk__in=rows.values("pk"))  # the joins above may repeat a row
    return (
        rows.annotate(municipality_count=Count("municipalities", distinct=True))
        .prefetch_related(_parties())
        .order_by("-signed_on", "-created_at", "pk")
    )


def mou_get(*, viewer: object, uuid: str) -> MOU:
    """One MOU the viewer may see, with everything its page shows (raises MOU.DoesNotExist)."""
    documents = MOUDocument.objects.select_related("stored_file")
    if not is_mou_staff(viewer):
        documents = documents.filter(visibility=Visibility.PUBLIC)
    return (
        MOU.objects.visible_to(viewer)
        .select_related("changes")
        .prefetch_related(
            _parties(),
            Prefetch("people", queryset=MOUPerson.objects.select_related("organisation")),
            Prefetch(
                "municipalities",
                queryset=MOUMunicipality.objects.select_related("organisation").order_by(
                    "organisation__sort_key"
                ),
            ),
            Prefetch("documents", queryset=documents),
            Prefetch("changed_by", queryset=MOU.objects.visible_to(viewer).order_by("signed_on")),
        )
        .get(uuid=uuid)
    )


def mou_expiring(*, today: dt.date, within_days: int = 90) -> QuerySet[MOU]:
    """Active MOUs whose end date falls within the next `within_days` days, soonest first."""
    return MOU.objects.filter(
        status=Status.ACTIVE,
        effective_until__gte=today,
        effective_until__lte=today + dt.timedelta(days=within_days),
    ).order_by("effective_until", "pk")


def mou_latest_public(*, limit: int = 5) -> list[MOU]:
    """The latest public, non-draft MOUs for the home page."""
    return list(
        MOU.objects.filter(visibility=Visibility.PUBLIC)
        .exclude(status=Status.DRAFT)
        .order_by("-signed_on", "-created_at")[:limit]
    )


def mou_list_for_organisation(*, viewer: object, organisation: object) -> list[MOU]:
    """MOUs the viewer may see in which the organisation is a party or a participant."""
    return list(
        MOU.objects.visible_to(viewer)
        .filter(
            pk__in=MOU.objects.filter(
                Q(parties__organisation=organisation) | Q(municipalities__organisation=organisation)
            ).values("pk")
        )
        .order_by("-signed_on", "-created_at")
    )


def mou_filter_parties() -> QuerySet[Organisation]:
    """Organisations that are a party to some MOU, for filter choices (Thai order)."""
    parties = MOUParty.objects.values("organisation_id")
    return Organisation.objects.filter(pk__in=parties).order_by("sort_key")


def mou_filter_municipalities() -> QuerySet[Organisation]:
    """Organisations taking part in some MOU, for filter choices (Thai order)."""
    towns = MOUMunicipality.objects.values("organisation_id")
    return Organisation.objects.filter(pk__in=towns).order_by("sort_key")


@dataclass(frozen=True)
class TimelineEntry:
    on: dt.date
    label: str
    mou: MOU | None = None


def mou_timeline(*, mou: MOU) -> list[TimelineEntry]:
    """Dated steps of an MOU loaded by mou_get: signing, term, joins, amendments, renewals."""
    entries = []
    if mou.signed_on:
        entries.append(TimelineEntry(mou.signed_on, _("Signed")))
    if mou.effective_from:
        entries.append(TimelineEntry(mou.effective_from, _("In force")))
    joined = sorted({m.joined_on for m in mou.municipalities.all() if m.joined_on})
    for day in joined:
        if day != mou.signed_on:
            entries.append(TimelineEntry(day, _("Municipalities joined")))
    for change in mou.changed_by.all():
        if change.signed_on:
            entries.append(TimelineEntry(change.signed_on, change.get_kind_display(), change))
    if mou.effective_until:
        entries.append(TimelineEntry(mou.effective_until, _("End of term")))
    return sorted(entries, key=lambda entry: entry.on)


EVENT_LABELS = {
    "insert": gettext_lazy("Added"),
    "update": gettext_lazy("Changed"),
    "delete": gettext_lazy("Removed"),
}


def mou_history(*, mou: MOU, limit: int = 500) -> list[dict]:
    """Every recorded change to the MOU and its parts, newest first, each with its field diff."""
    from django.apps import apps
    from pghistory.models import Events

    from smartcity.accounts.models import User

    events = list(Events.objects.references(mou).order_by("pgh_created_at", "pgh_id")[:limit])
    organisation_ids = {
        e.pgh_data["organisation_id"] for e in events if (e.pgh_data or {}).get("organisation_id")
    }
    organisations = {o.pk: str(o) for o in Organisation.objects.filter(pk__in=organisation_ids)}
    previous: dict[tuple[str, str], dict] = {}
    user_ids = set()
    rows = []
    for event in events:
        model = apps.get_model(event.pgh_obj_model)
        key = (event.pgh_obj_model, str(event.pgh_obj_id))
        before, after = previous.get(key, {}), event.pgh_data or {}
        previous[key] = after
        changes = []
        if event.pgh_label == "update":
            changes = [
                (_field_label(model, field), [before.get(field), value])
                for field, value in sorted(after.items())
                if field != "updated_at" and before.get(field) != value
            ]
        context = event.pgh_context or {}
        user = str(context.get("user", ""))
        if user.isdigit():
            user_ids.add(int(user))
        rows.append(
            {
                "when": event.pgh_created_at,
                "user_id": int(user) if user.isdigit() else None,
                "who": context.get("job", ""),
                "what": EVENT_LABELS.get(event.pgh_label, event.pgh_label),
                "label": event.pgh_label,
                "model": model._meta.verbose_name,
                "subject": after.get("name_th")
                or organisations.get(after.get("organisation_id"))
                or after.get("title")
                or after.get("reference_number", ""),
                "changes": changes,
            }
        )
    users = {user.pk: user for user in User.objects.filter(pk__in=user_ids)}
    for row in rows:
        if row["user_id"]:
            row["who"] = users.get(row["user_id"])
    return rows[::-1]


def _field_label(model: type, name: str) -> str:
    try:
        return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)
    except FieldDoesNotExist:  # a field since removed from the model keeps its name
        return name
