"""Every route and every role → the HTTP status expected; adding a route is one entry in MATRIX.

Keys are route names (`namespace:name`) as the resolver reports them; `name#case` adds another
call of the same route (e.g. a POST). Entries state the expected status per role; helpers below
spell the usual patterns. Translated routes are checked at `/…` and `/en/…`. Admin routes share
the `admin:*` entry unless they differ. Statuses follow the visibility policy:
anonymous on a private page → 302 to login, on the API → 401; an object the role may not see →
404; a visible object with a forbidden action → 403.

STAFF is an extra persona, checked only by the entries that name it: a Django staff user with
no programme role. Accounts keep `is_staff` in step with the administrator role, so it should not
occur, but the MOU rules name it (it sees internal MOUs, it gets no MOU admin).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ANONYMOUS = "anonymous"
PENDING_OFFICER = "pending_officer"
OFFICER_A = "officer_a"
OFFICER_B = "officer_b"
REVIEWER = "reviewer"
COMMITTEE = "committee"
ADMIN = "admin"
ASSIGNED_REVIEWER = "assigned_reviewer"  # a reviewer assigned to the submitted proposal
PARTNER_OFFICER = "partner_officer"  # an officer of a partner named by the submitted proposal
ROLES = (
    ANONYMOUS,
    PENDING_OFFICER,
    OFFICER_A,
    OFFICER_B,
    REVIEWER,
    ASSIGNED_REVIEWER,
    PARTNER_OFFICER,
    COMMITTEE,
    ADMIN,
)
SIGNED_IN = ROLES[1:]
STAFF = "staff"  # extra persona, see the module docstring
# a reviewer who was assigned to the submitted proposal and declared a conflict of interest on it:
# checked on every route; unless an entry says otherwise it gets what REVIEWER (the unassigned
# reviewer) gets, since the declaration ended the assignment (issue 17)
CONFLICTED_REVIEWER = "conflicted_reviewer"
MOU_STAFF = (
    REVIEWER,
    ASSIGNED_REVIEWER,
    ADMIN,
    STAFF,
)  # may see internal and draft MOUs (mou/rules.py)

Kwargs = Callable[[Any], dict[str, Any]]  # takes the `world` fixture (tests/permissions)


@dataclass(frozen=True)
class Route:
    """How to call one route and what each role gets back."""

    expect: dict[str, int]
    kwargs: Kwargs | None = None
    method: str = "get"
    data: dict[str, Any] | Kwargs = field(default_factory=dict)  # or built from the world
    format: str | None = None  # "json" for API writes

    def __post_init__(self) -> None:
        if REVIEWER in self.expect:
            self.expect.setdefault(CONFLICTED_REVIEWER, self.expect[REVIEWER])


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in(ok: int = 200, **overrides: int) -> dict[str, int]:
    """A private page: anonymous is sent to the login page."""
    return {ANONYMOUS: 302, **dict.fromkeys(SIGNED_IN, ok), **overrides}


def api_signed_in(ok: int = 200, **overrides: int) -> dict[str, int]:
    """A private endpoint: anonymous gets 401 (token or session authentication)."""
    return {ANONYMOUS: 401, **dict.fromkeys(SIGNED_IN, ok), **overrides}


def admin_site(ok: int = 200) -> dict[str, int]:
    """Django admin: only programme administrators are staff; others go to the admin login."""
    return {**dict.fromkeys(ROLES, 302), ADMIN: ok}


def mou_staff_only(ok: int = 200) -> dict[str, int]:
    """An internal or draft MOU: not visible (404) to anyone but the MOU staff."""
    return {**everyone(404), **dict.fromkeys(MOU_STAFF, ok)}


def mou_admins_write(ok: int) -> dict[str, int]:
    """An API write on a visible MOU: programme administrators only; anonymous must sign in."""
    return {**api_signed_in(403), STAFF: 403, ADMIN: ok}


def mou_admin_site(ok: int = 200) -> dict[str, int]:
    """MOU admin: non-staff go to the admin login; staff without the admin role get 403."""
    return {**admin_site(ok), STAFF: 403}


def org_a_members(w: Any) -> dict[str, Any]:
    return {"uuid": w.org_a.uuid}


def pending_membership(w: Any) -> dict[str, Any]:
    return {"uuid": w.pending_membership.uuid}


def notification_of_officer_a(w: Any) -> dict[str, Any]:
    return {"uuid": w.notification_of_officer_a.uuid}


def public_mou(w: Any) -> dict[str, Any]:
    return {"uuid": w.public_mou.uuid}


def internal_mou(w: Any) -> dict[str, Any]:
    return {"uuid": w.internal_mou.uuid}


def public_mou_in_admin(w: Any) -> dict[str, Any]:
    return {"object_id": w.public_mou.pk}


def draft_of_a(w: Any) -> dict[str, Any]:
    return {"uuid": w.draft_of_a.uuid}


def submitted_of_a(w: Any) -> dict[str, Any]:
    return {"uuid": w.submitted_of_a.uuid}


# who sees the whole submitted proposal (versions, files, timeline)
SEES_FULL = (OFFICER_A, ASSIGNED_REVIEWER, ADMIN)


def full_view(ok: int = 200) -> dict[str, int]:
    """The whole submitted proposal: lead officers, the assigned reviewer, administrators."""
    return {**api_signed_in(404), **dict.fromkeys(SEES_FULL, ok)}


def new_draft(w: Any) -> dict[str, Any]:
    return {"call": str(w.call.uuid), "lead_org": str(w.org_a.uuid), "area_name": "เขตใหม่"}


def draft_section(w: Any) -> dict[str, Any]:
    return {"uuid": w.draft_of_a.uuid, "section": "profile"}


def version_1(w: Any) -> dict[str, Any]:
    return {"uuid": w.submitted_of_a.uuid, "number": 1}


def lead_officer_only(ok: int) -> dict[str, Any]:
    """Organisation A's draft: its approved officer and programme administrators (who may do
    everything); nobody else sees it (404)."""
    return {**signed_in(404), OFFICER_A: ok, ADMIN: ok}


def versions_readers(ok: int = 200) -> dict[str, Any]:
    """A submitted proposal's versions: those who see it whole, and the partner's officers
    (an unassigned reviewer sees the summary only, committee members not before their stage)."""
    return {**signed_in(404), **dict.fromkeys((*SEES_FULL, PARTNER_OFFICER), ok)}


NEW_MOU = {"reference_number": "NEW-1", "title_th": "บันทึกใหม่", "status": "draft"}


# ------------------------------------------------------------ decisions (screening to certificate)
def decisions(w: Any) -> Any:
    """A certified proposal of organisation A (the world's reviewer assigned), with an internal
    comment's file and a committee meeting; made once per world, on first use."""
    if not hasattr(w, "decisions"):
        from applications.models import AgendaItem, Assignment, Body, RevisionRequest
        from applications.services.comments import comment_create
        from applications.services.meetings import meeting_create
        from tests.applications.decisions import certified_proposal, office_admin
        from tests.factories.applications import approved_officer

        application = certified_proposal(lead_org=w.org_a, contact=approved_officer(w.org_a))
        Assignment.objects.create(application=application, reviewer=w.users[ASSIGNED_REVIEWER])
        admin = office_admin()
        meeting = meeting_create(
            actor=admin,
            body=Body.COMMITTEE,
            number="9/2569",
            date=application.certificate.certified_on,
        )
        AgendaItem.objects.create(meeting=meeting, application=application, order=1)
        comment = comment_create(
            application=application, author=admin, body="ภายใน", is_internal=True, upload=_pdf()
        )
        w.decisions = {
            "application": application,
            "certificate": application.certificate,
            "meeting": meeting,
            "revision": RevisionRequest.objects.create(
                application=application, points="ก", deadline=meeting.date, requested_by=admin
            ),
            "internal_file": comment.stored_file,
        }
    return w.decisions


def _pdf() -> Any:
    from tests.permissions.conftest import pdf

    return pdf()


def certified_application(w: Any) -> dict[str, Any]:
    return {"uuid": decisions(w)["application"].uuid}


def certified_application_api(w: Any) -> dict[str, Any]:
    return {"application_uuid": decisions(w)["application"].uuid}


def certificate_of_a(w: Any) -> dict[str, Any]:
    return {"uuid": decisions(w)["certificate"].uuid}


def committee_meeting(w: Any) -> dict[str, Any]:
    return {"uuid": decisions(w)["meeting"].uuid}


def internal_comment_file(w: Any) -> dict[str, Any]:
    return {"uuid": decisions(w)["internal_file"].uuid}


# staff by role (queue, meetings); those who work on the certified proposal (the reviewer assigned
# to it, committee members at this stage, programme administrators)
DECISION_STAFF = (REVIEWER, ASSIGNED_REVIEWER, COMMITTEE, ADMIN)
WORKING_ON_IT = (ASSIGNED_REVIEWER, COMMITTEE, ADMIN)


def lead_and_staff(ok: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    """The proposal's lead officers and the staff working on it; 404 for anyone else."""
    return {
        **everyone(404),
        ANONYMOUS: anonymous,
        OFFICER_A: ok,
        **dict.fromkeys(WORKING_ON_IT, ok),
        **overrides,
    }


def working_on_it(ok: int, *, anonymous: int = 302) -> dict[str, int]:
    return {**everyone(404), ANONYMOUS: anonymous, **dict.fromkeys(WORKING_ON_IT, ok)}


def decision_staff(ok: int, others: int = 403, *, anonymous: int = 302) -> dict[str, int]:
    return {**everyone(others), ANONYMOUS: anonymous, **dict.fromkeys(DECISION_STAFF, ok)}


def meeting_managers(ok: int, *, anonymous: int = 302) -> dict[str, int]:
    return {**everyone(403), ANONYMOUS: anonymous, COMMITTEE: ok, ADMIN: ok}


ASSIGNERS = (REVIEWER, ASSIGNED_REVIEWER, CONFLICTED_REVIEWER, ADMIN)


def submitted_of_a_api(w: Any) -> dict[str, Any]:
    return {"application_uuid": w.submitted_of_a.uuid}


def reviews_api(admin: int) -> dict[str, int]:
    """/api/v1/applications/<submitted>/reviews/…: hidden from those who cannot see the proposal,
    refused to its applicant and other reviewers, 409 for the undeclared assigned reviewer."""
    return {
        **api_signed_in(404),
        **dict.fromkeys((OFFICER_A, REVIEWER, PARTNER_OFFICER), 403),
        ASSIGNED_REVIEWER: 409,
        ADMIN: admin,
    }


# ------------------------------------------------------------ the review queue (/review/)


def assigners(ok: int, *, anonymous: int = 302) -> dict[str, int]:
    """Bulk assignment: reviewers and programme administrators; committee members and officers
    are refused (403)."""
    return {**everyone(403), ANONYMOUS: anonymous, **dict.fromkeys(ASSIGNERS, ok)}


def saved_view_of_reviewer(w: Any) -> dict[str, Any]:
    """The world's (unassigned) reviewer's saved view: only they open or delete it; other staff
    get 404, officers 403."""
    if not hasattr(w, "saved_view"):
        from applications.models import SavedView

        w.saved_view = SavedView.objects.create(
            owner=w.users[REVIEWER], name="ภาคเหนือ", query="region=north"
        )
    return {"uuid": w.saved_view.uuid}


def saved_view_owner(ok: int) -> dict[str, int]:
    return {**decision_staff(404), REVIEWER: ok, CONFLICTED_REVIEWER: 404}


MATRIX: dict[str, Route] = {
    # platform
    "home": Route(everyone(200)),
    "favicon": Route(everyone(200)),
    "livez": Route(everyone(200)),
    "healthz": Route(everyone(503)),  # no Celery worker in the test run
    "files:file-download": Route(
        {**signed_in(404), ANONYMOUS: 404, OFFICER_A: 200, ADMIN: 200},
        kwargs=lambda w: {"uuid": w.file_of_officer_a.uuid},
    ),
    # accounts: pages
    "accounts:login": Route(everyone(200)),
    "accounts:logout": Route(everyone(302), method="post"),
    "accounts:login-code": Route(everyone(302)),  # nobody pending: back to the password step
    "accounts:two-factor-setup": Route(signed_in()),
    "accounts:signup": Route(everyone(200)),
    "accounts:signup-done": Route(everyone(200)),
    "accounts:verify-email": Route(everyone(200), kwargs=lambda w: {"uidb64": "x", "token": "y"}),
    # the same answer whether or not the address waits for verification
    "accounts:verification-resend": Route(everyone(200)),
    "accounts:verification-resend#send": Route(
        everyone(200), method="post", data={"email": "nobody@example.go.th"}
    ),
    "accounts:dashboard": Route(signed_in()),
    "accounts:organisation-search": Route(everyone(200), data={"q": "เทศบาล"}),
    "accounts:organisation-members": Route(
        {**signed_in(404), OFFICER_A: 200, ADMIN: 200},  # a pending request is not membership
        kwargs=org_a_members,
    ),
    "accounts:organisation-members#invite": Route(
        {**signed_in(404), OFFICER_A: 200, ADMIN: 200},
        kwargs=org_a_members,
        method="post",
        data={"email": "not-an-email"},
    ),
    # approved officers of the organisation decide with administrators (then back to the page)
    "accounts:membership-approve": Route(
        {**signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 302, ADMIN: 302},
        kwargs=pending_membership,
        method="post",
    ),
    "accounts:membership-refuse": Route(
        {**signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 302, ADMIN: 302},
        kwargs=pending_membership,
        method="post",
        data={"reason": "ไม่ใช่เจ้าหน้าที่ของหน่วยงาน"},
    ),
    "accounts:profile": Route(signed_in()),
    "accounts:profile-export": Route(signed_in()),
    "accounts:profile-close": Route(signed_in()),
    "accounts:password-change": Route(signed_in()),
    "accounts:password-change-done": Route(signed_in()),
    "accounts:password-reset": Route(everyone(200)),
    "accounts:password-reset-done": Route(everyone(200)),
    "accounts:password-reset-confirm": Route(
        everyone(200), kwargs=lambda w: {"uidb64": "x", "token": "y"}
    ),
    "accounts:password-reset-complete": Route(everyone(200)),
    # the Government Website Standard's pages: public
    "pages:contact": Route(everyone(200)),
    "pages:website-policy": Route(everyone(200)),
    "pages:privacy": Route(everyone(200)),
    "pages:security": Route(everyone(200)),
    "pages:accessibility": Route(everyone(200)),
    "pages:sitemap": Route(everyone(200)),
    # municipalities: the registry is public
    "municipalities:organisation-list": Route(everyone(200)),
    "municipalities:organisation-detail": Route(
        everyone(200), kwargs=lambda w: {"key": w.org_a.uuid}
    ),
    "api:region-list": Route(everyone(200)),
    "api:region-detail": Route(everyone(200), kwargs=lambda w: {"code": "north"}),
    "api:province-list": Route(everyone(200)),
    "api:province-detail": Route(everyone(200), kwargs=lambda w: {"code": "50"}),
    "api:organisation-list": Route(everyone(200)),
    "api:organisation-detail": Route(everyone(200), kwargs=lambda w: {"uuid": w.org_a.uuid}),
    # API
    "api:api-root": Route(everyone(200)),
    "api:schema": Route(everyone(200)),
    "api:docs": Route(everyone(200)),
    "api:auth-token": Route(everyone(405)),  # POST only
    "api:me": Route(api_signed_in()),
    "api:membership-list": Route(api_signed_in()),
    "api:membership-detail": Route(
        {**api_signed_in(404), PENDING_OFFICER: 200, OFFICER_A: 200, ADMIN: 200},
        kwargs=pending_membership,
    ),
    "api:membership-approve": Route(
        {**api_signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 200, ADMIN: 200},
        kwargs=pending_membership,
        method="post",
    ),
    "api:membership-refuse": Route(
        {**api_signed_in(404), PENDING_OFFICER: 403, OFFICER_A: 200, ADMIN: 200},
        kwargs=pending_membership,
        method="post",
    ),
    # notifications: each user sees only their own (another user's → 404)
    "notifications:list": Route(signed_in()),
    "notifications:bell": Route(signed_in()),
    "notifications:preferences": Route(signed_in()),
    "notifications:notification-open": Route(  # marks read, then follows the link
        {**signed_in(404), OFFICER_A: 302}, kwargs=notification_of_officer_a
    ),
    "notifications:notification-read": Route(
        {**signed_in(404), OFFICER_A: 302}, kwargs=notification_of_officer_a, method="post"
    ),
    "notifications:notification-read-all": Route(signed_in(302), method="post"),
    "api:notification-list": Route(api_signed_in()),
    "api:notification-detail": Route(
        {**api_signed_in(404), OFFICER_A: 200}, kwargs=notification_of_officer_a
    ),
    "api:notification-read": Route(
        {**api_signed_in(404), OFFICER_A: 200}, kwargs=notification_of_officer_a, method="post"
    ),
    "api:notification-read-all": Route(api_signed_in(), method="post"),
    "api:notification-unread-count": Route(api_signed_in()),
    # the officer's form (applications/form_views.py)
    "applications:application-start": Route(
        {**signed_in(403), OFFICER_A: 302, ADMIN: 302},
        kwargs=lambda w: {"call": w.draft_of_a.call.uuid, "organisation": w.org_a.uuid},
        method="post",
    ),
    "applications:application-edit": Route(lead_officer_only(200), kwargs=draft_section),
    "applications:application-edit#save": Route(
        lead_officer_only(302), kwargs=draft_section, method="post", data={"area_name": "ยะลา"}
    ),
    "applications:project-add": Route(lead_officer_only(200), kwargs=draft_of_a, method="post"),
    "applications:kpi-add": Route(
        lead_officer_only(200),
        kwargs=lambda w: {"uuid": w.draft_of_a.uuid, "project": w.draft_of_a.projects.first().uuid},
        method="post",
    ),
    "applications:versions-compare": Route(
        versions_readers(),
        kwargs=lambda w: {"uuid": w.submitted_of_a.uuid},
        data={"older": 1, "newer": 1},
    ),
    "applications:version-pdf": Route(versions_readers(), kwargs=version_1),
    "applications:version-print": Route(versions_readers(), kwargs=version_1),
    # MOU: public records for everyone; internal and draft ones, internal documents for MOU staff
    "mou:mou-list": Route({**everyone(200), STAFF: 200}),
    "mou:mou-detail": Route({**everyone(200), STAFF: 200}, kwargs=public_mou),
    "mou:mou-detail#internal": Route(mou_staff_only(), kwargs=internal_mou),
    "mou:mou-detail#draft": Route(mou_staff_only(), kwargs=lambda w: {"uuid": w.draft_mou.uuid}),
    "mou:document-download": Route(
        {**everyone(200), STAFF: 200},
        kwargs=lambda w: {"uuid": w.public_document.stored_file.uuid},
    ),
    "mou:document-download#internal-document": Route(
        mou_staff_only(), kwargs=lambda w: {"uuid": w.internal_document.stored_file.uuid}
    ),
    "mou:document-download#document-of-internal-mou": Route(
        mou_staff_only(), kwargs=lambda w: {"uuid": w.document_of_internal_mou.stored_file.uuid}
    ),
    "mou:document-download#not-an-mou-document": Route(  # the MOU route serves MOU files only
        {**everyone(404), STAFF: 404}, kwargs=lambda w: {"uuid": w.file_of_officer_a.uuid}
    ),
    "api:mou-list": Route({**everyone(200), STAFF: 200}),
    "api:mou-list#create": Route(mou_admins_write(201), method="post", data=NEW_MOU, format="json"),
    "api:mou-detail": Route({**everyone(200), STAFF: 200}, kwargs=public_mou),
    "api:mou-detail#internal": Route(mou_staff_only(), kwargs=internal_mou),
    "api:mou-detail#update": Route(
        mou_admins_write(200),
        kwargs=public_mou,
        method="patch",
        data={"title_en": "Renamed"},
        format="json",
    ),
    # never deleted through the API: an MOU ends as terminated or superseded
    "api:mou-detail#delete": Route(
        {**api_signed_in(405), STAFF: 405}, kwargs=public_mou, method="delete"
    ),
    # a write on an MOU the role may not even see: 404, as a read would answer
    "api:mou-detail#update-internal": Route(
        {
            **mou_admins_write(200),
            **dict.fromkeys(
                (PENDING_OFFICER, OFFICER_A, OFFICER_B, PARTNER_OFFICER, COMMITTEE), 404
            ),
        },
        kwargs=internal_mou,
        method="patch",
        data={"title_en": "Renamed"},
        format="json",
    ),
    # decisions: /cities/, the office's pages, meetings, certificates, their API
    "decisions:city-list": Route(everyone(200)),
    "decisions:staff-queue": Route(everyone(302)),  # the old address: on to /review/
    "queue:list": Route(decision_staff(200)),
    "queue:export": Route(decision_staff(200), kwargs=lambda w: {"kind": "csv"}),
    "queue:export#xlsx": Route(decision_staff(200), kwargs=lambda w: {"kind": "xlsx"}),
    "queue:assign": Route(  # nothing ticked: a message, back to the queue
        assigners(302), method="post", data={"application": [], "reviewer": []}
    ),
    "queue:view-save": Route(decision_staff(302), method="post", data={"name": "ของฉัน"}),
    "queue:view-open": Route(saved_view_owner(302), kwargs=saved_view_of_reviewer),
    "queue:view-delete": Route(saved_view_owner(302), kwargs=saved_view_of_reviewer, method="post"),
    "api:review-queue-list": Route(decision_staff(200, anonymous=401)),
    "api:review-queue-facets": Route(decision_staff(200, anonymous=401)),
    "api:review-queue-assign": Route(  # a reviewer nobody has: 400 naming the field
        assigners(400, anonymous=401),
        method="post",
        data=lambda w: {
            "applications": [str(w.submitted_of_a.uuid)],
            "reviewers": ["00000000-0000-0000-0000-000000000000"],
        },
        format="json",
    ),
    "decisions:workspace": Route(working_on_it(200), kwargs=certified_application),
    "decisions:move": Route(  # an illegal move: a message and back to the page
        working_on_it(302),
        kwargs=lambda w: {**certified_application(w), "move": "certify"},
        method="post",
    ),
    "decisions:deadline-extend": Route(
        working_on_it(302), kwargs=lambda w: {"uuid": decisions(w)["revision"].uuid}, method="post"
    ),
    "decisions:meeting-list": Route(decision_staff(200)),
    "decisions:meeting-detail": Route(decision_staff(200), kwargs=committee_meeting),
    "decisions:meeting-decide": Route(
        meeting_managers(302), kwargs=committee_meeting, method="post"
    ),
    "decisions:meeting-document": Route(
        decision_staff(200), kwargs=lambda w: {**committee_meeting(w), "kind": "minutes"}
    ),
    "decisions:revision-answer": Route(lead_and_staff(200), kwargs=certified_application),
    "decisions:comment-add": Route(
        lead_and_staff(302), kwargs=certified_application, method="post", data={"body": "ขอบคุณ"}
    ),
    "decisions:comment-file-download": Route(  # an internal comment's file: staff only
        working_on_it(200, anonymous=404), kwargs=internal_comment_file
    ),
    "decisions:certificate-document": Route(  # every staff member, the certified organisation
        lead_and_staff(200, reviewer=200),
        kwargs=lambda w: {**certificate_of_a(w), "kind": "letter"},
    ),
    "api:certificate-list": Route(everyone(200)),
    "api:certificate-detail": Route(everyone(200), kwargs=certificate_of_a),
    "api:meeting-list": Route(decision_staff(200, anonymous=401)),
    "api:meeting-detail": Route(decision_staff(200, anonymous=401), kwargs=committee_meeting),
    "api:meeting-agenda": Route(  # a proposal nobody can see: 404
        meeting_managers(404, anonymous=401),
        kwargs=committee_meeting,
        method="post",
        data={"application": "00000000-0000-0000-0000-000000000000"},
        format="json",
    ),
    "api:meeting-decisions": Route(
        meeting_managers(200, anonymous=401),
        kwargs=committee_meeting,
        method="post",
        data=[],
        format="json",
    ),
    "api:application-moves-list": Route(  # reviewers see every submitted proposal's summary
        lead_and_staff(200, anonymous=401, reviewer=200), kwargs=certified_application_api
    ),
    "api:application-moves-list#post": Route(  # certifying again: 409 for all who see it
        lead_and_staff(409, anonymous=401, reviewer=409),
        kwargs=certified_application_api,
        method="post",
        data={"move": "certify"},
        format="json",
    ),
    "api:application-comments-list": Route(
        lead_and_staff(200, anonymous=401), kwargs=certified_application_api
    ),
    "api:application-comments-list#post": Route(
        lead_and_staff(201, anonymous=401),
        kwargs=certified_application_api,
        method="post",
        data={"body": "ขอบคุณ"},
        format="json",
    ),
    # Django admin: every admin route; the test calls those that need no arguments
    "admin:*": Route(admin_site()),
    "admin:login": Route(everyone(302)),  # to the portal's login page, with its two-factor step
    "admin:logout": Route(everyone(302), method="post"),
    "admin:accounts_auditlog_add": Route(admin_site(403)),  # the audit log is append-only
    # sign-in records and API tokens: superusers only (smartcity/admin.py), and axes adds no row
    "admin:axes_accessattempt_changelist": Route(admin_site(403)),
    "admin:axes_accessattempt_add": Route(admin_site(403)),
    "admin:axes_accessfailurelog_changelist": Route(admin_site(403)),
    "admin:axes_accessfailurelog_add": Route(admin_site(403)),
    "admin:axes_accesslog_changelist": Route(admin_site(403)),
    "admin:axes_accesslog_add": Route(admin_site(403)),
    "admin:authtoken_tokenproxy_changelist": Route(admin_site(403)),
    "admin:authtoken_tokenproxy_add": Route(admin_site(403)),
    "admin:notifications_notification_add": Route(admin_site(403)),  # rows come from notify()
    "admin:autocomplete": Route(admin_site(403)),  # 403 without its field parameters
    "admin:municipalities_organisation_process_import": Route(admin_site(405)),  # POST only
    "admin:mou_mou_changelist": Route(mou_admin_site()),
    "admin:mou_mou_add": Route(mou_admin_site()),
    "admin:mou_mou_change": Route(mou_admin_site(), kwargs=public_mou_in_admin),
    "admin:mou_mou_history": Route(mou_admin_site(), kwargs=public_mou_in_admin),
    # only superusers delete an MOU (tests/mou/test_admin.py)
    "admin:mou_mou_delete": Route(mou_admin_site(403), kwargs=public_mou_in_admin),
    # Django's app index answers 404 when the user may see none of the app's models
    "admin:app_list#mou": Route(
        {**mou_admin_site(), STAFF: 404}, kwargs=lambda w: {"app_label": "mou"}
    ),
    # proposals: calls are public; a draft only for its lead organisation; reviewers see the
    # summary of a submitted proposal, the whole of it when assigned; partners its versions
    "applications:call-list": Route(everyone(200)),
    "applications:call-detail": Route(everyone(200), kwargs=lambda w: {"uuid": w.call.uuid}),
    "applications:call-document-download": Route(
        everyone(200), kwargs=lambda w: {"uuid": w.call_document.stored_file.uuid}
    ),
    "applications:application-detail": Route(
        {**signed_in(404), OFFICER_A: 200, ADMIN: 200}, kwargs=draft_of_a
    ),
    "applications:application-detail#submitted": Route(
        {**signed_in(404), **dict.fromkeys((*SEES_FULL, REVIEWER, PARTNER_OFFICER), 200)},
        kwargs=submitted_of_a,
    ),
    # a move the viewer may not make is a message on the page they are sent back to
    "applications:application-move": Route(
        {**signed_in(404), OFFICER_A: 302, ADMIN: 302},
        kwargs=lambda w: {**draft_of_a(w), "move": "submit"},
        method="post",
    ),
    "applications:attachment-download": Route(
        {**everyone(404), **dict.fromkeys(SEES_FULL, 200)},
        kwargs=lambda w: {"uuid": w.attachment_of_submitted.stored_file.uuid},
    ),
    "api:call-list": Route(everyone(200)),
    "api:call-detail": Route(everyone(200), kwargs=lambda w: {"uuid": w.call.uuid}),
    "api:application-list": Route(api_signed_in()),
    # approved officers of the organisation start its proposals (a pending one: 403);
    # programme administrators may do everything (accounts.backends.ProgrammeAdminBackend)
    "api:application-list#create": Route(
        {**api_signed_in(403), OFFICER_A: 201, ADMIN: 201},
        method="post",
        data=new_draft,
        format="json",
    ),
    "api:application-detail": Route(
        {**api_signed_in(404), OFFICER_A: 200, ADMIN: 200}, kwargs=draft_of_a
    ),
    "api:application-detail#submitted": Route(
        {**full_view(), REVIEWER: 200, PARTNER_OFFICER: 200}, kwargs=submitted_of_a
    ),
    "api:application-detail#update": Route(
        {**api_signed_in(404), OFFICER_A: 200, ADMIN: 200},
        kwargs=draft_of_a,
        method="patch",
        data={"vision": "ใหม่"},
        format="json",
    ),
    # a move the role may not make: 409 {code: illegal_move}, as on the page
    "api:application-submit": Route(
        {**api_signed_in(404), OFFICER_A: 201, ADMIN: 201}, kwargs=draft_of_a, method="post"
    ),
    "api:application-withdraw": Route(
        {**full_view(200), ASSIGNED_REVIEWER: 409, REVIEWER: 409, PARTNER_OFFICER: 409},
        kwargs=submitted_of_a,
        method="post",
    ),
    # no revision request is open on the submitted proposal: whoever sees it is told so (409)
    "api:application-revision-answers": Route(
        {**full_view(409), **dict.fromkeys((REVIEWER, PARTNER_OFFICER, CONFLICTED_REVIEWER), 409)},
        kwargs=submitted_of_a,
        method="post",
        data={"answers": [{"number": 1, "answer": "แนบแผนที่แล้ว"}]},
        format="json",
    ),
    "api:application-request-revision": Route(
        {**full_view(201), OFFICER_A: 409, REVIEWER: 409, PARTNER_OFFICER: 409},
        kwargs=submitted_of_a,
        method="post",
        data={"points": "ระบุขอบเขตพื้นที่ให้ชัดเจน", "deadline": "2099-12-31"},
        format="json",
    ),
    "api:application-attachments": Route(  # no file sent: 400 once the proposal is visible
        {**api_signed_in(404), OFFICER_A: 400, ADMIN: 400}, kwargs=draft_of_a, method="post"
    ),
    "api:application-versions": Route({**full_view(), PARTNER_OFFICER: 200}, kwargs=submitted_of_a),
    "api:application-version": Route(
        {**full_view(), PARTNER_OFFICER: 200}, kwargs=lambda w: {**submitted_of_a(w), "number": 1}
    ),
    "api:application-versions#draft": Route(
        {**api_signed_in(404), OFFICER_A: 200, ADMIN: 200}, kwargs=draft_of_a
    ),
    "api:application-diff": Route(
        {**full_view(), PARTNER_OFFICER: 200}, kwargs=submitted_of_a, data={"from": 1, "to": 1}
    ),
    "api:application-transitions": Route(full_view(), kwargs=submitted_of_a),
    "api:assignment-list": Route(api_signed_in()),
    # the office and reviewers (sharing out the queue) assign, read and remove assignments
    "api:assignment-list#create": Route(
        {**api_signed_in(403), **dict.fromkeys(ASSIGNERS, 201)},
        method="post",
        data=lambda w: {
            "application": str(w.submitted_of_a.uuid),
            "reviewer": str(w.users[REVIEWER].uuid),
        },
        format="json",
    ),
    "api:assignment-detail": Route(
        {**api_signed_in(404), **dict.fromkeys(ASSIGNERS, 200)},
        kwargs=lambda w: {"uuid": w.assignment.uuid},
    ),
    "api:assignment-detail#delete": Route(
        {**api_signed_in(403), **dict.fromkeys(ASSIGNERS, 204)},
        kwargs=lambda w: {"uuid": w.assignment.uuid},
        method="delete",
    ),
    "admin:applications_application_add": Route(admin_site(403)),  # proposals come from officers
    "admin:applications_applicationversion_add": Route(admin_site(403)),  # versions from submit
    # the review (issue 17): the world's assigned reviewer has not declared yet; the conflicted
    # reviewer declared a conflict on the submitted proposal, so is no longer assigned to it
    "reviews:declare": Route({**signed_in(404), ASSIGNED_REVIEWER: 200}, kwargs=submitted_of_a),
    "reviews:declare#post": Route(  # "no conflict": on to the score page
        {**signed_in(404), ASSIGNED_REVIEWER: 302},
        kwargs=submitted_of_a,
        method="post",
        data={"has_conflict": "no"},
    ),
    "reviews:score": Route(  # no declaration yet: sent to declare first
        {**signed_in(404), ASSIGNED_REVIEWER: 302}, kwargs=submitted_of_a
    ),
    "reviews:score#post": Route(  # no declaration yet: the form again, with the message
        {**signed_in(404), ASSIGNED_REVIEWER: 200},
        kwargs=submitted_of_a,
        method="post",
        data={"comment": "ร่าง"},
    ),
    "reviews:score-export": Route(
        {**signed_in(403), COMMITTEE: 200, ADMIN: 200},
        kwargs=lambda w: {"uuid": w.call.uuid, "fmt": "csv"},
    ),
    "api:declaration-list": Route(api_signed_in()),
    "api:declaration-list#create": Route(  # final once made: the conflicted reviewer gets 409
        {**api_signed_in(403), ASSIGNED_REVIEWER: 201, CONFLICTED_REVIEWER: 409},
        method="post",
        data=lambda w: {"application": str(w.submitted_of_a.uuid), "has_conflict": False},
        format="json",
    ),
    "api:declaration-detail": Route(
        {**api_signed_in(404), CONFLICTED_REVIEWER: 200, ADMIN: 200},
        kwargs=lambda w: {"uuid": w.conflict_declaration.uuid},
    ),
    # a proposal's reviews: 404 where the proposal is hidden, 403 for who neither reviews it nor
    # may see its scores (its applicant, other reviewers), 409 for its reviewer before declaring
    "api:application-reviews-list": Route(reviews_api(200), kwargs=submitted_of_a_api),
    "api:application-reviews-list#post": Route(
        reviews_api(403),
        kwargs=submitted_of_a_api,
        method="post",
        data={"comment": "ร่าง", "scores": [{"criterion": 1, "score": 3}]},
        format="json",
    ),
    "api:application-reviews-submit": Route(
        reviews_api(403), kwargs=submitted_of_a_api, method="post", data={}, format="json"
    ),
    "api:application-reviews-detail": Route(
        reviews_api(404),
        kwargs=lambda w: {**submitted_of_a_api(w), "uuid": "00000000-0000-0000-0000-000000000000"},
    ),
    "api:application-reviews-aggregate": Route(reviews_api(200), kwargs=submitted_of_a_api),
}
