"""The registry's pages: the searchable list and one organisation."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from municipalities.filters import OrganisationPageFilter
from municipalities.selectors import organisation_get, organisation_list
from smartcity.http import HtmxHttpRequest

PAGE_SIZE = 50


def organisation_index(request: HtmxHttpRequest) -> HttpResponse:
    filters = OrganisationPageFilter(request.GET, queryset=organisation_list(viewer=request.user))
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    name = (
        "municipalities/partials/_organisation_rows.html"
        if request.htmx
        else "municipalities/organisation_list.html"
    )
    return render(request, name, {"page": page, "form": filters.form})


def organisation_detail(request: HttpRequest, key: str) -> HttpResponse:
    organisation = organisation_get(key=key, viewer=request.user)
    return render(
        request, "municipalities/organisation_detail.html", {"organisation": organisation}
    )
