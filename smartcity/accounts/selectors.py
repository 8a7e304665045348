"""Reads shaped for the accounts pages and endpoints."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet

from municipalities.models import Organisation
from smartcity.accounts.models import AuditLog, Membership, MembershipStatus, User


def personal_data_sections(*, user: User) -> dict[str, Any]:
    """The user's own audit trail, without the names of any administrator who acted on it."""
    entries = AuditLog.objects.filter(user=user).order_by("created_at", "pk")
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    return {
        "memberships": [
            {
                "organisation": m.organisation.name_th,
                "organisation_en": m.organisation.name_en,
                "status": m.status,
                "requested_at": m.created_at.isoformat(),
                "decided_at": m.decided_at.isoformat() if m.decided_at else None,
            }
            for m in memberships
        ],
        "audit_log": [
            {
                "event": entry.event,
                "time": entry.created_at.isoformat(),
                "ip_address": entry.ip_address,
                "by_self": entry.actor_id == user.pk,
            }
            for entry in entries
        ],
    }


def dashboard_for(*, user: User) -> dict[str, Any]:
    """What an officer's dashboard shows: their organisations and where each membership stands."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation__province")
        .order_by("organisation__sort_key")
    )
    return {"memberships": memberships}


def me_for(*, user: User) -> dict[str, Any]:
    """The user's own record with their roles and memberships, in three queries."""
    user = User.objects.prefetch_related("groups").get(pk=user.pk)
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    return {
        "user": user,
        "roles": sorted(g.name for g in user.groups.all()),
        "memberships": list(memberships.order_by("created_at", "pk")),
    }


def organisation_search(*, text: str, limit: int = 10) -> QuerySet[Organisation]:
    """Registry organisations whose Thai or English name contains the text, or with that code."""
    text = " ".join(text.split())
    if len(text) < 2:
        return Organisation.objects.none()
    match = Q(name_th__icontains=text) | Q(name_en__icontains=text) | Q(dla_code=text)
    return Organisation.objects.filter(match).select_related("province")[:limit]


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's memberships with their people, approved first."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("status", "user__first_name_th", "pk")
    )


def membership_list(*, viewer: User) -> QuerySet[Membership]:
    """Memberships the viewer may see, with person and organisation loaded."""
    return (
        Membership.objects.visible_to(viewer)
        .select_related("user", "organisation")
        .order_by("-created_at", "pk")
    )


def organisation_chosen(*, value: object) -> list[Organisation]:
    """The organisation a re-shown sign-up form had chosen, as a one-row result list."""
    try:
        return list(Organisation.objects.filter(uuid=str(value)).select_related("province"))
    except (ValueError, ValidationError):
        return []


def decisions_pending_count() -> dict[str, int]:
    """How many memberships wait for a decision, and how many proposed organisations among
    them, in one query (the programme administrator's counters)."""
    proposed = Q(proposes_organisation=True, organisation__is_verified=False)
    return Membership.objects.filter(status=MembershipStatus.PENDING).aggregate(
        memberships=Count("pk"), organisations=Count("organisation", filter=proposed, distinct=True)
    )
