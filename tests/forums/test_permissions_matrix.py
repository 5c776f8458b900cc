"""Who may read, post, reply, answer officially, edit, delete and edit the plan (issue 4 matrix).

Each test walks every role over one shared set of pages (page creation is the slow part).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from forums.factories import CommentFactory, PlanItemFactory, WorkgroupPageFactory
from forums.models import Comment, CommentKind, MembershipRole
from forums.services import membership_set
from portal.accounts.factories import UnverifiedUserFactory, UserFactory
from portal.accounts.mfa import totp_activate

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "unverified",
    "verified",
    "member",
    "other_facilitator",
    "facilitator",
    "moderator",
    "editor",
]
READ_PRIVATE = {"member", "facilitator", "moderator", "editor"}
POST_PUBLIC = {"verified", "member", "other_facilitator", "facilitator", "moderator", "editor"}
POST_PRIVATE = {"member", "facilitator", "moderator"}
ANSWER = {"facilitator", "moderator"}
EDIT_PLAN = {"facilitator"}


@pytest.fixture
def people(workgroup, private_workgroup, index_page, make_staff):
    other = WorkgroupPageFactory(parent=index_page, slug="other")
    people = {
        "anonymous": None,
        "unverified": UnverifiedUserFactory(),
        "verified": UserFactory(),
        "member": UserFactory(),
        "other_facilitator": make_staff("Facilitators"),
        "facilitator": make_staff("Facilitators"),
        "moderator": make_staff("Moderators"),
        "editor": make_staff("Editors"),
    }
    for wg in (workgroup, private_workgroup):
        membership_set(user=people["member"], workgroup=wg)
        membership_set(user=people["facilitator"], workgroup=wg, role=MembershipRole.FACILITATOR)
    membership_set(user=people["other_facilitator"], workgroup=other, role=MembershipRole.FACILITATOR)
    for role in ("other_facilitator", "facilitator", "moderator", "editor"):
        totp_activate(user=people[role], secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return people


def _as(client, person):
    client.logout()
    if person is not None:
        client.force_login(person)


def test_read_public_and_private_boards(client, people, topic, private_topic):
    for role in ROLES:
        _as(client, people[role])
        assert client.get(topic.url).status_code == 200, role
        response = client.get(private_topic.url)
        assert response.status_code == (200 if role in READ_PRIVATE else 404), role
        if role not in READ_PRIVATE:
            assert private_topic.title not in response.content.decode()


def test_post_on_public_and_private_boards(client, people, topic, private_topic):
    for role in ROLES:
        _as(client, people[role])
        for board, allowed in ((topic, POST_PUBLIC), (private_topic, POST_PRIVATE)):
            text = f"Hello from {role}"
            response = client.post(
                f"/workgroups/-/topics/{board.pk}/comments/", {"body": text, "kind": "comment"}
            )
            posted = Comment.objects.filter(topic=board, body=text).exists()
            assert posted == (role in allowed), (role, board.title, response.status_code)
            if role == "anonymous":
                assert response.status_code == 302 and "/accounts/login/" in response["Location"]
            elif not posted and board is private_topic and role not in READ_PRIVATE:
                assert response.status_code == 404
                assert private_topic.title not in response.content.decode()
            elif not posted:
                assert response.status_code == 400
                assert text in response.content.decode(), role  # what was typed is kept


def test_reply_and_official_answer(client, people, topic):
    question = CommentFactory(topic=topic, author=people["member"], kind=CommentKind.QUESTION)
    url = f"/workgroups/-/topics/{topic.pk}/comments/"
    for role in ROLES:
        _as(client, people[role])
        client.post(url, {"body": f"Reply {role}", "parent": question.pk})
        replied = Comment.objects.filter(parent=question, body=f"Reply {role}").exists()
        assert replied == (role in POST_PUBLIC), role
        response = client.post(url, {"body": f"Answer {role}", "parent": question.pk, "official": "on"})
        answered = Comment.objects.filter(parent=question, is_official=True, body=f"Answer {role}").exists()
        assert answered == (role in ANSWER), role
        if role not in ANSWER and role != "anonymous":
            html = response.content.decode()
            assert "official answer" in html and f"Answer {role}" in html
        Comment.objects.filter(parent=question, is_official=True).delete()


def test_edit_and_delete_only_own(client, people, topic):
    for role in ROLES:
        comment = CommentFactory(topic=topic, author=people["member"], body="Original")
        _as(client, people[role])
        client.post(f"/workgroups/-/comments/{comment.pk}/edit/", {"body": "Changed"})
        comment.refresh_from_db()
        assert (comment.body == "Changed") == (role == "member"), role
        client.post(f"/workgroups/-/comments/{comment.pk}/delete/")
        comment.refresh_from_db()
        assert (comment.deleted_at is not None) == (role == "member"), role


def test_author_edit_keeps_history_and_closes_after_15_minutes(client, people, topic):
    author = people["member"]
    comment = CommentFactory(topic=topic, author=author, body="First text")
    client.force_login(author)
    client.post(f"/workgroups/-/comments/{comment.pk}/edit/", {"body": "Second text"})
    comment.refresh_from_db()
    assert comment.body == "Second text" and comment.revisions.get().body == "First text"
    assert "First text" in client.get(f"/workgroups/-/comments/{comment.pk}/history/").content.decode()
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=20))
    client.post(f"/workgroups/-/comments/{comment.pk}/edit/", {"body": "Third text"})
    comment.refresh_from_db()
    assert comment.body == "Second text"


def test_edit_plan_in_admin(client, people, workgroup, private_workgroup):
    item = PlanItemFactory(workgroup=workgroup, title="Goal A")
    for role in ROLES:
        _as(client, people[role])
        response = client.get(f"/admin/workgroups/plan-items/edit/{item.pk}/")
        if role in EDIT_PLAN:
            assert response.status_code == 200, role
        else:
            assert response.status_code in (302, 403, 404), (role, response.status_code)
        post = client.post(
            f"/admin/workgroups/plan-items/edit/{item.pk}/",
            {
                "workgroup": workgroup.pk,
                "level": "goal",
                "title": f"Changed by {role}",
                "status": "on_track",
                "sort_order": 0,
                "progress_notes-TOTAL_FORMS": 0,
                "progress_notes-INITIAL_FORMS": 0,
                "progress_notes-MIN_NUM_FORMS": 0,
                "progress_notes-MAX_NUM_FORMS": 1000,
            },
        )
        item.refresh_from_db()
        assert (item.title == f"Changed by {role}") == (role in EDIT_PLAN), (role, post.status_code)
