"""Reference data the product needs to run: each app contributes through its own `reference.py`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from smartcity.management.commands.load_demo_data import app_hooks


class Command(BaseCommand):
    help = "Load reference data (regions, provinces, organisations). A second run changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:  # noqa: ANN401
        for label, module in app_hooks("reference"):
            with transaction.atomic():
                lines = module.load() or []
            for line in lines:
                self.stdout.write(f"[{label}] {line}")
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
