"""When the Agency review workflow publishes a meeting page with minutes, people are told; when
a topic that grew from an accepted proposal publishes "what we did", its supporters are told."""

from wagtail.signals import page_published

from forums.models import TopicPage

from .models import MeetingPage


def meeting_published(sender, instance: MeetingPage, revision=None, **kwargs):
    from .services import minutes_published_effects

    minutes_published_effects(meeting=instance)


def topic_published(sender, instance: TopicPage, revision=None, **kwargs):
    from .services import topic_feedback_effects

    if instance.has_feedback:
        topic_feedback_effects(topic=instance)


def connect() -> None:
    page_published.connect(meeting_published, sender=MeetingPage, dispatch_uid="agenda_meeting_published")
    page_published.connect(topic_published, sender=TopicPage, dispatch_uid="agenda_topic_feedback")
