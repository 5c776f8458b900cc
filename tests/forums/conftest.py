import pytest

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import membership_set
from home.models import HomePage


@pytest.fixture
def index_page(db):
    home = HomePage.objects.first()
    return WorkgroupIndexPageFactory(parent=home, slug="workgroups")


@pytest.fixture
def workgroup(index_page):
    return WorkgroupPageFactory(parent=index_page, title="Adoption", slug="adoption")


@pytest.fixture
def private_workgroup(index_page):
    return WorkgroupPageFactory(parent=index_page, title="Case review", slug="case-review", is_private=True)


@pytest.fixture
def topic(workgroup):
    return TopicPageFactory(parent=workgroup, title="Draft adoption subsidy policy", slug="subsidy")


@pytest.fixture
def private_topic(private_workgroup):
    return TopicPageFactory(parent=private_workgroup, title="Secret draft", slug="secret-draft")


@pytest.fixture
def facilitator(make_staff, workgroup, private_workgroup):
    person = make_staff("Facilitators", display_name="Facil")
    membership_set(user=person, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    membership_set(user=person, workgroup=private_workgroup, role=MembershipRole.FACILITATOR)
    return person


@pytest.fixture
def member(user, workgroup, private_workgroup):
    membership_set(user=user, workgroup=workgroup)
    membership_set(user=user, workgroup=private_workgroup)
    return user
