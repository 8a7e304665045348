from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "smartcity.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from smartcity.accounts import (  # noqa: F401 - registration on import
            notifications,  # the accounts.* events
            panels,  # the pending counters on the dashboard and the admin index
            receivers,  # the audit receivers
        )
        from smartcity.accounts.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="accounts.ensure_roles")
