"""The review queue's pages and API: filters, facets, search, refusals, saved views, bulk
assignment, exports, and the old /staff/proposals/ address."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from openpyxl import load_workbook

from applications.models import Application, Assignment, SavedView
from applications.queue.filters import QueueFilter
from applications.workflow import State
from smartcity.accounts.roles import Role
from tests.applications.queue.conftest import many_proposals, matching_everything
from tests.factories.accounts import UserFactory
from tests.lists import assert_filter_refused, bad_value

pytestmark = pytest.mark.django_db
API = "/api/v1/review-queue/"


@pytest.fixture
def made(reviewer):
    made = many_proposals(30, seed=7)
    matching_everything(made, reviewer)
    return made


def references(response) -> list[str]:
    return [a.reference for a in response.context["page"].object_list]


# ---------------------------------------------------------------- the page
def test_staff_see_the_queue_in_thai_and_english(client, reviewer, made):
    client.force_login(reviewer)
    thai = client.get(reverse("queue:list"))
    assert thai.status_code == 200
    assert thai.context["page"].paginator.count == 31
    assert "คิวพิจารณาข้อเสนอ" in thai.content.decode()
    english = client.get("/en/review/")
    assert "Review queue" in english.content.decode()


def test_officers_are_refused_and_anonymous_sent_to_log_in(client, officer):
    assert client.get(reverse("queue:list")).status_code == 302
    client.force_login(officer)
    assert client.get(reverse("queue:list")).status_code == 403


def test_filters_search_and_facets(client, reviewer, made):
    client.force_login(reviewer)
    url = reverse("queue:list")
    mine = client.get(url, {"assigned": "me"})
    assert references(mine) == ["SC-2569-999999"]
    everything = {
        "call": str(made.call.uuid),
        "state": "submitted",
        "region": "north",
        "province": "50",
        "kind": "city_municipality",
        "domain": "mobility",
        "assigned": str(made.reviewers[0].uuid),
        "overdue": "true",
        "q": "เชียงใหม่",
    }
    assert "SC-2569-999999" in references(client.get(url, everything))
    # search: Thai organisation name, English name, DLA code, reference, area
    for term in ("นครเชียงใหม่", "chiang mai", "3500102", "sc-2569-999", "นิมมาน"):
        assert "SC-2569-999999" in references(client.get(url, {"q": term})), term
    # facets: counts per state for the other filters, whatever states are ticked
    response = client.get(url, {"state": "submitted", "assigned": "me"})
    counts = {f.state: f.count for f in response.context["facets"]}
    assert counts[State.SUBMITTED] == 1
    assert sum(counts.values()) == 1


def test_a_bad_filter_is_reported_on_the_page(client, reviewer, made):
    client.force_login(reviewer)
    response = client.get(reverse("queue:list"), {"region": "atlantis", "domain": "mobility"})
    assert response.status_code == 200
    assert response.context["refused"]
    assert "ภาค" in " ".join(response.context["refused"])  # the field's Thai label
    assert response.context["page"].paginator.count > 0  # the other filters still apply


@pytest.mark.parametrize("name", sorted(QueueFilter.base_filters))
def test_the_api_refuses_a_bad_value_naming_the_field(api_client, reviewer, name):
    api_client.force_login(reviewer)
    value = bad_value(name, QueueFilter.base_filters[name])
    if name == "q":
        value = "x" * 101
    assert_filter_refused(api_client, API, name, value)


def test_sorting_is_stable_and_thai_order_for_organisations(client, programme_admin, made):
    client.force_login(programme_admin)
    url = reverse("queue:list")
    rows = client.get(url, {"ordering": "organisation", "page_size": "100"}).context["page"]
    keys = [a.lead_org.sort_key for a in rows.object_list]
    assert keys == sorted(keys)
    first = [a.pk for a in client.get(url, {"ordering": "state"}).context["page"].object_list]
    again = [a.pk for a in client.get(url, {"ordering": "state"}).context["page"].object_list]
    assert first == again


def test_htmx_gets_only_the_results(client, reviewer, made):
    client.force_login(reviewer)
    response = client.get(reverse("queue:list"), {"q": "เชียง"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "queue-table" in html


def test_mean_scores_only_for_administrators_and_committee(client, reviewer, programme_admin, made):
    client.force_login(reviewer)
    assert not client.get(reverse("queue:list")).context["sees_scores"]
    client.force_login(programme_admin)
    assert client.get(reverse("queue:list")).context["sees_scores"]


def test_the_old_staff_queue_address_leads_to_the_queue(client, reviewer):
    client.force_login(reviewer)
    response = client.get("/staff/proposals/", {"waiting": "screen"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("queue:list")
    assert parse_qs(target.query) == {"state": ["screening", "submitted"]}
    overdue = client.get("/staff/proposals/", {"overdue": "1"})
    assert parse_qs(urlsplit(overdue["Location"]).query) == {"overdue": ["true"]}


# ---------------------------------------------------------------- facets cache
def test_facet_counts_are_cached_and_a_transition_refreshes_them(
    client, reviewer, django_capture_on_commit_callbacks
):
    from applications.workflow import advance

    made = many_proposals(5, seed=3)
    client.force_login(reviewer)
    url = reverse("queue:list")
    before = {f.state: f.count for f in client.get(url).context["facets"]}
    Application.objects.filter(call=made.call).update(state=State.SCREENING)  # no transition
    cached = {f.state: f.count for f in client.get(url).context["facets"]}
    assert cached == before
    application = Application.objects.filter(call=made.call).first()
    application.state = State.SUBMITTED
    admin = UserFactory(role=Role.PROGRAMME_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        advance(application, "screen", actor=admin)
    fresh = {f.state: f.count for f in client.get(url).context["facets"]}
    assert fresh[State.SCREENING] == 5


# ---------------------------------------------------------------- saved views
def test_saved_views_are_each_reviewers_own(client, reviewer, made):
    client.force_login(reviewer)
    response = client.post(
        reverse("queue:view-save"), {"name": "ภาคเหนือ", "query": "region=north&page=3&q=เชียง"}
    )
    view = SavedView.objects.get(owner=reviewer)
    assert view.query == urlencode({"q": "เชียง", "region": "north"})  # no page: it is no filter
    assert response["Location"] == reverse("queue:view-open", kwargs={"uuid": view.uuid})
    opened = client.get(response["Location"])
    assert opened["Location"].endswith(f"?{view.query}")
    page = client.get(reverse("queue:list"))
    assert "ภาคเหนือ" in page.content.decode()
    other = UserFactory(role=Role.REVIEWER)
    client.force_login(other)
    assert client.get(reverse("queue:view-open", kwargs={"uuid": view.uuid})).status_code == 404
    assert client.post(reverse("queue:view-delete", kwargs={"uuid": view.uuid})).status_code == 404
    client.force_login(reviewer)
    client.post(reverse("queue:view-delete", kwargs={"uuid": view.uuid}))
    assert not SavedView.objects.exists()


def test_built_in_views_my_queue_and_overdue(client, reviewer, made):
    client.force_login(reviewer)
    html = client.get(reverse("queue:list")).content.decode()
    assert "?assigned=me" in html
    assert "?overdue=true" in html


# ---------------------------------------------------------------- bulk assignment
def test_bulk_assignment_reports_each_refusal_and_keeps_the_selection(client, reviewer, made):
    first, second = Application.objects.filter(call=made.call).order_by("pk")[:2]
    a, b = made.reviewers[1], made.reviewers[2]
    Assignment.objects.filter(application__in=[first, second]).delete()
    Assignment.objects.create(application=first, reviewer=a)
    client.force_login(reviewer)
    picked = [str(first.uuid), str(second.uuid)]
    response = client.post(
        reverse("queue:assign"),
        {"application": picked, "reviewer": [str(a.uuid), str(b.uuid)], "next": "region=north"},
    )
    assert Assignment.objects.filter(application__in=[first, second]).count() == 4
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("3" in t and first.reference in t for t in texts), texts
    refusal = [t for t in texts if "ไม่ได้มอบหมาย" in t]
    assert len(refusal) == 1
    assert first.reference in refusal[0]
    assert str(a) in refusal[0]
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["pick"] == picked
    assert query["region"] == ["north"]
    page = client.get(response["Location"])
    assert page.context["picked"] == set(picked)


def test_bulk_assignment_is_for_assigners_only(client, committee, made):
    client.force_login(committee)
    application = Application.objects.filter(call=made.call).first()
    response = client.post(
        reverse("queue:assign"),
        {"application": [str(application.uuid)], "reviewer": [str(made.reviewers[0].uuid)]},
    )
    assert response.status_code == 403
    assert "queue-assign" not in client.get(reverse("queue:list")).content.decode()


def test_api_bulk_assignment(api_client, programme_admin, made):
    first, second = Application.objects.filter(call=made.call).order_by("pk")[:2]
    a = made.reviewers[1]
    Assignment.objects.filter(application__in=[first, second]).delete()
    Assignment.objects.create(application=first, reviewer=a)
    api_client.force_login(programme_admin)
    body = {"applications": [str(first.uuid), str(second.uuid)], "reviewers": [str(a.uuid)]}
    response = api_client.post(f"{API}assign/", body, format="json")
    assert response.status_code == 409
    assert len(response.data["created"]) == 1
    assert response.data["refused"][0]["reference"] == first.reference
    assert response.data["refused"][0]["reason"]
    unknown = api_client.post(
        f"{API}assign/",
        {"applications": [str(first.uuid)], "reviewers": [str(first.uuid)]},
        format="json",
    )
    assert unknown.status_code == 400
    assert "reviewers" in unknown.json()
    made_ok = api_client.post(
        f"{API}assign/",
        {"applications": [str(second.uuid)], "reviewers": [str(made.reviewers[2].uuid)]},
        format="json",
    )
    assert made_ok.status_code == 201


# ---------------------------------------------------------------- exports
def test_exports_have_every_matching_row_and_escape_formulas(client, programme_admin, made):
    Application.objects.filter(reference="SC-2569-999999").update(area_name="=HYPERLINK(1)")
    client.force_login(programme_admin)
    csv = client.get(reverse("queue:export", kwargs={"kind": "csv"}), {"page_size": "25"})
    assert csv.status_code == 200
    assert csv.content.startswith(b"\xef\xbb\xbf")
    text = csv.content.decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + 31  # headings and every row, not one page
    assert "'=HYPERLINK(1)" in text
    assert "คะแนนเฉลี่ย" in text.splitlines()[0]
    xlsx = client.get(reverse("queue:export", kwargs={"kind": "xlsx"}), {"q": "SC-2569-999999"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert "'=HYPERLINK(1)" in values
    assert client.get(reverse("queue:export", kwargs={"kind": "pdf"})).status_code == 404


def test_reviewers_export_has_no_scores(client, reviewer, made):
    client.force_login(reviewer)
    csv = client.get(reverse("queue:export", kwargs={"kind": "csv"})).content.decode("utf-8-sig")
    assert "คะแนนเฉลี่ย" not in csv.splitlines()[0]


# ---------------------------------------------------------------- the search index
def test_overdue_means_a_late_revision_or_a_late_review(client, reviewer):
    made = many_proposals(0, seed=5)
    application = matching_everything(made, reviewer)
    client.force_login(reviewer)
    url = reverse("queue:list")
    assert references(client.get(url, {"overdue": "true"})) == [application.reference]
    Assignment.objects.filter(application=application).update(
        due_on=timezone.localdate() + dt.timedelta(days=1)
    )
    assert references(client.get(url, {"overdue": "true"})) == []


def test_the_region_filter_keeps_its_choices_once_the_api_schema_is_built(client, reviewer):
    """Building the OpenAPI schema makes the class-level filters' fields (with no choices);
    a page built after it still offers and accepts every region and province."""
    SchemaGenerator().get_schema(request=None, public=True)
    client.force_login(reviewer)
    response = client.get(reverse("queue:list"), {"region": "north", "province": "50"})
    assert response.status_code == 200
    assert not response.context["refused"]
    assert response.context["form"].cleaned_data["region"] == "north"
    assert '<option value="north" selected>' in response.content.decode()
