"""Agenda tests: `index_page`, `private_workgroup`, `facilitator` and `member` come from
tests/fixtures/workgroups.py."""

import datetime

import pytest
from django.utils import timezone

from agenda.models import MeetingPage
from forums.factories import TopicPageFactory, WorkgroupPageFactory
from forums.services import membership_set
from portal.accounts.factories import UserFactory


@pytest.fixture
def workgroup(index_page):
    return WorkgroupPageFactory(
        parent=index_page, title="Permanency", slug="permanency", membership_mode="request"
    )


@pytest.fixture
def topic(workgroup):
    return TopicPageFactory(parent=workgroup, title="Respite care", slug="respite")


@pytest.fixture
def other_member(workgroup, private_workgroup):
    person = UserFactory(display_name="Other")
    membership_set(user=person, workgroup=workgroup)
    membership_set(user=person, workgroup=private_workgroup)
    return person


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Outsider")


def make_meeting(workgroup, *, title="Spring meeting", days=7, cutoff_days=5, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days)
    page = MeetingPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        agenda_cutoff=timezone.now() + datetime.timedelta(days=cutoff_days),
        place="Room 4, County building. Call: 555-0100 code 1234",
        **kwargs,
    )
    workgroup.add_child(instance=page)
    page.save_revision().publish()
    return MeetingPage.objects.get(pk=page.pk)


@pytest.fixture
def meeting(workgroup):
    return make_meeting(workgroup)
