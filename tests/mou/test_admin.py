from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from mou.models import MOU, MOUDocument, PersonRole, Status
from mou.services import mou_document_remove, mou_update
from smartcity.files.models import StoredFile
from tests.factories.accounts import UserFactory
from tests.factories.mou import AgencyFactory, MunicipalityFactory, signed_mou
from tests.mou.conftest import EXE_BYTES, PDF_BYTES
from tests.mou.test_pages import _many

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/mou/mou/add/"


def management(prefix: str, total: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def mou_post(
    *,
    status: str = Status.ACTIVE,
    parties: int = 2,
    signatories: int = 2,
    towns: int = 1,
    until: str = "2025-07-01",
    upload: SimpleUploadedFile | None = None,
) -> dict:
    """An admin add-form POST with inline rows, as the browser sends it."""
    agencies = [AgencyFactory() for _ in range(max(parties, 2))]
    data = {
        "reference_number": "MOU-TEST-1",
        "title_th": "บันทึกความเข้าใจการพัฒนาเมืองน่าอยู่อัจฉริยะ",
        "title_en": "Livable smart city MOU",
        "subject_th": "ความร่วมมือด้านเมืองน่าอยู่อัจฉริยะ",
        "subject_en": "Cooperation on livable smart cities",
        "objectives_th": "ส่งเสริมคุณภาพชีวิต",
        "objectives_en": "To improve the quality of life",
        "place_th": "กรมส่งเสริมการปกครองท้องถิ่น",
        "place_en": "Department of Local Administration",
        "status": status,
        "visibility": "public",
        "kind": "original",
        "focus_areas": ["traffic_safety", "public_health"],
        "signed_on": "2020-07-02",
        "signing_method": "web_conference",
        "effective_from": "2020-07-02",
        "effective_until": until,
        **management("parties", parties),
        **management("people", signatories),
        **management("municipalities", towns),
        **management("documents", 1),
        "documents-0-kind": "signed_copy",
        "documents-0-visibility": "public",
    }
    for i in range(parties):
        data |= {f"parties-{i}-organisation": agencies[i].pk, f"parties-{i}-role": "party"}
        data[f"parties-{i}-order"] = str(i)
    for i in range(signatories):
        data |= {
            f"people-{i}-role": PersonRole.SIGNATORY,
            f"people-{i}-organisation": agencies[i].pk,
            f"people-{i}-name_th": f"นายผู้ลงนาม {i}",
            f"people-{i}-order": "0",
        }
    for i in range(towns):
        data |= {
            f"municipalities-{i}-organisation": MunicipalityFactory().pk,
            f"municipalities-{i}-joined_on": "2020-07-02",
        }
    if upload is not None:
        data["documents-0-upload"] = upload
        data["documents-0-title"] = "ฉบับลงนาม"
    return data


def test_non_administrators_get_no_mou_admin(client, reviewer, officer):
    reviewer.is_staff = True  # staff, but not a programme administrator
    reviewer.save()
    mou = signed_mou()
    client.force_login(reviewer)
    assert client.get(reverse("admin:mou_mou_changelist")).status_code == 403
    assert client.get(reverse("admin:mou_mou_change", args=[mou.pk])).status_code == 403
    assert client.get(reverse("admin:mou_mou_history", args=[mou.pk])).status_code == 403
    assert (
        "mou"
        not in client.get(reverse("admin:index"))
        .content.decode()
        .lower()
        .split('class="app-')[-1][:20]
    )
    client.force_login(officer)
    response = client.get(reverse("admin:mou_mou_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_programme_admin_creates_an_mou_with_all_inlines(client, programme_admin):
    client.force_login(programme_admin)
    response = client.post(ADD_URL, mou_post(upload=SimpleUploadedFile("ลงนาม.pdf", PDF_BYTES)))
    assert response.status_code == 302, response.context["errors"]
    mou = MOU.objects.get(reference_number="MOU-TEST-1")
    assert mou.parties.count() == 2
    assert mou.people.count() == 2
    assert mou.municipalities.count() == 1
    assert mou.focus_areas == ["traffic_safety", "public_health"]
    assert (mou.subject_th, mou.subject_en) == (
        "ความร่วมมือด้านเมืองน่าอยู่อัจฉริยะ",
        "Cooperation on livable smart cities",
    )
    assert (mou.objectives_en, mou.place_en) == (
        "To improve the quality of life",
        "Department of Local Administration",
    )
    document = mou.documents.get()
    assert document.stored_file.original_name == "ลงนาม.pdf"
    assert document.stored_file.uploaded_by == programme_admin


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"until": "2020-01-01"}, "The end date must be after the start date."),
        ({"parties": 1, "signatories": 1}, "An MOU needs at least two parties."),
        ({"signatories": 1}, "Each party needs a signatory"),
    ],
)
def test_validation_refuses_with_clear_messages(client, programme_admin, changes, message):
    client.force_login(programme_admin)
    response = client.post("/en/admin/mou/mou/add/", mou_post(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MOU.objects.exists()


def test_a_draft_may_lack_signatories(client, programme_admin):
    client.force_login(programme_admin)
    response = client.post(ADD_URL, mou_post(status=Status.DRAFT, signatories=0))
    assert response.status_code == 302
    assert MOU.objects.get().status == Status.DRAFT


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("signed-mou.pdf", EXE_BYTES), "not an allowed type"),
        (SimpleUploadedFile("empty.pdf", b""), "The file is empty."),
        (SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 4096), "the limit is 1"),
    ],
)
@override_settings(FILE_UPLOAD_MAX_BYTES=1024)
def test_bad_uploads_are_refused_and_the_form_is_kept(client, programme_admin, upload, message):
    client.force_login(programme_admin)
    response = client.post("/en/admin/mou/mou/add/", mou_post(upload=upload))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "บันทึกความเข้าใจการพัฒนาเมืองน่าอยู่อัจฉริยะ" in body  # the typed title is kept
    assert 'value="นายผู้ลงนาม 1"' in body  # and the inline rows too
    assert not MOU.objects.exists()
    assert not StoredFile.objects.exists()
    assert not MOUDocument.objects.exists()


@pytest.mark.parametrize("count", [5, 200])
def test_changelist_queries_do_not_grow(
    client, programme_admin, count, django_assert_max_num_queries
):
    _many(count)
    client.force_login(programme_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:mou_mou_changelist"))
    assert response.context["cl"].result_count == count
    assert len(response.context["cl"].result_list) == min(count, 50)


def test_changelist_search_filters_and_buddhist_era(client, programme_admin):
    wanted = signed_mou(title_th="บันทึกความเข้าใจการพัฒนาเมืองน่าอยู่อัจฉริยะ", municipalities=1)
    other = signed_mou(title_th="บันทึกความร่วมมือพลังงาน", status=Status.EXPIRED)
    other.signed_on = dt.date(2023, 1, 5)
    other.save()
    client.force_login(programme_admin)
    url = reverse("admin:mou_mou_changelist")
    assert list(client.get(url, {"q": "น่าอยู่"}).context["cl"].result_list) == [wanted]
    party = wanted.parties.first().organisation
    assert list(client.get(url, {"q": party.name_th[-5:]}).context["cl"].result_list) == [wanted]
    assert list(client.get(url, {"status__exact": "expired"}).context["cl"].result_list) == [other]
    assert list(client.get(url, {"signed_year": "2023"}).context["cl"].result_list) == [other]
    assert list(client.get(url, {"party": party.pk}).context["cl"].result_list) == [wanted]
    town = wanted.municipalities.first().organisation
    assert list(client.get(url, {"municipality": town.pk}).context["cl"].result_list) == [wanted]
    response = client.get(url)
    body = response.content.decode()
    assert "2 ก.ค. 2563" in body
    assert "2566" in body  # year filter in Buddhist Era


def test_export_csv_has_bom_and_thai(client, programme_admin):
    mou = signed_mou()
    client.force_login(programme_admin)
    response = client.post(
        reverse("admin:mou_mou_changelist"),
        {"action": "export_csv", "_selected_action": [mou.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert mou.title_th in text
    assert str(mou.parties.first().organisation) in text


def test_mark_expired_action_and_history(client, programme_admin):
    mou = signed_mou()
    client.force_login(programme_admin)
    client.post(
        reverse("admin:mou_mou_changelist"),
        {"action": "mark_expired", "_selected_action": [mou.pk]},
    )
    mou.refresh_from_db()
    assert mou.status == Status.EXPIRED
    history = client.get(reverse("admin:mou_mou_history", args=[mou.pk]))
    rows = history.context["rows"]
    update = next(row for row in rows if row["label"] == "update")
    assert update["model"] == "บันทึกความเข้าใจ"
    assert update["changes"] == [("สถานะ", ["active", "expired"])]
    assert update["who"] == programme_admin
    assert {row["model"] for row in rows} >= {"บันทึกความเข้าใจ", "คู่ภาคี", "ผู้ลงนามหรือพยาน"}
    assert "นายทดสอบ 0" in history.content.decode()


def test_the_api_never_deletes_an_mou(api_client, programme_admin):
    mou = signed_mou()
    api_client.force_login(programme_admin)
    assert api_client.delete(f"/api/v1/mous/{mou.uuid}/").status_code == 405
    assert MOU.objects.filter(pk=mou.pk).exists()


def test_a_superuser_deletes_an_mou_in_the_admin_with_its_files_and_history(
    client, programme_admin, add_document, django_capture_on_commit_callbacks
):
    from pghistory.models import Events

    mou = signed_mou(municipalities=2)
    stored = add_document(mou).stored_file
    storage, name = stored.file.storage, stored.file.name
    assert storage.exists(name)
    url = reverse("admin:mou_mou_delete", args=[mou.pk])
    client.force_login(programme_admin)  # an MOU ends by its status: administrators may not
    assert client.post(url, {"post": "yes"}).status_code == 403
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"post": "yes"}).status_code == 302
    assert not MOU.objects.filter(pk=mou.pk).exists()
    assert not StoredFile.objects.filter(pk=stored.pk).exists()
    assert not storage.exists(name)
    deleted = Events.objects.filter(
        pgh_obj_model="mou.MOU", pgh_obj_id=str(mou.pk), pgh_label="delete"
    ).get()
    assert deleted.pgh_context["user"] == superuser.pk


def test_removing_a_document_removes_its_stored_file(
    add_document, django_capture_on_commit_callbacks
):
    document = add_document(signed_mou())
    storage, name = document.stored_file.file.storage, document.stored_file.file.name
    with django_capture_on_commit_callbacks(execute=True):
        mou_document_remove(document=document, actor=None)
    assert not MOUDocument.objects.exists()
    assert not StoredFile.objects.exists()
    assert not storage.exists(name)


def test_municipalities_that_joined_with_the_mou_follow_its_signing_date(programme_admin):
    mou = signed_mou(municipalities=2)
    later = mou.municipalities.first()
    later.joined_on = dt.date(2021, 1, 4)
    later.save()
    mou_update(mou=mou, fields={"signed_on": dt.date(2020, 7, 3)}, actor=programme_admin)
    dates = dict(mou.municipalities.values_list("pk", "joined_on"))
    assert dates.pop(later.pk) == dt.date(2021, 1, 4)
    assert list(dates.values()) == [dt.date(2020, 7, 3)]


def test_municipalities_come_from_the_multi_select_with_dates_only_where_they_differ(
    client, programme_admin
):
    at_signing, later = MunicipalityFactory(), MunicipalityFactory()
    data = mou_post(towns=0) | {
        "municipalities": [str(at_signing.pk)],
        **management("municipalities", 1),
        "municipalities-0-organisation": str(later.pk),
        "municipalities-0-joined_on": "2021-01-04",
    }
    client.force_login(programme_admin)
    assert client.post(ADD_URL, data).status_code == 302
    mou = MOU.objects.get()
    joined = dict(mou.municipalities.values_list("organisation", "joined_on"))
    assert joined == {at_signing.pk: dt.date(2020, 7, 2), later.pk: dt.date(2021, 1, 4)}
    page = client.get(reverse("admin:mou_mou_change", args=[mou.pk])).context
    assert page["adminform"].form.fields["municipalities"].initial == [at_signing.pk]
    dated = next(
        f.formset for f in page["inline_admin_formsets"] if f.formset.prefix == "municipalities"
    )
    assert [row.instance.organisation for row in dated.forms] == [later]
