import uuid

import pytest
from django.utils import timezone

from forums.factories import CommentFactory
from forums.models import Comment, CommentKind, Follow, WorkgroupMembership

pytestmark = pytest.mark.django_db


def _post(client, topic, **data):
    return client.post(f"/workgroups/-/topics/{topic.pk}/comments/", data)


def test_double_submit_posts_once(client, user, topic):
    client.force_login(user)
    token = str(uuid.uuid4())
    first = _post(client, topic, body="Only once", kind="comment", client_token=token)
    second = _post(client, topic, body="Only once", kind="comment", client_token=token)
    assert first.status_code == second.status_code == 302
    assert Comment.objects.filter(body="Only once").count() == 1


def test_closed_window_keeps_text_and_says_why(client, user, topic):
    topic.closes_at = timezone.now() - timezone.timedelta(hours=1)
    topic.save_revision().publish()
    client.force_login(user)
    response = _post(client, topic, body="Late but important", kind="comment")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Comments on this topic are closed." in html and "Late but important" in html
    assert not Comment.objects.exists()


def test_reply_to_reply_refused_with_text_kept(client, user, topic):
    top = CommentFactory(topic=topic, author=user)
    reply = CommentFactory(topic=topic, author=user, parent=top)
    client.force_login(user)
    response = _post(client, topic, body="Nested words", parent=reply.pk)
    html = response.content.decode()
    assert response.status_code == 400 and "not to a reply" in html and "Nested words" in html
    assert not Comment.objects.filter(body="Nested words").exists()


def test_too_long_comment_refused_with_message(client, user, topic):
    client.force_login(user)
    response = _post(client, topic, body="x" * 5001, kind=CommentKind.COMMENT)
    html = response.content.decode()
    assert response.status_code == 400 and "5,000 characters" in html
    assert 'href="#comment-body-new"' in html and 'id="comment-body-new"' in html


def test_follow_and_join_buttons(client, user, workgroup, topic):
    client.force_login(user)
    client.post("/workgroups/-/follow/", {"workgroup": workgroup.pk})
    client.post("/workgroups/-/follow/", {"topic": topic.pk})
    assert Follow.objects.filter(user=user).count() == 2
    client.post("/workgroups/-/follow/", {"topic": topic.pk, "action": "unfollow"})
    assert Follow.objects.filter(user=user).count() == 1
    client.post(f"/workgroups/-/workgroups/{workgroup.pk}/join/")
    assert WorkgroupMembership.objects.get(user=user).status == "active"


def test_request_mode_asks_facilitator(client, user, workgroup):
    workgroup.membership_mode = "request"
    workgroup.save_revision().publish()
    client.force_login(user)
    client.post(f"/workgroups/-/workgroups/{workgroup.pk}/join/")
    assert WorkgroupMembership.objects.get(user=user).status == "requested"


def test_cannot_follow_private_workgroup_as_outsider(client, user, private_workgroup):
    client.force_login(user)
    assert client.post("/workgroups/-/follow/", {"workgroup": private_workgroup.pk}).status_code == 404


def test_plan_exports(client, workgroup, private_workgroup, index_page):
    from forums.factories import PlanItemFactory

    PlanItemFactory(workgroup=workgroup, title="=HYPERLINK(evil)", status="done")
    PlanItemFactory(workgroup=private_workgroup, title="Secret goal")
    csv_body = b"".join(client.get(index_page.url + "plan/export/csv/").streaming_content).decode()
    assert "'=HYPERLINK(evil)" in csv_body and "Secret goal" not in csv_body
    xlsx = client.get(index_page.url + "plan/export/xlsx/?status=done")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    html = client.get(index_page.url + "plan/?status=done").content.decode()
    assert "HYPERLINK" in html and "Secret goal" not in html


def test_private_plan_is_404_for_outsiders(client, user, member, make_staff, private_workgroup):
    assert client.get(private_workgroup.url + "plan/").status_code == 404
    client.force_login(make_staff())
    assert client.get(private_workgroup.url + "plan/").status_code == 404
    client.force_login(member)
    assert client.get(private_workgroup.url + "plan/").status_code == 200
