"""Shared checks for every list page and endpoint: queries that do not grow, refused filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import django_filters
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

T = TypeVar("T")
MAX_QUERIES = 12


def assert_queries_do_not_grow(
    add_rows: Callable[[int], object],
    *fetches: Callable[[], T],
    sizes: Sequence[int] = (3, 30),
    limit: int = MAX_QUERIES,
) -> list[list[T]]:
    """Each fetch runs the same number of queries (≤ limit) whatever the number of rows.

    For each size, add_rows(n) adds n rows, then every fetch runs once under a query counter;
    one warm-up round first, so per-process caches (content types, sites) count at no size.
    Returns the fetches' results per size, smallest first, for the caller's own assertions.
    """
    results: list[list[T]] = []
    counts: dict[int, list[int]] = {}
    made = 0
    for size in sizes:
        add_rows(size - made)
        made = size
        if not results:
            for fetch in fetches:
                fetch()
        results.append([])
        counts[size] = []
        cache.delete_pattern("counts:*")  # smartcity.counts: every size counts cold
        for fetch in fetches:
            with CaptureQueriesContext(connection) as captured:
                results[-1].append(fetch())
            counts[size].append(len(captured))
    first = counts[sizes[0]]
    assert all(counted == first for counted in counts.values()), f"queries grow: {counts}"
    assert max(first) <= limit, f"more than {limit} queries: {counts}"
    return results


def bad_value(name: str, filter_: django_filters.Filter) -> str:
    """A value the filter must refuse: an unknown choice, or one character too many."""
    max_length = filter_.extra.get("max_length")
    return "x" * (max_length + 1) if max_length else f"no-such-{name}"


def assert_filter_refused(client: object, url: str, name: str, value: str) -> None:
    """A bad filter value answers 400 naming the field, never a silent empty or full list."""
    response = client.get(url, {name: value})  # type: ignore[attr-defined]
    assert response.status_code == 400, (url, name, value, response.status_code)
    assert name in response.json(), response.json()
