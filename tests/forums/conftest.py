"""Forums tests: `index_page`, `private_workgroup`, `facilitator` and `member` come from
tests/fixtures/workgroups.py."""

import pytest

from forums.factories import TopicPageFactory, WorkgroupPageFactory


@pytest.fixture
def workgroup(index_page):
    return WorkgroupPageFactory(parent=index_page, title="Adoption", slug="adoption")


@pytest.fixture
def topic(workgroup):
    return TopicPageFactory(parent=workgroup, title="Draft adoption subsidy policy", slug="subsidy")


@pytest.fixture
def private_topic(private_workgroup):
    return TopicPageFactory(parent=private_workgroup, title="Secret draft", slug="secret-draft")
