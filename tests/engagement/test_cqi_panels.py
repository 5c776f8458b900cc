"""The CQI panels: what each counts, for whom, and that every count of people is suppressed."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from engagement.cqi import participation, representation
from engagement.cqi.periods import last_months
from engagement.factories import PartnerFactory
from forums import cqi_selectors
from forums.factories import CommentFactory, PlanItemFactory, TopicPageFactory
from forums.models import CommentKind
from portal.accounts.factories import StakeholderGroupFactory, UserFactory

from .cqi_data import build

pytestmark = pytest.mark.django_db
FEWER = f"fewer than {settings.SUPPRESSION_THRESHOLD}"


def _table(body: str, table_id: str) -> str:
    start = body.index(f'id="{table_id}"')
    return body[start : body.index("</table>", start)]


def _row(table: str, label: str) -> list[str]:
    row = re.search(rf">{re.escape(label)}</th>(.*?)</tr>", table, re.S).group(1)
    return re.findall(r"<td>(.*?)</td>", row, re.S)


def _page(client, key, **params):
    response = client.get(reverse("engagement_admin:cqi", args=[key]), params)
    assert response.status_code == 200
    return response.content.decode()


# --- Participation over time ------------------------------------------------------------------


def test_participation_counts_per_month_leave_out_what_the_viewer_may_not_see(lead, person_in_role):
    data = build(scale=2)
    today = timezone.localdate()
    counts = dict(participation.measures(user=lead, today=today))
    assert counts["Comments"][-1] == 2  # the official answer is the agency's, not participation
    assert counts["Questions"][-1] == 2  # the private workgroup's two questions are not the lead's
    assert counts["Survey responses"][-1] == 6
    moderator = person_in_role("moderator")
    assert dict(participation.measures(user=moderator, today=today))["Questions"][-1] == 4
    filtered = dict(participation.measures(user=lead, today=today, group_id=StakeholderGroupFactory().pk))
    assert filtered["Questions"][-1] == 0 and filtered["Survey responses"][-1] == 0
    by_region = dict(participation.measures(user=lead, today=today, region_id=data["region"].pk))
    assert by_region["Questions"][-1] == 2


def test_participation_months_are_twelve_and_old_posts_fall_out(lead):
    data = build()
    CommentFactory(topic=data["topic"], created_at=timezone.now() - timedelta(days=400))
    months = last_months(timezone.localdate())
    assert len(months) == 12 and months[-1].month == timezone.localdate().month
    counts = dict(participation.measures(user=lead, today=timezone.localdate()))
    assert sum(counts["Comments"]) == 1


def test_participation_table_is_suppressed(client, lead):
    data = build()
    for _ in range(12):
        CommentFactory(topic=data["topic"], author=UserFactory())
    client.force_login(lead)
    table = _table(_page(client, "participation"), "participation-table")
    cells = re.findall(r"<td>(.*?)</td>", re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1))
    comments, questions, responses = cells[:3]
    assert comments == "13" and questions == FEWER and responses == FEWER
    # Group filter: the form narrows and the page says anonymous responses are left out.
    body = _page(client, "participation", group=data["group"].pk)
    assert "Anonymous survey responses record no group" in body


# --- Representation ---------------------------------------------------------------------------


def test_representation_marks_under_heard_groups_with_partners_per_group(client, lead):
    data = build()
    quiet = StakeholderGroupFactory(name="Quiet group")
    for _ in range(2):
        PartnerFactory().stakeholder_groups.add(quiet)
    client.force_login(lead)
    table = _table(_page(client, "representation"), "representation-groups")
    row = _row(table, "Quiet group")
    assert row[0] == "2"  # partners in the registry
    assert "Under-heard" in row[-1] and "no survey responses" in row[-1]
    heard = _row(table, data["group"].name)
    assert heard[5] == FEWER  # 3 responses
    assert "Under-heard" not in heard[-1]


def test_under_heard_rules():
    reason = representation.under_heard_reason
    assert reason(expected=False, responses=0, sent=0, used=0, share=None, member_share=None) == ""
    assert "no survey" in reason(expected=True, responses=0, sent=0, used=0, share=0, member_share=0.5)
    assert "quarter" in reason(expected=True, responses=5, sent=100, used=20, share=0.5, member_share=0.5)
    assert "half" in reason(expected=True, responses=5, sent=0, used=0, share=0.1, member_share=0.5)
    assert reason(expected=True, responses=5, sent=10, used=5, share=0.4, member_share=0.5) == ""


# --- Agency responsiveness --------------------------------------------------------------------


def test_awaiting_questions_oldest_first_only_visible_workgroups(client, lead, person_in_role):
    data = build(scale=3)
    old = data["questions"][2]
    old.created_at = timezone.now() - timedelta(days=40)
    old.save()
    waiting, total = cqi_selectors.questions_awaiting(user=lead)
    assert total == 2 and waiting[0].pk == old.pk  # the answered one is not waiting
    assert all(q.topic_id == data["topic"].pk for q in waiting)  # not the private workgroup's
    assert cqi_selectors.questions_awaiting(user=person_in_role("moderator"))[1] == 5
    client.force_login(lead)
    body = _page(client, "responsiveness")
    rows = re.findall(
        r"<tr><th scope=\"row\">(\d{4}-\d\d-\d\d)</th><td>(\d+)</td>", _table(body, "awaiting-table")
    )
    assert [int(days) for _d, days in rows] == sorted((int(d) for _x, d in rows), reverse=True)
    assert rows[0][1] == "40"
    assert f"workgroups you may see: {FEWER}." in body  # the count is suppressed too
    assert data["private"].title not in body


def test_median_time_to_answer_per_workgroup(lead):
    data = build(scale=3)
    second = data["questions"][1]
    CommentFactory(
        topic=data["topic"], parent=second, is_official=True, created_at=second.created_at + timedelta(days=4)
    )
    times = cqi_selectors.answer_times_by_workgroup(
        user=lead, since=timezone.localdate() - timedelta(days=30)
    )
    row = times[data["public"].path]
    assert row["answered"] == 2 and row["waiting"] == 1
    assert row["median_days"] == pytest.approx(3.0, abs=0.01)  # median of 2 and 4 days
    assert data["private"].path not in times


def test_topics_closed_without_what_we_did(client, lead):
    data = build()
    TopicPageFactory(
        parent=data["public"],
        title="Done topic",
        closes_at=timezone.now() - timedelta(days=1),
        what_we_did="<p>We changed the policy.</p>",
    )
    TopicPageFactory(parent=data["public"], title="Still open topic")
    closed = cqi_selectors.topics_without_what_we_did(user=lead)
    assert [t.pk for t in closed] == [data["topic"].pk]
    client.force_login(lead)
    table = _table(_page(client, "responsiveness"), "closed-without-did")
    assert data["topic"].title in table and "Done topic" not in table and "Still open" not in table


# --- Feedback loop ----------------------------------------------------------------------------


def test_feedback_loop_counts_and_plan_items_changed(client, lead):
    data = build()
    done = TopicPageFactory(
        parent=data["public"],
        closes_at=timezone.now() - timedelta(days=1),
        what_we_heard="<p>Heard.</p>",
        what_we_did="<p>Did.</p>",
    )
    done.feedback_plan_items.add(data["item"], PlanItemFactory(workgroup=data["public"], title="Second item"))
    done.save()
    loop = cqi_selectors.feedback_loop(user=lead)
    assert (loop["closed"], loop["heard"], loop["did"], loop["both"]) == (2, 2, 1, 1)
    assert loop["plan_items"] == 2 and loop["topics_with_plan_changes"] == 2
    client.force_login(lead)
    table = _table(_page(client, "feedback"), "feedback-plan-items")
    assert "Second item" in table and done.title in table


# --- Multi-site progress ----------------------------------------------------------------------


def test_progress_per_workgroup_and_per_site(client, lead, person_in_role):
    data = build()
    PlanItemFactory(workgroup=data["public"], status="done")  # agency-wide: names no site
    client.force_login(lead)
    body = _page(client, "progress")
    wg = _row(_table(body, "progress-workgroups"), data["public"].title)
    assert wg[-2:] == ["2", "50 %"]
    assert data["private"].title not in body
    region = _row(_table(body, "progress-regions"), data["region"].name)
    assert region[0] == "1" and region[-2] == "1"  # one item not started at this site
    assert _row(_table(body, "progress-regions"), "Agency-wide (no site named)")[-2:] == ["1", "100 %"]


# --- Exports ----------------------------------------------------------------------------------


def test_exports_are_suppressed_and_safe_from_formulas(client, lead):
    data = build()
    data["topic"].title = '=HYPERLINK("http://x")'
    data["topic"].save()
    client.force_login(lead)
    csv = b"".join(
        client.get(reverse("engagement_admin:cqi_export", args=["responsiveness", "csv"])).streaming_content
    ).decode()
    assert "'=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
    response = client.get(reverse("engagement_admin:cqi_export", args=["participation", "xlsx"]))
    sheet = load_workbook(BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert FEWER in values and "Survey responses" in values
    assert client.get(reverse("engagement_admin:cqi_export", args=["feedback", "pdf"])).status_code == 404
    assert client.get(reverse("engagement_admin:cqi", args=["nothing"])).status_code == 404


# --- Public summary ---------------------------------------------------------------------------


def test_public_summary_shows_suppressed_totals_and_feedback_counts(client):
    data = build()
    for _ in range(11):
        CommentFactory(topic=data["topic"], author=UserFactory())
    CommentFactory(topic=data["hidden_topic"], kind=CommentKind.COMMENT)
    body = client.get(reverse("engagement:summary")).content.decode()
    table = _table(body, "public-participation")
    footer = re.findall(r"<td>(.*?)</td>", re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1))
    assert footer[0] == "12"  # the private workgroup's comment is not counted
    assert footer[1] == FEWER
    feedback = _table(body, "public-feedback")
    assert re.search(r"Topics closed</th><td>1</td>", feedback)
    assert data["private"].title not in body and data["hidden_topic"].title not in body


def test_public_summary_is_never_cached_so_new_activity_shows(client, settings):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cqi-pages"},
    }
    caches["pages"].clear()
    data = build()
    url = reverse("engagement:summary")

    def comments_total():
        client.cookies.clear()
        response = client.get(url)
        assert response.get("X-Page-Cache") != "HIT"
        table = _table(response.content.decode(), "public-participation")
        return re.findall(r"<td>(.*?)</td>", re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1))[0]

    assert comments_total() == FEWER
    for _ in range(12):
        CommentFactory(topic=data["topic"], author=UserFactory())
    assert comments_total() == "13"


def test_anonymous_viewer_sees_only_public_workgroups():
    data = build(scale=2)
    assert cqi_selectors.questions_awaiting(user=AnonymousUser())[1] == 1
    assert data["private"].pk not in [w.pk for w in cqi_selectors.visible_workgroups(user=AnonymousUser())]
