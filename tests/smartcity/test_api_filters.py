"""Every filter of every API list refuses a bad value with 400 naming the field.

The cases come from the router and each viewset's FilterSet, so a new list or filter is covered
the day it is registered.
"""

from __future__ import annotations

import django_filters
import pytest

from smartcity.api import router
from tests.lists import assert_filter_refused, bad_value

FILTERS = [
    (prefix, name, filter_)
    for prefix, viewset, _basename in router.registry
    if getattr(viewset, "filterset_class", None)
    for name, filter_ in viewset.filterset_class.base_filters.items()
]
CASES = [
    pytest.param(f"/api/v1/{prefix}/", name, bad_value(name, filter_), id=f"{prefix}-{name}")
    for prefix, name, filter_ in FILTERS
] + [  # a blank choice is no choice: refused, not read as "all"
    pytest.param(f"/api/v1/{prefix}/", name, "", id=f"{prefix}-{name}-blank")
    for prefix, name, filter_ in FILTERS
    if not isinstance(filter_, django_filters.CharFilter)
]


def test_every_filtered_list_is_covered():
    filtered = {f"/api/v1/{prefix}/" for prefix, _name, _filter in FILTERS}
    assert filtered >= {"/api/v1/provinces/", "/api/v1/organisations/", "/api/v1/mous/"}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "name", "value"), CASES)
def test_a_bad_filter_value_answers_400_naming_the_field(
    api_client, programme_admin, url, name, value
):
    api_client.force_authenticate(programme_admin)
    assert_filter_refused(api_client, url, name, value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix",
    [
        prefix for prefix, _viewset, _basename in router.registry if "(?P<" not in prefix
    ],  # top-level
)
def test_a_blank_page_is_not_page_one(api_client, programme_admin, prefix):
    api_client.force_authenticate(programme_admin)
    response = api_client.get(f"/api/v1/{prefix}/", {"page": ""})
    assert response.status_code in {200, 404}  # 200: a list without pages (regions, provinces)
    if response.status_code == 200:
        assert isinstance(response.json(), list)
