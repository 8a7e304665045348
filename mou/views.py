from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mou.filters import MOUPageFilter
from mou.selectors import mou_get, mou_list, mou_timeline


def mou_index(request: HttpRequest) -> HttpResponse:
    """Public list of MOUs with search and filters; staff also see internal ones."""
    filters = MOUPageFilter(request.GET, queryset=mou_list(viewer=request.user))
    page = Paginator(filters.qs, 20).get_page(request.GET.get("page"))
    return render(request, "mou/list.html", {"form": filters.form, "page": page})


def mou_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    """One MOU with parties, people, municipalities, timeline and the documents allowed."""
    mou = mou_get(viewer=request.user, uuid=uuid)
    return render(request, "mou/detail.html", {"mou": mou, "timeline": mou_timeline(mou=mou)})
