from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from forums.factories import CommentFactory, TopicPageFactory
from forums.models import Comment, Follow
from forums.services import follow_add
from portal.extension_points import (
    collect_panels,
    collect_user_data,
    filter_search_queryset,
    run_user_deidentify,
)
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_closing_window_command_notifies_followers_once(user, workgroup):
    topic = TopicPageFactory(parent=workgroup, closes_at=timezone.now() + timedelta(days=2))
    follow_add(user=user, topic=topic)
    call_command("notify_closing_windows")
    call_command("notify_closing_windows")
    assert Notification.objects.filter(recipient=user, kind=NotificationKind.WINDOW_CLOSING).count() == 1


def test_new_topic_and_feedback_notify(user, workgroup, django_capture_on_commit_callbacks):
    # The fan-out runs in a background task enqueued on commit (immediate tasks in tests).
    follow_add(user=user, workgroup=workgroup)
    topic = TopicPageFactory(parent=workgroup)
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    assert Notification.objects.filter(recipient=user, kind=NotificationKind.NEW_TOPIC).count() == 1
    CommentFactory(topic=topic, author=user)
    topic.what_we_did = "<p>We changed the form.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    assert Notification.objects.filter(recipient=user, kind=NotificationKind.WHAT_WE_DID).count() == 1


def test_search_hides_private_workgroups(rf, member, make_staff, topic, private_topic):
    from wagtail.models import Page

    request = rf.get("/")
    request.user = make_staff()
    visible_to_outsider = filter_search_queryset(request, Page.objects.live())
    assert topic.pk in visible_to_outsider.values_list("pk", flat=True)
    assert private_topic.pk not in visible_to_outsider.values_list("pk", flat=True)
    request.user = member
    assert private_topic.pk in filter_search_queryset(request, Page.objects.live()).values_list(
        "pk", flat=True
    )


def test_my_portal_panels_and_home_panel(rf, user, topic):
    CommentFactory(topic=topic, author=user)
    request = rf.get("/")
    request.user = user
    titles = [p.title for p in collect_panels("portal_my_portal_panels", request)]
    assert "My comments" in titles and "My workgroups and follows" in titles
    home = collect_panels("portal_home_panels", request)
    assert any(topic in p.context.get("topics", []) for p in home)


def test_export_and_deidentify(user, topic):
    CommentFactory(topic=topic, author=user, body="My words")
    follow_add(user=user, topic=topic)
    data = collect_user_data(user)
    assert data["workgroups"]["comments"][0]["text"] == "My words"
    user.is_deidentified = True
    user.save()
    run_user_deidentify(user)
    assert not Follow.objects.filter(user=user).exists()
    comment = Comment.objects.get(author=user)
    assert comment.author_name == "Former participant"
