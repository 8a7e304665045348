"""The notifications page, bell and API: own rows only, reading, and queries that do not grow."""

from __future__ import annotations

import pytest
from django.urls import reverse

from smartcity.notifications.models import Notification
from smartcity.notifications.services import notify
from tests.factories.accounts import UserFactory
from tests.lists import assert_queries_do_not_grow

APPROVED = "accounts.membership_approved"


def notifications_for(user, count: int) -> list[Notification]:
    events = [APPROVED, "accounts.membership_refused", "accounts.invitation"]
    return notify(recipients=[user], event=events[0], obj=user) + [
        row
        for n in range(count - 1)
        for row in notify(recipients=[user], event=events[(n + 1) % 3], obj=user)
    ]


@pytest.mark.django_db
def test_page_and_endpoint_queries_do_not_grow(client, api_client, officer):
    notifications_for(UserFactory(), 3)
    client.force_login(officer)
    api_client.force_login(officer)
    page, endpoint = assert_queries_do_not_grow(
        lambda count: notifications_for(officer, count),
        lambda: client.get(reverse("notifications:list")).context["page"],
        lambda: api_client.get("/api/v1/notifications/").data,
        sizes=(5, 500),
    )[-1]
    assert len(page.object_list) == 50
    assert page.paginator.count == 500
    assert endpoint["count"] == 500
    assert len(endpoint["results"]) == 50


@pytest.mark.django_db
def test_api_shows_only_own_and_marks_read(api_client, officer, reviewer):
    mine = notifications_for(officer, 2)
    theirs = notifications_for(reviewer, 1)[0]
    assert api_client.get("/api/v1/notifications/").status_code == 401

    api_client.force_login(officer)
    listed = api_client.get("/api/v1/notifications/").data["results"]
    assert {row["uuid"] for row in listed} == {str(n.uuid) for n in mine}
    assert api_client.get(f"/api/v1/notifications/{theirs.uuid}/").status_code == 404
    assert api_client.post(f"/api/v1/notifications/{theirs.uuid}/read/").status_code == 404

    read = api_client.post(f"/api/v1/notifications/{mine[0].uuid}/read/")
    assert read.status_code == 200
    assert read.data["is_read"] is True
    assert api_client.get("/api/v1/notifications/unread-count/").data == {"unread": 1}
    assert api_client.post("/api/v1/notifications/read-all/").data == {"marked": 1}
    assert api_client.get("/api/v1/notifications/unread-count/").data == {"unread": 0}
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_page_mark_read_mark_all_and_open(client, officer, reviewer):
    first, second, third = notifications_for(officer, 3)
    foreign = notifications_for(reviewer, 1)[0]
    client.force_login(officer)
    assert client.get(reverse("notifications:bell")).context["unread"] == 3

    client.post(reverse("notifications:notification-read", args=[first.uuid]))
    assert client.get(reverse("notifications:bell")).context["unread"] == 2
    opened = client.get(reverse("notifications:notification-open", args=[second.uuid]))
    assert opened.status_code == 302
    assert opened["Location"] == second.link == "/"
    assert client.get(reverse("notifications:bell")).context["unread"] == 1
    assert (
        client.get(reverse("notifications:notification-open", args=[foreign.uuid])).status_code
        == 404
    )

    client.post(reverse("notifications:notification-read-all"))
    assert client.get(reverse("notifications:bell")).context["unread"] == 0
    third.refresh_from_db()
    assert third.read_at is not None
    foreign.refresh_from_db()
    assert foreign.read_at is None


@pytest.mark.django_db
def test_english_recipient_gets_english_texts_and_links(client):
    user = UserFactory(language="en")
    (notification,) = notify(recipients=[user], event="accounts.staff_account_created", obj=user)
    assert notification.subject == "Your staff account on the Smart City Portal"
    assert notification.link == "/en/accounts/login/"
    client.force_login(user)
    page = client.get("/en/notifications/")
    assert "Your staff account on the Smart City Portal" in page.content.decode()


@pytest.mark.django_db
def test_digest_is_offered_to_staff_only(client, officer, programme_admin):
    client.force_login(officer)
    choices = dict(
        client.get(reverse("notifications:preferences")).context["form"].fields[APPROVED].choices
    )
    assert "digest" not in choices
    assert (
        "accounts.staff_account_created"
        not in client.get(reverse("notifications:preferences")).context["form"].fields
    )
    client.force_login(programme_admin)
    form = client.get(reverse("notifications:preferences")).context["form"]
    assert "digest" in dict(form.fields[APPROVED].choices)
