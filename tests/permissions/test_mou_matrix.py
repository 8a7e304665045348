"""Every MOU route for every role → the expected status (issue 7)."""

from __future__ import annotations

import pytest
from django.utils import translation

from mou.models import MOU, DocumentKind, Status, Visibility
from mou.services import mou_document_add
from smartcity.accounts.roles import Role
from tests.factories.accounts import UserFactory
from tests.factories.mou import signed_mou
from tests.mou.conftest import pdf

ROLES = ("anonymous", "officer", "committee", "reviewer", "staff", "programme_admin")
STAFF = {"reviewer", "staff", "programme_admin"}  # may see internal records (mou/rules.py)


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def staff_only(allowed: int, refused: int = 404) -> dict[str, int]:
    return {role: allowed if role in STAFF else refused for role in ROLES}


def admins_only(allowed: int, refused: int = 403) -> dict[str, int]:
    return {role: allowed if role == "programme_admin" else refused for role in ROLES}


ADMIN_REFUSED = {  # not staff → login page; staff without the role → 403
    "anonymous": 302,
    "officer": 302,
    "committee": 302,
    "reviewer": 302,
    "staff": 403,
    "programme_admin": 200,
}

MATRIX = [
    ("get", "/mous/", everyone(200)),
    ("get", "/en/mous/", everyone(200)),
    ("get", "/mous/{public}/", everyone(200)),
    ("get", "/en/mous/{public}/", everyone(200)),
    ("get", "/mous/{internal}/", staff_only(200)),
    ("get", "/mous/{draft}/", staff_only(200)),
    ("get", "/mous/documents/{public_doc}/", everyone(200)),
    ("get", "/mous/documents/{internal_doc}/", staff_only(200)),
    ("get", "/mous/documents/{doc_of_internal}/", staff_only(200)),
    ("get", "/api/v1/mous/", everyone(200)),
    ("get", "/api/v1/mous/{public}/", everyone(200)),
    ("get", "/api/v1/mous/{internal}/", staff_only(200)),
    ("post", "/api/v1/mous/", admins_only(201)),
    ("patch", "/api/v1/mous/{public}/", admins_only(200)),
    ("delete", "/api/v1/mous/{public}/", admins_only(204)),
    ("get", "/admin/mou/mou/", ADMIN_REFUSED),
    ("get", "/admin/mou/mou/add/", ADMIN_REFUSED),
    ("get", "/admin/mou/mou/{public_pk}/change/", ADMIN_REFUSED),
    ("get", "/admin/mou/mou/{public_pk}/history/", ADMIN_REFUSED),
    ("get", "/admin/mou/mou/{public_pk}/delete/", ADMIN_REFUSED),
]


def add_document(mou, visibility=Visibility.PUBLIC):
    return mou_document_add(
        mou=mou, upload=pdf(), actor=None, kind=DocumentKind.ANNEX, visibility=visibility
    )


def user_for(role: str):
    if role == "anonymous":
        return None
    if role == "staff":
        return UserFactory(is_staff=True)
    if role == "programme_admin":
        return UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    return UserFactory(role=Role(role))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "expected"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX]
)
def test_mou_route_by_role(api_client, role, method, path, expected):
    with translation.override("th"):
        public = signed_mou()
        internal = signed_mou(visibility=Visibility.INTERNAL)
        draft = signed_mou(status=Status.DRAFT)
        public_doc = add_document(public)
        internal_doc = add_document(public, visibility=Visibility.INTERNAL)
        doc_of_internal = add_document(internal)
    user = user_for(role)
    if user is not None:
        api_client.force_login(user)
    url = path.format(
        public=public.uuid,
        internal=internal.uuid,
        draft=draft.uuid,
        public_pk=public.pk,
        public_doc=public_doc.stored_file.uuid,
        internal_doc=internal_doc.stored_file.uuid,
        doc_of_internal=doc_of_internal.stored_file.uuid,
    )
    body = {"reference_number": "NEW-1", "title_th": "บันทึกใหม่", "status": "draft"}
    if method == "patch":
        body = {"title_en": "Renamed"}
    response = getattr(api_client, method)(
        url,
        body if method in ("post", "patch") else None,
        format="json" if method in ("post", "patch") else None,
    )
    assert response.status_code == expected[role], (role, method, url)
    if method == "delete" and expected[role] == 204:
        assert not MOU.objects.filter(pk=public.pk).exists()
