"""Accounts' part of load_demo_data: an administrator, an approved officer for each of the 12
pilots, two reviewers and a committee member."""

from __future__ import annotations

from django.utils import timezone
from django.utils.text import slugify

from municipalities.models import Organisation
from smartcity.accounts.models import Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.accounts.services import user_grant_role

DEMO_PASSWORD = "demo-smartcity-2026"  # noqa: S105 - demo data only, refused with DEBUG off
DOMAIN = "demo.smartcity.local"
STAFF = (
    ("reviewer1", Role.REVIEWER, "ผู้ประเมิน", "หนึ่ง", "Reviewer", "One"),
    ("reviewer2", Role.REVIEWER, "ผู้ประเมิน", "สอง", "Reviewer", "Two"),
    ("committee", Role.COMMITTEE, "กรรมการ", "เมืองอัจฉริยะ", "Committee", "Member"),
)


def _person(email: str, role: Role, names: tuple[str, str, str, str], **extra: object) -> User:
    """The demo user with this address, created once with the demo password and the role."""
    first_th, last_th, first_en, last_en = names
    user: User
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name_th": first_th,
            "last_name_th": last_th,
            "first_name_en": first_en,
            "last_name_en": last_en,
            "email_verified_at": timezone.now(),
            **extra,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if not user.groups.filter(name=role).exists():
        user_grant_role(user=user, role=role)
    return user


def load() -> list[str]:
    """Create the demo accounts once; return their logins for the run command to print."""
    admin = _person(
        f"admin@{DOMAIN}",
        Role.PROGRAMME_ADMIN,
        ("ผู้ดูแล", "ระบบ", "Programme", "Administrator"),
        is_superuser=True,
    )
    lines = [f"programme administrator: {admin.email} / {DEMO_PASSWORD}"]
    for slug, role, first_th, last_th, first_en, last_en in STAFF:
        user = _person(f"{slug}@{DOMAIN}", role, (first_th, last_th, first_en, last_en))
        lines.append(f"{role.value}: {user.email} / {DEMO_PASSWORD}")
    pilots = Organisation.objects.pilots().order_by("dla_code")
    if not pilots:
        lines.append("pilot officers skipped: run load_reference_data first")
        return lines
    for organisation in pilots:
        town = slugify(organisation.name_en.split(" ")[0]) or str(organisation.dla_code)
        if organisation.name_en.startswith(
            ("Ko ", "Hat ", "Surat ", "Nakhon ", "Chiang ", "Saen ", "Ban ")
        ):
            town = slugify(" ".join(organisation.name_en.split(" ")[:2]))
        officer = _person(
            f"officer.{town}@{DOMAIN}",
            Role.OFFICER,
            (
                "เจ้าหน้าที่",
                organisation.short_name_th or organisation.name_th,
                "Officer",
                town.replace("-", " ").title(),
            ),
            position="นักวิเคราะห์นโยบายและแผน",
        )
        Membership.objects.get_or_create(
            user=officer,
            organisation=organisation,
            defaults={
                "status": MembershipStatus.APPROVED,
                "decided_by": admin,
                "decided_at": timezone.now(),
            },
        )
        lines.append(f"officer of {organisation.name_en}: {officer.email} / {DEMO_PASSWORD}")
    return lines
