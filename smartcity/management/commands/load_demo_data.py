"""The single demo-data entry point: each app contributes through its own `demo.py`."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction


def app_hooks(module_name: str) -> list[tuple[str, Any]]:
    """`(app label, module)` for every installed app that has `<app>/<module_name>.py`."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{module_name}"
        if find_spec(config.name) and find_spec(name):
            found.append((config.label, import_module(name)))
    return found


class Command(BaseCommand):
    help = "Load demonstration data (idempotent). Refuses to run with DEBUG off unless --force."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="load even with DEBUG off")

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:  # noqa: ANN401
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: demo data would land in a real database. Use --force."
            )
        for label, module in app_hooks("demo"):
            with transaction.atomic():
                lines = module.load() or []
            for line in lines:
                self.stdout.write(f"[{label}] {line}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
