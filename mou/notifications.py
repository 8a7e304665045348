"""The MOU's notification events, registered with the notifications component."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from smartcity.notifications.events import Event, event_register

MOU_EXPIRING = event_register(Event("mou.expiring", _("MOU about to expire"), staff_only=True))
