import random

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forums.factories import (
    CommentFactory,
    PlanItemFactory,
    TopicPageFactory,
    WorkgroupIndexPageFactory,
    WorkgroupPageFactory,
)
from forums.models import CommentKind, CommentState
from home.factories import EventIndexPageFactory, EventPageFactory, StandardPageFactory
from home.models import HomePage
from surveys.factories import SurveyPageFactory, bulk_responses

PAST = timezone.timedelta(days=3)


@pytest.fixture
def home(db):
    return HomePage.objects.first()


@pytest.fixture
def public_data(home):
    """A public and a private workgroup, each with a plan, topics and comments; events; surveys."""
    index = WorkgroupIndexPageFactory(parent=home, slug="workgroups")
    public = WorkgroupPageFactory(parent=index, title="Adoption", slug="adoption")
    private = WorkgroupPageFactory(
        parent=index, title="Case review SECRET", slug="case-review", is_private=True
    )
    topic = TopicPageFactory(parent=public, title="Draft subsidy policy", slug="subsidy")
    closed = TopicPageFactory(
        parent=public,
        title="Closed visiting policy",
        slug="visiting",
        opens_at=timezone.now() - 2 * PAST,
        closes_at=timezone.now() - PAST,
        what_we_heard="<p>Families asked for evening visits.</p>",
        what_we_did="<p>We added them.</p>",
    )
    secret_topic = TopicPageFactory(parent=private, title="Secret draft SECRET", slug="secret")
    CommentFactory.create_batch(2, topic=topic)
    question = CommentFactory(topic=topic, kind=CommentKind.QUESTION)
    CommentFactory(topic=topic, parent=question, is_official=True)
    CommentFactory(topic=topic, state=CommentState.PENDING, body="held SECRET")
    CommentFactory.create_batch(3, topic=secret_topic)
    goal = PlanItemFactory(workgroup=public, title="Faster permanency")
    PlanItemFactory(workgroup=private, title="Private goal SECRET")
    events = EventIndexPageFactory(parent=home, slug="events")
    event = EventPageFactory(parent=events, title="Town hall")
    draft_event = EventPageFactory(parent=events, title="Draft event SECRET", live=False)
    members_only = StandardPageFactory(parent=home, title="Members only SECRET", slug="members-only")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    published = SurveyPageFactory(
        title="Family survey",
        public_summary=True,
        opens_at=timezone.now() - 3 * PAST,
        closes_at=timezone.now() - PAST,
    )
    bulk_responses(published, 30, random.Random(1))
    SurveyPageFactory(title="Open survey", public_summary=True)
    SurveyPageFactory(
        title="Unpublished summary",
        public_summary=False,
        opens_at=timezone.now() - 3 * PAST,
        closes_at=timezone.now() - PAST,
    )
    SurveyPageFactory(
        title="Draft survey SECRET",
        public_summary=True,
        live=False,
        opens_at=timezone.now() - 3 * PAST,
        closes_at=timezone.now() - PAST,
    )
    return {
        "public": public,
        "private": private,
        "topic": topic,
        "closed": closed,
        "secret_topic": secret_topic,
        "goal": goal,
        "event": event,
        "draft_event": draft_event,
        "survey": published,
    }
