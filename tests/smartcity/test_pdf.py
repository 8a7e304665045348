"""PDFs set Thai in Sarabun, number their pages and never fetch from outside the static files."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.template import engines

from smartcity.pdf import pdf_render

# no sara am: WeasyPrint maps the glyphs a font decomposes it into to one character (ทำ reads ทา)
THAI = "เทศบาลนครเชียงใหม่ยื่นข้อเสนอเมืองน่าอยู่อัจฉริยะ ด้านการเดินทางและขนส่ง"


@pytest.fixture
def document(settings, tmp_path):
    template = tmp_path / "doc.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block running_header %}SC-2568-00001{% endblock %}'
        "{% block content %}<h1>{{ heading }}</h1><p>{{ body }}</p>"
        '<img src="http://example.invalid/x.png" alt="">{% endblock %}',
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    engines._engines = {}  # the template dirs changed
    engines.__dict__.pop("templates", None)
    yield "doc.html"
    engines._engines = {}
    engines.__dict__.pop("templates", None)


def test_thai_text_page_numbers_and_running_header(document, tmp_path, pdf_text):
    pdf = pdf_render(template=document, context={"heading": "ข้อเสนอ", "body": THAI * 3})
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    (tmp_path / "doc.pdf").write_bytes(pdf)
    fonts = subprocess.run(  # noqa: S603
        [shutil.which("pdffonts"), str(tmp_path / "doc.pdf")],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "+Sarabun" in fonts  # embedded, and no other face
    assert "ข้อเสนอ" in text
    assert THAI in " ".join(text.split())  # wrapped lines joined: the words stay whole
    assert "SC-2568-00001" in text
    assert "หน้า 1 / 1" in text


def test_english_document(document, tmp_path, pdf_text):
    pdf = pdf_render(template=document, context={"heading": "Proposal", "body": "x"}, language="en")
    assert "Page 1 / 1" in pdf_text(pdf)
