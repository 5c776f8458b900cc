"""Page publishing goes through Wagtail's workflow, not a service of ours, so it is heard here:
when the Agency review workflow publishes a meeting page with minutes, people are told; when a
topic that grew from an accepted proposal publishes "what we did", its proposer and supporters
are told. (Plan item edits reach the agenda through forums' PLAN_ITEM_CHANGED hook.)
"""

from wagtail.signals import page_published

from forums.models import TopicPage

from .models import MeetingPage


def meeting_published(sender, instance: MeetingPage, revision=None, **kwargs):
    from .services import minutes_published_effects

    minutes_published_effects(meeting=instance)


def topic_published(sender, instance: TopicPage, revision=None, **kwargs):
    from .services import topic_feedback_effects

    topic_feedback_effects(topic=instance)


def connect() -> None:
    page_published.connect(meeting_published, sender=MeetingPage, dispatch_uid="agenda_meeting_published")
    page_published.connect(topic_published, sender=TopicPage, dispatch_uid="agenda_topic_feedback")
