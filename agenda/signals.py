"""When the Agency review workflow publishes a meeting page with minutes, people are told; when
a topic that grew from an accepted proposal publishes "what we did", or the plan item a proposal
is linked to changes, its proposer and supporters are told.

Plan items are edited in the forums' admin viewset, which has no service of its own to call
(forums never imports agenda), so their saves are watched here; the change is compared with
the row as it was, so a save that changes nothing people see tells nobody.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.signals import page_published

from forums.models import PlanItem, ProgressNote, TopicPage

from .models import MeetingPage


def meeting_published(sender, instance: MeetingPage, revision=None, **kwargs):
    from .services import minutes_published_effects

    minutes_published_effects(meeting=instance)


def topic_published(sender, instance: TopicPage, revision=None, **kwargs):
    from .services import topic_feedback_effects

    topic_feedback_effects(topic=instance)


def plan_item_before_save(sender, instance: PlanItem, raw=False, **kwargs):
    from .services import plan_snapshot

    if raw or instance.pk is None:
        return
    before = PlanItem.objects.filter(pk=instance.pk).first()
    instance._agenda_before = plan_snapshot(before) if before is not None else None


def plan_item_saved(sender, instance: PlanItem, created=False, raw=False, **kwargs):
    from .services import plan_item_changed_effects, plan_snapshot

    before = getattr(instance, "_agenda_before", None)
    if raw or created or before is None or before == plan_snapshot(instance):
        return
    instance._agenda_before = plan_snapshot(instance)
    plan_item_changed_effects(plan_item=instance, event=instance.updated_at.strftime("%Y%m%d%H%M%S%f"))


def progress_note_saved(sender, instance: ProgressNote, created=False, raw=False, **kwargs):
    from .services import plan_item_changed_effects

    if created and not raw:
        plan_item_changed_effects(plan_item=instance.plan_item, event=f"note-{instance.pk}", note=instance)


def connect() -> None:
    page_published.connect(meeting_published, sender=MeetingPage, dispatch_uid="agenda_meeting_published")
    page_published.connect(topic_published, sender=TopicPage, dispatch_uid="agenda_topic_feedback")
    pre_save.connect(plan_item_before_save, sender=PlanItem, dispatch_uid="agenda_plan_item_before")
    post_save.connect(plan_item_saved, sender=PlanItem, dispatch_uid="agenda_plan_item_saved")
    post_save.connect(progress_note_saved, sender=ProgressNote, dispatch_uid="agenda_progress_note")
