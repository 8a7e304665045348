"""Accounts' part of load_demo_data: a programme administrator to sign in with."""

from __future__ import annotations

from smartcity.accounts.models import User
from smartcity.accounts.roles import Role

DEMO_PASSWORD = "demo-smartcity-2026"  # noqa: S105 - demo data only, refused with DEBUG off


def load() -> list[str]:
    """Create the demo accounts once; return their logins for the run command to print."""
    from django.contrib.auth.models import Group

    admin, created = User.objects.get_or_create(
        email="admin@demo.smartcity.local",
        defaults={
            "first_name_th": "ผู้ดูแล", "last_name_th": "ระบบ",
            "first_name_en": "Programme", "last_name_en": "Administrator",
            "is_staff": True, "is_superuser": True,
        },
    )  # fmt: skip
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
        admin.groups.add(Group.objects.get(name=Role.PROGRAMME_ADMIN))
    return [f"programme administrator: {admin.email} / {DEMO_PASSWORD}"]
