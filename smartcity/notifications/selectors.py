"""Reads of the notifications component, shaped for its page, bell and API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from smartcity.notifications.events import EVENTS
from smartcity.notifications.models import EmailChoice, Notification, Preference

if TYPE_CHECKING:
    from smartcity.accounts.models import User

LIST_FIELDS = ("uuid", "event", "subject", "body_text", "link", "created_at", "read_at")


def notification_list(*, viewer: User) -> QuerySet[Notification]:
    """The viewer's notifications, newest first, with only the columns a list shows."""
    return Notification.objects.visible_to(viewer).only(*LIST_FIELDS).order_by("-created_at", "-pk")


def notification_unread_count(*, viewer: User) -> int:
    """How many of the viewer's notifications are unread (the bell)."""
    return Notification.objects.visible_to(viewer).unread().count()


def preference_table(*, user: User) -> list[tuple[str, str, str]]:
    """(event name, label, email choice) for every event the user can receive."""
    chosen = dict(Preference.objects.filter(user=user).values_list("event", "email"))
    return [
        (event.name, str(event.label), chosen.get(event.name, EmailChoice.IMMEDIATE))
        for event in EVENTS.values()
        if event.in_preferences and (user.is_staff or not event.staff_only)
    ]
