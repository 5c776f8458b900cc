"""Domain writes for moderation, by job: decisions and holds (reviews), reports (flags),
account limits (sanctions) and a person's own moderation data (people).

Every decision is atomic, locks the comment, refuses a wrong state, records who/when/why
in a ModerationDecision, writes Wagtail's audit log, then tells the author. Callers import
from here; the modules are an internal split.
"""

from .flags import flag_add, flags_dismiss
from .people import user_moderation_deidentify, user_moderation_export
from .reviews import (
    AUTHOR_TEXT,
    LEAVES_QUEUE,
    TRANSITIONS,
    AlreadyReported,
    IllegalTransition,
    ModerationError,
    NotAllowed,
    comment_approve,
    comment_decide,
    comment_hide,
    comment_recheck_after_edit,
    comment_reject,
    comment_remove,
    comment_restore,
    comments_decide_bulk,
    danger_alert,
    review_start,
)
from .sanctions import sanction_active, sanction_add, sanction_lift

__all__ = [
    "AUTHOR_TEXT",
    "LEAVES_QUEUE",
    "TRANSITIONS",
    "AlreadyReported",
    "IllegalTransition",
    "ModerationError",
    "NotAllowed",
    "comment_approve",
    "comment_decide",
    "comment_hide",
    "comment_recheck_after_edit",
    "comment_reject",
    "comment_remove",
    "comment_restore",
    "comments_decide_bulk",
    "danger_alert",
    "flag_add",
    "flags_dismiss",
    "review_start",
    "sanction_active",
    "sanction_add",
    "sanction_lift",
    "user_moderation_deidentify",
    "user_moderation_export",
]
