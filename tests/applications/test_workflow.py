"""The workflow table and the document generated from it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from applications import workflow
from applications.management.commands.workflow_docs import DOCS, workflow_markdown
from applications.workflow import State


def test_docs_workflow_md_is_generated_from_the_module():
    assert DOCS.read_text(encoding="utf-8") == workflow_markdown(), (
        "docs/workflow.md is stale: run manage.py workflow_docs"
    )


def test_the_check_fails_on_a_stale_document(monkeypatch):
    monkeypatch.setitem(
        workflow.MOVES,
        "screen",
        workflow.Move(frozenset({State.SUBMITTED}), State.SCREENING, "x.screen", "Screen"),
    )
    with pytest.raises(CommandError, match="stale"):
        call_command("workflow_docs", "--check")


def test_every_state_is_in_the_diagram():
    text = workflow_markdown()
    assert all(f"    {state.value}: " in text for state in State)
    assert "draft --> submitted: submit" in text
