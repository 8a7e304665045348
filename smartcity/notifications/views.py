"""Thin HTML views: the notifications page, the bell, reading and preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smartcity.http import AuthenticatedHttpRequest
from smartcity.notifications import selectors, services
from smartcity.notifications.forms import PreferencesForm
from smartcity.notifications.models import Notification


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = selectors.notification_list(viewer=request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
def bell(request: AuthenticatedHttpRequest) -> HttpResponse:
    unread = selectors.notification_unread_count(viewer=request.user)
    return render(request, "notifications/partials/_bell.html", {"unread": unread})


@login_required
def notification_open(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    notification = get_object_or_404(Notification.objects.visible_to(request.user), uuid=uuid)
    services.notification_mark_read(notification=notification, user=request.user)
    safe = url_has_allowed_host_and_scheme(notification.link, allowed_hosts={request.get_host()})
    return redirect(notification.link if notification.link and safe else "notifications:list")


@login_required
@require_POST
def notification_read(request: AuthenticatedHttpRequest, uuid: str) -> HttpResponse:
    notification = get_object_or_404(Notification.objects.visible_to(request.user), uuid=uuid)
    services.notification_mark_read(notification=notification, user=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notifications:list")


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    table = selectors.preference_table(user=request.user)
    form = PreferencesForm(request.POST or None, user=request.user, table=table)
    if request.method == "POST" and form.is_valid():
        for event, email in form.cleaned_data.items():
            services.preference_set(user=request.user, event=event, email=email)
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
