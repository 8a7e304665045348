"""The programme's roles, as Django groups created idempotently after every migrate or flush."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Applicant officer")
    REVIEWER = "reviewer", _("Reviewer")
    COMMITTEE = "committee", _("Committee member")
    PROGRAMME_ADMIN = "programme_admin", _("Programme administrator")


def ensure_roles(**kwargs: Any) -> None:  # noqa: ANN401 - post_migrate passes sender, app_config, ...
    """Create one group per role; running it again changes nothing."""
    from django.contrib.auth.models import Group

    for role in Role:
        Group.objects.get_or_create(name=role.value)
