"""Proposals: states, transitions, supports, triage answers and who hears about them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from agenda import services
from agenda.models import AgendaItem, AgendaItemStatus, Proposal, ProposalState, ProposalSupport
from forums.factories import PlanItemFactory
from home.models import CfsrTerm
from portal.accounts.models import StakeholderGroup
from portal.notifications.models import Notification, NotificationKind

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def _propose(author, workgroup, **kwargs):
    return services.proposal_create(
        author=author,
        workgroup=workgroup,
        title="Respite for kin carers",
        body="Kin carers get no respite.",
        **kwargs,
    )


def test_member_proposes_with_groups_and_cfsr_terms(member, workgroup):
    groups = list(StakeholderGroup.objects.all()[:2])
    terms = list(CfsrTerm.objects.filter(code__in=["P1", "SF-SA"]))
    proposal = _propose(member, workgroup, stakeholder_groups=groups, cfsr_terms=terms)
    assert proposal.state == ProposalState.OPEN
    assert set(proposal.cfsr_terms.values_list("code", flat=True)) == {"P1", "SF-SA"}
    assert proposal.stakeholder_groups.count() == len(groups)


def test_outsider_cannot_propose_to_request_only_workgroup(outsider, workgroup):
    with pytest.raises(services.NotAllowed):
        _propose(outsider, workgroup)
    assert not Proposal.objects.exists()


def test_outsider_cannot_propose_to_private_workgroup(outsider, private_workgroup):
    with pytest.raises(services.NotAllowed, match="private"):
        _propose(outsider, private_workgroup)


def test_unverified_member_cannot_propose(unverified_user, workgroup):
    from forums.services import membership_set

    membership_set(user=unverified_user, workgroup=workgroup)
    with pytest.raises(services.NotAllowed):
        _propose(unverified_user, workgroup)


def test_empty_title_is_a_clear_error(member, workgroup):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(author=member, workgroup=workgroup, title="  ", body="x")
    assert "title" in error.value.message_dict
    assert not Proposal.objects.exists()


def test_support_counts_once_and_not_by_the_author(member, other_member, workgroup):
    proposal = _propose(member, workgroup)
    services.support_add(user=other_member, proposal=proposal)
    assert proposal.support_count == 1
    with pytest.raises(ValidationError, match="already support"):
        services.support_add(user=other_member, proposal=proposal)
    with pytest.raises(ValidationError, match="own proposal"):
        services.support_add(user=member, proposal=proposal)
    assert ProposalSupport.objects.count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    services.support_remove(user=other_member, proposal=proposal)
    assert Proposal.objects.get(pk=proposal.pk).support_count == 0


def test_database_refuses_a_second_support(member, other_member, workgroup):
    proposal = _propose(member, workgroup)
    ProposalSupport.objects.create(proposal=proposal, user=other_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalSupport.objects.create(proposal=proposal, user=other_member)


def test_database_refuses_a_decline_without_reason(member, workgroup):
    proposal = _propose(member, workgroup)
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(state="declined", answer="")


def test_decline_needs_a_reason(member, facilitator, workgroup):
    proposal = _propose(member, workgroup)
    with pytest.raises(ValidationError):
        services.proposal_triage(by=facilitator, proposal=proposal, state="declined", answer=" ")
    assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.OPEN


def test_only_facilitators_of_this_workgroup_triage(member, other_member, workgroup, make_staff, index_page):
    from forums.factories import WorkgroupPageFactory
    from forums.services import membership_set

    proposal = _propose(member, workgroup)
    elsewhere = make_staff("Facilitators")
    membership_set(user=elsewhere, workgroup=WorkgroupPageFactory(parent=index_page), role="facilitator")
    for person in (other_member, elsewhere):
        with pytest.raises(services.NotAllowed):
            services.proposal_triage(by=person, proposal=proposal, state="declined", answer="No")


def test_accept_as_agenda_item_links_both_ways_and_notifies(member, other_member, facilitator, workgroup):
    proposal = _propose(member, workgroup)
    services.support_add(user=other_member, proposal=proposal)
    meeting = make_meeting(workgroup)
    services.proposal_triage(
        by=facilitator, proposal=proposal, state="accepted", answer="On the agenda.", meeting=meeting
    )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ACCEPTED and proposal.answered_at is not None
    item = AgendaItem.objects.get(proposal=proposal)
    assert item.meeting_id == meeting.pk and list(proposal.agenda_items.all()) == [item]
    notified = set(
        Notification.objects.filter(kind=NotificationKind.PROPOSAL_UPDATE).values_list("recipient", flat=True)
    )
    assert notified == {member.pk, other_member.pk}
    with pytest.raises(ValidationError, match="already been answered"):
        services.proposal_triage(by=facilitator, proposal=proposal, state="declined", answer="x")


def test_accept_as_topic_links_both_ways(member, facilitator, workgroup, topic):
    proposal = _propose(member, workgroup)
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", topic=topic)
    assert list(topic.proposals.all()) == [proposal]


def test_merge_and_in_progress_need_their_link(member, facilitator, workgroup):
    first = _propose(member, workgroup)
    second = _propose(member, workgroup)
    with pytest.raises(ValidationError):
        services.proposal_triage(by=facilitator, proposal=second, state="merged")
    services.proposal_triage(by=facilitator, proposal=second, state="merged", merged_into=first)
    assert list(first.merged_proposals.all()) == [second]
    third = _propose(member, workgroup)
    with pytest.raises(ValidationError):
        services.proposal_triage(by=facilitator, proposal=third, state="in_progress")
    item = PlanItemFactory(workgroup=workgroup)
    services.proposal_triage(by=facilitator, proposal=third, state="in_progress", plan_item=item)
    assert Proposal.objects.get(pk=third.pk).plan_item == item


def test_links_to_another_workgroup_are_refused(member, facilitator, workgroup, private_workgroup):
    proposal = _propose(member, workgroup)
    with pytest.raises(ValidationError):
        services.proposal_triage(
            by=facilitator,
            proposal=proposal,
            state="in_progress",
            plan_item=PlanItemFactory(workgroup=private_workgroup),
        )


def test_member_agenda_item_after_cutoff_is_refused(member, workgroup):
    meeting = make_meeting(workgroup, cutoff_days=-1, days=1)
    with pytest.raises(ValidationError, match="agenda closed"):
        services.agenda_item_add(by=member, meeting=meeting, title="Late item")
    assert not AgendaItem.objects.exists()


def test_member_adds_item_before_cutoff_and_facilitator_orders(member, facilitator, workgroup, meeting):
    first = services.agenda_item_add(by=facilitator, meeting=meeting, title="Welcome")
    second = services.agenda_item_add(by=member, meeting=meeting, title="Respite")
    assert second.status == AgendaItemStatus.PROPOSED
    services.agenda_item_accept(by=facilitator, item=second)
    services.agenda_reorder(by=facilitator, meeting=meeting, item_ids=[second.pk, first.pk])
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Respite", "Welcome"]
    with pytest.raises(services.NotAllowed):
        services.agenda_reorder(by=member, meeting=meeting, item_ids=[first.pk, second.pk])
    with pytest.raises(ValidationError):
        services.agenda_reorder(by=facilitator, meeting=meeting, item_ids=[first.pk])


def test_outsider_cannot_add_agenda_items(outsider, meeting):
    with pytest.raises(services.NotAllowed):
        services.agenda_item_add(by=outsider, meeting=meeting, title="Mine")


def test_reminders_go_once_to_members(member, facilitator, workgroup):
    make_meeting(workgroup, days=0, cutoff_days=-1)  # starts now + 0 days: within the next hours
    now = timezone.now() - datetime.timedelta(minutes=5)
    sent = services.meetings_remind(now=now, within=datetime.timedelta(hours=24))
    assert sent == 2
    assert services.meetings_remind(now=now, within=datetime.timedelta(hours=24)) == 0
    assert Notification.objects.filter(kind=NotificationKind.MEETING, recipient=member).count() == 1


def test_send_meeting_reminders_command(member, workgroup):
    from io import StringIO

    from django.core.management import call_command

    make_meeting(workgroup, days=0, cutoff_days=-1)
    out = StringIO()
    call_command("send_meeting_reminders", "--hours", "24", stdout=out)
    assert "reminder(s) sent" in out.getvalue()


def test_what_we_did_on_the_topic_reaches_the_proposal_people(
    member, other_member, facilitator, workgroup, topic
):
    proposal = _propose(member, workgroup)
    services.support_add(user=other_member, proposal=proposal)
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", topic=topic)
    topic.what_we_did = "<p>We funded respite weekends.</p>"
    topic.save_revision().publish()
    told = Notification.objects.filter(kind=NotificationKind.PROPOSAL_UPDATE, dedupe_key__contains="feedback")
    assert set(told.values_list("recipient", flat=True)) == {member.pk, other_member.pk}
    topic.save_revision().publish()
    assert told.count() == 2


def test_user_data_export_and_deidentify(member, other_member, workgroup):
    from portal.extension_points import collect_user_data, run_user_deidentify

    proposal = _propose(member, workgroup)
    services.support_add(user=other_member, proposal=proposal)
    assert collect_user_data(member)["proposals"]["proposals"][0]["title"] == proposal.title
    assert collect_user_data(other_member)["proposals"]["supported"] == [proposal.title]
    run_user_deidentify(other_member)
    assert not ProposalSupport.objects.exists()
    assert Proposal.objects.get(pk=proposal.pk).support_count == 0
