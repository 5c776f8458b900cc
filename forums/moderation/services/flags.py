"""Reports (flags) on published comments: one per person, enough of them or a serious one hides."""

from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from forums import permissions as forum_permissions
from forums.models import Comment

from .. import permissions
from ..banner import danger_count_changed
from ..models import Action, CommentReview, Flag, FlagReason, HoldCode, Reason, SanctionKind
from .reviews import (
    AlreadyReported,
    IllegalTransition,
    ModerationError,
    NotAllowed,
    S,
    _decide,
    _log,
    _review,
    danger_alert,
)
from .sanctions import sanction_active


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
