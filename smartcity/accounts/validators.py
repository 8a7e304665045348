"""Input checks shared by forms and the API."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PHONE = re.compile(r"^(?:\+66|0)(\d{8,9})$")


def normalise_thai_phone(value: str) -> str:
    """'+66 81 234 5678' or '081-234-5678' → '0812345678'; raises ValidationError otherwise."""
    compact = re.sub(r"[\s\-().]", "", value or "")
    match = _PHONE.match(compact)
    if not match:
        raise ValidationError(
            _("Enter a Thai phone number such as 081-234-5678, 02-123-4567 or +66 81 234 5678."),
            code="phone",
        )
    return f"0{match.group(1)}"
