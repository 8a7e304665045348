"""The synthetic scale data (issue 18): deterministic for a seed, complete, removable."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from applications.models import Application, ApplicationVersion, Review, Score, Transition
from applications.scale import COLUMNS, SYNTHETIC_EMAIL_DOMAIN, scale_data_generate
from applications.scoring import weighted_total
from applications.workflow import State
from smartcity.accounts.models import Membership, User
from smartcity.notifications.models import Notification
from tests.factories.bulk import bulk_proposals, registry_sample


class Rollback(Exception):
    pass


def _rows(call_pk: int) -> dict[str, Any]:
    """What the same seed must reproduce: keys, texts, states, timestamps and totals."""
    proposals = Application.objects.filter(call_id=call_pk)
    return {
        "proposals": list(
            proposals.order_by("uuid").values_list(
                "uuid",
                "reference",
                "state",
                "area_name",
                "domains",
                "lead_org__dla_code",
                "submitted_at",
                "created_at",
                "updated_at",
                "search_text",
                "contact__email",
            )
        ),
        "versions": list(
            ApplicationVersion.objects.filter(application__in=proposals)
            .order_by("uuid")
            .values_list("uuid", "application__uuid", "number", "submitted_at", "data")
        ),
        "transitions": list(
            Transition.objects.filter(application__in=proposals)
            .order_by("application__uuid", "at", "move")
            .values_list("application__uuid", "move", "source", "target", "actor__email", "at")
        ),
        "reviews": list(
            Review.objects.filter(application__in=proposals)
            .order_by("uuid")
            .values_list("uuid", "reviewer__email", "total", "submitted_at")
        ),
        "scores": list(
            Score.objects.filter(review__application__in=proposals)
            .order_by("review__uuid", "criterion__number")
            .values_list("review__uuid", "criterion__number", "score")
        ),
        "notifications": list(
            Notification.objects.filter(recipient__email__endswith=SYNTHETIC_EMAIL_DOMAIN)
            .order_by("uuid")
            .values_list("uuid", "event", "subject", "state", "created_at")
        ),
        "users": list(
            User.objects.filter(email__endswith=SYNTHETIC_EMAIL_DOMAIN)
            .order_by("email")
            .values_list("uuid", "email", "password", "first_name_th")
        ),
    }


def _generate_and_read(*, check_keys: bool) -> dict[str, Any]:
    """Generate 120 proposals for seed 7 in a transaction of its own, read them, roll back."""
    read: dict[str, Any] = {}
    try:
        with transaction.atomic():
            made = scale_data_generate(applications=120, seed=7, check_keys=check_keys)
            if check_keys:
                with connection.cursor() as cursor:  # every foreign key checked now
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            read.update(_rows(made.call.pk))
            raise Rollback
    except Rollback:
        pass
    return read


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows():
    registry_sample()
    first = _generate_and_read(check_keys=True)  # triggers off table by table, keys checked
    second = _generate_and_read(check_keys=False)  # the fast path: session_replication_role
    assert first["proposals"]
    assert not Application.objects.filter(is_synthetic=True).exists()  # rolled back in between
    for table in first:
        assert first[table] == second[table], table


@pytest.mark.django_db
def test_the_data_is_complete_and_never_mails_anyone():
    made = bulk_proposals(200, seed=3)
    proposals = Application.objects.filter(call=made.call)
    assert set(proposals.values_list("state", flat=True)) == set(State.values)
    assert proposals.filter(is_synthetic=False).count() == 0
    for user in User.objects.filter(pk__in=made.officers + made.reviewers + made.committee):
        assert user.email.endswith(".invalid")
        assert not user.has_usable_password()
    assert set(
        User.objects.filter(pk__in=made.reviewers).values_list("groups__name", flat=True)
    ) == {"reviewer"}
    assert Membership.objects.filter(user__in=made.officers, status="approved").count() == len(
        made.officers
    )
    notifications = Notification.objects.filter(recipient__in=made.officers)
    assert notifications.exists()
    assert set(notifications.values_list("state", flat=True)) == {"sent"}
    # every submitted review's total is the one formula's, from its own scores
    for review in Review.objects.filter(application__call=made.call, submitted_at__isnull=False)[
        :50
    ].prefetch_related("scores__criterion"):
        pairs = [(s.criterion.weight, s.score) for s in review.scores.all()]
        assert review.total == weighted_total(pairs)
    # the search text is the trigger's, written set-based while the trigger was off
    sample = proposals.exclude(reference=None).first()
    before = sample.search_text
    Application.objects.filter(pk=sample.pk).update(area_name=sample.area_name)  # trigger runs
    sample.refresh_from_db()
    assert sample.search_text == before
    assert sample.reference in before


def _table_sizes() -> dict[str, int]:
    tables = {model._meta.db_table for model in COLUMNS} | {
        "accounts_user",
        "accounts_user_groups",
        "accounts_membership",
        "applications_call",
        "applications_criterion",
        "applications_scorelevel",
    }
    sizes = {}
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            sizes[table] = cursor.fetchone()[0]
    return sizes


@pytest.mark.django_db
def test_the_command_needs_debug_or_force_and_remove_leaves_nothing(settings):
    registry_sample()
    before = _table_sizes()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_scale_data", applications=40, seed=2)
    call_command("generate_scale_data", applications=40, seed=2, force=True)
    assert Application.objects.filter(is_synthetic=True).count() == 40
    with pytest.raises(CommandError, match="--remove"):
        call_command("generate_scale_data", applications=40, seed=2, force=True)
    call_command("generate_scale_data", remove=True, force=True)
    assert _table_sizes() == before
