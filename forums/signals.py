"""Notify people when a topic is published in a workgroup they follow, or its feedback appears."""

from wagtail.signals import page_published

from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

from .models import Comment, Follow, TopicPage
from .permissions import can_view_workgroup


def topic_published(sender, instance: TopicPage, revision=None, **kwargs):
    workgroup = instance.get_workgroup()
    if not workgroup.live:
        return
    followers = Follow.objects.filter(workgroup=workgroup).select_related("user")
    for follow in followers:
        if not can_view_workgroup(follow.user, workgroup):
            continue
        notify(
            recipient=follow.user,
            kind=NotificationKind.NEW_TOPIC,
            url=instance.url,
            text=f'New topic in {workgroup.title}: "{instance.title}".',
            dedupe_key=f"new-topic:{instance.pk}",
        )
    if instance.has_feedback:
        _notify_feedback(instance)


def _notify_feedback(topic: TopicPage) -> None:
    """Everyone who took part or follows hears once that "what we did" is published."""
    author_ids = set(
        Comment.objects.filter(topic=topic, author__isnull=False).values_list("author_id", flat=True)
    )
    follower_ids = set(Follow.objects.filter(topic=topic).values_list("user_id", flat=True))
    from django.contrib.auth import get_user_model

    for person in get_user_model().objects.filter(pk__in=author_ids | follower_ids):
        notify(
            recipient=person,
            kind=NotificationKind.WHAT_WE_DID,
            url=f"{topic.url}#feedback-heading",
            text=f'The agency published what it heard and what it did about "{topic.title}".',
            dedupe_key=f"what-we-did:{topic.pk}",
        )


def connect() -> None:
    page_published.connect(topic_published, sender=TopicPage, dispatch_uid="forums_topic_published")
