"""Synthetic national-scale data: `manage.py generate_scale_data --applications 100000 --seed 1`.

Refuses unless DEBUG is on or --force is given. `--remove` deletes every synthetic row (versions
through the trigger's service-only bypass). See applications/scale.py for what is written.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from applications.models import Application
from applications.scale import COLUMNS, GENERATOR_VERSION, scale_data_generate
from applications.services.synthetic import synthetic_data_delete


class Command(BaseCommand):
    help = (
        "Generate deterministic synthetic proposals over the registry (benchmark data; DEBUG or "
        "--force), or remove all synthetic data with --remove."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--applications", type=int, default=1_000, help="how many proposals")
        parser.add_argument("--seed", type=int, default=1, help="the same seed, the same rows")
        parser.add_argument("--remove", action="store_true", help="delete all synthetic data")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args: Any, **options: Any) -> None:  # noqa: ANN401
        if not (settings.DEBUG or options["force"]):
            raise CommandError(
                "Synthetic data is for development and benchmark databases: set DEBUG=1, or "
                "give --force if this database really is one."
            )
        started = time.monotonic()
        if options["remove"]:
            deleted = synthetic_data_delete()
            for label, number in sorted(deleted.items()):
                self.stdout.write(f"  {label}: {number} deleted")
            self.stdout.write(f"Synthetic data removed in {time.monotonic() - started:.1f} s.")
            return
        if options["applications"] < 1:
            raise CommandError("--applications must be at least 1.")
        if Application.objects.filter(is_synthetic=True).exists():
            raise CommandError("Synthetic data is already there: run with --remove first.")
        made = scale_data_generate(applications=options["applications"], seed=options["seed"])
        for label, number in made.counts.items():
            self.stdout.write(f"  {label}: {number}")
        self.stdout.write(f"Written in {made.seconds:.1f} s; analysing the tables…")
        self._analyse()
        self.stdout.write(
            f"{options['applications']} synthetic proposals (generator v{GENERATOR_VERSION}, "
            f"seed {options['seed']}) in {time.monotonic() - started:.1f} s."
        )

    def _analyse(self) -> None:
        """Fresh planner statistics (and, outside a transaction, the visibility map) for the
        tables just filled, so the first queries on them plan as they will later."""
        tables = sorted({model._meta.db_table for model in COLUMNS} | {"accounts_user"})
        quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} {quoted}")
