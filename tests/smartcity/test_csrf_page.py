"""A form sent without its CSRF token (an expired page) is told so in the visitor's language."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "language", "title"),
    [("", "th", "แบบฟอร์มหมดอายุ"), ("/en", "en", "The form has expired")],
)
def test_an_expired_form_answers_403_on_the_layout_in_its_language(prefix, language, title):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"{prefix}/accounts/login/", {"username": "a@b.th", "password": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert title in html
    assert "CSRF verification failed" not in html  # not Django's technical page
