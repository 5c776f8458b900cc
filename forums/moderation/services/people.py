"""A person's moderation data: their part of "download my data", and what goes on deletion."""

from ..models import Flag, ModerationDecision, Sanction


def user_moderation_export(user) -> tuple[str, dict]:
    """The "download my data" section: reports made, limits on the account, decisions on my comments."""
    flags = Flag.objects.filter(user=user).select_related("comment__topic")
    decisions = ModerationDecision.objects.filter(comment__author=user).select_related("comment__topic")
    return "moderation", {
        "reports_made": [
            {
                "topic": f.comment.topic.title,
                "reason": f.reason,
                "note": f.note,
                "at": f.created_at.isoformat(),
            }
            for f in flags
        ],
        "account_limits": [
            {
                "kind": s.kind,
                "reason": s.reason,
                "from": s.starts_at.isoformat(),
                "until": s.ends_at.isoformat() if s.ends_at else None,
                "lifted": s.lifted_at.isoformat() if s.lifted_at else None,
            }
            for s in Sanction.objects.filter(user=user)
        ],
        "decisions_on_my_comments": [
            {
                "topic": d.comment.topic.title,
                "decision": d.action,
                "reason": d.reason,
                "at": d.created_at.isoformat(),
            }
            for d in decisions
        ],
    }


def user_moderation_deidentify(user) -> None:
    """On account deletion: the notes the person wrote in reports go; the reports' counts stay."""
    Flag.objects.filter(user=user).update(note="")
