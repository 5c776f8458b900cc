"""Factories for content pages (wagtail_factories), used by tests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

from home.models import (
    AudiencePage,
    EventIndexPage,
    EventPage,
    InitiativeIndexPage,
    InitiativePage,
    ResourceIndexPage,
    StandardPage,
    TheoryOfChangePage,
    UpdateIndexPage,
    UpdatePage,
)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")


class TheoryOfChangePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TheoryOfChangePage

    title = "Our Theory of Change"
    need = factory.LazyFunction(lambda: [("item", {"text": "Too many moves", "detail": ""})])
    impact = factory.LazyFunction(lambda: [("item", {"text": "Children thrive", "detail": "Long term"})])


class InitiativeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativeIndexPage

    title = "Initiatives"


class InitiativePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativePage

    title = factory.Sequence(lambda n: f"Initiative {n}")
    summary = "What this initiative does."
    status = "active"


class UpdateIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UpdateIndexPage

    title = "Updates"


class UpdatePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UpdatePage

    title = factory.Sequence(lambda n: f"Update {n}")
    slug = factory.Sequence(lambda n: f"update-{n}")
    summary = "Something happened."
    date = factory.LazyFunction(timezone.localdate)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location_name = "Lakeshore County Library"


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resources"
    collection = factory.LazyFunction(Collection.get_first_root_node)


class AudiencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AudiencePage

    title = "For youth"
    audience = "youth"
