from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from mou.forms import MOUFilterForm
from mou.models import MOU
from mou.selectors import (
    mou_filter_municipalities,
    mou_filter_parties,
    mou_get,
    mou_list,
    mou_timeline,
)


def mou_index(request: HttpRequest) -> HttpResponse:
    """Public list of MOUs with search and filters; staff also see internal ones."""
    form = MOUFilterForm(
        request.GET or None,
        parties=list(mou_filter_parties()),
        municipalities=list(mou_filter_municipalities()),
    )
    rows = mou_list(viewer=request.user, **form.filters())
    page = Paginator(rows, 20).get_page(request.GET.get("page"))
    return render(request, "mou/list.html", {"form": form, "page": page})


def mou_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    """One MOU with parties, people, municipalities, timeline and the documents allowed."""
    try:
        mou = mou_get(viewer=request.user, uuid=uuid)
    except MOU.DoesNotExist:
        raise Http404 from None
    return render(request, "mou/detail.html", {"mou": mou, "timeline": mou_timeline(mou=mou)})
