"""Every write on accounts: sign-up, verification, profile, roles, PDPA export and closing."""

from __future__ import annotations

from typing import Any, TypedDict

from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities import services as registry
from municipalities.models import Organisation, Province
from smartcity.accounts.models import AuditEvent, AuditLog, Membership, MembershipStatus, User
from smartcity.accounts.roles import Role
from smartcity.accounts.tokens import email_verification_token
from smartcity.errors import DomainError
from smartcity.notifications.services import notification_mark_all_read, notify


def audit_record(
    *,
    event: AuditEvent,
    user: User | None = None,
    actor: User | None = None,
    username: str = "",
    ip_address: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Append one entry to the audit log."""
    return AuditLog.objects.create(
        event=event,
        user=user,
        actor=actor,
        username=username or (user.email if user else ""),
        ip_address=ip_address or None,
        detail=detail or {},
    )


class OrganisationProposal(TypedDict):
    """An organisation missing from the registry, as sign-up proposes it."""

    kind: str
    name_th: str
    name_en: str
    province: Province


def user_link_id(user: User) -> str:
    """The account as emailed links name it: its uuid, never the sequential id."""
    return urlsafe_base64_encode(str(user.uuid).encode())


def user_password_link(user: User) -> str:
    """The path of a one-time link to choose a new password; notify() makes it absolute."""
    return reverse(
        "accounts:password-reset-confirm",
        kwargs={"uidb64": user_link_id(user), "token": default_token_generator.make_token(user)},
    )


def verification_mail_send(*, user: User) -> None:
    """Announce the link that verifies the user's address and activates the account.

    Through the outbox like every email: a mail server that is down delays it, never fails
    the caller's transaction.
    """
    token = email_verification_token.make_token(user)
    with translation.override(user.language):
        path = reverse(
            "accounts:verify-email", kwargs={"uidb64": user_link_id(user), "token": token}
        )
    notify(recipients=[user], event="accounts.verify_email", obj=user, context={"link": path})


@transaction.atomic
def verification_resend(*, email: str) -> bool:
    """Send a new verification link if the address belongs to an account still waiting for
    one; False otherwise (the caller answers the same either way)."""
    user = (
        User.objects.filter(email__iexact=email.strip(), is_active=False)
        .filter(email_verified_at__isnull=True, closed_at__isnull=True)
        .first()
    )
    if user is None:
        return False
    verification_mail_send(user=user)
    return True


@transaction.atomic
def user_verify_email(*, user: User, token: str) -> bool:
    """Mark the address verified and activate the account; False when the link is bad or used.

    The people who decide the user's pending memberships hear of them now, not before: an
    unverified sign-up may be someone else's address.
    """
    if user.closed_at or not email_verification_token.check_token(user, token):
        return False
    user.email_verified_at = timezone.now()
    user.is_active = True
    user.save(update_fields=["email_verified_at", "is_active"])
    audit_record(event=AuditEvent.EMAIL_VERIFIED, user=user, actor=user)
    notification_mark_all_read(user=user)  # the verification notice is done with
    for membership in Membership.objects.filter(user=user, status=MembershipStatus.PENDING):
        membership_announce(membership=membership)
    return True


@transaction.atomic
def user_signup(
    *,
    email: str,
    password1: str,
    title: str = "",
    first_name_th: str = "",
    last_name_th: str = "",
    first_name_en: str = "",
    last_name_en: str = "",
    phone: str = "",
    position: str = "",
    organisation: Organisation | None = None,
    new_organisation: OrganisationProposal | None = None,
    juristic_number: str = "",
) -> User:
    """Create an inactive officer asking to join, or proposing, an organisation; mail the
    verification link (raises DomainError on a duplicate organisation)."""
    user = User.objects.create_user(
        email,
        password1,
        title=title,
        first_name_th=first_name_th,
        last_name_th=last_name_th,
        first_name_en=first_name_en,
        last_name_en=last_name_en,
        phone=phone,
        position=position,
        is_active=False,
        language=translation.get_language() or "th",
    )
    user.groups.add(Group.objects.get(name=Role.OFFICER))
    if new_organisation:
        organisation = organisation_propose(**new_organisation, juristic_number=juristic_number)
    if organisation is not None:
        membership_request(
            user=user,
            organisation=organisation,
            proposes_organisation=bool(new_organisation),
            juristic_number=juristic_number,
        )
    verification_mail_send(user=user)
    return user


def user_sync_staff_flag(*, user: User) -> None:
    """Only programme administrators (and superusers) may enter the Django admin."""
    is_staff = user.is_superuser or user.groups.filter(name=Role.PROGRAMME_ADMIN).exists()
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


@transaction.atomic
def user_grant_role(*, user: User, role: Role, actor: User | None = None) -> User:
    """Add a role (the audit entry is written by the groups-changed receiver)."""
    user.groups.add(Group.objects.get(name=role))
    user_sync_staff_flag(user=user)
    return user


@transaction.atomic
def staff_invite(
    *,
    email: str,
    role: Role,
    actor: User,
    first_name_th: str = "",
    last_name_th: str = "",
) -> User:
    """Create a staff account without password and announce a set-password link (DomainError)."""
    if role == Role.OFFICER:
        raise DomainError(
            _("Officers sign up themselves; invite staff as reviewer, committee or administrator.")
        )
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("An account with this email address already exists."))
    user = User(email=email, first_name_th=first_name_th, last_name_th=last_name_th)
    user.set_unusable_password()
    user.email_verified_at = timezone.now()  # the administrator vouches for the address
    user.save()
    user_grant_role(user=user, role=role, actor=actor)
    audit_record(event=AuditEvent.STAFF_INVITED, user=user, actor=actor, detail={"role": str(role)})
    path = user_password_link(user)
    notify(
        recipients=[user],
        event="accounts.staff_account_created",
        obj=user,
        context={"link": path, "role": Role(role).label},  # notify() makes it absolute
    )
    return user


# the personal texts of an account (emptied when it closes), and what a user may change about
# themselves (ProfileForm's fields)
USER_PERSONAL_FIELDS = (
    "title",
    "first_name_th",
    "last_name_th",
    "first_name_en",
    "last_name_en",
    "position",
    "phone",
)
USER_EDITABLE_FIELDS = (*USER_PERSONAL_FIELDS, "language")


@transaction.atomic
def user_profile_update(*, user: User, **fields: str) -> User:
    """Save the profile fields a user may change about themselves."""
    for name, value in fields.items():
        if name not in USER_EDITABLE_FIELDS:
            raise ValueError(name)
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


PROFILE_FIELDS = (
    "uuid",
    "email",
    *USER_EDITABLE_FIELDS,
    "date_joined",
    "email_verified_at",
    "last_login",
)


def user_personal_data(*, user: User) -> dict[str, Any]:
    """Everything the portal holds about the user (PDPA access request), and nothing of others."""
    from smartcity.accounts.selectors import personal_data_sections

    profile = {name: getattr(user, name) for name in PROFILE_FIELDS}
    profile["uuid"] = str(user.uuid)
    for name in ("date_joined", "email_verified_at", "last_login"):
        profile[name] = profile[name].isoformat() if profile[name] else None
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": profile,
        "roles": sorted(g.name for g in user.groups.all()),
        **personal_data_sections(user=user),
    }


@transaction.atomic
def user_close(*, user: User) -> User:
    """Close the account: anonymise personal data, keep the rows for the audit trail."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.closed_at:
        return user
    audit_record(event=AuditEvent.ACCOUNT_CLOSED, user=user, actor=user, username=user.email)
    user.email = f"closed-{user.uuid}@closed.invalid"
    for name in USER_PERSONAL_FIELDS:
        setattr(user, name, "")
    user.is_active = False
    user.set_unusable_password()
    user.closed_at = timezone.now()
    user.save()
    AuditLog.objects.filter(user=user).update(username="")
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=user).delete()
    return user


RECOVERY_CODE_COUNT = 10


def two_factor_device(*, user: User) -> TOTPDevice:
    """The authenticator-app device being set up: the user's unconfirmed one, or a new one."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


@transaction.atomic
def two_factor_enable(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the app with a code it shows, turn two-factor on and return the recovery codes
    (shown once; raises DomainError on a wrong code)."""
    if device.user_id != user.pk or not device.verify_token("".join(code.split())):
        raise DomainError(_("That code is not right. Check the time on your phone and try again."))
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    user.two_factor_enabled_at = timezone.now()
    user.save(update_fields=["two_factor_enabled_at"])
    audit_record(event=AuditEvent.TWO_FACTOR_ENABLED, user=user, actor=user)
    return codes


@transaction.atomic
def two_factor_disable(*, user: User, actor: User) -> User:
    """Turn two-factor off (a lost phone): remove the user's devices and recovery codes."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.two_factor_enabled_at = None
    user.save(update_fields=["two_factor_enabled_at"])
    audit_record(event=AuditEvent.TWO_FACTOR_DISABLED, user=user, actor=actor)
    return user


def organisation_duplicates(
    *, name_th: str, name_en: str = "", province: Province | None = None, juristic_number: str = ""
) -> QuerySet[Organisation]:
    """Registered organisations a proposed one would duplicate: same name in the province, or
    the same juristic person number."""
    same_name = Q(name_th__iexact=" ".join(name_th.split()))
    if name_en.strip():
        same_name |= Q(name_en__iexact=" ".join(name_en.split()))
    query = same_name & Q(province=province)
    if juristic_number:
        query |= Q(memberships__juristic_number=juristic_number)
    return Organisation.objects.filter(query).distinct()


@transaction.atomic
def organisation_propose(
    *, kind: str, name_th: str, name_en: str, province: Province, juristic_number: str = ""
) -> Organisation:
    """Register an organisation missing from the registry, unverified, through the registry's
    service, unless it duplicates one (raises DomainError)."""
    name_th, name_en = " ".join(name_th.split()), " ".join(name_en.split())
    if organisation_duplicates(
        name_th=name_th, name_en=name_en, province=province, juristic_number=juristic_number
    ).exists():
        raise DomainError(_("This organisation is already registered: choose it from the list."))
    return registry.organisation_propose(
        kind=kind, name_th=name_th, name_en=name_en, province=province
    )


@transaction.atomic
def membership_request(
    *,
    user: User,
    organisation: Organisation,
    proposes_organisation: bool = False,
    juristic_number: str = "",
) -> Membership:
    """Ask to act for an organisation; pending until approved by the people told of it."""
    membership = Membership.objects.create(
        user=user,
        organisation=organisation,
        proposes_organisation=proposes_organisation,
        juristic_number=juristic_number,
    )
    audit_record(
        event=AuditEvent.MEMBERSHIP_REQUESTED,
        user=user,
        actor=user,
        detail={"organisation": str(organisation.uuid), "proposed": proposes_organisation},
    )
    if user.is_active:  # a sign-up is announced once its address is verified
        membership_announce(membership=membership)
    return membership


def membership_deciders(*, membership: Membership) -> list[User]:
    """Who may decide a pending membership: the programme administrators, and the approved
    officers of its organisation unless the membership proposes that organisation."""
    who = Q(groups__name=Role.PROGRAMME_ADMIN)
    if not membership.proposes_organisation:
        who |= Q(
            memberships__organisation=membership.organisation,
            memberships__status=MembershipStatus.APPROVED,
        )
    deciders = User.objects.filter(who, is_active=True).exclude(pk=membership.user_id)
    return list(deciders.distinct().order_by("pk"))


def membership_announce(*, membership: Membership) -> None:
    """Tell the people who may decide a pending membership (or proposed organisation) of it."""
    event = (
        "accounts.organisation_proposed"
        if membership.proposes_organisation
        else "accounts.membership_requested"
    )
    notify(
        recipients=membership_deciders(membership=membership),
        event=event,
        obj=membership,
        context={"organisation": membership.organisation, "member": membership.user},
    )


def _decide(*, membership: Membership, actor: User, status: MembershipStatus) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.PENDING:
        raise DomainError(_("This membership has already been decided."))
    membership.status = status
    membership.decided_by, membership.decided_at = actor, timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    return membership


@transaction.atomic
def membership_approve(*, membership: Membership, actor: User) -> Membership:
    """Approve a pending membership, and the organisation it proposed (raises DomainError)."""
    membership = _decide(membership=membership, actor=actor, status=MembershipStatus.APPROVED)
    organisation = membership.organisation
    if membership.proposes_organisation:
        registry.organisation_verify(organisation=organisation)
    audit_record(
        event=AuditEvent.MEMBERSHIP_APPROVED,
        user=membership.user,
        actor=actor,
        detail={"organisation": str(organisation.uuid)},
    )
    notify(
        recipients=[membership.user],
        event="accounts.membership_approved",
        obj=membership,
        context={"organisation": membership.organisation},
    )
    return membership


@transaction.atomic
def membership_refuse(*, membership: Membership, actor: User, reason: str = "") -> Membership:
    """Refuse a pending membership; a proposed organisation stays unverified (DomainError)."""
    membership = _decide(membership=membership, actor=actor, status=MembershipStatus.REFUSED)
    audit_record(
        event=AuditEvent.MEMBERSHIP_REFUSED,
        user=membership.user,
        actor=actor,
        detail={"organisation": str(membership.organisation.uuid), "reason": reason},
    )
    notify(
        recipients=[membership.user],
        event="accounts.membership_refused",
        obj=membership,
        context={"organisation": membership.organisation, "reason": reason},
    )
    return membership


@transaction.atomic
def membership_invite(*, organisation: Organisation, email: str, actor: User) -> Membership:
    """Make a person an approved officer of the organisation, creating their account if needed."""
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    context: dict[str, object] = {"organisation": organisation}
    if user is None:
        user = User(email=email, email_verified_at=timezone.now())  # the link proves the address
        user.set_unusable_password()
        user.save()
        context["link"] = user_password_link(user)  # set a password, then sign in
    if not user.has_role(Role.OFFICER):
        user.groups.add(Group.objects.get(name=Role.OFFICER))
    membership, _created = Membership.objects.select_for_update().get_or_create(
        user=user, organisation=organisation, defaults={"invited_by": actor}
    )
    if membership.status != MembershipStatus.APPROVED:
        membership.status = MembershipStatus.APPROVED
        membership.invited_by = membership.invited_by or actor
        membership.decided_by, membership.decided_at = actor, timezone.now()
        membership.save(update_fields=["status", "invited_by", "decided_by", "decided_at"])
    audit_record(
        event=AuditEvent.MEMBERSHIP_INVITED,
        user=user,
        actor=actor,
        detail={"organisation": str(organisation.uuid)},
    )
    notify(recipients=[user], event="accounts.invitation", obj=membership, context=context)
    return membership
