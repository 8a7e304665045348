"""Writes on calls: their default criteria and the freeze at the first submission."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from applications.criteria import DEPA_CRITERIA, SCORE_MEANINGS
from applications.errors import CriteriaFrozen
from applications.models import Call, CallDocument, Criterion, ScoreLevel
from smartcity.accounts.models import User
from smartcity.files.services import stored_file_create
from smartcity.files.validators import DOCUMENTS


@transaction.atomic
def call_criteria_default_create(*, call: Call) -> list[Criterion]:
    """Give a call without criteria depa's five, equally weighted, with the score meanings."""
    if call.criteria.exists():
        return list(call.criteria.all())
    criteria = Criterion.objects.bulk_create(
        Criterion(call=call, number=number, **text._asdict())
        for number, text in enumerate(DEPA_CRITERIA, start=1)
    )
    ScoreLevel.objects.bulk_create(
        ScoreLevel(criterion=criterion, score=score, meaning_th=th, meaning_en=en)
        for criterion in criteria
        for score, (th, en) in SCORE_MEANINGS.items()
    )
    return criteria


def call_criteria_change_check(*, call: Call) -> None:
    """Refuse a change of criteria, weights or score meanings once the call has a submission."""
    if call.pk and Call.objects.filter(pk=call.pk, criteria_frozen_at__isnull=False).exists():
        raise CriteriaFrozen(
            _(
                "The criteria and weights of this call can no longer change: proposals have "
                "been submitted to it and are assessed against them."
            )
        )


def call_criteria_freeze(*, call: Call, at: dt.datetime) -> None:
    """Mark the criteria frozen at the call's first submission (later calls change nothing)."""
    Call.objects.filter(pk=call.pk, criteria_frozen_at__isnull=True).update(criteria_frozen_at=at)


@transaction.atomic
def call_document_add(
    *,
    call: Call,
    upload: UploadedFile[bytes],
    actor: User | None,
    kind: str,
    title_th: str,
    title_en: str = "",
    order: int = 0,
) -> CallDocument:
    """Keep a guideline or template (checked by content) as a public document of the call."""
    stored = stored_file_create(upload=upload, policy=DOCUMENTS, actor=actor)
    return CallDocument.objects.create(
        call=call, stored_file=stored, kind=kind, title_th=title_th, title_en=title_en, order=order
    )
