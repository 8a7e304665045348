"""A Django admin change form in tabs, for the record screens administrators work in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise

if TYPE_CHECKING:
    from django.template.response import _TemplateForResponseT


class TabbedChangeForm:
    """Mixin for a ModelAdmin: each fieldset and inline goes into the tab its classes name.

    `tabs` lists (slug, label); a fieldset or inline with class `tab-<slug>` shows in that tab.
    Without JavaScript the tabs are sections one below the other.
    """

    tabs: tuple[tuple[str, str | Promise], ...] = ()
    change_form_template: ClassVar[_TemplateForResponseT | None] = "admin/tabbed_change_form.html"

    class Media:
        css = {"all": ("css/admin-layout.css",)}  # noqa: RUF012 - Django's Media declaration
        js = ("js/admin-tabs.js",)

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        *args: Any,  # noqa: ANN401 - passed on to Django's ModelAdmin as they are
        **kwargs: Any,  # noqa: ANN401
    ) -> HttpResponse:
        context["tabs"] = [(slug, label, f"tab-{slug}") for slug, label in self.tabs]
        response: HttpResponse = super().render_change_form(  # type: ignore[misc]  # mixin
            request, context, *args, **kwargs
        )
        return response
