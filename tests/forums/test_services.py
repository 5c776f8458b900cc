import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forums.factories import CommentFactory
from forums.models import Comment, CommentKind, CommentState, Follow
from forums.moderation import rules as moderation_rules
from forums.services import (
    InvalidComment,
    NotAllowed,
    WindowClosed,
    comment_delete,
    comment_edit,
    comment_post,
    membership_join,
)
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_comment_post_publishes_and_auto_follows(user, topic):
    comment = comment_post(author=user, topic=topic, body="Hello\n\nsecond line", kind=CommentKind.QUESTION)
    assert comment.state == CommentState.PUBLISHED
    assert comment.body_html == "<p>Hello</p><p>second line</p>"
    assert Follow.objects.filter(user=user, topic=topic).exists()


def test_comment_post_hold_rule_makes_it_pending(user, topic):
    def hold_everything(draft):
        return moderation_rules.Hold(code="test", message="held for review because we are testing")

    moderation_rules.register_hold_rule(hold_everything)
    try:
        comment = comment_post(author=user, topic=topic, body="Hello", kind=CommentKind.COMMENT)
    finally:
        moderation_rules.unregister_hold_rule(hold_everything)
    assert comment.state == CommentState.PENDING
    assert comment.held_reason == "held for review because we are testing"


def test_comment_post_refuses_unverified(unverified_user, topic):
    with pytest.raises(NotAllowed):
        comment_post(author=unverified_user, topic=topic, body="Hi", kind=CommentKind.COMMENT)
    assert not Comment.objects.exists()


def test_comment_post_refuses_closed_window(user, topic):
    topic.closes_at = timezone.now() - timedelta(minutes=1)
    topic.save()
    with pytest.raises(WindowClosed):
        comment_post(author=user, topic=topic, body="Too late", kind=CommentKind.COMMENT)


def test_comment_post_refuses_reply_to_reply(user, topic):
    top = comment_post(author=user, topic=topic, body="Top", kind=CommentKind.COMMENT)
    reply = comment_post(author=user, topic=topic, body="Reply", kind=CommentKind.COMMENT, parent=top)
    with pytest.raises(InvalidComment, match="not to a reply"):
        comment_post(author=user, topic=topic, body="Nested", kind=CommentKind.COMMENT, parent=reply)


def test_comment_post_refuses_empty_and_too_long(user, topic):
    with pytest.raises(InvalidComment):
        comment_post(author=user, topic=topic, body="   ", kind=CommentKind.COMMENT)
    with pytest.raises(InvalidComment, match="5,000"):
        comment_post(author=user, topic=topic, body="x" * 5001, kind=CommentKind.COMMENT)


def test_official_answer_only_by_facilitator(user, facilitator, topic, django_capture_on_commit_callbacks):
    question = comment_post(author=user, topic=topic, body="When?", kind=CommentKind.QUESTION)
    with pytest.raises(NotAllowed):
        comment_post(author=user, topic=topic, body="Soon", parent=question, official=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = comment_post(author=facilitator, topic=topic, body="In May.", parent=question, official=True)
    assert answer.is_official and answer.author_name == "Lakeshore County Family Services"
    note = Notification.objects.get(recipient=user)
    assert note.kind == NotificationKind.OFFICIAL_ANSWER
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]


def test_reply_notifies_parent_author(user, make_staff, topic):
    other = make_staff()
    top = comment_post(author=user, topic=topic, body="Top", kind=CommentKind.COMMENT)
    comment_post(author=other, topic=topic, body="Agreed", parent=top)
    assert Notification.objects.get(recipient=user).kind == NotificationKind.REPLY


def test_double_submit_with_same_token_posts_once(user, topic):
    token = uuid.uuid4()
    first = comment_post(author=user, topic=topic, body="Once", kind=CommentKind.COMMENT, client_token=token)
    second = comment_post(author=user, topic=topic, body="Once", kind=CommentKind.COMMENT, client_token=token)
    assert first.pk == second.pk
    assert Comment.objects.count() == 1


def test_edit_within_window_keeps_history(user, topic):
    comment = comment_post(author=user, topic=topic, body="First", kind=CommentKind.COMMENT)
    comment_edit(user=user, comment=comment, body="Second")
    comment.refresh_from_db()
    assert comment.body == "Second" and comment.edited_at
    assert list(comment.revisions.values_list("body", flat=True)) == ["First"]


def test_edit_after_15_minutes_refused(user, topic):
    comment = CommentFactory(topic=topic, author=user, created_at=timezone.now() - timedelta(minutes=16))
    with pytest.raises(NotAllowed):
        comment_edit(user=user, comment=comment, body="Late edit")


def test_edit_others_comment_refused(user, make_staff, topic):
    comment = CommentFactory(topic=topic, author=user)
    with pytest.raises(NotAllowed):
        comment_edit(user=make_staff("Moderators"), comment=comment, body="Changed")


def test_delete_keeps_replies(user, make_staff, topic):
    top = comment_post(author=user, topic=topic, body="Top", kind=CommentKind.COMMENT)
    reply = comment_post(author=make_staff(), topic=topic, body="Reply", parent=top)
    comment_delete(user=user, comment=top)
    top.refresh_from_db()
    assert top.is_deleted and top.body == ""
    assert Comment.objects.filter(pk=reply.pk).exists()


def test_private_board_refuses_non_member(user, private_topic):
    with pytest.raises(NotAllowed):
        comment_post(author=user, topic=private_topic, body="Hi", kind=CommentKind.COMMENT)


def test_member_posts_on_private_board(member, private_topic):
    comment = comment_post(author=member, topic=private_topic, body="Hi", kind=CommentKind.COMMENT)
    assert comment.state == CommentState.PUBLISHED


def test_join_open_workgroup_follows_it(user, workgroup):
    membership = membership_join(user=user, workgroup=workgroup)
    assert membership.status == "active"
    assert Follow.objects.filter(user=user, workgroup=workgroup).exists()
