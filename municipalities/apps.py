from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Municipalities")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from municipalities.models import Organisation
        from municipalities.reference import ensure_geography
        from smartcity.counts import count_scope_register

        # regions, provinces and districts come back after every migrate or test flush
        post_migrate.connect(
            ensure_geography, sender=self, dispatch_uid="municipalities.ensure_geography"
        )
        # cached counts of the organisation list (smartcity/counts.py)
        count_scope_register("organisations", Organisation)
