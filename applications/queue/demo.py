"""Demo data of the review queue (called by applications/demo.py after the demo proposals):
review due dates on the demo assignments (a few already past, so "overdue" shows something) and
a saved view of reviewer1. Rerunnable: a second run writes nothing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from applications.models import Assignment, SavedView
from applications.queue.services import saved_view_save
from smartcity.accounts.demo import DOMAIN
from smartcity.accounts.models import User

SAVED_VIEW = ("ภาคเหนือ ด้านการเดินทาง", {"region": ["north"], "domain": ["mobility"]})


def load() -> list[str]:
    today = timezone.localdate()
    undated = list(
        Assignment.objects.filter(due_on__isnull=True, application__is_synthetic=False).order_by(
            "pk"
        )
    )
    for number, assignment in enumerate(undated):
        # every third one was due three days ago; the others are due within the next weeks
        days = -3 if number % 3 == 0 else 7 + 7 * (number % 3)
        assignment.due_on = today + dt.timedelta(days=days)
    Assignment.objects.bulk_update(undated, ["due_on"])
    lines = [f"review queue: {len(undated)} review due dates set"] if undated else []
    reviewer = User.objects.filter(email=f"reviewer1@{DOMAIN}").first()
    name, filters = SAVED_VIEW
    if reviewer is not None and not SavedView.objects.filter(owner=reviewer, name=name).exists():
        saved_view_save(owner=reviewer, name=name, parameters=filters)
        lines.append(f"review queue: saved view “{name}” of {reviewer.email}")
    return lines
