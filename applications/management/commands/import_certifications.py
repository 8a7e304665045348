"""Record certifications made on paper before the portal from a CSV file (rerunnable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from applications.services.certificates import certificates_import


class Command(BaseCommand):
    help = "Import earlier certifications from CSV (see applications.services.certificates)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:  # noqa: ANN401
        report = certificates_import(text=path.read_text(encoding="utf-8-sig"))
        for line, reason in report.errors:
            self.stderr.write(f"line {line}: {reason}")
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
            f"refused {len(report.errors)}"
        )
