"""Panels: boxes that higher apps contribute to pages of lower apps, composed here.

A page names a slot (`home`, `dashboard`, `organisation`, `admin_index`); an app registers panels
for it in its own `panels.py`, imported by its AppConfig.ready(). So the registry's organisation
page, the accounts dashboard, the home page and the admin index show proposals, certificates and
MOUs without importing the apps that own them (apps depend downward only).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import SafeString

SLOTS = frozenset({"home", "dashboard", "organisation", "admin_index"})

# the page's request and object (the organisation on its page, else None) → the panel
# template's context, or None to leave the panel out for this viewer
PanelContext = Callable[[HttpRequest, Any], Mapping[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    key: str  # unique in its slot; the section's HTML id is panel-<key>
    slot: str
    title: str | Promise
    template: str
    context: PanelContext
    order: int = 50


@dataclass(frozen=True)
class Counter:
    """One figure of a counters panel (`components/_counters.html`): "3 pending memberships"."""

    label: str | Promise
    count: int
    url: str


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    title: str | Promise
    html: SafeString


_registry: dict[str, dict[str, Panel]] = {slot: {} for slot in SLOTS}


def panel_register(panel: Panel) -> Panel:
    """Add a panel to its slot; registering the same key again replaces it (module reloads)."""
    if panel.slot not in SLOTS:
        raise ValueError(f"unknown panel slot {panel.slot!r}; slots: {sorted(SLOTS)}")
    _registry[panel.slot][panel.key] = panel
    return panel


def panels_render(
    *, slot: str, request: HttpRequest, obj: Model | None = None
) -> list[RenderedPanel]:
    """The slot's panels in order, rendered for this request; one with no context is left out."""
    rendered = []
    for panel in sorted(_registry[slot].values(), key=lambda p: (p.order, p.key)):
        context = panel.context(request, obj)
        if context is not None:
            html = render_to_string(panel.template, dict(context), request=request)
            rendered.append(RenderedPanel(key=panel.key, title=panel.title, html=SafeString(html)))
    return rendered
