"""A partner selects a sentence of a draft and comments on it; held as a new member, approved
by a moderator in the queue; the paragraph's count then shows 1."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import Comment, CommentState
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from tests.e2e.test_moderation_queue import SECRET, _sign_in

SENTENCE = "Payments start in the month after approval."

SELECT = """([selector, sentence]) => {
  const text = document.querySelector(selector + ' .forums-draft__text');
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(sentence);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + sentence.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


@pytest.mark.django_db(transaction=True)
def test_comment_on_a_selected_passage(page, browser, live_server, screenshot_dir, settings):
    settings.MODERATION_HOLD_RULES_ENABLED = True
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, title="Kinship care", slug="kinship")
    topic = TopicPageFactory(parent=workgroup, title="Draft kinship subsidy guide", slug="guide")
    topic.draft = [
        {"type": "heading", "value": "Who can apply"},
        {"type": "paragraph", "value": "Kin caregivers can apply within 30 days of placement."},
        {"type": "heading", "value": "Payments"},
        {"type": "paragraph", "value": f"{SENTENCE} They follow the state rate for foster care."},
    ]
    topic.save_revision().publish()
    topic.refresh_from_db()
    second = [b for b in topic.draft if b.block_type == "paragraph"][1]
    partner = UserFactory(
        email="court.partner@example.org",
        display_name="Judge Rivera",
        date_joined=timezone.now() - timedelta(days=30),
    )
    membership_set(user=partner, workgroup=workgroup)
    moderator = UserFactory(
        email="mo@example.org", roles=["Moderators"], date_joined=timezone.now() - timedelta(days=90)
    )
    totp_activate(user=moderator, secret=SECRET)

    _sign_in(page, partner.email, next_url=topic.url)
    page.goto(topic.url)
    paragraph = page.locator(f"#p-{second.id}")
    expect(paragraph).to_contain_text("No comments yet on paragraph 2")
    button = page.locator("[data-passage-button]")
    expect(button).to_be_hidden()
    assert page.evaluate(SELECT, [f"#p-{second.id}", SENTENCE])
    expect(button).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "draft-passage-selected.png"), full_page=True)
    button.click()
    expect(page.locator("#quoted-passage")).to_have_text(SENTENCE)
    page.fill("#comment-body-new", "Families wait a month without help: please start payments on approval.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("held for review").first).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "draft-passage-held.png"), full_page=True)
    comment = Comment.objects.get(author=partner)
    assert (comment.state, comment.paragraph_id, comment.quote) == (CommentState.PENDING, second.id, SENTENCE)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    _sign_in(admin, moderator.email, code_secret=SECRET, next_url="/admin/moderation/")
    admin.goto("/admin/moderation/")
    admin.get_by_role("link", name=f"Judge Rivera on “{comment.topic.title}”").click()
    admin.select_option("#id_action", "approve")
    admin.select_option("#id_reason", "ok")
    admin.get_by_role("button", name="Record the decision").click()
    expect(admin.get_by_text("Decision recorded").first).to_be_visible()
    context.close()

    page.goto(topic.url)
    expect(page.locator(f"#p-{second.id}")).to_contain_text("1 comment on paragraph 2")
    expect(page.locator(".forums-comment__quote").first).to_have_text(SENTENCE)
    page.screenshot(path=os.path.join(screenshot_dir, "draft-passage-count.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_agency_summary_and_comparison(page, live_server, screenshot_dir):
    from forums.factories import CommentFactory

    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, title="Kinship care", slug="kinship")
    topic = TopicPageFactory(
        parent=workgroup,
        title="Draft kinship subsidy guide",
        slug="guide",
        opens_at=timezone.now() - timedelta(days=3),
    )
    topic.draft = [
        {"type": "paragraph", "value": "Kin caregivers can apply within 30 days of placement."},
        {"type": "paragraph", "value": SENTENCE},
    ]
    revision = topic.save_revision()
    revision.publish()
    type(revision).objects.filter(pk=revision.pk).update(created_at=timezone.now() - timedelta(days=4))
    topic.refresh_from_db()
    first = [b.id for b in topic.draft][0]
    CommentFactory.create_batch(3, topic=topic, paragraph_id=first)
    raw = [{"type": b.block_type, "value": str(b.value), "id": b.id} for b in topic.draft]
    raw[0]["value"] = "Kin caregivers can apply within 90 days of placement."
    topic.draft = raw
    topic.save_revision().publish()
    moderator = UserFactory(
        email="mo@example.org", roles=["Moderators"], date_joined=timezone.now() - timedelta(days=90)
    )
    totp_activate(user=moderator, secret=SECRET)
    _sign_in(page, moderator.email, code_secret=SECRET, next_url=f"/admin/drafts/{topic.pk}/")
    page.goto(f"/admin/drafts/{topic.pk}/")
    expect(page.locator("tbody tr").first).to_contain_text("3")
    page.screenshot(path=os.path.join(screenshot_dir, "draft-agency-summary.png"), full_page=True)
    page.get_by_role("link", name="What changed since comments opened").click()
    expect(page.locator("del").first).to_have_text("30")
    expect(page.locator("ins").first).to_have_text("90")
    page.screenshot(path=os.path.join(screenshot_dir, "draft-agency-compare.png"), full_page=True)
