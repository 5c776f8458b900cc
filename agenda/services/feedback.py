"""Feedback stays a loop: what happens after a proposal was accepted reaches its people.

Two events count: the linked topic publishes (new) "what we did", and the linked plan item
changes (its status, progress or dates, or a new progress note). Each event is told once to the
proposer and the supporters; the proposal page shows the same from the topic and plan item.
"""

import hashlib

from django.utils.translation import gettext_noop

from forums.models import PlanStatus
from portal.notifications.messages import words

from ..models import Proposal, ProposalState
from .common import notify_proposal_people

# What people see of a plan item on the proposal page: a change to any of these is news.
PLAN_FIELDS_SHOWN = ("title", "status", "current", "target", "start_date", "due_date")


def topic_feedback_effects(*, topic) -> int:
    """People behind proposals that became `topic` hear its "what we did" (again if it changes)."""
    if not topic.what_we_did:
        return 0
    version = hashlib.sha256(str(topic.what_we_did).encode()).hexdigest()[:12]
    sent = 0
    for proposal in Proposal.objects.filter(topic=topic, state=ProposalState.ACCEPTED):
        sent += notify_proposal_people(
            proposal,
            message=gettext_noop("The agency published what it did about “%(title)s”."),
            params={"title": proposal.title},
            step=f"feedback-{topic.pk}-{version}",
        )
    return sent


def plan_item_edited_effects(*, plan_item, changed_fields: frozenset, new_notes: list) -> int:
    """A saved edit of a plan item (forums' PLAN_ITEM_CHANGED): a change people see on the
    proposal page is one piece of news, each new progress note another."""
    sent = 0
    if changed_fields & set(PLAN_FIELDS_SHOWN):
        event = plan_item.updated_at.strftime("%Y%m%d%H%M%S%f")
        sent += plan_item_changed_effects(plan_item=plan_item, event=event)
    for note in new_notes:
        sent += plan_item_changed_effects(plan_item=plan_item, event=f"note-{note.pk}", note=note)
    return sent


def plan_item_changed_effects(*, plan_item, event: str, note=None) -> int:
    """`event` names this change once (the item's new updated-at, or a progress note's id), so a
    repeated signal for the same change tells nobody twice."""
    sent = 0
    proposals = Proposal.objects.filter(plan_item=plan_item).exclude(state=ProposalState.DECLINED)
    for proposal in proposals:
        values = {
            "title": proposal.title,
            "item": plan_item.title,
            "status": words(PlanStatus(plan_item.status).label),
        }
        if note is not None:
            message = gettext_noop("Progress on the plan item linked to “%(title)s”: %(note)s")
            values["note"] = note.text[:200]
        else:
            message = gettext_noop(
                "The plan item linked to “%(title)s” changed: %(item)s is now “%(status)s”."
            )
        sent += notify_proposal_people(
            proposal, message=message, params=values, step=f"plan-{plan_item.pk}-{event}"
        )
    return sent
