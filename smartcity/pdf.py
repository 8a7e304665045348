"""PDF documents (proposal versions, decision letters, certificates) rendered with WeasyPrint.

Templates extend `pdf/base.html`: Thai set in the vendored Sarabun, page numbers in the footer and
a running header (`{% block running_header %}`, e.g. the reference number). Fonts and images come
only from the project's static files: the URL fetcher refuses everything else, so rendering never
reaches the network, whatever a document's text contains.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

SARABUN = "vendor/sarabun-5.3.0"


class ExternalResourceRefused(ValueError):
    """A PDF asked for something outside the project's static files."""


@functools.cache  # the static roots do not move while the process runs: look once
def _static_root_uris() -> tuple[str, ...]:
    found = finders.find(SARABUN)
    roots = {Path(found).parent.parent.resolve().as_uri()} if found else set()
    return tuple(f"{root}/" for root in roots)


def _static_fetcher() -> Any:  # noqa: ANN401 - a weasyprint.urls.URLFetcher
    """WeasyPrint's fetcher, limited to files under the static roots."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:  # noqa: ANN401
            if not url.startswith(_static_root_uris()):
                raise ExternalResourceRefused(url)
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols=("file",))


@functools.cache
def pdf_fonts() -> dict[str, str]:
    """file:// URIs of the Sarabun faces, for the @font-face rules of pdf/base.html."""
    faces = {}
    for script in ("thai", "latin"):
        for weight in (400, 700):
            path = finders.find(f"{SARABUN}/sarabun-{script}-{weight}-normal.woff2")
            faces[f"{script}_{weight}"] = Path(path).resolve().as_uri() if path else ""
    return faces


def pdf_render(*, template: str, context: Mapping[str, Any], language: str | None = None) -> bytes:
    """Render a template to PDF bytes, in `language` (default: the active one)."""
    from weasyprint import HTML

    with translation.override(language or translation.get_language()):
        html = render_to_string(template, {**context, "pdf_fonts": pdf_fonts()})
    document = HTML(string=html, url_fetcher=_static_fetcher(), base_url=_static_root_uris()[0])
    pdf: bytes = document.write_pdf()
    return pdf
