"""The Thai catalogue is complete: makemessages finds nothing new, nothing untranslated or fuzzy."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_thai_catalogue_has_every_string_translated(tmp_path, monkeypatch):
    # makemessages runs on a copy of the sources, so the test never rewrites the real catalogue
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(".*", "var", "static", "tests", "__pycache__"),
    )
    monkeypatch.chdir(project)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [project / "locale"])
    call_command("makemessages", locale=["th"], verbosity=0, no_obsolete=True)
    catalogue = polib.pofile(str(project / "locale" / "th" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated Thai: {untranslated}"
    assert not fuzzy, f"fuzzy Thai: {fuzzy}"


def test_compiled_catalogues_match_their_sources():
    for language in ("th", "en"):
        source = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
        expected = {e.msgid: e.msgstr for e in source.translated_entries()}
        got = {e.msgid: e.msgstr for e in compiled if e.msgid}
        assert got == expected, f"{language}: run `make messages` (django.mo is stale)"
