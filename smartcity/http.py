"""Typed requests: what a view may assume about `request` once the framework has checked it.

django-stubs types `request.user` as `User | AnonymousUser`, true of any request but not of one
that `@login_required` (or `LoginRequiredMixin`) has let through. Rather than a cast in every
view, a signed-in view names its request `AuthenticatedHttpRequest` (django-stubs' recommended
pattern): the decorator guarantees the narrower type, and the annotation states it once.
DRF views and ModelAdmin methods take the request type their framework's signatures name; their
permission classes (or the admin site's staff check) guarantee a signed-in user, and
`signed_in_user()` is the one place that says so to the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from rest_framework.request import Request

    # a type only: notifications and files import no feature app at run time
    from smartcity.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """Any request, with the `htmx` details django-htmx's middleware sets on it."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request `@login_required` or `LoginRequiredMixin` let through: its user is signed in."""

    user: User


def signed_in_user(request: Request | HttpRequest) -> User:
    """The signed-in user of a DRF or admin request its permission checks let through.

    Raises PermissionDenied (403 in Django and DRF alike) should a view ever get here without a
    check that requires sign-in, instead of handing an AnonymousUser to a service typed `User`.
    """
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user  # narrowed: AnonymousUser.is_authenticated is Literal[False]
