"""A list page's table, the same on every list: a caption for screen readers, one header cell
per column, the rows, the page links, and a sentence when there is nothing to list."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page
from django_stubs_ext import StrOrPromise

register = template.Library()


@register.inclusion_tag("components/_table_head.html")
def table_head(caption: StrOrPromise, *columns: StrOrPromise) -> dict[str, Any]:
    """`{% table_head _("Calls") _("Call") _("Opens") %}`: `<caption>` and `<thead>`."""
    return {"caption": caption, "columns": columns}


@register.inclusion_tag("components/_list_table.html", takes_context=True)
def list_table(
    context: template.Context,
    page: Page[Any],
    row: str,
    caption: StrOrPromise,
    *columns: StrOrPromise,
    empty: StrOrPromise,
    stack: bool = False,
) -> dict[str, Any]:
    """The page's rows, each rendered by the template `row` (which reads `row`), in a table
    headed by `table_head`, with the page links; `empty` when there are none. `stack`: on a
    phone each row stands as a card (its cells name their column in `data-label`)."""
    return {
        "request": context.get("request"),
        "page": page,
        "row_template": row,
        "caption": caption,
        "columns": columns,
        "empty": empty,
        "stack": stack,
    }
