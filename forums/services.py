"""Domain writes for workgroups and comment boards. Views, admin and commands call these."""

import logging
import uuid

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from portal.notifications.messages import moment
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

from . import permissions
from .facilitator_pages import facilitator_pages_sync
from .models import (
    Comment,
    CommentKind,
    CommentRevision,
    CommentState,
    Follow,
    MembershipMode,
    MembershipRole,
    MembershipStatus,
    TopicPage,
    WorkgroupMembership,
    WorkgroupPage,
)
from .moderation.rules import CommentDraft, decide_hold
from .moderation.services import comment_recheck_after_edit, review_start
from .text import MAX_LENGTH, render_comment_html

logger = logging.getLogger(__name__)


class ForumsError(Exception):
    """A refused action; the message is shown to the person as it is."""


class NotAllowed(ForumsError):
    pass


class WindowClosed(ForumsError):
    pass


class InvalidComment(ForumsError):
    pass


def _validate_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise InvalidComment("Write something before you post.")
    if len(body) > MAX_LENGTH:
        raise InvalidComment(f"Keep it to {MAX_LENGTH:,} characters or fewer (you wrote {len(body):,}).")
    if not render_comment_html(body).strip():
        raise InvalidComment("Write something before you post.")
    return body


def _check_window(topic: TopicPage) -> None:
    if topic.window_state == "upcoming":
        raise WindowClosed("Comments on this topic are not open yet.")
    if topic.window_state == "closed":
        raise WindowClosed("Comments on this topic are closed.")


def _check_parent(*, topic: TopicPage, parent: Comment | None, official: bool) -> None:
    if parent is None:
        if official:
            raise InvalidComment("An official answer must answer a question.")
        return
    if parent.topic_id != topic.pk or not parent.is_visible_publicly:
        raise InvalidComment("The comment you are replying to is no longer available.")
    if parent.parent_id is not None:
        raise InvalidComment("You can reply to a comment, not to a reply. Reply to the comment above it.")
    if official and parent.kind != CommentKind.QUESTION:
        raise InvalidComment("Official answers are for questions.")


@transaction.atomic
def comment_post(
    *,
    author,
    topic: TopicPage,
    body: str,
    kind: str = CommentKind.COMMENT,
    parent: Comment | None = None,
    official: bool = False,
    client_token: uuid.UUID | None = None,
    anchor=None,
) -> Comment:
    """Post a comment, question, reply or official answer; the hold rules decide its first state.

    `anchor` (a `forums.paragraphs.ParagraphAnchor`, already checked against the draft)
    attaches a top-level comment to a paragraph of the draft and, optionally, a passage.
    A held comment is pending with the hold's message, and enters the review queue with the
    hold's code (danger alerts go out from there).

    The same `client_token` from the same author returns the first comment (a double-click
    posts once).
    """
    if client_token is not None:
        existing = Comment.objects.filter(author=author, client_token=client_token).first()
        if existing is not None:
            return existing
    if kind not in CommentKind.values:
        raise InvalidComment("Choose comment or question.")
    if official and not permissions.can_answer_officially(author, topic):
        raise NotAllowed("Only the workgroup's facilitators and agency staff can post an official answer.")
    if not official and not permissions.can_post(author, topic):
        raise NotAllowed("You cannot post on this topic.")
    _check_window(topic)
    _check_parent(topic=topic, parent=parent, official=official)
    if anchor is not None and parent is not None:
        raise InvalidComment("A reply belongs to its comment's paragraph already.")
    body = _validate_body(body)
    if parent is not None:
        kind = CommentKind.COMMENT

    hold = (
        None
        if official
        else decide_hold(
            CommentDraft(
                author=author, topic=topic, body=body, kind=kind, parent=parent, is_official=official
            )
        )
    )
    now = timezone.now()
    comment = Comment(
        topic=topic,
        author=author,
        parent=parent,
        kind=kind,
        is_official=official,
        body=body,
        body_html=render_comment_html(body),
        state=CommentState.PENDING if hold else CommentState.PUBLISHED,
        held_reason=hold.message if hold else "",
        held_code=hold.code if hold else "",
        created_at=now,
        last_activity_at=now,
        client_token=client_token,
    )
    if anchor is not None:
        comment.paragraph_id, comment.quote = anchor.paragraph_id, anchor.quote
        comment.paragraph_text, comment.draft_revision_id = anchor.text, anchor.revision_id
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        existing = Comment.objects.filter(author=author, client_token=client_token).first()
        if existing is None:
            raise
        return existing
    follow_add(user=author, topic=topic)
    if hold is not None:
        review_start(comment=comment, hold_code=hold.code)
    else:
        comment_published_effects(comment=comment)
    logger.info("comment %s posted on topic %s as %s", comment.pk, topic.pk, comment.state)
    return comment


def comment_published_effects(*, comment: Comment) -> None:
    """What follows a comment becoming public: thread activity and notifications.

    Called by `comment_post` for comments published at once, and by moderation when a
    held comment is approved.
    """
    from portal.pagecache.cache import invalidate

    invalidate(f"comment {comment.pk} public")
    if comment.parent_id is None:
        return
    parent = comment.parent
    Comment.objects.filter(pk=parent.pk).update(last_activity_at=comment.created_at)
    if parent.author_id is None or parent.author_id == comment.author_id:
        return
    url = comment.get_absolute_url()
    if comment.is_official:
        notify(
            recipient=parent.author,
            kind=NotificationKind.OFFICIAL_ANSWER,
            url=url,
            message=gettext_noop("The agency answered your question on “%(topic)s”."),
            params={"topic": comment.topic.title},
            dedupe_key=f"comment:{comment.pk}",
        )
    else:
        notify(
            recipient=parent.author,
            kind=NotificationKind.REPLY,
            url=url,
            message=gettext_noop("%(person)s replied to your comment on “%(topic)s”."),
            params={"person": comment.author_name, "topic": comment.topic.title},
            dedupe_key=f"comment:{comment.pk}",
        )


def _keep_revision(*, comment: Comment, user) -> None:
    CommentRevision.objects.create(
        comment=comment, body=comment.body, body_html=comment.body_html, edited_by=user
    )


@transaction.atomic
def comment_edit(*, user, comment: Comment, body: str) -> Comment:
    """The author edits within 15 minutes; the previous text is kept as a revision."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not permissions.can_edit_comment(user, comment, now=timezone.now()):
        raise NotAllowed("You can edit your own comment for 15 minutes after posting it.")
    body = _validate_body(body)
    if body == comment.body:
        return comment
    _keep_revision(comment=comment, user=user)
    comment.body = body
    comment.body_html = render_comment_html(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    if comment.state == CommentState.PUBLISHED:
        comment_recheck_after_edit(comment=comment)
    from portal.pagecache.cache import invalidate

    invalidate(f"comment {comment.pk} changed")
    return comment


@transaction.atomic
def comment_delete(*, user, comment: Comment) -> Comment:
    """The author deletes their comment: it shows as deleted, replies stay."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not permissions.can_delete_comment(user, comment):
        raise NotAllowed("You can delete only your own comments.")
    _keep_revision(comment=comment, user=user)
    comment.deleted_at = timezone.now()
    comment.body = ""
    comment.body_html = ""
    comment.save(update_fields=["deleted_at", "body", "body_html"])
    from portal.pagecache.cache import invalidate

    invalidate(f"comment {comment.pk} changed")
    return comment


def follow_add(*, user, workgroup: WorkgroupPage | None = None, topic: TopicPage | None = None) -> Follow:
    if (workgroup is None) == (topic is None):
        raise ForumsError("Follow a workgroup or a topic.")
    target = workgroup or topic
    target_workgroup = workgroup or topic.get_workgroup()
    if not user.is_authenticated or not permissions.can_view_workgroup(user, target_workgroup):
        raise NotAllowed("Sign in to follow.")
    lookup = {"workgroup": workgroup} if workgroup else {"topic": topic}
    with transaction.atomic():
        follow, _ = Follow.objects.get_or_create(user=user, **lookup)
    logger.debug("user %s follows %s", user.pk, target.pk)
    return follow


def follow_remove(*, user, workgroup: WorkgroupPage | None = None, topic: TopicPage | None = None) -> None:
    Follow.objects.filter(user=user, workgroup=workgroup, topic=topic).delete()


@transaction.atomic
def membership_join(*, user, workgroup: WorkgroupPage) -> WorkgroupMembership:
    """Join an open workgroup, or ask to join one that approves requests (its facilitators are told)."""
    existing = WorkgroupMembership.objects.filter(user=user, workgroup=workgroup).first()
    if existing is not None and existing.status == MembershipStatus.INVITED:
        return membership_accept_invitation(user=user, workgroup=workgroup, invited_by=existing.decided_by)
    if existing is not None:
        return existing
    if not permissions.can_join(user, workgroup):
        raise NotAllowed(_("You cannot join this workgroup. Its facilitators can invite you."))
    is_open = workgroup.membership_mode == MembershipMode.OPEN
    status = MembershipStatus.ACTIVE if is_open else MembershipStatus.REQUESTED
    membership = WorkgroupMembership.objects.create(user=user, workgroup=workgroup, status=status)
    if status == MembershipStatus.ACTIVE:
        Follow.objects.get_or_create(user=user, workgroup=workgroup)
        log(instance=membership, action="forums.membership_join", user=user)
    else:
        log(instance=membership, action="forums.membership_request", user=user)
        transaction.on_commit(lambda: _request_notify(membership_id=membership.pk))
    return membership


@transaction.atomic
def membership_accept_invitation(*, user, workgroup: WorkgroupPage, invited_by=None) -> WorkgroupMembership:
    """The person accepts an invitation: an active membership decided by the inviter, a follow,
    the audit log, and the inviter (or the workgroup's facilitators) told after commit."""
    membership, _created = WorkgroupMembership.objects.get_or_create(
        user=user, workgroup=workgroup, defaults={"status": MembershipStatus.ACTIVE}
    )
    if membership.status == MembershipStatus.ACTIVE and not _created:
        return membership  # already a member: nothing to decide, nobody to tell
    membership.status = MembershipStatus.ACTIVE
    membership.decided_at = timezone.now()
    membership.decided_by = invited_by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    Follow.objects.get_or_create(user=user, workgroup=workgroup)
    log(
        instance=membership,
        action="forums.membership_accept",
        user=user,
        data={"person": _person_name(user), "invited_by": _person_name(invited_by) if invited_by else ""},
    )
    facilitator_pages_sync(user=user, workgroup=workgroup)
    inviter_id = invited_by.pk if invited_by else None
    transaction.on_commit(lambda: _accepted_notify(membership_id=membership.pk, inviter_id=inviter_id))
    return membership


def _accepted_notify(*, membership_id: int, inviter_id: int | None) -> None:
    membership = (
        WorkgroupMembership.objects.select_related("user", "workgroup").filter(pk=membership_id).first()
    )
    if membership is None:
        return
    people = WorkgroupMembership.objects.facilitators().filter(workgroup=membership.workgroup)
    if inviter_id is not None and people.filter(user_id=inviter_id).exists():
        people = people.filter(user_id=inviter_id)  # the inviter hears it; other facilitators need not
    for facilitator in people.select_related("user"):
        if facilitator.user_id == membership.user_id:
            continue
        notify(
            recipient=facilitator.user,
            kind=NotificationKind.MEMBER_JOINED,
            url=membership.workgroup.url or "",
            message=gettext_noop("%(person)s accepted the invitation and joined %(workgroup)s."),
            params={"person": _person_name(membership.user), "workgroup": membership.workgroup.title},
            dedupe_key=f"membership-accepted:{membership.pk}",
        )


def _request_notify(*, membership_id: int) -> None:
    """Tell the workgroup's facilitators that someone asks to join (in-app and e-mail)."""
    membership = (
        WorkgroupMembership.objects.select_related("user", "workgroup").filter(pk=membership_id).first()
    )
    if membership is None or membership.status != MembershipStatus.REQUESTED:
        return
    url = reverse("forums_admin:membership_requests")
    facilitators = WorkgroupMembership.objects.facilitators().filter(workgroup=membership.workgroup)
    for facilitator in facilitators.select_related("user"):
        notify(
            recipient=facilitator.user,
            kind=NotificationKind.MEMBERSHIP_REQUEST,
            url=url,
            message=gettext_noop("%(person)s asks to join %(workgroup)s."),
            params={"person": _person_name(membership.user), "workgroup": membership.workgroup.title},
            dedupe_key=f"membership-request:{membership.pk}",
        )


def _person_name(user) -> str:
    return getattr(user, "display_name", "") or user.get_username()


@transaction.atomic
def membership_leave(*, user, workgroup: WorkgroupPage) -> None:
    WorkgroupMembership.objects.filter(user=user, workgroup=workgroup, role=MembershipRole.MEMBER).delete()


@transaction.atomic
def membership_decide(
    *, by, membership: WorkgroupMembership, approve: bool, reason: str = ""
) -> WorkgroupMembership | None:
    """A facilitator (or moderator) approves or declines a request to join.

    Records who and when, follows the workgroup for the new member, writes the audit log and
    tells the requester. A declined request is deleted (the person may ask again).
    """
    membership = (
        WorkgroupMembership.objects.select_for_update()
        .select_related("workgroup", "user")
        .get(pk=membership.pk)
    )
    if not permissions.can_decide_membership(by, membership.workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators can decide on requests."))
    if membership.status != MembershipStatus.REQUESTED:
        raise ForumsError(_("This request was already decided."))
    reason = (reason or "").strip()[:300]
    workgroup, person = membership.workgroup, membership.user
    data = {"person": _person_name(person), "workgroup": workgroup.title, "reason": reason}
    if approve:
        membership.status = MembershipStatus.ACTIVE
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        Follow.objects.get_or_create(user=person, workgroup=workgroup)
        log(instance=membership, action="forums.membership_approve", user=by, data=data)
        message = gettext_noop("Your request to join %(workgroup)s was approved. Welcome!")
    else:
        log(instance=membership, action="forums.membership_decline", user=by, data=data)
        message = gettext_noop("Your request to join %(workgroup)s was declined.")
        if reason:
            message = gettext_noop("Your request to join %(workgroup)s was declined. Reason: %(reason)s")
    params = {"workgroup": workgroup.title, "reason": reason}
    request_pk = membership.pk
    transaction.on_commit(
        lambda: notify(
            recipient=person,
            kind=NotificationKind.MEMBERSHIP_DECISION,
            url=workgroup.url or "",
            message=message,
            params=params,
            dedupe_key=f"membership-decision:{request_pk}",
        )
    )
    if not approve:
        membership.delete()
        return None
    return membership


@transaction.atomic
def membership_set(
    *,
    user,
    workgroup: WorkgroupPage,
    role: str = MembershipRole.MEMBER,
    status: str = MembershipStatus.ACTIVE,
    by=None,
) -> WorkgroupMembership:
    """Add or update a membership directly (admin, invitations, demo); keeps page permissions in step."""
    defaults = {"role": role, "status": status}
    if status == MembershipStatus.INVITED and by is not None:
        defaults["decided_by"] = by  # the inviter: recorded as who decided when they accept
    membership, created = WorkgroupMembership.objects.update_or_create(
        user=user, workgroup=workgroup, defaults=defaults
    )
    facilitator_pages_sync(user=user, workgroup=workgroup)
    if by is not None:
        log(
            instance=membership,
            action="forums.membership_add" if created else "forums.membership_change",
            user=by,
            data={"person": _person_name(user), "role": role, "status": status},
        )
    return membership


@transaction.atomic
def membership_remove(*, by, membership: WorkgroupMembership) -> None:
    """Remove someone from a workgroup (admin); a removed facilitator loses its page permissions."""
    user, workgroup = membership.user, membership.workgroup
    log(instance=membership, action="forums.membership_remove", user=by, data={"person": _person_name(user)})
    membership.delete()
    facilitator_pages_sync(user=user, workgroup=workgroup)


def topic_published_notify(*, topic: TopicPage) -> int:
    """Tell the workgroup's followers about a newly published topic and, once it has feedback,
    everyone who took part or follows it (each once, by dedupe key). Returns how many were told."""
    from django.contrib.auth import get_user_model

    workgroup = topic.get_workgroup()
    if not workgroup.live:
        return 0
    count = 0
    for follow in Follow.objects.filter(workgroup=workgroup).select_related("user"):
        if not permissions.can_view_workgroup(follow.user, workgroup):
            continue
        sent = notify(
            recipient=follow.user,
            kind=NotificationKind.NEW_TOPIC,
            url=topic.url,
            message=gettext_noop("New topic in %(workgroup)s: “%(topic)s”."),
            params={"workgroup": workgroup.title, "topic": topic.title},
            dedupe_key=f"new-topic:{topic.pk}",
        )
        count += sent is not None
    if topic.has_feedback:
        author_ids = set(
            Comment.objects.filter(topic=topic, author__isnull=False).values_list("author_id", flat=True)
        )
        follower_ids = set(Follow.objects.filter(topic=topic).values_list("user_id", flat=True))
        for person in get_user_model().objects.filter(pk__in=author_ids | follower_ids):
            sent = notify(
                recipient=person,
                kind=NotificationKind.WHAT_WE_DID,
                url=f"{topic.url}#feedback-heading",
                message=gettext_noop("The agency published what it heard and what it did about “%(topic)s”."),
                params={"topic": topic.title},
                dedupe_key=f"what-we-did:{topic.pk}",
            )
            count += sent is not None
    return count


def topics_notify_closing(*, now, within) -> int:
    """Notify followers and participants of open topics closing within `within`; once per topic."""
    topics = TopicPage.objects.live().filter(closes_at__gt=now, closes_at__lte=now + within)
    count = 0
    for topic in topics:
        people = set(Follow.objects.filter(topic=topic).values_list("user_id", flat=True))
        people |= set(
            Follow.objects.filter(workgroup=topic.get_workgroup()).values_list("user_id", flat=True)
        )
        from django.contrib.auth import get_user_model

        for person in get_user_model().objects.filter(pk__in=people):
            if not permissions.can_view_workgroup(person, topic.get_workgroup()):
                continue
            sent = notify(
                recipient=person,
                kind=NotificationKind.WINDOW_CLOSING,
                url=topic.url,
                message=gettext_noop("Comments on “%(topic)s” close on %(date)s."),
                params={"topic": topic.title, "date": moment(topic.closes_at)},
                dedupe_key=f"closing:{topic.pk}",
            )
            count += sent is not None
    return count


def plan_item_edited(*, plan_item, changed_fields, new_notes=()) -> None:
    """Announce a saved edit of a plan item to the apps that follow plan items.

    Called by the plan's admin edit view, which alone knows what the form changed; the apps
    decide what counts as news (the agenda: what a proposal's page shows, and new notes)."""
    from wagtail import hooks

    from portal.extension_points import PLAN_ITEM_CHANGED

    changed, notes = frozenset(changed_fields), list(new_notes)
    if not changed and not notes:
        return
    for fn in hooks.get_hooks(PLAN_ITEM_CHANGED):
        fn(plan_item=plan_item, changed_fields=changed, new_notes=notes)
