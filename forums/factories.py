"""Factories for workgroup pages, memberships and comments (tests and the demo)."""

import factory
import wagtail_factories
from django.utils import timezone

from portal.accounts.factories import UserFactory

from .models import (
    Comment,
    CommentState,
    MembershipRole,
    MembershipStatus,
    PlanItem,
    PlanLevel,
    TopicPage,
    WorkgroupIndexPage,
    WorkgroupMembership,
    WorkgroupPage,
)
from .text import render_comment_html


class WorkgroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Workgroups"

    class Meta:
        model = WorkgroupIndexPage


class WorkgroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workgroup {n}")
    intro = "A workgroup of partners and agency staff."
    charter = "<p>We review how the agency works and suggest changes.</p>"

    class Meta:
        model = WorkgroupPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    intro = "A draft under review."
    question = "What would make this work better for families?"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))

    class Meta:
        model = TopicPage


class WorkgroupMembershipFactory(factory.django.DjangoModelFactory):
    workgroup = factory.SubFactory(WorkgroupPageFactory)
    user = factory.SubFactory(UserFactory)
    role = MembershipRole.MEMBER
    status = MembershipStatus.ACTIVE

    class Meta:
        model = WorkgroupMembership


class CommentFactory(factory.django.DjangoModelFactory):
    topic = factory.SubFactory(TopicPageFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("paragraph")
    body_html = factory.LazyAttribute(lambda o: render_comment_html(o.body))
    state = CommentState.PUBLISHED

    class Meta:
        model = Comment

    @factory.post_generation
    def hold_code(obj, create, extracted, **kwargs):
        """A pending comment waits in the review queue, as one the hold rules held would
        (`CommentFactory(state="pending", hold_code="danger")`; "other" when not given)."""
        if create and obj.state == CommentState.PENDING:
            from .moderation.services import review_start

            review_start(comment=obj, hold_code=extracted or "other")


class PlanItemFactory(factory.django.DjangoModelFactory):
    workgroup = factory.SubFactory(WorkgroupPageFactory)
    level = PlanLevel.GOAL
    title = factory.Sequence(lambda n: f"Plan goal {n}")

    class Meta:
        model = PlanItem
