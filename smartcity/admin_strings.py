"""Strings of Django's admin that Django's own Thai catalogue leaves untranslated.

Marked here so makemessages puts them in our catalogue, which Django reads first (LOCALE_PATHS).
"""

from __future__ import annotations

from django.utils.translation import ngettext_lazy

CORRECT_ERRORS = ngettext_lazy(
    "Please correct the error below.", "Please correct the errors below.", "count"
)
