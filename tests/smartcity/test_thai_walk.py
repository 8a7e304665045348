"""Thai pages and the Thai admin show no English UI text.

English UI text is visible text (or a placeholder, title, label or button value) equal to an
msgid of Django, DRF, django-import-export, django-axes or our catalogue that has no Thai.
"""

from __future__ import annotations

import contextlib
import functools
import json
from html.parser import HTMLParser
from pathlib import Path

import axes
import django
import import_export
import polib
import pytest
import rest_framework
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework.authtoken.models import Token

from mou import demo
from smartcity.accounts.roles import Role
from smartcity.accounts.services import user_link_id
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.municipalities import PILOT_CODES, registry_load

pytestmark = pytest.mark.django_db

# names and codes that read the same in Thai
ALLOWED = {
    "API",
    "MOU",
    "PDF",
    "CSV",
    "XLSX",
    "Excel",
    "JSON",
    "ID",
    "UUID",
    "URL",
    "IP",
    "SHA-256",
    "depa",
    "English",
}
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


@functools.cache
def catalogue_msgids() -> dict[str, set[str | None]]:
    """Every msgid of the catalogues named above, with the contexts it has."""
    roots = [Path(m.__file__).parent for m in (django, rest_framework, import_export, axes)]
    files = [Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"]
    for root in roots:
        for locale_dir in root.rglob("locale"):
            languages = sorted(p for p in locale_dir.iterdir() if (p / "LC_MESSAGES").is_dir())
            if languages:  # one language is enough: every language has the same msgids
                english = locale_dir / "en"
                files += (english if english in languages else languages[0]).glob(
                    "LC_MESSAGES/*.po"
                )
    found: dict[str, set[str | None]] = {}
    for path in files:
        for entry in polib.pofile(str(path)):
            for msgid in (entry.msgid, entry.msgid_plural):
                if msgid:
                    found.setdefault(msgid, set()).add(entry.msgctxt)
    return found


class VisibleText(HTMLParser):
    """The texts a person sees in a page's body (scripts, styles and templates left out)."""

    SKIP = frozenset({"script", "style", "template", "head"})

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag in self.SKIP:
            self.skipping.append(tag)
        self.texts += [values[name] for name in ATTRIBUTES if values.get(name)]
        if tag == "input" and values.get("type") in {"submit", "button", "reset"}:
            self.texts.append(values.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.texts.append(data)


def has_thai(msgid: str) -> bool:
    contexts = catalogue_msgids()[msgid]
    with translation.override("th"):
        return any(
            (translation.pgettext(c, msgid) if c else translation.gettext(msgid)) != msgid
            for c in contexts
        )


def leftover_english(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    found = []
    for raw in parser.texts:
        text = " ".join(raw.split())
        if not any(character.isalpha() for character in text):
            continue  # punctuation and numbers
        for candidate in {text, text.rstrip(":"), text.rstrip("…").rstrip(".")}:
            if (
                candidate in catalogue_msgids()
                and candidate not in ALLOWED
                and not has_thai(candidate)
            ):
                found.append(candidate)
    return sorted(set(found))


@pytest.fixture
def admin_user(db):
    registry_load(PILOT_CODES)
    demo.load()
    user = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True, is_superuser=True)
    Token.objects.create(user=user)
    return user


def admin_screens() -> list[str]:
    """The admin index, every changelist and add form, a change form of each model with a row."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
        for extra in ("import", "export"):
            with contextlib.suppress(NoReverseMatch):  # only import-export admins have these
                urls.append(reverse("admin:{}_{}_{}".format(*info, extra)))
    return urls


def test_thai_admin_screens_have_no_english_ui_text(client, admin_user):
    client.force_login(admin_user)
    found = {}
    for url in admin_screens():
        response = client.get(url, follow=True)
        if response.status_code == 403:
            continue  # e.g. sign-in records cannot be added by hand
        assert response.status_code == 200, url
        if english := leftover_english(response.content.decode()):
            found[url] = english
    assert not found, "\n".join(f"{url}: {english}" for url, english in found.items())


def test_thai_account_pages_and_their_errors_have_no_english_ui_text(client, admin_user):
    officer = UserFactory(role=Role.OFFICER)
    uid = user_link_id(officer)  # reset links name the account by uuid
    token = default_token_generator.make_token(officer)
    weak = {"new_password1": "12345678", "new_password2": "12345678"}  # common and numeric
    mismatched = {"new_password1": "Chiang-Mai-2563", "new_password2": "Chiang-Mai-2564"}
    pages = [
        ("get", reverse("accounts:signup"), {}),
        ("post", reverse("accounts:signup"), {"email": "x", "password1": "123", "password2": "4"}),
        ("post", reverse("accounts:signup"), {"password1": "12345678", "password2": "12345678"}),
        ("get", reverse("accounts:password-reset"), {}),
        ("post", reverse("accounts:password-reset"), {"email": "nobody"}),
        ("get", reverse("accounts:password-reset-confirm", args=[uid, token]), {}),
    ]
    found = {}
    for method, url, data in pages:
        response = getattr(client, method)(url, data, follow=True)
        if english := leftover_english(response.content.decode()):
            found[f"{method} {url}"] = english
    confirm = client.get(reverse("accounts:password-reset-confirm", args=[uid, token]), follow=True)
    for data in (weak, mismatched):
        response = client.post(confirm.redirect_chain[-1][0], data)
        if english := leftover_english(response.content.decode()):
            found[f"reset errors {data}"] = english
    client.force_login(officer)
    url = reverse("accounts:password-change")
    for data in ({}, {"old_password": "wrong", **mismatched}, {"old_password": PASSWORD, **weak}):
        response = client.post(url, data)
        if english := leftover_english(response.content.decode()):
            found[f"post {url} {sorted(data)}"] = english
    assert not found, "\n".join(f"{url}: {english}" for url, english in found.items())


def test_the_admin_javascript_catalogue_is_thai(client, admin_user):
    """The admin's scripts ("0 of 50 selected", the date picker, the filter boxes) speak Thai."""
    client.force_login(admin_user)
    script = client.get(reverse("admin:jsi18n")).content.decode()

    source = Path(admin.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
    keys = [
        f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid for e in polib.pofile(str(source))
    ]
    missing = [key for key in keys if f"{json.dumps(key)}:" not in script]
    assert not missing, missing
    assert json.dumps("เลือก %(sel)s จาก %(cnt)s") in script


def test_the_thai_import_preview_and_its_errors(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:municipalities_organisation_import")
    upload = SimpleUploadedFile("bad.csv", b"dla_code,name_th\n12,\n", content_type="text/csv")

    response = client.post(url, {"format": "0", "import_file": upload}, follow=True)

    body = response.content.decode()
    assert "บางแถวไม่ผ่านการตรวจสอบ" in body  # "Some rows failed to validate", with the errors
    assert not leftover_english(body)
