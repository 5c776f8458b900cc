"""Domain writes for moderation: the one state machine for comments, flags, sanctions, danger alerts.

Every decision is atomic, locks the comment, refuses a wrong state, records who/when/why
in a ModerationDecision, writes Wagtail's audit log, then tells the author.
"""

import logging
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from forums import permissions as forum_permissions
from forums.models import Comment, CommentState
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

from . import permissions
from .banner import danger_count_changed
from .models import (
    Action,
    CommentReview,
    Flag,
    FlagReason,
    HoldCode,
    ModerationDecision,
    Reason,
    Sanction,
    SanctionKind,
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
AUTHOR_TEXT = {
    Action.APPROVE: 'Your comment on "{topic}" is published.',
    Action.REJECT: 'Your comment on "{topic}" was not published. Reason: {reason}.',
    Action.HIDE: 'Your comment on "{topic}" is hidden while moderators review it. Reason: {reason}.',
    Action.RESTORE: 'Your comment on "{topic}" is visible again.',
    Action.REMOVE: 'Your comment on "{topic}" was removed by a moderator. Reason: {reason}.',
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
    text = AUTHOR_TEXT[decision.action].format(
        topic=comment.topic.title, reason=Reason(decision.reason).label.lower()
    )
    url = comment.topic.url if comment.state != S.PUBLISHED else comment.get_absolute_url()
    notify(
        recipient=comment.author,
        kind=NotificationKind.MODERATION_DECISION,
        text=text,
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
    from . import rules

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

        from .tasks import send_danger_alert

        transaction.on_commit(
            lambda: send_danger_alert.enqueue(comment_id=comment.pk, source=source, queue_url=queue_url)
        )
    logger.warning("danger alert for comment %s: %s", comment.pk, source)
    return True


# --- Flags ----------------------------------------------------------------------------------


def _hides_at_once(user, comment: Comment, reason: str) -> bool:
    if reason != FlagReason.PERSONAL_INFO:
        return False
    return forum_permissions.is_staff_reader(user) or forum_permissions.is_member(
        user, comment.topic.get_workgroup()
    )


def flag_add(*, user, comment: Comment, reason: str, note: str = "") -> Flag:
    """A verified person reports a comment once; enough reports, or a serious one, hide it."""
    if not permissions.can_flag(user) or sanction_active(user=user, kind=SanctionKind.SUSPEND):
        raise NotAllowed("Only people with a confirmed e-mail address can report comments.")
    if reason not in FlagReason.values:
        raise ModerationError("Choose why you are reporting this comment.")
    note = (note or "").strip()
    if reason == FlagReason.OTHER and not note:
        raise ModerationError('Tell us a little more when you choose "Other".')
    with transaction.atomic():
        locked = Comment.objects.select_for_update().select_related("topic").get(pk=comment.pk)
        if locked.author_id == user.pk:
            raise ModerationError("You cannot report your own comment. You can edit or delete it instead.")
        if locked.state not in (S.PUBLISHED, S.HIDDEN) or locked.is_deleted:
            raise ModerationError("This comment is not on the board any more.")
        try:
            with transaction.atomic():
                flag = Flag.objects.create(comment=locked, user=user, reason=reason, note=note[:2000])
        except IntegrityError as error:
            raise AlreadyReported(
                "You already reported this comment. Thank you: moderators will look at it."
            ) from error
        review = _review(locked)
        review.waiting_since = review.waiting_since or timezone.now()
        review.save(update_fields=["waiting_since"])
        _log(instance=locked, action="flag", user=user, data={"reason": reason})
        _apply_flag_thresholds(comment=locked, flag=flag, user=user)
    if reason == FlagReason.DANGER:
        danger_alert(comment=locked, source="someone reported that a person may be in danger")
    return flag


def _apply_flag_thresholds(*, comment: Comment, flag: Flag, user) -> None:
    if comment.state != S.PUBLISHED:
        return
    reasons = list(Flag.objects.filter(comment=comment).values_list("reason", flat=True))
    if _hides_at_once(user, comment, flag.reason):
        reason, note = Reason.PERSONAL_INFO, "Hidden at once: reported as personal information."
    elif len(reasons) >= settings.MODERATION_FLAG_HIDE_THRESHOLD:
        reason = Counter(reasons).most_common(1)[0][0]
        note = f"Hidden automatically after {len(reasons)} reports."
    else:
        return
    _decide(comment_id=comment.pk, by=None, action=Action.HIDE, reason=reason, note=note)
    comment.state = S.HIDDEN
    CommentReview.objects.filter(comment=comment).update(hold_code=HoldCode.FLAGS)


def flags_dismiss(*, comment: Comment, by, note: str = "") -> int:
    """Keep a reported, still-published comment: its reports leave the queue (logged)."""
    with transaction.atomic():
        locked = Comment.objects.select_for_update().select_related("topic").get(pk=comment.pk)
        if not permissions.can_moderate_comment(by, locked):
            raise NotAllowed("You can moderate comments in your own workgroups only.")
        if locked.state != S.PUBLISHED:
            raise IllegalTransition("Only a published comment can be kept as it is.")
        updated = CommentReview.objects.filter(comment=locked).update(waiting_since=None, is_danger=False)
        transaction.on_commit(danger_count_changed)
        _log(instance=locked, action="keep", user=by, data={"note": note})
    return updated


# --- Sanctions ------------------------------------------------------------------------------


def sanction_active(*, user, kind: str | None = None) -> Sanction | None:
    if not user.is_authenticated:
        return None
    queryset = Sanction.objects.active().filter(user=user)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-kind").first()


@transaction.atomic
def sanction_add(*, by, user, kind: str, reason: str, days: int | None = None) -> Sanction:
    if not permissions.can_sanction(by):
        raise NotAllowed("Only moderators can limit an account.")
    if kind not in SanctionKind.values:
        raise ModerationError("Choose silence or suspend.")
    if not (reason or "").strip():
        raise ModerationError("Give the reason: the person is shown it.")
    if days is not None and days < 1:
        raise ModerationError("Choose at least one day, or leave the length empty for until lifted.")
    if user.pk == by.pk:
        raise ModerationError("You cannot limit your own account.")
    now = timezone.now()
    sanction = Sanction.objects.create(
        user=user,
        kind=kind,
        reason=reason.strip(),
        starts_at=now,
        ends_at=now + timedelta(days=days) if days else None,
        created_by=by,
    )
    _log(
        instance=sanction,
        action="sanction",
        user=by,
        data={"user": user.pk, "kind": kind, "reason": sanction.reason, "days": days},
    )
    return sanction


@transaction.atomic
def sanction_lift(*, by, sanction: Sanction, note: str = "") -> Sanction:
    if not permissions.can_sanction(by):
        raise NotAllowed("Only moderators can lift a limit.")
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.lifted_at is not None:
        raise IllegalTransition("This limit was already lifted.")
    sanction.lifted_at = timezone.now()
    sanction.lifted_by = by
    sanction.lift_note = (note or "").strip()
    sanction.save(update_fields=["lifted_at", "lifted_by", "lift_note"])
    _log(instance=sanction, action="sanction_lift", user=by, data={"user": sanction.user_id, "note": note})
    return sanction


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
