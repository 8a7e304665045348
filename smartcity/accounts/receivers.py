"""Audit-log receivers for events Django and django-axes announce: logins and role changes."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.http import HttpRequest

from smartcity.accounts.models import AuditEvent, User
from smartcity.accounts.services import audit_record


def _ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    ip: str | None = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    return ip


@receiver(user_logged_in, dispatch_uid="accounts.audit_login")
def on_login(sender: type, request: HttpRequest, user: User, **kwargs: Any) -> None:  # noqa: ANN401
    audit_record(event=AuditEvent.LOGIN, user=user, actor=user, ip_address=_ip(request))


@receiver(user_logged_out, dispatch_uid="accounts.audit_logout")
def on_logout(sender: type, request: HttpRequest, user: User | None, **kwargs: Any) -> None:  # noqa: ANN401
    if user is not None:
        audit_record(event=AuditEvent.LOGOUT, user=user, actor=user, ip_address=_ip(request))


@receiver(user_login_failed, dispatch_uid="accounts.audit_login_failed")
def on_login_failed(
    sender: str,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,  # noqa: ANN401
) -> None:
    username = str(credentials.get("username") or credentials.get("email") or "")[:254]
    user = User.objects.filter(email__iexact=username).first() if username else None
    audit_record(
        event=AuditEvent.LOGIN_FAILED, user=user, username=username, ip_address=_ip(request)
    )


@receiver(user_locked_out, dispatch_uid="accounts.audit_locked_out")
def on_locked_out(
    sender: str,
    request: HttpRequest,
    username: str | None,
    ip_address: str | None,
    **kwargs: Any,  # noqa: ANN401
) -> None:
    username = (username or "")[:254]
    user = User.objects.filter(email__iexact=username).first() if username else None
    audit_record(event=AuditEvent.LOCKED_OUT, user=user, username=username, ip_address=ip_address)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts.audit_roles")
def on_roles_changed(
    sender: type,
    instance: User | Group,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,  # noqa: ANN401
) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        instance.__dict__.pop("role_names", None)  # User.role_names is read again next time
    if action not in {"post_add", "post_remove"} or not pk_set:
        return
    event = AuditEvent.ROLE_ADDED if action == "post_add" else AuditEvent.ROLE_REMOVED
    if isinstance(instance, Group):  # reverse: group.user_set.add(...)
        pairs = [(user, instance.name) for user in User.objects.filter(pk__in=pk_set)]
    else:
        pairs = [
            (instance, name)
            for name in Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        ]
    for user, role in pairs:
        audit_record(event=event, user=user, detail={"role": role})
