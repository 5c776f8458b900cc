"""When the Agency review workflow publishes a meeting page with minutes, people are told."""

from wagtail.signals import page_published

from .models import MeetingPage


def meeting_published(sender, instance: MeetingPage, revision=None, **kwargs):
    from .services import minutes_published_effects

    minutes_published_effects(meeting=instance)


def connect() -> None:
    page_published.connect(meeting_published, sender=MeetingPage, dispatch_uid="agenda_meeting_published")
