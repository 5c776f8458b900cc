"""A partner follows a workgroup and asks a question; a facilitator answers officially;
the partner sees the notification and unsubscribes from the e-mail's link."""

import os
import re

import pytest
from django.core import mail

from forums.factories import (
    PlanItemFactory,
    TopicPageFactory,
    WorkgroupIndexPageFactory,
    WorkgroupPageFactory,
)
from forums.models import Comment, MembershipRole, PlanLevel, PlanStatus
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form:has(input[name=login]) [type=submit]").click()
    page.wait_for_load_state()


def _world():
    home = HomePage.objects.get()
    index = WorkgroupIndexPageFactory(parent=home, slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="adoption", title="Adoption workgroup")
    topic = TopicPageFactory(parent=workgroup, slug="support", title="Draft: post-adoption support")
    goal = PlanItemFactory(
        workgroup=workgroup,
        title="Children reach adoption sooner",
        status=PlanStatus.ON_TRACK,
        measure="Median months",
        unit=" months",
        baseline=34,
        target=24,
        current=29,
    )
    PlanItemFactory(
        workgroup=workgroup,
        parent=goal,
        level=PlanLevel.STRATEGY,
        title="Faster home studies",
        status=PlanStatus.AT_RISK,
    )
    partner = UserFactory(username="partner", display_name="Lee", email="partner@example.org")
    facilitator = UserFactory(
        username="facil", display_name="Facilitator", email="facil@example.org", roles=["Facilitators"]
    )
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    return workgroup, topic, partner, facilitator


def test_question_answer_notification_and_unsubscribe(page, browser, live_server, screenshot_dir):
    workgroup, topic, partner, facilitator = _world()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    _sign_in(page, partner.email)
    page.goto(workgroup.url)
    page.get_by_role("button", name="Follow this workgroup").click()
    assert page.get_by_role("button", name="Stop following").is_visible()

    page.goto(topic.url)
    page.fill("#comment-body-new", "Will respite days cover kinship families? <img src=x onerror=alert(1)>")
    page.click("label[for=kind-question-new]")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Your comment is posted.").is_visible()
    question = Comment.objects.get(author=partner)
    assert question.kind == "question" and "onerror" not in question.body_html
    assert not dialogs

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    staff_page = context.new_page()
    _sign_in(staff_page, facilitator.email)
    staff_page.goto(topic.url)
    staff_page.get_by_text("Answer officially").click()
    staff_page.fill(f"#comment-body-{question.pk}", "Yes: every family who adopted from our foster care.")
    staff_page.get_by_role("button", name="Post answer").click()
    staff_page.wait_for_load_state()
    context.close()
    assert Comment.objects.filter(parent=question, is_official=True).exists()

    page.goto("/notifications/")
    assert page.get_by_text("The agency answered your question").first.is_visible()
    page.goto(topic.url)
    assert page.get_by_text("Official answer").is_visible()
    assert not dialogs

    message = next(m for m in mail.outbox if m.to == [partner.email])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", message.body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Yes, unsubscribe").click()
    assert page.get_by_text("You are unsubscribed").is_visible()
    assert NotificationPreference.objects.get(user=partner, kind="official_answer").delivery == "off"

    for url, name in ((topic.url, "topic"), (workgroup.url, "workgroup"), (workgroup.url + "plan/", "plan")):
        page.goto(url)
        page.screenshot(path=os.path.join(screenshot_dir, f"forums-{name}-desktop.png"), full_page=True)


def test_pages_on_a_phone(phone_page, screenshot_dir):
    workgroup, topic, partner, _facilitator = _world()
    for url, name in (
        (topic.url, "topic"),
        (workgroup.url, "workgroup"),
        (workgroup.url + "plan/", "plan"),
        ("/workgroups/plan/", "plan-overview"),
    ):
        response = phone_page.goto(url)
        assert response.status == 200, url
        phone_page.screenshot(path=os.path.join(screenshot_dir, f"forums-{name}-phone.png"), full_page=True)
