"""Issue 7 in Chromium: an administrator keeps an MOU in the Thai admin; the public reads it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from mou import demo
from mou.models import MOU, Status
from municipalities.services import geography_sync
from smartcity.accounts.roles import Role
from tests.e2e.conftest import assert_accessible
from tests.factories.accounts import UserFactory
from tests.factories.mou import AgencyFactory, MunicipalityFactory, signed_mou
from tests.factories.municipalities import PILOT_CODES, OrganisationFactory, registry_load
from tests.mou.conftest import EXE_BYTES, PDF_BYTES

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
TITLE = "บันทึกความเข้าใจว่าด้วยการพัฒนาเมืองน่าอยู่อัจฉริยะ"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def autocomplete(page: Page, select_id: str, text: str) -> None:
    """Pick `text` in the admin's select2 autocomplete bound to <select id=select_id>."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def fill_mou(page: Page, agencies: list, towns: list) -> None:
    page.locator("#id_reference_number").fill("MOU-E2E-2563")
    page.locator("#id_title_th").fill(TITLE)
    page.locator("#id_title_en").fill("MOU on livable smart city development")
    page.locator("#id_status").select_option("active")
    page.locator("#id_focus_areas_0").check()
    page.locator("#id_signed_on").fill("02/07/2563")  # Buddhist Era in the Thai admin
    page.locator("#id_signing_method").select_option("web_conference")
    page.locator("#id_effective_from").fill("02/07/2563")
    page.locator("#id_effective_until").fill("01/07/2568")
    tab(page, "คู่ภาคีและบุคคล")
    for i, agency in enumerate(agencies):
        autocomplete(page, f"id_parties-{i}-organisation", agency.name_th)
    page.locator("#people-group .add-row a").click()
    page.locator("#people-group .add-row a").click()
    people = [
        ("signatory", 0, "นายประยูร รัตนเสนีย์"),
        ("signatory", 1, "ดร.ณัฐพล นิมมานพัชรินทร์"),
        ("witness", 0, "นายขจร ศรีชวโนทัย"),
        ("witness", 1, "นายภาสกร ประถมบุตร"),
    ]
    for i, (role, party, name) in enumerate(people):
        page.locator(f"#id_people-{i}-role").select_option(role)
        autocomplete(page, f"id_people-{i}-organisation", agencies[party].name_th)
        page.locator(f"#id_people-{i}-name_th").fill(name)
    tab(page, "เทศบาลและ อปท.")
    for town in towns:  # one multi-select: they joined on the signing day
        autocomplete(page, "id_municipalities", town.name_th)
    tab(page, "เอกสาร")


def tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


@pytest.fixture
def registry(db):
    agencies = [
        AgencyFactory(name_th="กรมส่งเสริมการปกครองท้องถิ่น", name_en="DLA"),
        AgencyFactory(name_th="สำนักงานส่งเสริมเศรษฐกิจดิจิทัล", name_en="depa"),
    ]
    towns = [MunicipalityFactory(name_th=f"เทศบาลเมืองนำร่อง{n:02d}") for n in range(1, 13)]
    return agencies, towns


def test_admin_creates_finds_filters_edits_an_mou_in_thai(
    page: Page, live_server, login_as, registry, tmp_path, settings
):
    agencies, towns = registry
    admin = UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True)
    login_as(admin)
    page.goto(f"{live_server.url}/admin/mou/mou/add/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    fill_mou(page, agencies, towns)

    # a renamed .exe is refused with a clear message; everything typed stays
    exe = tmp_path / "signed-mou.pdf"
    exe.write_bytes(EXE_BYTES)
    page.locator("#id_documents-0-upload").set_input_files(exe)
    page.locator("input[name=_save]").click()
    refusal = page.locator("#documents-group .errorlist")
    expect(refusal).to_contain_text("ไม่ใช่ชนิดที่อนุญาต (อนุญาต: PDF)")
    expect(page.locator("#id_title_th")).to_have_value(TITLE)
    expect(page.locator("#id_people-3-name_th")).to_have_value("นายภาสกร ประถมบุตร")
    expect(page.locator("#id_municipalities option:checked")).to_have_count(12)
    shot(page, "mou-admin-refused-exe-th")
    assert not MOU.objects.exists()

    # the real PDF goes through
    signed = tmp_path / "บันทึกความเข้าใจ-ลงนาม.pdf"
    signed.write_bytes(PDF_BYTES)
    page.locator("#id_documents-0-upload").set_input_files(signed)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    mou = MOU.objects.get(reference_number="MOU-E2E-2563")
    assert mou.parties.count() == 2
    assert mou.people.count() == 4
    assert mou.municipalities.count() == 12
    assert mou.documents.get().stored_file.original_name == signed.name
    signed_mou(title_th="บันทึกความร่วมมือด้านพลังงานสะอาด", status=Status.EXPIRED)

    # find it by a Thai word of its title
    page.locator("#searchbar").fill("น่าอยู่")
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("2 ก.ค. 2563")
    shot(page, "mou-admin-search-th")

    # filter by status
    page.goto(f"{live_server.url}/admin/mou/mou/")
    page.locator("#changelist-filter").get_by_role("link", name="สิ้นสุดแล้ว").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("พลังงานสะอาด")
    page.locator("#changelist-filter").get_by_role("link", name="มีผลใช้บังคับ").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    shot(page, "mou-admin-filter-th")

    # edit it, then see the change in its history
    page.get_by_role("link", name="MOU-E2E-2563").click()
    page.locator("#id_place_th").fill("กรมส่งเสริมการปกครองท้องถิ่น")
    page.locator("input[name=_continue]").click()
    page.locator("a.historylink").click()
    expect(page.locator("#mou-history tbody tr").first).to_contain_text("แก้ไข")
    expect(page.locator("#mou-history")).to_contain_text("สถานที่ลงนาม")
    expect(page.locator("#mou-history")).to_contain_text("กรมส่งเสริมการปกครองท้องถิ่น")
    expect(page.locator("#mou-history")).to_contain_text(str(admin))
    shot(page, "mou-admin-history-th")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "ไฟล์นี้ว่างเปล่า"),
        ("big.pdf", PDF_BYTES + b"0" * 4096, "เกินขนาดสูงสุดที่รับได้ 1.0"),
    ],
)
def test_empty_and_oversized_uploads_are_refused_and_the_form_kept(
    page: Page, live_server, login_as, registry, tmp_path, settings, name, content, message
):
    settings.FILE_UPLOAD_MAX_BYTES = 1024
    agencies, towns = registry
    login_as(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))
    page.goto(f"{live_server.url}/admin/mou/mou/add/")
    fill_mou(page, agencies, towns[:1])
    upload = tmp_path / name
    upload.write_bytes(content)
    page.locator("#id_documents-0-upload").set_input_files(upload)
    page.locator("input[name=_save]").click()
    expect(page.locator("#documents-group .errorlist")).to_contain_text(message)
    expect(page.locator("#id_title_th")).to_have_value(TITLE)
    shot(page, f"mou-admin-refused-{name.removesuffix('.pdf')}-th")
    assert not MOU.objects.exists()


def test_public_pages_in_thai_and_english(page: Page, visit, live_server):
    mou = signed_mou(
        title_th=TITLE,
        title_en="Livable smart city MOU",
        municipalities=3,
        signing_method="web_conference",
        subject_th="ความร่วมมือในการพัฒนาเมืองน่าอยู่อัจฉริยะร่วมกับเทศบาลนำร่อง",
        subject_en="Cooperation in developing livable smart cities with pilot municipalities",
        objectives_th="ส่งเสริมคุณภาพชีวิตและความปลอดภัยของประชาชน",
        objectives_en="To improve citizens' quality of life and safety",
        place_th="กรมส่งเสริมการปกครองท้องถิ่น (ลงนามผ่านระบบประชุมทางไกล)",
        place_en="Department of Local Administration (signed by web conference)",
    )
    visit("/")
    expect(page.locator("#panel-mous + ul")).to_contain_text(TITLE)
    visit("/mous/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, "mou-list-th")
    page.get_by_role("link", name=TITLE).click()
    visit(f"/mous/{mou.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("2 กรกฎาคม 2563")).to_be_visible()
    for text in (mou.subject_th, mou.objectives_th, mou.place_th):
        expect(page.get_by_text(text)).to_be_visible()
    shot(page, "mou-detail-th")
    visit(f"/en/mous/{mou.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Livable smart city MOU")
    expect(page.get_by_text(re.compile("3 participating municipalities"))).to_be_visible()
    for text in (mou.subject_en, mou.objectives_en, mou.place_en):
        expect(page.get_by_text(text)).to_be_visible()
    expect(page.get_by_text(mou.subject_th)).to_have_count(0)
    shot(page, "mou-detail-en")
    visit("/en/mous/?q=Livable")
    shot(page, "mou-list-en")
    assert_accessible(page)


# The change form of the demo MOU at 1366 px before it had tabs (issue 12 measured 6,600 px with
# its data; this suite's demo data measured 6,310 px on the same code).
HEIGHT_BEFORE_TABS = 6310
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def demo_mou(db) -> MOU:
    geography_sync()
    registry_load(PILOT_CODES)
    demo.load()
    return MOU.objects.get(reference_number=demo.REFERENCE)


def test_thai_admin_adds_a_municipality_to_the_demo_mou_on_a_short_form(
    page: Page, live_server, login_as, demo_mou
):
    town = MunicipalityFactory(name_th="เทศบาลเมืองเข้าร่วมใหม่")
    login_as(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/admin/mou/mou/{demo_mou.pk}/change/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < HEIGHT_BEFORE_TABS / 2, height
    print(f"MOU change form: {height} px, before the tabs {HEIGHT_BEFORE_TABS} px")  # noqa: T201
    shot(page, "mou-admin-change-agreement-th")
    for prefix in ("parties", "people", "municipalities", "documents"):  # no empty extra rows
        total = page.locator(f"#id_{prefix}-TOTAL_FORMS").input_value()
        assert total == page.locator(f"#id_{prefix}-INITIAL_FORMS").input_value(), prefix
    tab(page, "คู่ภาคีและบุคคล")
    shot(page, "mou-admin-change-people-th")
    tab(page, "เทศบาลและ อปท.")
    chosen = page.locator("#id_municipalities option:checked")
    expect(chosen).to_have_count(12)  # joined on the signing day: no date row each
    expect(page.locator("#municipalities-group tbody tr.has_original")).to_have_count(0)
    autocomplete(page, "id_municipalities", town.name_th)
    shot(page, "mou-admin-change-municipalities-th")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert demo_mou.municipalities.get(organisation=town).joined_on == demo_mou.signed_on
    tab(page, "เทศบาลและ อปท.")
    expect(chosen).to_have_count(13)
    tab(page, "ประวัติ")
    shot(page, "mou-admin-change-history-th")
    page.goto(f"{live_server.url}/en/admin/mou/mou/{demo_mou.pk}/change/")
    shot(page, "mou-admin-change-en")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/admin/mou/mou/{demo_mou.pk}/change/")
    shot(page, "mou-admin-change-phone-th")


@pytest.mark.parametrize(
    "path", ["/admin/mou/mou/", "/admin/municipalities/organisation/", "/en/admin/mou/mou/"]
)
def test_changelist_columns_fit_a_1366_px_screen(page: Page, live_server, login_as, demo_mou, path):
    OrganisationFactory(
        name_th="องค์การบริหารส่วนตำบลหนองบัวระเหวใหม่",
        name_en="Nong Bua Rawe Mai Subdistrict Administrative Organisation",
    )
    login_as(UserFactory(role=Role.PROGRAMME_ADMIN, is_staff=True))
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}{path}")
    table = page.locator("#changelist .results")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth")  # no column cut off
    lines = page.locator("#result_list tbody th a").evaluate_all(
        "links => Math.max(...links.map(a => a.getClientRects().length))"
    )
    assert lines <= 2  # the first column's names wrap over two lines at most
    shot(page, f"changelist-{path.strip('/').replace('/', '-')}")
