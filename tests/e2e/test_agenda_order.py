"""Members propose items from the meeting page; the facilitator accepts one, declines one with a
reason, and orders the agenda by dragging (and, without JavaScript, with Move up / Move down)."""

import datetime
import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agenda import services
from agenda.models import AgendaItem, AgendaItemStatus, MeetingPage
from forums.factories import WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory
from tests.e2e.test_agenda_flow import _sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _titles(page):
    return page.locator("[data-testid=agenda] .agenda-list__title")


def test_members_items_decided_and_ordered(page, browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.get(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="kinship", title="Kinship care workgroup")
    member = UserFactory(display_name="Ana", email="ana@example.org")
    facilitator = UserFactory(display_name="Lee", email="lee@example.org", roles=["Facilitators"])
    membership_set(user=member, workgroup=workgroup)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingPage(
        title="July meeting",
        slug="july",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        agenda_cutoff=start - datetime.timedelta(days=2),
    )
    workgroup.add_child(instance=meeting)
    meeting.save_revision().publish()
    for title in ("Welcome", "Budget update"):
        services.agenda_item_add(by=facilitator, meeting=meeting, title=title)

    # A member proposes two items from the meeting page.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    ana = context.new_page()
    _sign_in(ana, member.email)
    for title in ("Transport to family visits", "Paperwork for relatives"):
        ana.goto(meeting.url)
        ana.fill("input[name=title]", title)
        ana.get_by_role("button", name="Propose for the agenda").click()
        expect(ana.get_by_text("Your item is sent to the facilitators for the agenda.")).to_be_visible()
    expect(ana.get_by_test_id("my-items")).to_contain_text("Proposed, waiting for the facilitator")

    # The facilitator declines one with a reason and accepts the other.
    _sign_in(page, facilitator.email)
    page.goto(meeting.url)
    waiting = page.get_by_test_id("proposed-items")
    expect(waiting).to_contain_text("Transport to family visits")
    page.screenshot(path=os.path.join(screenshot_dir, "agenda-proposed-items.png"), full_page=True)
    paperwork = waiting.locator("li", has_text="Paperwork for relatives")
    paperwork.get_by_role("button", name="Decline Paperwork for relatives").click()
    expect(page.get_by_text("Say why the item is not taken on the agenda.")).to_be_visible()
    paperwork = page.get_by_test_id("proposed-items").locator("li", has_text="Paperwork for relatives")
    paperwork.locator("textarea").fill("The kinship navigator program covers it next month.")
    paperwork.get_by_role("button", name="Decline Paperwork for relatives").click()
    expect(page.get_by_text("The member is told why.")).to_be_visible()
    page.get_by_role("button", name="Accept Transport to family visits onto the agenda").click()
    expect(page.get_by_text("The item is on the agenda.")).to_be_visible()
    expect(_titles(page)).to_have_text(["Welcome", "Budget update", "Transport to family visits"])

    # Drag the last item to the top: the order is saved.
    page.locator("[data-agenda-item]", has_text="Transport to family visits").drag_to(
        page.locator("[data-agenda-item]", has_text="Welcome"), target_position={"x": 20, "y": 2}
    )
    expect(page.get_by_text("Agenda order saved.")).to_be_visible()
    expect(_titles(page)).to_have_text(["Transport to family visits", "Welcome", "Budget update"])
    page.screenshot(path=os.path.join(screenshot_dir, "agenda-ordered.png"), full_page=True)
    ordered = AgendaItem.objects.filter(meeting=meeting, status=AgendaItemStatus.ON_AGENDA)
    assert list(ordered.values_list("title", flat=True)) == [
        "Transport to family visits",
        "Welcome",
        "Budget update",
    ]

    # The member reads the reason on the meeting page.
    ana.goto(meeting.url)
    expect(ana.get_by_test_id("my-items")).to_contain_text("The kinship navigator program covers it")
    context.close()

    # Without JavaScript the facilitator orders with the buttons.
    plain = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    nojs = plain.new_page()
    _sign_in(nojs, facilitator.email)
    nojs.goto(meeting.url)
    nojs.get_by_role("button", name="Move Budget update up").click()
    expect(nojs.get_by_text("Agenda order saved.")).to_be_visible()
    expect(_titles(nojs)).to_have_text(["Transport to family visits", "Budget update", "Welcome"])
    nojs.get_by_role("button", name="Move Transport to family visits down").click()
    expect(_titles(nojs)).to_have_text(["Budget update", "Transport to family visits", "Welcome"])
    plain.close()


def test_proposal_page_shows_what_happened_since(page, live_server, screenshot_dir):
    from forums.factories import PlanItemFactory, TopicPageFactory
    from forums.models import PlanStatus, ProgressNote

    index = WorkgroupIndexPageFactory(parent=HomePage.objects.get(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="kinship", title="Kinship care workgroup")
    author = UserFactory(display_name="Ana", email="ana@example.org")
    facilitator = UserFactory(display_name="Lee", email="lee@example.org", roles=["Facilitators"])
    membership_set(user=author, workgroup=workgroup)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    topic = TopicPageFactory(parent=workgroup, title="Respite for kinship carers", slug="respite")
    proposal = services.proposal_create(
        author=author, workgroup=workgroup, title="Respite weekends", body="Grandparents get no break."
    )
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", topic=topic)
    topic.what_we_did = "<p>We funded twelve respite weekends with two providers.</p>"
    topic.save_revision().publish()
    plan_item = PlanItemFactory(workgroup=workgroup, title="Respite pilot", status=PlanStatus.ON_TRACK)
    type(proposal).objects.filter(pk=proposal.pk).update(plan_item=plan_item)
    ProgressNote.objects.create(plan_item=plan_item, text="First weekend held in May.")

    _sign_in(page, author.email)
    page.goto(services.proposal_url(proposal))
    since = page.get_by_test_id("proposal-since")
    expect(since).to_contain_text("We funded twelve respite weekends")
    expect(since).to_contain_text("Status: On track")
    expect(since).to_contain_text("First weekend held in May.")
    page.screenshot(path=os.path.join(screenshot_dir, "agenda-proposal-since.png"), full_page=True)
    page.goto("/notifications/")
    expect(page.get_by_text("The agency published what it did about").first).to_be_visible()
