"""The event registry: each event name, its label, its email templates and the link it opens.

Templates live under `templates/notifications/email/<event>/`: `subject.txt`, `body.txt` and
`body.html` (extending `notifications/email/base.html`), every sentence through
`{% translate %}`/`{% blocktranslate %}` so one set serves Thai and English. They receive
`recipient`, `obj`, `link` (absolute, in the recipient's language) and the caller's context.

A domain app adds its events once, at import of its own `notifications.py` from `AppConfig.ready`:

    from smartcity.notifications.events import Event, event_register

    event_register(
        Event("mou.expiring", _("MOU about to expire"), link=lambda mou: mou.get_absolute_url())
    )
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model
from django.urls import reverse
from django.utils.functional import Promise


def _absolute_url_or_home(obj: Model) -> str:
    getter = getattr(obj, "get_absolute_url", None)
    return getter() if callable(getter) else reverse("home")


@dataclass(frozen=True)
class Event:
    """One kind of notification; `link(obj)` runs inside the recipient's language."""

    name: str
    label: str | Promise
    link: Callable[[Model], str] = _absolute_url_or_home
    staff_only: bool = False  # shown in the preferences of staff only
    in_preferences: bool = True  # False: always emailed, never listed (e.g. address checks)

    @property
    def template_dir(self) -> str:
        return f"notifications/email/{self.name}"


EVENTS: dict[str, Event] = {}


class UnknownEvent(KeyError):
    """notify() was called with an event name nobody registered."""


def event_register(event: Event) -> Event:
    """Add an event to the registry (registering the same name twice replaces it)."""
    EVENTS[event.name] = event
    return event


def event_get(name: str) -> Event:
    """The registered event called `name` (raises UnknownEvent)."""
    try:
        return EVENTS[name]
    except KeyError:
        raise UnknownEvent(name) from None


def event_choices() -> list[tuple[str, str]]:
    """(name, label) of every registered event, for filters and forms."""
    return [(event.name, str(event.label)) for event in EVENTS.values()]
