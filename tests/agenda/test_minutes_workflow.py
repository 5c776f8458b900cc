"""Minutes and decisions go through the Agency review workflow; publishing tells people once."""

import pytest
from wagtail.models import WorkflowState

from agenda import services
from agenda.models import MeetingDecision, MeetingPage
from forums.factories import PlanItemFactory
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_minutes_wait_for_approval_then_notify(
    member, other_member, facilitator, workgroup, meeting, make_staff
):
    proposal = services.proposal_create(
        author=other_member, workgroup=workgroup, title="Respite", body="No respite."
    )
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", meeting=meeting)
    page = MeetingPage.objects.get(pk=meeting.pk)
    page.minutes = "<p>We agreed to pilot respite vouchers.</p>"
    page.decisions = [
        MeetingDecision(text="Pilot respite vouchers", plan_item=PlanItemFactory(workgroup=workgroup))
    ]
    revision = page.save_revision(user=facilitator)
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Agency review"
    state = workflow.start(page, facilitator)
    assert not Notification.objects.filter(kind=NotificationKind.MEETING).exists()
    assert MeetingPage.objects.get(pk=page.pk).minutes == ""  # not public before approval

    moderator = make_staff("Moderators")
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    live = MeetingPage.objects.get(pk=page.pk)
    assert "respite vouchers" in live.minutes and live.minutes_notified_at is not None
    assert revision.pk
    meeting_told = set(
        Notification.objects.filter(kind=NotificationKind.MEETING).values_list("recipient", flat=True)
    )
    assert {member.pk, other_member.pk, facilitator.pk} <= meeting_told
    assert (
        Notification.objects.filter(
            kind=NotificationKind.PROPOSAL_UPDATE, recipient=other_member, dedupe_key__startswith="proposal-"
        ).count()
        == 2
    )  # accepted, then minutes published
    # A later publish does not notify again.
    live.save_revision().publish()
    assert Notification.objects.filter(kind=NotificationKind.MEETING, recipient=member).count() == 1
