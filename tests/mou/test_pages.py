from __future__ import annotations

import pytest
from django.urls import reverse

from mou.models import MOU, Status, Visibility
from tests.factories.mou import MOUFactory, signed_mou
from tests.mou.conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


def test_list_shows_public_mous_with_parties_and_hides_internal_and_drafts(client):
    public = signed_mou(municipalities=3)
    internal = signed_mou(visibility=Visibility.INTERNAL)
    draft = MOUFactory(status=Status.DRAFT)
    response = client.get(reverse("mou:mou-list"))
    shown = list(response.context["page"].object_list)
    assert shown == [public]
    assert shown[0].municipality_count == 3
    body = response.content.decode()
    assert str(public.parties.first().organisation) in body
    assert internal.title_th not in body
    assert draft.title_th not in body


def test_staff_see_internal_mous(client, reviewer):
    internal = signed_mou(visibility=Visibility.INTERNAL)
    client.force_login(reviewer)
    assert list(client.get(reverse("mou:mou-list")).context["page"].object_list) == [internal]


def test_search_by_thai_substring_of_title_and_party_name(client):
    wanted = signed_mou(title_th="บันทึกความเข้าใจการพัฒนาเมืองน่าอยู่อัจฉริยะ")
    signed_mou(title_th="บันทึกความร่วมมือด้านพลังงาน")
    found = client.get(reverse("mou:mou-list"), {"q": "น่าอยู่"}).context["page"].object_list
    assert list(found) == [wanted]
    party = wanted.parties.first().organisation
    found = client.get(reverse("mou:mou-list"), {"q": party.name_th[-6:]})
    assert list(found.context["page"].object_list) == [wanted]


def test_filters_by_status_party_and_municipality(client):
    active = signed_mou(municipalities=1)
    expired = signed_mou(status=Status.EXPIRED)
    url = reverse("mou:mou-list")
    rows = client.get(url, {"status": "expired"}).context["page"].object_list
    assert list(rows) == [expired]
    party = active.parties.first().organisation
    assert list(client.get(url, {"party": party.uuid}).context["page"].object_list) == [active]
    town = active.municipalities.first().organisation
    rows = client.get(url, {"municipality": town.uuid}).context["page"].object_list
    assert list(rows) == [active]


def test_the_next_page_keeps_the_chosen_filters(client):
    MOUFactory.create_batch(25, status=Status.EXPIRED, title_th="บันทึกความเข้าใจเมืองน่าอยู่")
    response = client.get(reverse("mou:mou-list"), {"status": "expired", "q": "น่าอยู่"})
    assert response.context["page"].has_next()
    body = response.content.decode()
    assert 'href="?status=expired&amp;q=%E0%B8%99' in body  # both filters, then the page
    assert "page=2" in body
    page_two = client.get(reverse("mou:mou-list"), {"status": "expired", "q": "น่าอยู่", "page": 2})
    assert len(page_two.context["page"].object_list) == 5


def test_detail_shows_people_municipalities_timeline_and_public_documents_only(
    client, add_document
):
    mou = signed_mou(municipalities=2)
    public = add_document(mou, title="ฉบับลงนาม")
    internal = add_document(mou, visibility=Visibility.INTERNAL, title="บันทึกภายใน")
    response = client.get(reverse("mou:mou-detail", kwargs={"uuid": mou.uuid}))
    body = response.content.decode()
    assert "นายทดสอบ 1" in body
    assert "2 ก.ค. 2563" in body  # Buddhist Era on Thai pages
    assert public.title in body
    assert internal.title not in body
    assert [entry.label for entry in response.context["timeline"]][:2] == ["ลงนาม", "มีผลใช้บังคับ"]
    english = client.get(f"/en/mous/{mou.uuid}/").content.decode()
    assert "2 Jul 2020" in english
    assert mou.title_en in english


BILINGUAL = {
    "subject_th": "ความร่วมมือด้านเมืองอัจฉริยะ",
    "subject_en": "Cooperation on smart cities",
    "objectives_th": "ส่งเสริมคุณภาพชีวิตของประชาชน",
    "objectives_en": "To improve citizens' quality of life",
    "place_th": "ศาลากลางจังหวัดเชียงใหม่",
    "place_en": "Chiang Mai Provincial Hall",
}


def test_detail_shows_subject_objectives_and_place_in_the_page_language(client):
    mou = signed_mou(**BILINGUAL)
    thai = client.get(f"/mous/{mou.uuid}/").content.decode()
    english = client.get(f"/en/mous/{mou.uuid}/").content.decode()
    for name in ("subject", "objectives", "place"):
        th, en = BILINGUAL[f"{name}_th"], BILINGUAL[f"{name}_en"]
        assert th in thai
        assert en not in thai
        assert en.replace("'", "&#x27;") in english
        assert th not in english


def test_english_page_falls_back_to_thai_where_english_is_blank(client):
    thai_only = {key: value for key, value in BILINGUAL.items() if key.endswith("_th")}
    mou = signed_mou(**thai_only, title_en="")
    english = client.get(f"/en/mous/{mou.uuid}/").content.decode()
    for value in thai_only.values():
        assert value in english
    assert mou.title_th in english


def test_api_gives_both_languages_and_keeps_the_old_names_as_thai(api_client, programme_admin):
    mou = signed_mou(**BILINGUAL)
    row = api_client.get(f"/api/v1/mous/{mou.uuid}/").data
    for name in ("subject", "objectives", "place"):
        assert row[f"{name}_th"] == BILINGUAL[f"{name}_th"]
        assert row[f"{name}_en"] == BILINGUAL[f"{name}_en"]
        assert row[name] == BILINGUAL[f"{name}_th"]  # the name clients used before
    api_client.force_login(programme_admin)
    changed = api_client.patch(
        f"/api/v1/mous/{mou.uuid}/",
        {"subject": "หัวข้อใหม่", "place_en": "Bangkok", "objectives_th": "วัตถุประสงค์ใหม่"},
        format="json",
    )
    assert changed.status_code == 200, changed.data
    mou.refresh_from_db()
    assert (mou.subject_th, mou.subject_en) == ("หัวข้อใหม่", BILINGUAL["subject_en"])
    assert (mou.place_th, mou.place_en) == (BILINGUAL["place_th"], "Bangkok")
    assert mou.objectives_th == "วัตถุประสงค์ใหม่"


def test_internal_mou_is_404_for_public_and_200_for_staff(client, officer, reviewer):
    mou = signed_mou(visibility=Visibility.INTERNAL)
    url = reverse("mou:mou-detail", kwargs={"uuid": mou.uuid})
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 404
    client.force_login(reviewer)
    assert client.get(url).status_code == 200


def test_documents_public_for_anyone_internal_404_except_staff(
    client, officer, programme_admin, add_document
):
    mou = signed_mou()
    public = add_document(mou)
    internal = add_document(mou, visibility=Visibility.INTERNAL)

    def get(document):
        url = reverse("mou:document-download", kwargs={"uuid": document.stored_file.uuid})
        return client.get(url)

    response = get(public)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert get(internal).status_code == 404
    client.force_login(officer)
    assert get(internal).status_code == 404
    client.force_login(programme_admin)
    assert get(internal).status_code == 200


def test_home_lists_latest_public_mous(client):
    old = signed_mou(title_th="บันทึกฉบับเก่า")
    old.signed_on = old.signed_on.replace(year=2019)
    old.save()
    new = signed_mou(title_th="บันทึกฉบับใหม่")
    hidden = signed_mou(title_th="บันทึกฉบับลับ", visibility=Visibility.INTERNAL)
    body = client.get("/").content.decode()
    assert body.index(new.title_th) < body.index(old.title_th)
    assert hidden.title_th not in body


def _many(count: int) -> None:
    parties = [signed_mou(municipalities=2) for _ in range(min(count, 5))]
    template = parties[0]
    rest = [
        MOU(
            reference_number=f"BULK-{n}",
            title_th=f"บันทึกจำนวนมาก {n}",
            status=Status.ACTIVE,
            signed_on=template.signed_on,
        )
        for n in range(count - len(parties))
    ]
    created = MOU.objects.bulk_create(rest)
    links = [
        party.__class__(mou=mou, organisation=party.organisation, order=party.order)
        for mou in created
        for party in template.parties.all()
    ]
    template.parties.model.objects.bulk_create(links)


@pytest.mark.parametrize("count", [5, 200])
def test_list_page_queries_do_not_grow(client, count, django_assert_max_num_queries):
    _many(count)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("mou:mou-list"))
    assert len(response.context["page"].object_list) == min(count, 20)
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [5, 200])
def test_api_list_queries_do_not_grow(api_client, count, django_assert_max_num_queries):
    _many(count)
    with django_assert_max_num_queries(12):
        response = api_client.get("/api/v1/mous/")
    assert response.status_code == 200
    assert response.data["count"] == count
    assert len(response.data["results"][0]["parties"]) == 2


def test_api_refuses_activation_without_parties(api_client, programme_admin):
    api_client.force_login(programme_admin)
    created = api_client.post(
        "/api/v1/mous/",
        {"reference_number": "API-1", "title_th": "บันทึกทดสอบ", "status": "draft"},
        format="json",
    )
    assert created.status_code == 201
    url = f"/api/v1/mous/{created.data['uuid']}/"
    refused = api_client.patch(url, {"status": "active"}, format="json")
    assert refused.status_code == 400
    assert "status" in refused.data
    assert MOU.objects.get(reference_number="API-1").status == Status.DRAFT
    backwards = api_client.patch(
        url, {"effective_from": "2021-01-01", "effective_until": "2020-01-01"}, format="json"
    )
    assert backwards.status_code == 400
    assert "effective_until" in backwards.data


def test_organisation_page_lists_its_visible_mous(client, reviewer):
    public = signed_mou(municipalities=1)
    town = public.municipalities.first().organisation
    internal = signed_mou(visibility=Visibility.INTERNAL)
    internal.municipalities.create(organisation=town)
    other = signed_mou(title_th="บันทึกที่ไม่เกี่ยวข้อง")
    url = reverse("municipalities:organisation-detail", kwargs={"key": town.uuid})
    body = client.get(url).content.decode()
    assert public.title_th in body
    assert internal.title_th not in body
    assert other.title_th not in body
    client.force_login(reviewer)
    assert internal.title_th in client.get(url).content.decode()
    party = public.parties.first().organisation
    party_page = client.get(
        reverse("municipalities:organisation-detail", kwargs={"key": party.uuid})
    ).content.decode()
    assert public.title_th in party_page


def test_demo_mou_page_says_it_has_no_end_date_and_links_its_12_municipalities(client):
    from mou import demo
    from tests.factories.municipalities import PILOT_CODES, registry_load

    registry_load(PILOT_CODES)
    demo.load()
    mou = MOU.objects.get(reference_number=demo.REFERENCE)
    body = client.get(reverse("mou:mou-detail", kwargs={"uuid": mou.uuid})).content.decode()
    assert "ตั้งแต่ 2 ก.ค. 2563 โดยไม่มีวันสิ้นสุด" in body
    assert "\u2013 \u2014" not in body  # no dash standing for the missing end
    for town in mou.municipalities.select_related("organisation"):
        url = reverse("municipalities:organisation-detail", args=[town.organisation.uuid])
        assert f'<a href="{url}">{town.organisation}</a>' in body
    english = client.get(f"/en/mous/{mou.uuid}/").content.decode()
    assert "From 2 Jul 2020, with no end date" in english


@pytest.mark.parametrize("status", Status.values)
def test_each_status_badge_has_its_own_colour(client, reviewer, status):
    from mou.models import STATUS_BADGES

    assert len(set(STATUS_BADGES.values())) == len(Status.values)
    mou = signed_mou(status=status)
    client.force_login(reviewer)  # reviewers see drafts too
    badge = f'<span class="badge {STATUS_BADGES[status]}">{mou.get_status_display()}</span>'
    assert badge in client.get(mou.get_absolute_url()).content.decode()
    assert badge in client.get(reverse("mou:mou-list")).content.decode()
