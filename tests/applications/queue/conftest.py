"""The review queue's test data: many submitted proposals at once (bulk_create, deterministic)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.utils import timezone

from applications.models import Application, Assignment, Call, Review, RevisionRequest
from applications.queue.selectors import QUEUE_STATES
from applications.workflow import State
from municipalities.models import Organisation
from smartcity.accounts.roles import Role
from smartcity.vocabulary import Domain
from tests.factories.accounts import UserFactory
from tests.factories.applications import CallFactory
from tests.factories.municipalities import PILOT_CODES, registry_load


@dataclass
class Made:
    call: Call
    reviewers: list = field(default_factory=list)
    count: int = 0


def many_proposals(count: int, *, seed: int = 1, made: Made | None = None) -> Made:
    """`count` submitted proposals of one call over the 12 pilot municipalities, in every state,
    a third with two reviewers assigned (some past due, some reviewed), the proposals in
    revision with an open request (some past the deadline)."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    organisations = list(Organisation.objects.filter(dla_code__in=PILOT_CODES).order_by("pk"))
    if not organisations:
        organisations = registry_load(PILOT_CODES)
    if made is None:
        made = Made(
            call=CallFactory(), reviewers=[UserFactory(role=Role.REVIEWER) for _ in range(3)]
        )
    contact = UserFactory(role=Role.OFFICER)
    now, today = timezone.now(), timezone.localdate()
    domains = list(Domain.values)
    rows = []
    for n in range(count):
        submitted = now - dt.timedelta(days=rng.randrange(400), minutes=n)
        rows.append(
            Application(
                call=made.call,
                lead_org=organisations[rng.randrange(len(organisations))],
                contact=contact,
                created_by=contact,
                state=QUEUE_STATES[rng.randrange(len(QUEUE_STATES))],
                reference=f"SC-{seed:03d}-{made.count + n:06d}",
                area_name=f"เขตทดสอบ {seed}-{made.count + n}",
                domains=rng.sample(domains, 2),
                submitted_at=submitted,
                last_submitted_at=submitted,
                is_synthetic=True,
            )
        )
    Application.objects.bulk_create(rows, batch_size=2000)
    made.count += count
    assignments, reviews, revisions = [], [], []
    for n, application in enumerate(rows):
        if n % 3 == 0:
            for reviewer in rng.sample(made.reviewers, 2):
                assignments.append(
                    Assignment(
                        application=application,
                        reviewer=reviewer,
                        due_on=today + dt.timedelta(days=rng.randrange(-20, 40)),
                    )
                )
                if rng.random() < 0.3:
                    reviews.append(
                        Review(
                            application=application,
                            reviewer=reviewer,
                            total=rng.randrange(4000, 9500) / 100,
                            submitted_at=now,
                        )
                    )
        if application.state == State.REVISION_REQUESTED:
            revisions.append(
                RevisionRequest(
                    application=application,
                    points="แก้ไขงบประมาณ",
                    deadline=today + dt.timedelta(days=rng.randrange(-10, 20)),
                    requested_by=made.reviewers[0],
                )
            )
    Assignment.objects.bulk_create(assignments, batch_size=2000)
    Review.objects.bulk_create(reviews, batch_size=2000)
    RevisionRequest.objects.bulk_create(revisions, batch_size=2000)
    return made


def facets_forget() -> None:
    """Empty the facet cache (every version) and the cached list counts (smartcity/counts.py):
    every request counts as on a cold cache."""
    cache.delete_pattern("*queue:facets*")
    cache.delete_pattern("*counts:*")


@pytest.fixture(autouse=True)
def _no_cached_facets():
    facets_forget()
    yield
    facets_forget()


CHIANG_MAI_CITY = "3500102"  # เทศบาลนครเชียงใหม่: north, province 50, a city municipality


def matching_everything(made: Made, *viewers: object) -> Application:
    """A proposal every filter of the query-count test matches: Chiang Mai city's, submitted,
    mobility, assigned to the first reviewer and to the viewers, all past due, not reviewed."""
    many_proposals(0, made=made)  # the registry rows
    organisation = Organisation.objects.get(dla_code=CHIANG_MAI_CITY)
    application = Application.objects.create(
        call=made.call,
        lead_org=organisation,
        contact=made.reviewers[0],
        created_by=made.reviewers[0],
        state=State.SUBMITTED,
        reference="SC-2569-999999",
        area_name="ย่านนิมมานเหมินท์",
        domains=[Domain.MOBILITY, Domain.LIVING],
        submitted_at=timezone.now(),
        last_submitted_at=timezone.now(),
    )
    late = timezone.localdate() - dt.timedelta(days=3)
    for reviewer in {made.reviewers[0], *viewers}:
        Assignment.objects.create(application=application, reviewer=reviewer, due_on=late)
    made.count += 1
    return application
