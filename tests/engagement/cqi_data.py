"""Data for the CQI panel tests: workgroups (one private), topics, comments and questions,
official answers, survey responses, members and plan items — `scale` times over."""

from datetime import timedelta

from django.utils import timezone

from forums.factories import (
    CommentFactory,
    PlanItemFactory,
    TopicPageFactory,
    WorkgroupIndexPageFactory,
    WorkgroupPageFactory,
)
from forums.models import CommentKind
from home.models import HomePage
from portal.accounts.factories import RegionFactory, StakeholderGroupFactory, UserFactory
from surveys.factories import SurveyPageFactory, survey_index
from surveys.models import Response


def build(scale: int = 1, *, index=None) -> dict:
    now = timezone.now()
    if index is None:
        index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    group = StakeholderGroupFactory()
    region = RegionFactory()
    public = WorkgroupPageFactory(parent=index)
    private = WorkgroupPageFactory(parent=index, is_private=True)
    topic = TopicPageFactory(
        parent=public, closes_at=now - timedelta(days=3), what_we_heard="<p>We heard.</p>"
    )
    hidden_topic = TopicPageFactory(parent=private)
    person = UserFactory(stakeholder_groups=[group], region=region)
    questions = []
    for _ in range(scale):
        CommentFactory(topic=topic, author=person)
        questions.append(CommentFactory(topic=topic, author=person, kind=CommentKind.QUESTION))
        CommentFactory(topic=hidden_topic, author=person, kind=CommentKind.QUESTION)
    answered = questions[0]
    CommentFactory(
        topic=topic, parent=answered, is_official=True, created_at=answered.created_at + timedelta(days=2)
    )
    item = PlanItemFactory(workgroup=public)
    item.regions.add(region)
    item.save()  # parental many-to-many links are written on save
    PlanItemFactory(workgroup=private, status="done")
    topic.feedback_plan_items.add(item)
    topic.save()
    survey = SurveyPageFactory(parent=survey_index())
    Response.objects.bulk_create(
        Response(survey=survey, submitted_on=timezone.localdate(), stakeholder_group=group, region=region)
        for _ in range(3 * scale)
    )
    return {
        "group": group,
        "region": region,
        "public": public,
        "private": private,
        "topic": topic,
        "hidden_topic": hidden_topic,
        "questions": questions,
        "item": item,
        "index": index,
    }
