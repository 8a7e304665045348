"""The verification mail goes through the outbox: a mail server that is down never fails sign-up."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

from smartcity.accounts.models import User
from smartcity.notifications.models import Notification
from tests.accounts.test_signup_and_profile import signup_payload
from tests.conftest import free_port
from tests.factories.municipalities import OrganisationFactory
from tests.notifications.conftest import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(envelope.content)
        return "250 OK"


def test_signup_with_the_mail_server_down_answers_and_mails_once_it_is_back(
    client, settings, worker
):
    port = free_port()  # nothing listens there yet: the mail server is "stopped"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    with worker():
        response = client.post(
            reverse("accounts:signup"), signup_payload(OrganisationFactory()), follow=True
        )
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == reverse("accounts:signup-done")
        user = User.objects.get(email="somchai@example.ac.th")
        row = Notification.objects.get(recipient=user, event="accounts.verify_email")
        wait_until(lambda: Notification.objects.get(pk=row.pk).attempts >= 1)
        assert Notification.objects.get(pk=row.pk).sent_at is None

        inbox = Inbox()
        server = Controller(inbox, hostname="127.0.0.1", port=port)
        server.start()  # the mail server is back: the task's retry delivers
        try:
            wait_until(lambda: inbox.messages, timeout=30)
        finally:
            server.stop()
    assert len(inbox.messages) == 1
    assert b"somchai@example.ac.th" in inbox.messages[0]
    assert row.link.split("/")[-4] == "verify"
