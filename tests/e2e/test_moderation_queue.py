"""A new member's comment is held; a moderator (with two-step sign-in) approves it in the queue."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import Comment, CommentState
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.accounts.mfa import totp_activate, totp_current_code
from portal.notifications.models import Notification, NotificationKind

SECRET = "JBSWY3DPEHPK3PXP"


def _sign_in(page, email, code_secret=None, next_url="/"):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form:has(input[name=login]) button[type=submit]").first.click()
    if code_secret:
        page.wait_for_selector("input[name=code]")
        page.fill("input[name=code]", totp_current_code(secret=code_secret))
        page.locator("form:has(input[name=code]) button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_held_comment_approved_in_the_queue(page, browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, title="Adoption", slug="adoption")
    topic = TopicPageFactory(parent=workgroup, title="Draft adoption subsidy policy", slug="subsidy")
    member = UserFactory(email="new.member@example.org", display_name="Nia")
    membership_set(user=member, workgroup=workgroup)
    moderator = UserFactory(
        email="mo@example.org", roles=["Moderators"], date_joined=timezone.now() - timedelta(days=90)
    )
    totp_activate(user=moderator, secret=SECRET)

    _sign_in(page, member.email, next_url=topic.url)
    page.goto(topic.url)
    page.fill("#comment-body-new", "Respite care made the difference for our family in the first year.")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("held for review because moderators read the first comments").first.is_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "moderation-held-comment.png"), full_page=True)
    comment = Comment.objects.get(author=member)
    assert comment.state == CommentState.PENDING

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    errors = []
    admin.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(admin, moderator.email, code_secret=SECRET, next_url="/admin/moderation/")
    admin.goto("/admin/moderation/")
    assert admin.get_by_text("Respite care made the difference").first.is_visible()
    admin.screenshot(path=os.path.join(screenshot_dir, "moderation-queue.png"), full_page=True)
    admin.get_by_role("link", name=f"Nia on “{topic.title}”").click()
    admin.select_option("#id_action", "approve")
    admin.select_option("#id_reason", "ok")
    admin.fill("#id_note", "Welcome to the board")
    admin.get_by_role("button", name="Record the decision").click()
    admin.wait_for_load_state()
    assert admin.get_by_text("Decision recorded").first.is_visible()
    admin.screenshot(path=os.path.join(screenshot_dir, "moderation-item.png"), full_page=True)
    context.close()
    assert not errors

    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED
    page.goto(topic.url)
    assert page.get_by_text("Respite care made the difference").first.is_visible()
    assert page.get_by_text("Only you can see this").count() == 0
    notice = Notification.objects.get(recipient=member, kind=NotificationKind.MODERATION_DECISION)
    assert "is published" in notice.text
