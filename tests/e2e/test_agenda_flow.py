"""A foster parent proposes an issue, two members support it, the facilitator puts it on the
next meeting's agenda; after the meeting the minutes pass the Agency review workflow in the
Wagtail admin (the reviewer signs in with two-step and approves from "Awaiting your review"), and
the proposer sees the outcome and the notification."""

import datetime
import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agenda.models import MeetingPage, Proposal
from forums.factories import WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.accounts.mfa import totp_activate
from tests.e2e.test_moderation_queue import SECRET
from tests.e2e.test_moderation_queue import _sign_in as sign_in_two_step

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form:has(input[name=login]) [type=submit]").click()
    page.wait_for_load_state()


def _as(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _sign_in(page, email)
    return context, page


def test_propose_support_triage_agenda_minutes(page, browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.get(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="permanency", title="Permanency workgroup")
    parent = UserFactory(display_name="Sam", email="fosterparent@example.org")
    supporters = [UserFactory(email=f"member{i}@example.org") for i in range(2)]
    facilitator = UserFactory(email="facil@example.org", roles=["Facilitators"])
    for person in (parent, *supporters):
        membership_set(user=person, workgroup=workgroup)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingPage(
        title="June meeting",
        slug="june",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        agenda_cutoff=start - datetime.timedelta(days=2),
        place="Room 4",
    )
    workgroup.add_child(instance=meeting)
    meeting.save_revision().publish()

    _sign_in(page, parent.email)
    page.goto(workgroup.url)
    page.get_by_role("link", name="Propose an issue").click()
    page.fill("input[name=title]", "Respite care for kinship carers")
    page.fill("textarea[name=body]", "Grandparents caring for grandchildren get no respite weekends.")
    page.get_by_role("button", name="Send the proposal").click()
    expect(page.get_by_role("heading", name="Respite care for kinship carers")).to_be_visible()
    proposal = Proposal.objects.get()

    for person in supporters:
        context, other = _as(browser, live_server, person.email)
        other.goto(f"/agenda/-/proposals/{proposal.pk}/")
        other.get_by_role("button", name="Support this proposal").click()
        expect(other.get_by_text("Thank you for your support.")).to_be_visible()
        context.close()
    assert Proposal.objects.get().support_count == 2

    context, staff = _as(browser, live_server, facilitator.email)
    staff.goto(workgroup.url + "?sort=supported")
    expect(staff.get_by_text("2 supports")).to_be_visible()
    staff.get_by_role("link", name="Respite care for kinship carers").click()
    staff.select_option("select[name=state]", "accepted")
    staff.fill("textarea[name=answer]", "We will discuss it at the June meeting.")
    staff.locator("form[action$='/triage/'] select[name=meeting]").select_option(str(meeting.pk))
    staff.get_by_role("button", name="Publish the answer").click()
    expect(staff.get_by_text("The answer is published.")).to_be_visible()
    staff.goto(meeting.url)
    expect(staff.get_by_test_id("agenda")).to_contain_text("Respite care for kinship carers")
    staff.screenshot(path=os.path.join(screenshot_dir, "agenda-meeting.png"), full_page=True)
    context.close()

    # After the meeting the facilitator submits the minutes for the Agency review workflow.
    past = timezone.now() - datetime.timedelta(days=1)
    MeetingPage.objects.filter(pk=meeting.pk).update(
        starts_at=past, ends_at=past + datetime.timedelta(hours=2)
    )
    live = MeetingPage.objects.get(pk=meeting.pk)
    live.minutes = "<p>We agreed to pilot respite weekends for kinship carers.</p>"
    live.save_revision(user=facilitator)
    live.get_workflow().start(live, facilitator)
    page.goto(meeting.url)
    expect(page.get_by_test_id("minutes")).to_have_count(0)  # not public before approval

    # The reviewer signs in with two-step and approves from "Awaiting your review".
    moderator = UserFactory(
        email="reviewer@example.org",
        display_name="Rae",
        roles=["Moderators"],
        date_joined=timezone.now() - datetime.timedelta(days=90),
    )
    totp_activate(user=moderator, secret=SECRET)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    sign_in_two_step(admin, moderator.email, code_secret=SECRET, next_url="/admin/")
    admin.goto("/admin/")
    review = admin.get_by_role("region", name="Awaiting your review")
    expect(review).to_contain_text("June meeting")
    admin.screenshot(path=os.path.join(screenshot_dir, "agenda-awaiting-review.png"), full_page=True)
    row = review.locator("tr", has_text="June meeting")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # Approved: the dashboard comes back with nothing left awaiting review.
    expect(admin.get_by_role("region", name="Awaiting your review")).to_have_count(0)
    context.close()
    assert MeetingPage.objects.get(pk=meeting.pk).minutes_notified_at is not None

    page.goto(f"/agenda/-/proposals/{proposal.pk}/")
    expect(page.get_by_test_id("proposal-state")).to_have_text("Accepted")
    expect(page.get_by_test_id("proposal-meetings")).to_contain_text("minutes published")
    page.screenshot(path=os.path.join(screenshot_dir, "agenda-proposal.png"), full_page=True)
    page.goto("/notifications/")
    expect(page.get_by_text("was accepted by the workgroup")).to_be_visible()
    expect(page.get_by_text("are published").first).to_be_visible()
    page.goto(meeting.url)
    expect(page.get_by_test_id("minutes")).to_contain_text("pilot respite weekends")
