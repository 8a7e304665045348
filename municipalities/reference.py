"""This app's part of `manage.py load_reference_data`, and the geography kept after a flush."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import connection

from municipalities.registry import LAOS_CSV
from municipalities.services import geography_sync, pilots_mark


def load() -> list[str]:
    """Regions, provinces, districts, the whole DLA registry (laos.csv) and the 12 pilots."""
    lines = geography_sync()
    output = StringIO()
    # the same path as an administrator's `manage.py import_dla_registry FILE.csv`
    call_command("import_dla_registry", str(LAOS_CSV), stdout=output, no_color=True)
    return lines + output.getvalue().splitlines() + pilots_mark()


def ensure_geography(**kwargs: Any) -> None:  # noqa: ANN401 - post_migrate passes sender, apps, ...
    """Create regions, provinces and districts after migrate or a test flush; idempotent."""
    if "municipalities_district" in connection.introspection.table_names():
        geography_sync()
