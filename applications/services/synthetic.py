"""The removal of synthetic (benchmark) data: what `generate_scale_data` wrote, and nothing else."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from applications.models import (
    KPI,
    AgendaItem,
    Application,
    Assignment,
    Attachment,
    Call,
    Certificate,
    CertificateRenewal,
    Comment,
    ConflictDeclaration,
    DeadlineExtension,
    Partner,
    Project,
    Review,
    RevisionPoint,
    SavedView,
    Score,
    Transition,
)
from applications.scale import SYNTHETIC_EMAIL_DOMAIN
from applications.services.versions import synthetic_versions_delete
from smartcity.accounts.models import Membership, User
from smartcity.counts import count_scope_changed
from smartcity.notifications.models import Notification


def synthetic_users() -> QuerySet[User]:
    """The generator's users (their addresses are in SYNTHETIC_EMAIL_DOMAIN, never deliverable)."""
    users: QuerySet[User] = User.objects.filter(email__endswith=f"@{SYNTHETIC_EMAIL_DOMAIN}")
    return users


@transaction.atomic
def synthetic_data_delete() -> dict[str, int]:
    """Delete every synthetic proposal, call and user with all their rows (versions through the
    trigger's service-only bypass); returns the rows deleted per model."""
    doomed = Application.objects.filter(is_synthetic=True)
    deleted: dict[str, int] = {}

    def gone(rows: QuerySet[Any]) -> None:
        _total, per_model = rows.delete()
        for label, number in per_model.items():
            deleted[label] = deleted.get(label, 0) + number

    as_text = doomed.annotate(key=Cast("pk", CharField())).values("key")
    gone(
        Notification.objects.filter(
            content_type=ContentType.objects.get_for_model(Application), object_id__in=as_text
        )
    )
    gone(Notification.objects.filter(recipient__in=synthetic_users()))
    gone(Score.objects.filter(review__application__in=doomed))
    gone(Review.objects.filter(application__in=doomed))
    gone(ConflictDeclaration.objects.filter(application__in=doomed))
    # the declarations' history (pghistory): the synthetic rows' events, the deletions' included
    history = apps.get_model("applications", "ConflictDeclarationEvent")
    gone(history.objects.filter(application_id__in=doomed.values("pk")))
    gone(Assignment.objects.filter(application__in=doomed))
    gone(Comment.objects.filter(application__in=doomed))
    gone(RevisionPoint.objects.filter(request__application__in=doomed))
    gone(DeadlineExtension.objects.filter(request__application__in=doomed))
    versions = synthetic_versions_delete(applications=doomed)
    deleted["applications.ApplicationVersion"] = versions
    gone(KPI.objects.filter(project__application__in=doomed))
    gone(Project.objects.filter(application__in=doomed))
    gone(Partner.objects.filter(application__in=doomed))
    gone(Transition.objects.filter(application__in=doomed))
    gone(Attachment.objects.filter(application__in=doomed))
    gone(AgendaItem.objects.filter(application__in=doomed))
    gone(CertificateRenewal.objects.filter(certificate__application__in=doomed))
    gone(Certificate.objects.filter(application__in=doomed))
    gone(doomed)
    gone(Call.objects.filter(is_synthetic=True))
    users = synthetic_users()
    gone(Membership.objects.filter(user__in=users))
    gone(SavedView.objects.filter(owner__in=users))
    gone(users)
    count_scope_changed("applications")  # the deletes above went by queryset, without signals
    return {label: number for label, number in deleted.items() if number}
