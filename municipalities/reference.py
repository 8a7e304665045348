"""This app's part of `manage.py load_reference_data`, and the geography kept after a flush."""

from __future__ import annotations

from typing import Any

from django.db import connection

from municipalities.registry import LAOS_CSV
from municipalities.services import geography_sync, pilots_mark, registry_import


def load() -> list[str]:
    """Regions, provinces, districts, the whole DLA registry (laos.csv) and the 12 pilots."""
    lines = geography_sync()
    with LAOS_CSV.open(encoding="utf-8", newline="") as handle:
        lines += registry_import(lines=handle).lines()
    return lines + pilots_mark()


def ensure_geography(**kwargs: Any) -> None:  # noqa: ANN401 - post_migrate passes sender, apps, ...
    """Create regions, provinces and districts after migrate or a test flush; idempotent."""
    if "municipalities_district" in connection.introspection.table_names():
        geography_sync()
