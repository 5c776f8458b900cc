import pytest
from django.utils import timezone

from forums.factories import CommentFactory, PlanItemFactory, TopicPageFactory
from forums.models import Comment, CommentKind, CommentState, PlanLevel, PlanStatus
from forums.services import comment_post

pytestmark = pytest.mark.django_db


def test_topic_page_renders_thread_with_official_answer_first(client, user, facilitator, topic):
    question = comment_post(author=user, topic=topic, body="When does it start?", kind=CommentKind.QUESTION)
    comment_post(author=user, topic=topic, body="Also curious", parent=question)
    comment_post(author=facilitator, topic=topic, body="It starts in May.", parent=question, official=True)
    html = client.get(topic.url).content.decode()
    assert "When does it start?" in html
    assert html.index("It starts in May.") < html.index("Also curious")
    assert "Official answer" in html and "Lakeshore County Family Services" in html


def test_topic_page_placeholders_keep_replies_readable(client, user, topic):
    removed = CommentFactory(topic=topic, author=user, body="Bad words", state=CommentState.REMOVED)
    CommentFactory(topic=topic, author=user, parent=removed, body="A kind reply")
    CommentFactory(topic=topic, author=user, body="Lonely hidden", state=CommentState.HIDDEN)
    html = client.get(topic.url).content.decode()
    assert "removed by a moderator" in html and "A kind reply" in html
    assert "Bad words" not in html and "Lonely hidden" not in html


def test_pending_comment_shown_only_to_author(client, user, make_staff, topic):
    CommentFactory(
        topic=topic,
        author=user,
        body="Waiting text",
        state=CommentState.PENDING,
        held_reason="held for review because you are new",
    )
    client.force_login(user)
    html = client.get(topic.url).content.decode()
    assert "Waiting text" in html and "held for review because you are new" in html
    client.force_login(make_staff())
    assert "Waiting text" not in client.get(topic.url).content.decode()


def test_awaiting_filter_and_oldest_age(client, user, facilitator, topic):
    answered = comment_post(author=user, topic=topic, body="Answered one", kind=CommentKind.QUESTION)
    comment_post(author=facilitator, topic=topic, body="Yes.", parent=answered, official=True)
    comment_post(author=user, topic=topic, body="Open question", kind=CommentKind.QUESTION)
    comment_post(author=user, topic=topic, body="Just a comment", kind=CommentKind.COMMENT)
    response = client.get(topic.url, {"filter": "awaiting"})
    html = response.content.decode()
    assert "Open question" in html and "Answered one" not in html and "Just a comment" not in html
    assert "1 question awaiting an answer" in html


def test_closed_window_shows_dates_not_form(client, user, topic):
    topic.closes_at = timezone.now() - timezone.timedelta(days=1)
    topic.save_revision().publish()
    client.force_login(user)
    html = client.get(topic.url).content.decode()
    assert "Comments closed on" in html and 'name="body"' not in html


def test_workgroup_and_plan_pages_render(client, workgroup, topic):
    goal = PlanItemFactory(
        workgroup=workgroup,
        title="Faster adoptions",
        status=PlanStatus.ON_TRACK,
        measure="Median months to adoption",
        unit=" months",
        baseline=30,
        target=20,
        current=25,
    )
    PlanItemFactory(workgroup=workgroup, parent=goal, level=PlanLevel.STRATEGY, title="Earlier home studies")
    assert topic.title in client.get(workgroup.url).content.decode()
    html = client.get(workgroup.url + "plan/").content.decode()
    assert "Faster adoptions" in html and "Earlier home studies" in html and "50% of the way" in html


def test_private_workgroup_is_404_for_outsiders(client, user, private_workgroup, private_topic, index_page):
    assert client.get(private_workgroup.url).status_code == 404
    assert client.get(private_topic.url).status_code == 404
    client.force_login(user)
    assert client.get(private_topic.url).status_code == 404
    assert "Case review" not in client.get(index_page.url).content.decode()


def test_private_workgroup_visible_to_members(client, member, private_topic):
    client.force_login(member)
    assert client.get(private_topic.url).status_code == 200


def test_private_pages_left_out_of_sitemap(client, workgroup, private_workgroup, private_topic, topic):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/adoption/" in xml and "case-review" not in xml and "secret-draft" not in xml


def _bulk_thread(topic, author, size):
    tops = Comment.objects.bulk_create(
        Comment(topic=topic, author=author, body=f"c{i}", body_html=f"<p>c{i}</p>") for i in range(size // 2)
    )
    Comment.objects.bulk_create(
        Comment(topic=topic, author=author, parent=tops[i % len(tops)], body=f"r{i}", body_html="<p>r</p>")
        for i in range(size // 2)
    )


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_topic_query_count_does_not_grow(client, user, workgroup):
    small = TopicPageFactory(parent=workgroup, slug="small")
    large = TopicPageFactory(parent=workgroup, slug="large")
    _bulk_thread(small, user, 10)
    _bulk_thread(large, user, 1000)
    client.force_login(user)
    client.get(small.url)  # warm the per-process caches (site root, session)
    assert _count_queries(client, small.url) == _count_queries(client, large.url)


def test_workgroup_and_plan_query_counts_do_not_grow(client, user, workgroup, index_page):
    client.force_login(user)
    client.get(workgroup.url)
    counts = {}
    for size in (5, 50):
        for _i in range(size - len(workgroup.plan_items.all())):
            PlanItemFactory(workgroup=workgroup, status=PlanStatus.AT_RISK)
        for _i in range(size // 5):
            TopicPageFactory(parent=workgroup)
        counts[size] = [
            _count_queries(client, url)
            for url in (workgroup.url, workgroup.url + "plan/", index_page.url + "plan/")
        ]
    assert counts[5] == counts[50], counts


def test_admin_edit_forms_render(client, make_staff, workgroup, topic, index_page):
    from portal.accounts.mfa import totp_activate

    admin = make_staff("Administrators", is_superuser=True)
    totp_activate(user=admin, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(admin)
    for page in (index_page, workgroup, topic):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page
    assert client.get(f"/admin/pages/add/forums/topicpage/{workgroup.pk}/").status_code == 200
    assert client.get("/admin/workgroups/plan-items/new/").status_code == 200
    assert client.get("/admin/workgroups/memberships/").status_code == 200
