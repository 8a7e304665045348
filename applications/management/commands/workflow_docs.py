"""Write docs/workflow.md from applications/workflow.py (`--check`: fail when it is stale)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from applications import workflow

DOCS = Path(settings.BASE_DIR) / "docs" / "workflow.md"


def workflow_markdown() -> str:
    """The states as a Mermaid diagram and the moves as a table, in English."""
    with translation.override("en"):
        lines = [
            "# Proposal workflow",
            "",
            "Generated from `applications/workflow.py` by `manage.py workflow_docs`; do not edit.",
            "",
            "```mermaid",
            "stateDiagram-v2",
            f"    [*] --> {workflow.State.DRAFT.value}",
        ]
        for state in workflow.State:
            lines.append(f"    {state.value}: {state.label}")
        for name, move in workflow.MOVES.items():
            for source in sorted(move.sources):
                lines.append(f"    {source} --> {move.target.value}: {name}")
        lines += ["```", "", "## States", "", "| state | label |", "|---|---|"]
        lines += [f"| `{state.value}` | {state.label} |" for state in workflow.State]
        lines += [
            "",
            "## Moves",
            "",
            "| move | from | to | who (permission) | event | effects |",
            "|---|---|---|---|---|---|",
        ]
        for name, move in workflow.MOVES.items():
            sources = ", ".join(f"`{s}`" for s in sorted(move.sources))
            who = f"{workflow.RULE_HOLDERS.get(move.rule, '')} (`{move.rule}`)"
            event = f"`{move.event}`" if move.event else ""
            lines.append(
                f"| {name} | {sources} | `{move.target.value}` | {who} | {event} | {move.effects} |"
            )
        lines += [
            "",
            "Programme administrators hold every permission (accounts.backends).",
            "",
        ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Write docs/workflow.md from the workflow module; --check fails when it is stale."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="only compare, write nothing")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:  # noqa: ANN401
        text = workflow_markdown()
        current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
        if check:
            if current != text:
                raise CommandError(f"{DOCS} is stale: run manage.py workflow_docs")
            return
        if current != text:
            DOCS.parent.mkdir(exist_ok=True)
            DOCS.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {DOCS}")
