from datetime import timedelta

import pytest
from django.utils import timezone

from forums.factories import CommentFactory, TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import CommentState, MembershipRole
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory


@pytest.fixture
def index_page(db):
    return WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")


@pytest.fixture
def workgroup(index_page):
    return WorkgroupPageFactory(parent=index_page, title="Adoption", slug="adoption")


@pytest.fixture
def topic(workgroup):
    return TopicPageFactory(parent=workgroup, title="Draft adoption subsidy policy", slug="subsidy")


@pytest.fixture
def facilitator(make_staff, workgroup):
    person = make_staff("Facilitators", display_name="Facil")
    membership_set(user=person, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    return person


@pytest.fixture
def member(user, workgroup):
    membership_set(user=user, workgroup=workgroup)
    return user


@pytest.fixture
def veteran(workgroup):
    """A long-standing member with an approved comment: no first-comment or new-account hold."""
    person = UserFactory(date_joined=timezone.now() - timedelta(days=400))
    membership_set(user=person, workgroup=workgroup)
    return person


@pytest.fixture
def newcomer(workgroup):
    person = UserFactory()
    membership_set(user=person, workgroup=workgroup)
    return person


@pytest.fixture
def moderator(make_staff):
    return make_staff("Moderators", display_name="Mo")


@pytest.fixture
def other_topic(index_page):
    other = WorkgroupPageFactory(parent=index_page, title="Out-of-home care", slug="ooh-care")
    return TopicPageFactory(parent=other, title="Placement stability", slug="placement")


@pytest.fixture
def other_facilitator(make_staff, other_topic):
    person = make_staff("Facilitators", display_name="Other facil")
    membership_set(user=person, workgroup=other_topic.get_workgroup(), role=MembershipRole.FACILITATOR)
    return person


@pytest.fixture
def make_comment(topic):
    def _make(state=CommentState.PUBLISHED, **kwargs):
        kwargs.setdefault("topic", topic)
        return CommentFactory(state=state, **kwargs)

    return _make
