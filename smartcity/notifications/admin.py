from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartcity.notifications.events import event_choices
from smartcity.notifications.models import Notification, Preference, Reminder
from smartcity.notifications.services import notification_resend


class EventFilter(admin.SimpleListFilter):
    title = _("event")
    parameter_name = "event"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Notification]
    ) -> list[tuple[str, str]]:
        return event_choices()

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Notification]
    ) -> QuerySet[Notification]:
        return queryset.filter(event=self.value()) if self.value() else queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = ("subject", "recipient", "event", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state", EventFilter, "language", "created_at")
    list_select_related = ("recipient",)
    search_fields = ("subject", "recipient__email", "last_error")
    autocomplete_fields = ("recipient",)
    date_hierarchy = "created_at"
    actions = ("resend_failed",)
    readonly_fields = (
        "uuid",
        "recipient",
        "event",
        "content_type",
        "object_id",
        "language",
        "subject",
        "body_text",
        "body_html",
        "link",
        "by_email",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
        "read_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Re-send the failed notifications selected"))
    def resend_failed(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        count = notification_resend(notifications=queryset)
        self.message_user(
            request,
            gettext("%(count)d failed notifications queued again.") % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin[Preference]):
    list_display = ("user", "event", "email")
    list_filter = ("email",)
    list_select_related = ("user",)
    search_fields = ("user__email", "event")
    autocomplete_fields = ("user",)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin[Reminder]):
    list_display = ("event", "content_type", "object_id", "threshold", "recipient", "created_at")
    list_filter = ("event", "threshold")
    list_select_related = ("recipient", "content_type")
    search_fields = ("event", "recipient__email", "object_id")
    autocomplete_fields = ("recipient",)
