"""The API's pagination (DEFAULT_PAGINATION_CLASS)."""

from __future__ import annotations

from django.core.paginator import Paginator
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.request import Request


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's, except that a blank `?page=` is an invalid page (404) rather than page 1."""

    def get_page_number(self, request: Request, paginator: Paginator[object]) -> int | str:
        if request.query_params.get(self.page_query_param) == "":
            raise NotFound(self.invalid_page_message.format(page_number="", message=""))
        return super().get_page_number(request, paginator)
