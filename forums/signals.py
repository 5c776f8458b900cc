"""When a topic is published, its followers are told in a background task (forums.tasks)."""

from django.db import transaction
from wagtail.signals import page_published

from .models import TopicPage


def topic_published(sender, instance: TopicPage, revision=None, **kwargs):
    from .tasks import topic_published_notify

    topic_id = instance.pk
    transaction.on_commit(lambda: topic_published_notify.enqueue(topic_id=topic_id))


def connect() -> None:
    page_published.connect(topic_published, sender=TopicPage, dispatch_uid="forums_topic_published")
