"""The review queue's facet counts in the Django cache, and the version every transition bumps.

Counts are kept at most FACETS_SECONDS; `facets_changed()` (called after commit by
workflow.advance() and by bulk assignment) moves every viewer to fresh keys at once. The cache
ignores Redis outages (settings: IGNORE_EXCEPTIONS): a miss then, never an error.
"""

from __future__ import annotations

from django.core.cache import cache

FACETS_SECONDS = 60
VERSION_KEY = "queue:facets:version"


def facets_version() -> int:
    """The current version of the facet counts (0 before the first change, or Redis down)."""
    value = cache.get(VERSION_KEY)
    return value if isinstance(value, int) else 0


def facets_changed() -> None:
    """Every cached facet count is stale from now on: bump the version key."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): start one past the default
        cache.set(VERSION_KEY, 1, timeout=None)
