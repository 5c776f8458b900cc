"""Members propose agenda items (new, or their own proposal) before the cut-off; facilitators
accept or decline them with a reason, and order the agenda; the proposer is told."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agenda import services
from agenda.models import AgendaItem, AgendaItemStatus, Proposal, ProposalState
from portal.notifications.models import Notification, NotificationKind

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def _propose(author, workgroup, title="Respite for kin carers"):
    return services.proposal_create(author=author, workgroup=workgroup, title=title, body="No respite.")


def _told(person, kind=None):
    notes = Notification.objects.filter(recipient=person)
    return list((notes.filter(kind=kind) if kind else notes).values_list("text", flat=True))


def test_member_item_waits_for_a_facilitator_who_is_told(member, facilitator, meeting):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport to visits")
    assert item.status == AgendaItemStatus.PROPOSED and item.proposed_by == member
    assert not AgendaItem.objects.filter(status=AgendaItemStatus.ON_AGENDA).exists()
    assert any("Transport to visits" in text for text in _told(facilitator, NotificationKind.MEETING))


def test_member_brings_own_proposal_title_from_it(member, meeting, workgroup):
    proposal = _propose(member, workgroup)
    item = services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    assert (item.title, item.proposal, item.status) == (proposal.title, proposal, AgendaItemStatus.PROPOSED)


def test_member_cannot_bring_someone_elses_proposal(member, other_member, meeting, workgroup):
    proposal = _propose(other_member, workgroup)
    with pytest.raises(services.NotAllowed, match="own proposals"):
        services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("state", [ProposalState.PENDING, ProposalState.MERGED, ProposalState.DECLINED])
def test_held_merged_or_declined_proposal_cannot_go_on_an_agenda(member, meeting, workgroup, state):
    proposal = _propose(member, workgroup)
    Proposal.objects.filter(pk=proposal.pk).update(state=state, answer="Reason")
    proposal.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot go on an agenda"):
        services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)


def test_proposal_from_another_workgroup_is_refused(member, facilitator, meeting, private_workgroup):
    proposal = _propose(member, private_workgroup)
    with pytest.raises(ValidationError, match="this workgroup"):
        services.agenda_item_add(by=facilitator, meeting=meeting, proposal=proposal)


def test_after_cutoff_member_is_told_when_it_closed_facilitator_still_adds(member, facilitator, workgroup):
    meeting = make_meeting(workgroup, days=2, cutoff_days=-1)
    proposal = _propose(member, workgroup)
    with pytest.raises(ValidationError, match="agenda closed on"):
        services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    assert not AgendaItem.objects.exists()
    item = services.agenda_item_add(by=facilitator, meeting=meeting, title="Late but needed")
    assert item.status == AgendaItemStatus.ON_AGENDA


def test_non_member_is_told_only_members_propose(outsider, meeting):
    with pytest.raises(services.NotAllowed, match="Only members"):
        services.agenda_item_add(by=outsider, meeting=meeting, title="Mine")


def test_same_proposal_twice_on_one_meeting_is_refused(member, meeting, workgroup):
    proposal = _propose(member, workgroup)
    services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    with pytest.raises(ValidationError, match="already on this meeting"):
        services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    assert AgendaItem.objects.count() == 1


def test_database_keeps_a_proposal_once_per_meeting_and_a_reason_for_declines(member, meeting, workgroup):
    proposal = _propose(member, workgroup)
    AgendaItem.objects.create(meeting=meeting, title="a", proposal=proposal)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, title="b", proposal=proposal)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, title="c", status=AgendaItemStatus.DECLINED)


def test_accept_puts_it_last_and_tells_proposer_and_supporters(member, other_member, facilitator, meeting):
    first = services.agenda_item_add(by=facilitator, meeting=meeting, title="Welcome")
    proposal = _propose(member, meeting.workgroup)
    services.support_add(user=other_member, proposal=proposal)
    waiting = services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    accepted = services.agenda_item_accept(by=facilitator, item=waiting)
    assert accepted.status == AgendaItemStatus.ON_AGENDA and accepted.sort_order > first.sort_order
    assert accepted.decided_by == facilitator and accepted.decided_at is not None
    for person in (member, other_member):
        assert any("is on the agenda" in text for text in _told(person, NotificationKind.PROPOSAL_UPDATE))
    with pytest.raises(ValidationError, match="already decided"):
        services.agenda_item_accept(by=facilitator, item=waiting)


def test_decline_needs_a_reason_and_the_member_reads_it(member, facilitator, meeting):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport to visits")
    with pytest.raises(ValidationError) as error:
        services.agenda_item_decline(by=facilitator, item=item, reason="  ")
    assert "reason" in error.value.message_dict
    assert AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.PROPOSED
    services.agenda_item_decline(by=facilitator, item=item, reason="The transport workgroup covers it.")
    assert AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.DECLINED
    assert any("transport workgroup covers it" in text for text in _told(member, NotificationKind.MEETING))


def test_only_facilitators_decide(member, other_member, meeting):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport")
    for person in (member, other_member):
        with pytest.raises(services.NotAllowed):
            services.agenda_item_accept(by=person, item=item)
        with pytest.raises(services.NotAllowed):
            services.agenda_item_decline(by=person, item=item, reason="No")
    assert AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.PROPOSED


def test_triage_for_a_meeting_takes_the_members_waiting_item(member, facilitator, meeting, workgroup):
    proposal = _propose(member, workgroup)
    waiting = services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", meeting=meeting)
    assert list(AgendaItem.objects.values_list("pk", "status")) == [(waiting.pk, AgendaItemStatus.ON_AGENDA)]


def test_move_up_and_down_and_order_leave_waiting_items_alone(member, facilitator, meeting):
    a, b, c = (services.agenda_item_add(by=facilitator, meeting=meeting, title=t) for t in "ABC")
    services.agenda_item_add(by=member, meeting=meeting, title="Waiting")
    services.agenda_item_move(by=facilitator, meeting=meeting, item_id=c.pk, direction="up")
    services.agenda_item_move(by=facilitator, meeting=meeting, item_id=a.pk, direction="down")

    def order():
        on_agenda = meeting.agenda_items.filter(status=AgendaItemStatus.ON_AGENDA)
        return list(on_agenda.values_list("title", flat=True))

    assert order() == ["C", "A", "B"]
    services.agenda_item_move(by=facilitator, meeting=meeting, item_id=b.pk, direction="down")  # already last
    assert order() == ["C", "A", "B"]
    services.agenda_reorder(by=facilitator, meeting=meeting, item_ids=[b.pk, a.pk, c.pk])
    assert order() == ["B", "A", "C"]
    with pytest.raises(ValidationError, match="changed meanwhile"):
        services.agenda_reorder(by=facilitator, meeting=meeting, item_ids=[b.pk, a.pk, c.pk, c.pk])
    with pytest.raises(services.NotAllowed):
        services.agenda_item_move(by=member, meeting=meeting, item_id=a.pk, direction="up")


def test_minutes_tell_only_proposals_that_were_on_the_agenda(member, other_member, facilitator, meeting):
    on = _propose(member, meeting.workgroup, title="On it")
    off = _propose(other_member, meeting.workgroup, title="Declined one")
    services.agenda_item_accept(
        by=facilitator, item=services.agenda_item_add(by=member, meeting=meeting, proposal=on)
    )
    declined = services.agenda_item_add(by=other_member, meeting=meeting, proposal=off)
    services.agenda_item_decline(by=facilitator, item=declined, reason="Next time.")
    meeting.minutes = "<p>Done.</p>"
    services.minutes_published_effects(meeting=meeting)
    minutes_news = Notification.objects.filter(
        dedupe_key__startswith="proposal-", dedupe_key__contains="minutes"
    )
    assert set(minutes_news.values_list("recipient", flat=True)) == {member.pk}
