"""Comments on a proposal: internal (staff only) or to the applicant, with an optional file."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Application, Comment
from smartcity.accounts.models import User
from smartcity.errors import DomainError
from smartcity.files.services import stored_file_create
from smartcity.files.validators import DOCUMENTS


class CommentRefused(DomainError):
    code = "comment_refused"


@transaction.atomic
def comment_create(
    *,
    application: Application,
    author: User,
    body: str,
    is_internal: bool,
    upload: UploadedFile[Any] | None = None,
) -> Comment:
    """Add a comment; only staff write internal ones (CommentRefused, ValidationError)."""
    rule = "applications.comment_internally" if is_internal else "applications.comment"
    if not author.has_perm(rule, application):
        raise CommentRefused(_("You cannot add this comment to this proposal."))
    if not body.strip():
        raise ValidationError({"body": _("Write the comment.")})
    stored = stored_file_create(upload=upload, policy=DOCUMENTS, actor=author) if upload else None
    return Comment.objects.create(
        application=application,
        author=author,
        body=body.strip(),
        is_internal=is_internal,
        stored_file=stored,
    )
