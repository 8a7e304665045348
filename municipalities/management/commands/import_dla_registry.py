"""`manage.py import_dla_registry FILE.csv`: upsert organisations from a DLA registry CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from municipalities.registry import RegistryFormatError
from municipalities.services import registry_import


class Command(BaseCommand):
    help = (
        "Upsert organisations by DLA code from a CSV with laos.csv's header. Never deletes; "
        "a second run changes nothing. Reports rows created, updated and rejected (with reasons)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV file in laos.csv's format")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:  # noqa: ANN401
        try:
            with file.open(encoding="utf-8-sig", newline="") as handle:
                report = registry_import(lines=handle)
        except (OSError, UnicodeDecodeError, RegistryFormatError) as error:
            raise CommandError(f"{file}: {error}") from error
        summary, *rejections = report.lines()
        self.stdout.write(self.style.SUCCESS(summary))
        for line in rejections:
            self.stdout.write(self.style.WARNING(line))
