"""Every agenda write. Views and signals call these; nothing else writes."""

from .common import NotAllowed, proposal_url
from .feedback import plan_item_changed_effects, plan_item_edited_effects, topic_feedback_effects
from .meetings import (
    agenda_item_accept,
    agenda_item_add,
    agenda_item_decline,
    agenda_item_move,
    agenda_reorder,
    meeting_url,
    meetings_remind,
    minutes_published_effects,
)
from .proposals import (
    TRIAGE_MESSAGES,
    proposal_comment,
    proposal_create,
    proposal_release,
    proposal_triage,
    support_add,
    support_remove,
    user_data,
    user_deidentify,
)

__all__ = [
    "TRIAGE_MESSAGES",
    "NotAllowed",
    "agenda_item_accept",
    "agenda_item_add",
    "agenda_item_decline",
    "agenda_item_move",
    "agenda_reorder",
    "meeting_url",
    "meetings_remind",
    "minutes_published_effects",
    "plan_item_changed_effects",
    "plan_item_edited_effects",
    "proposal_comment",
    "proposal_create",
    "proposal_release",
    "proposal_triage",
    "proposal_url",
    "support_add",
    "support_remove",
    "topic_feedback_effects",
    "user_data",
    "user_deidentify",
]
