"""The one permission-checked download view; each use passes the predicate that guards it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from smartcity.files.models import StoredFile

DownloadPredicate = Callable[[object, StoredFile], bool]


def file_download(request: HttpRequest, uuid: str, *, predicate: DownloadPredicate) -> FileResponse:
    """Send a stored file as an attachment to a user the predicate allows; 404 to anyone else."""
    stored = get_object_or_404(StoredFile, uuid=uuid)
    if not predicate(request.user, stored):
        raise Http404  # not allowed reads as "not there": the file's existence stays private
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
