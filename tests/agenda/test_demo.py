import pytest

from agenda import demo as agenda_demo
from agenda.models import AgendaItem, MeetingAttendance, MeetingPage, Proposal, ReviewRound
from forums import demo as forums_demo
from portal.accounts import demo as accounts_demo
from portal.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_meetings_and_a_round_and_is_idempotent():
    ctx = DemoContext(seed=1, force=False, write=lambda _line: None)
    accounts_demo.generate(ctx)
    forums_demo.generate(ctx)
    agenda_demo.generate(ctx)
    counts = [Proposal.objects.count(), MeetingPage.objects.count(), AgendaItem.objects.count()]
    agenda_demo.generate(ctx)
    assert [Proposal.objects.count(), MeetingPage.objects.count(), AgendaItem.objects.count()] == counts
    assert set(Proposal.objects.values_list("state", flat=True)) == {
        "open",
        "accepted",
        "merged",
        "in_progress",
        "declined",
    }
    assert Proposal.objects.values("workgroup").distinct().count() == 4
    assert MeetingPage.objects.count() == 12 and MeetingAttendance.objects.exists()
    # Each upcoming meeting has a member's item waiting for the facilitator.
    assert AgendaItem.objects.filter(status="proposed", meeting__slug="next-meeting").count() == 4
    review = ReviewRound.objects.get(is_current=True)
    assert review.phases.count() == 5
