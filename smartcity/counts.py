"""Counts of long lists, cached up to a minute and forgotten as soon as the rows change.

A paginated list at 100,000 proposals spends as long counting its rows as fetching its page.
`cached_count(rows, scope="applications")` keeps `rows.count()` per exact query (its SQL and
parameters, so each viewer's visibility and each filter have their own entry) for at most
COUNT_TIMEOUT seconds. Every save or delete of a model registered for the scope
(`count_scope_register`, from an AppConfig.ready) starts a new generation of the scope, which
makes all its counts stale at once: a new or withdrawn proposal is counted on the next request.
What a registered model does not cover — a role or membership granted elsewhere, a bulk
`update()` — shows in the count within COUNT_TIMEOUT, like the review queue's facets; the rows
themselves are never cached.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.functional import cached_property

COUNT_TIMEOUT = 60


def _generation_key(scope: str) -> str:
    return f"counts:{scope}:generation"


def count_scope_changed(scope: str) -> None:
    """Make every cached count of the scope stale."""
    cache.set(_generation_key(scope), uuid.uuid4().hex, None)


def count_scope_register(scope: str, *models: type[Model]) -> None:
    """Saves and deletes of these models make the scope's counts stale (call from ready())."""

    def changed(**kwargs: Any) -> None:  # noqa: ANN401 - signal arguments
        count_scope_changed(scope)

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                changed, sender=model, weak=False, dispatch_uid=f"counts:{scope}:{model._meta}"
            )


def cached_count(rows: QuerySet[Any], *, scope: str) -> int:
    """`rows.count()`, from the cache when this exact query was counted in this generation."""
    sql, params = rows.query.sql_with_params()
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
    key, generation_key = f"counts:{scope}:{digest}", _generation_key(scope)
    found = cache.get_many([key, generation_key])  # one round trip
    generation = found.get(generation_key)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.set(generation_key, generation, None)
    cached = found.get(key)
    if cached is not None and cached[0] == generation:
        return int(cached[1])
    count = rows.count()
    cache.set(key, (generation, count), COUNT_TIMEOUT)
    return count


class CachedCountPaginator(Paginator):  # type: ignore[type-arg]
    """Django's Paginator whose count comes from `cached_count` (pages and rows as ever):
    `CachedCountPaginator(rows, 50, scope="applications").get_page(number)`, or for DRF's
    pagination, which takes a class, `django_paginator_class = CachedCountPaginator.of(scope)`.
    """

    scope = ""

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, scope: str = "") -> None:
        super().__init__(object_list, per_page)
        self.rows, self.scope = object_list, scope or self.scope

    @classmethod
    def of(cls, scope: str) -> type[CachedCountPaginator]:
        """This paginator with its scope set."""
        return type(f"CachedCountPaginator_{scope}", (cls,), {"scope": scope})

    @cached_property
    def count(self) -> int:
        return cached_count(self.rows, scope=self.scope)
