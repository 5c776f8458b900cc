"""Decisions on comments: the one state machine, holds entering the queue, danger alerts.

Every decision is atomic, locks the comment, refuses a wrong state, records who/when/why
in a ModerationDecision, writes Wagtail's audit log, then tells the author.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from forums.models import Comment, CommentState
from portal.notifications.messages import words
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

from .. import permissions
from ..banner import danger_count_changed
from ..models import (
    Action,
    CommentReview,
    HoldCode,
    ModerationDecision,
    Reason,
)

logger = logging.getLogger(__name__)

S = CommentState
# action -> (states it may start from, state it ends in)
TRANSITIONS: dict[str, tuple[frozenset, str]] = {
    Action.APPROVE: (frozenset({S.PENDING}), S.PUBLISHED),
    Action.REJECT: (frozenset({S.PENDING}), S.REJECTED),
    Action.HIDE: (frozenset({S.PUBLISHED}), S.HIDDEN),
    Action.RESTORE: (frozenset({S.HIDDEN}), S.PUBLISHED),
    Action.REMOVE: (frozenset({S.PUBLISHED, S.HIDDEN}), S.REMOVED),
}
# Decisions after which the comment no longer waits in the queue.
LEAVES_QUEUE = {S.PUBLISHED, S.REJECTED, S.REMOVED}
# Message ids: the author reads them in their own language (portal/notifications/messages.py).
AUTHOR_TEXT = {
    Action.APPROVE: gettext_noop("Your comment on “%(topic)s” is published."),
    Action.REJECT: gettext_noop("Your comment on “%(topic)s” was not published. Reason: %(reason)s."),
    Action.HIDE: gettext_noop(
        "Your comment on “%(topic)s” is hidden while moderators review it. Reason: %(reason)s."
    ),
    Action.RESTORE: gettext_noop("Your comment on “%(topic)s” is visible again."),
    Action.REMOVE: gettext_noop(
        "Your comment on “%(topic)s” was removed by a moderator. Reason: %(reason)s."
    ),
}


class ModerationError(Exception):
    """A refused moderation action; the message is shown as it is."""


class NotAllowed(ModerationError):
    pass


class IllegalTransition(ModerationError):
    pass


class AlreadyReported(ModerationError):
    pass


def _review(comment: Comment) -> CommentReview:
    review, _ = CommentReview.objects.get_or_create(comment=comment)
    return review


def _log(*, instance, action: str, user=None, data: dict | None = None) -> None:
    log(instance=instance, action=f"moderation.{action}", user=user, data=data or {})


def _decide(*, comment_id: int, by, action: str, reason: str, note: str) -> ModerationDecision:
    with transaction.atomic():
        comment = Comment.objects.select_for_update().select_related("topic").get(pk=comment_id)
        if by is not None and not permissions.can_moderate_comment(by, comment):
            raise NotAllowed("You can moderate comments in your own workgroups only.")
        allowed_from, to_state = TRANSITIONS[action]
        if comment.state not in allowed_from:
            raise IllegalTransition(
                f"This comment is {comment.get_state_display().lower()} now, so it cannot be "
                f"{Action(action).label.lower()}d. Someone may have decided on it already."
            )
        from_state = comment.state
        comment.state = to_state
        comment.save(update_fields=["state"])
        from portal.pagecache.cache import invalidate

        invalidate(f"comment {comment.pk} {from_state} -> {to_state}")
        decision = ModerationDecision.objects.create(
            comment=comment,
            action=action,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
            note=note,
            actor=by,
        )
        review = _review(comment)
        review.waiting_since = None if to_state in LEAVES_QUEUE else (review.waiting_since or timezone.now())
        review.save(update_fields=["waiting_since"])
        if review.is_danger:
            transaction.on_commit(danger_count_changed)
        _log(
            instance=comment,
            action=action,
            user=by,
            data={"from": from_state, "to": to_state, "reason": reason, "note": note},
        )
        transaction.on_commit(lambda: _after_decision(decision))
    logger.info("comment %s: %s by %s (%s)", comment_id, action, getattr(by, "pk", "system"), reason)
    return decision


def _after_decision(decision: ModerationDecision) -> None:
    comment = Comment.objects.select_related("topic", "author", "parent__author").get(pk=decision.comment_id)
    if decision.action == Action.APPROVE:
        from forums.services import comment_published_effects

        comment_published_effects(comment=comment)
    url = comment.topic.url if comment.state != S.PUBLISHED else comment.get_absolute_url()
    notify(
        recipient=comment.author,
        kind=NotificationKind.MODERATION_DECISION,
        message=AUTHOR_TEXT[decision.action],
        params={"topic": comment.topic.title, "reason": words(Reason(decision.reason).label, lower=True)},
        url=url or "",
        dedupe_key=f"moderation:{decision.pk}",
    )


def _clean_reason(reason: str, note: str) -> tuple[str, str]:
    if reason not in Reason.values:
        raise ModerationError("Choose a reason from the list.")
    note = (note or "").strip()
    if reason == Reason.OTHER and not note:
        raise ModerationError('Add a note when the reason is "Other".')
    return reason, note


def comment_decide(*, comment: Comment, by, action: str, reason: str, note: str = "") -> ModerationDecision:
    """Apply `action` to `comment`; a refused attempt is written to the audit log too."""
    if action not in TRANSITIONS:
        raise ModerationError("Choose approve, reject, hide, restore or remove.")
    reason, note = _clean_reason(reason, note)
    try:
        return _decide(comment_id=comment.pk, by=by, action=action, reason=reason, note=note)
    except IllegalTransition as error:
        with transaction.atomic():
            _log(instance=comment, action="refused", user=by, data={"attempted": action, "why": str(error)})
        logger.warning("comment %s: %s by %s refused: %s", comment.pk, action, getattr(by, "pk", None), error)
        raise


def comment_approve(*, comment: Comment, by, reason: str = Reason.OK, note: str = "") -> ModerationDecision:
    return comment_decide(comment=comment, by=by, action=Action.APPROVE, reason=reason, note=note)


def comment_reject(*, comment: Comment, by, reason: str, note: str = "") -> ModerationDecision:
    return comment_decide(comment=comment, by=by, action=Action.REJECT, reason=reason, note=note)


def comment_hide(*, comment: Comment, by, reason: str, note: str = "") -> ModerationDecision:
    return comment_decide(comment=comment, by=by, action=Action.HIDE, reason=reason, note=note)


def comment_restore(*, comment: Comment, by, reason: str = Reason.OK, note: str = "") -> ModerationDecision:
    return comment_decide(comment=comment, by=by, action=Action.RESTORE, reason=reason, note=note)


def comment_remove(*, comment: Comment, by, reason: str, note: str = "") -> ModerationDecision:
    return comment_decide(comment=comment, by=by, action=Action.REMOVE, reason=reason, note=note)


def comments_decide_bulk(*, comments, by, action: str, reason: str, note: str = "") -> tuple[int, list[str]]:
    """Decide on several comments; each is its own transaction. Returns (done, problems)."""
    done, problems = 0, []
    for comment in comments:
        try:
            comment_decide(comment=comment, by=by, action=action, reason=reason, note=note)
            done += 1
        except ModerationError as error:
            problems.append(f"Comment {comment.pk}: {error}")
    return done, problems


# --- Holds and danger -------------------------------------------------------------------------


def review_start(*, comment: Comment, hold_code: str) -> CommentReview:
    """A new comment was held: it waits in the queue; danger alerts go out at once.

    A code the queue does not know (a rule another app registered) is recorded as "other".
    """
    if hold_code not in HoldCode.values:
        hold_code = HoldCode.OTHER
    review, _ = CommentReview.objects.update_or_create(
        comment=comment,
        defaults={
            "hold_code": hold_code,
            "waiting_since": comment.created_at,
            "is_danger": hold_code == HoldCode.DANGER,
        },
    )
    if review.is_danger:
        danger_alert(comment=comment, source="the comment uses words that may mean someone is in danger")
    return review


def comment_recheck_after_edit(*, comment: Comment) -> bool:
    """An edited published comment that now matches the danger, personal-data or blocked-words
    rules is hidden pending review (and danger alerts go out). Returns whether it was hidden."""
    from .. import rules

    if comment.author is None or not getattr(settings, "MODERATION_HOLD_RULES_ENABLED", True):
        return False
    draft = rules.CommentDraft(
        author=comment.author, topic=comment.topic, body=comment.body, kind=comment.kind
    )
    hold = rules.danger_words(draft) or rules.personal_data(draft) or rules.blocked_words(draft)
    if hold is None:
        return False
    reason = {HoldCode.DANGER: Reason.DANGER, HoldCode.PERSONAL_DATA: Reason.PERSONAL_INFO}.get(
        hold.code, Reason.BLOCKED_WORDS
    )
    _decide(comment_id=comment.pk, by=None, action=Action.HIDE, reason=reason, note="Hidden after an edit.")
    comment.state = S.HIDDEN
    CommentReview.objects.filter(comment=comment).update(hold_code=hold.code)
    if hold.code == HoldCode.DANGER:
        danger_alert(comment=comment, source="an edited comment may say that someone is in danger")
    return True


def danger_alert(*, comment: Comment, source: str) -> bool:
    """Tell on-call staff at once (once per comment); logged. Returns whether an alert went out."""
    with transaction.atomic():
        review = _review(comment)
        review = CommentReview.objects.select_for_update().get(pk=review.pk)
        review.is_danger = True
        review.waiting_since = review.waiting_since or timezone.now()
        first = review.danger_alerted_at is None
        if first:
            review.danger_alerted_at = timezone.now()
        review.save(update_fields=["is_danger", "waiting_since", "danger_alerted_at"])
        transaction.on_commit(danger_count_changed)
        if not first:
            return False
        _log(
            instance=comment,
            action="danger_alert",
            data={"source": source, "to": list(settings.MODERATION_ONCALL_EMAILS)},
        )
        queue_url = settings.SITE_BASE_URL + reverse("moderation_admin:item", args=[comment.pk])

        from ..tasks import send_danger_alert

        transaction.on_commit(
            lambda: send_danger_alert.enqueue(comment_id=comment.pk, source=source, queue_url=queue_url)
        )
    logger.warning("danger alert for comment %s: %s", comment.pk, source)
    return True
