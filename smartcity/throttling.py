"""Rate limits: one cache-backed counter per action and client address, and per action and
e-mail address, with the limits in settings.RATE_LIMITS (README, "Rate limits").

Pages that send mail or create accounts take the `rate_limited` decorator:

    @rate_limited("verification_resend", address_field="email")
    def verification_resend(request): ...

Each POST counts once against `RATE_LIMITS["<action>_client"]` for the client address (as
django-axes sees it, behind the trusted proxies) and `RATE_LIMITS["<action>_address"]` for the
address in the form field, whether or not an account uses it; past either limit the view does
not run and the answer is a 429 page with `Retry-After`, the same for known and unknown
addresses. The API uses DRF's throttles with the same settings and client address (below).
Windows are fixed (a burst may reach twice the limit across a boundary); with Redis down
nothing is counted and the site keeps answering.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "5/h" → five per hour; the period is s, m(in), h(our) or d(ay), as in DRF."""
        count, period = text.split("/")
        return cls(int(count), _SECONDS[period.strip()[0]])


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def client_address(request: HttpRequest) -> str:
    """The client's IP address, the one login throttling uses (TRUSTED_PROXY_COUNT/_IPS)."""
    return get_client_ip_address(request) or ""


def _count(*, action: str, scope: str, ident: str) -> None:
    rate = Rate.parse(settings.RATE_LIMITS[f"{action}_{scope}"])
    now = time.time()
    window = int(now // rate.seconds)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]  # no addresses in cache keys
    key = f"throttle:{action}:{scope}:{digest}:{window}"
    cache.add(key, 0, rate.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        count = 1
    if count is not None and count > rate.count:  # None: Redis down, count nothing
        raise RateLimited(retry_after=int((window + 1) * rate.seconds - now) + 1)


def rate_limit(*, request: HttpRequest, action: str, address: str = "") -> None:
    """Count one `action` for the client and the address (if any); raises RateLimited past
    RATE_LIMITS["<action>_client"] or RATE_LIMITS["<action>_address"]."""
    _count(action=action, scope="client", ident=client_address(request))
    if address.strip():
        _count(action=action, scope="address", ident=address.strip().lower())


def rate_limited(
    action: str, *, address_field: str = ""
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: each POST counts (see `rate_limit`); past a limit, a 429 page."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if request.method == "POST":
                address = str(request.POST.get(address_field, "")) if address_field else ""
                try:
                    rate_limit(request=request, action=action, address=address)
                except RateLimited as refused:
                    return rate_limited_response(request, retry_after=refused.retry_after)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def rate_limited_response(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    """The 429 page: try again in so many minutes."""
    minutes = max(1, -(-retry_after // 60))
    response = render(request, "rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class ApiAnonThrottle(AnonRateThrottle):
    """Anonymous API calls per client address: RATE_LIMITS["api_anon"]."""

    def get_rate(self) -> str:
        return str(settings.RATE_LIMITS["api_anon"])

    def get_ident(self, request: Request) -> str:
        return client_address(request._request)


class ApiUserThrottle(UserRateThrottle):
    """Signed-in API calls per user: RATE_LIMITS["api_user"]."""

    def get_rate(self) -> str:
        return str(settings.RATE_LIMITS["api_user"])

    def get_ident(self, request: Request) -> str:
        return client_address(request._request)
