"""The production static pipeline (WhiteNoise's manifest) accepts every vendored asset."""

from __future__ import annotations

from django.core.management import call_command
from django.test import override_settings

# The manifest step (every url() in the CSS must resolve) is what can fail; gzip and brotli of
# Django's, DRF's and Swagger's assets cannot, and took most of this test's 45 s.
UNCOMPRESSED = ["js", "css", "map", "svg", "html", "txt", "json", "woff", "woff2", "ttf", "eot"]


def test_collectstatic_with_the_production_manifest_storage(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_SKIP_COMPRESS_EXTENSIONS=UNCOMPRESSED
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    hashed = list((tmp_path / "vendor").glob("**/sarabun-thai-400-normal.*.woff2"))
    assert hashed, "vendored fonts are collected with hashed names"
