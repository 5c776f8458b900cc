"""A member asks to join a request-only workgroup; its facilitator approves from the dashboard;
the member is told and can post."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from tests.e2e.test_moderation_queue import SECRET, _sign_in


@pytest.mark.django_db(transaction=True)
def test_join_request_approved_from_the_dashboard(page, browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(
        parent=index, title="Kinship care", slug="kinship", membership_mode="request"
    )
    topic = TopicPageFactory(parent=workgroup, title="Draft kinship navigator guide", slug="navigator")
    facilitator = UserFactory(email="fran@example.org", display_name="Fran", roles=["Facilitators"])
    totp_activate(user=facilitator, secret=SECRET)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    member = UserFactory(
        email="rosa@example.org", display_name="Rosa", date_joined=timezone.now() - timedelta(days=90)
    )

    _sign_in(page, member.email, next_url=workgroup.url)
    page.goto(workgroup.url)
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_text("You asked to join")).to_be_visible()

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    _sign_in(admin, facilitator.email, code_secret=SECRET, next_url="/admin/")
    admin.goto("/admin/")
    row = admin.get_by_test_id("membership-request").filter(has_text="Rosa")
    expect(row).to_be_visible()
    admin.screenshot(path=os.path.join(screenshot_dir, "join-request-dashboard.png"), full_page=True)
    row.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("Rosa is now a member.")).to_be_visible()
    context.close()

    page.goto("/notifications/")
    expect(page.get_by_text("Your request to join Kinship care was approved")).to_be_visible()
    page.goto(topic.url)
    page.fill("#comment-body-new", "Kinship navigators helped us find respite.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("Kinship navigators helped us find respite.").first).to_be_visible()
