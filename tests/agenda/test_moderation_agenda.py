"""Proposals pass the same hold rules as comments (this file's name switches the rules on)."""

import pytest
from django.core import mail

from agenda import services
from agenda.models import ProposalState

pytestmark = pytest.mark.django_db


def test_new_author_proposal_is_held_like_a_comment(member, workgroup):
    proposal = services.proposal_create(
        author=member, workgroup=workgroup, title="Respite", body="No respite."
    )
    assert proposal.state == ProposalState.PENDING
    assert proposal.held_reason


def test_held_proposal_cannot_be_supported(member, other_member, workgroup):
    proposal = services.proposal_create(
        author=member, workgroup=workgroup, title="Respite", body="No respite."
    )
    with pytest.raises(Exception, match="open proposals"):
        services.support_add(user=other_member, proposal=proposal)


def test_facilitator_is_trusted(facilitator, workgroup):
    proposal = services.proposal_create(
        author=facilitator, workgroup=workgroup, title="Respite", body="No respite."
    )
    assert proposal.state == ProposalState.OPEN


def test_adapter_calls_the_comment_hold_rules(member, workgroup, monkeypatch):
    from forums.moderation.rules import Hold

    calls = []

    def fake(draft):
        calls.append(draft)
        return Hold(code="x", message="held by the comment rules")

    monkeypatch.setattr("agenda.moderation.decide_hold", fake)
    proposal = services.proposal_create(author=member, workgroup=workgroup, title="T", body="B")
    assert proposal.held_reason == "held by the comment rules"
    assert calls[0].topic.get_workgroup() == workgroup


def test_danger_words_in_a_proposal_alert_on_call(
    member, workgroup, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_ONCALL_EMAILS = ["oncall@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_create(
            author=member, workgroup=workgroup, title="Help", body="I am not safe at home and nobody listens"
        )
    assert proposal.state == ProposalState.PENDING
    assert "911" in proposal.held_reason
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["oncall@example.org"]
    assert "/admin/agenda/proposals/" in mail.outbox[0].body


def test_an_ordinary_held_proposal_sends_no_alert(member, workgroup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_create(author=member, workgroup=workgroup, title="Respite", body="No respite.")
    assert mail.outbox == []
