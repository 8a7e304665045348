"""Thousands of proposals in one go, for query-count and scale tests (issue 17 and 18).

    from tests.factories.bulk import bulk_proposals

    made = bulk_proposals(10_000, seed=1)   # every workflow state, with everything around it
    made.call, made.reviewers, made.officers, made.counts

It runs the production generator (`applications.scale`, COPY in batches) inside the test's
transaction, so the rows vanish with it. The same seed gives the same proposals; call it once per
seed in a test (a second call with the same seed collides on uuids and references). Without the
registry in the test database, a spread of about fifty real laos.csv rows is imported first.
"""

from __future__ import annotations

from applications.models import Application
from applications.scale import ScaleResult, scale_data_generate
from municipalities.models import Organisation
from smartcity.accounts.models import User
from tests.factories.municipalities import registry_lines, registry_load

SAMPLE_EVERY = 160  # one registry line in 160: about fifty organisations of every kind


def registry_sample() -> list[Organisation]:
    """About fifty real registry organisations (every 160th line of laos.csv), imported once."""
    codes = [line.split(",", 1)[0] for line in registry_lines()[1::SAMPLE_EVERY]]
    return registry_load(codes)


def bulk_proposals(count: int, *, seed: int = 1) -> ScaleResult:
    """`count` synthetic proposals of one synthetic call, in every state, over the registry."""
    if not Organisation.objects.filter(dla_code__isnull=False).exists():
        registry_sample()
    return scale_data_generate(applications=count, seed=seed)


def bulk_users(made: ScaleResult, role: str) -> list[User]:
    """The synthetic users of one role ("officers", "reviewers", "committee"), in id order."""
    return list(User.objects.filter(pk__in=getattr(made, role)).order_by("pk"))


def bulk_applications(made: ScaleResult) -> list[Application]:
    """The generated proposals, in id order."""
    return list(Application.objects.filter(call=made.call).order_by("pk"))
