"""Shared fixtures of the accounts tests."""

from __future__ import annotations

from tests.notifications.conftest import worker  # noqa: F401 - the delivery harness
