"""Every alert on the danger path is readable: WCAG AA contrast (4.5:1) from the rendered colours."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from forums.factories import CommentFactory, TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from home.models import HomePage
from portal.accounts.factories import UserFactory
from tests.e2e.test_moderation_queue import _sign_in

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text()


def _assert_readable(page):
    results = page.evaluate(CONTRAST_JS)
    assert results, "no alert text found"
    unreadable = [r for r in results if r[0] < 4.5]
    assert not unreadable, unreadable


@pytest.mark.django_db(transaction=True)
def test_danger_alerts_are_readable(page, live_server):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="adoption")
    topic = TopicPageFactory(parent=workgroup, slug="subsidy")
    comment = CommentFactory(topic=topic, body="A comment someone reports.")
    reader = UserFactory(email="reader@example.org")
    _sign_in(page, reader.email, next_url=topic.url)
    page.goto(f"/moderation/-/comments/{comment.pk}/report/")
    expect(page.get_by_test_id("safety-numbers")).to_be_visible()
    _assert_readable(page)
    page.get_by_text("Someone may be in danger", exact=True).click()
    page.locator("form:has(input[name=reason]) button[type=submit]").click()
    expect(page.get_by_test_id("safety-numbers")).to_be_visible()
    expect(page.locator("form:has(input[name=reason])")).to_have_count(0)
    _assert_readable(page)
