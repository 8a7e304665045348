from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    label = "applications"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        # decisions: the certificates' admin, the API, the panels (certified cities, certificates,
        # the work waiting on the dashboard) and the daily scan, registered on import
        import applications.decisions.admin
        import applications.decisions.panels
        import applications.decisions.tasks  # noqa: F401
        from applications import (  # noqa: F401 - registration on import
            notifications,  # applications.* events
            panels,  # open calls on the home page, proposals on organisation and dashboard
        )
        from applications.models import (
            Application,
            Assignment,
            Partner,
            Review,
            RevisionRequest,
        )
        from smartcity.accounts.models import Membership
        from smartcity.counts import count_scope_register

        # cached counts of proposal lists (smartcity/counts.py): what their filters and the
        # viewers' visibility read changed
        count_scope_register(
            "applications", Application, Partner, Membership, Assignment, Review, RevisionRequest
        )
