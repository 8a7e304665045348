"""Writes of the review queue: a reviewer's saved views, and bulk assignment from the queue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Application, SavedView
from applications.queue.cache import facets_changed
from applications.services.assignments import BulkAssignment, assignment_create_many
from smartcity.accounts.models import User

# the query-string parameters a saved view keeps (the page number is not one)
SAVED_PARAMETERS = (
    "q",
    "call",
    "state",
    "region",
    "province",
    "kind",
    "domain",
    "assigned",
    "overdue",
    "ordering",
    "page_size",
)


def saved_query(parameters: Mapping[str, Sequence[str]]) -> str:
    """The filters of a query (name → values) as the query string a saved view keeps."""
    pairs = [
        (name, value)
        for name in SAVED_PARAMETERS
        for value in parameters.get(name, ())
        if value.strip()
    ]
    return urlencode(pairs)


@transaction.atomic
def saved_view_save(
    *, owner: User, name: str, parameters: Mapping[str, Sequence[str]]
) -> SavedView:
    """Keep the current filters under a name; the same name again replaces its filters."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the view a name.")})
    if len(name) > SavedView._meta.get_field("name").max_length:  # type: ignore[operator]
        raise ValidationError({"name": _("The name is too long (100 characters at most).")})
    view, _created = SavedView.objects.update_or_create(
        owner=owner, name=name, defaults={"query": saved_query(parameters)}
    )
    return view


@transaction.atomic
def saved_view_delete(*, owner: User, saved_view: SavedView) -> None:
    """The owner deletes one of their saved views (anyone else's is left alone)."""
    SavedView.objects.filter(pk=saved_view.pk, owner=owner).delete()


def queue_assign(
    *, applications: Sequence[Application], reviewers: Sequence[User], actor: User
) -> BulkAssignment:
    """Assign every reviewer to every proposal picked in the queue (each pair on its own; a
    refusal, with its reason, stops nothing else); the queue's facet counts go stale."""
    result = assignment_create_many(applications=applications, reviewers=reviewers, actor=actor)
    if result.created:
        facets_changed()
    return result
