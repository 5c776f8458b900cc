"""Who may see and do what on workgroups, boards and plans. Views and services call these."""

from datetime import timedelta

from portal.accounts.permissions import user_can_take_part as accounts_user_can_take_part

from .models import MembershipRole, MembershipStatus, WorkgroupMembership

EDIT_WINDOW = timedelta(minutes=15)


def user_can_take_part(user) -> bool:
    """The accounts rule (active, verified e-mail), asked once per request's user object:
    a board page checks it for every comment's actions."""
    cached = getattr(user, "_forums_can_take_part", None)
    if cached is None:
        cached = accounts_user_can_take_part(user)
        if user.is_authenticated:
            user._forums_can_take_part = cached
    return cached


def is_moderator(user) -> bool:
    """Moderators and administrators: moderate, speak for the agency, post anywhere."""
    return user.is_authenticated and user.has_perm("forums.moderate_comment")


def is_staff_reader(user) -> bool:
    """Agency staff who read private workgroups and draft summaries."""
    return user.is_authenticated and user.has_perm("forums.view_private_workgroup")


def may_comment_unheld(user) -> bool:
    """Staff whose comments skip the new-member and new-account holds."""
    return user.is_authenticated and user.has_perm("forums.comment_unheld")


def manages_every_workgroup(user) -> bool:
    """Administrators: every workgroup's plan and members, not only the ones they facilitate."""
    return user.is_authenticated and user.has_perm("forums.manage_any_workgroup")


def _membership(user, workgroup) -> WorkgroupMembership | None:
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_forums_memberships", {})
    if workgroup.pk not in cache:
        cache[workgroup.pk] = WorkgroupMembership.objects.filter(user=user, workgroup_id=workgroup.pk).first()
    return cache[workgroup.pk]


def is_member(user, workgroup) -> bool:
    membership = _membership(user, workgroup)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def is_facilitator(user, workgroup) -> bool:
    membership = _membership(user, workgroup)
    return (
        membership is not None
        and membership.status == MembershipStatus.ACTIVE
        and membership.role == MembershipRole.FACILITATOR
    )


def can_view_workgroup(user, workgroup) -> bool:
    if not workgroup.is_private:
        return True
    return is_member(user, workgroup) or is_staff_reader(user)


def can_post(user, topic) -> bool:
    """May `user` start a comment or question on `topic` (the window aside)?"""
    workgroup = topic.get_workgroup()
    if not (user_can_take_part(user) and can_view_workgroup(user, workgroup)):
        return False
    if workgroup.membership_mode == "open" and not workgroup.is_private:
        return True
    return is_member(user, workgroup) or is_moderator(user)


def can_answer_officially(user, topic) -> bool:
    return user_can_take_part(user) and (is_facilitator(user, topic.get_workgroup()) or is_moderator(user))


def can_read_draft_summary(user, topic) -> bool:
    """The agency's paragraph summary, export and revision comparison of a draft."""
    return is_staff_reader(user) or is_moderator(user) or is_facilitator(user, topic.get_workgroup())


def can_edit_comment(user, comment, *, now) -> bool:
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and not comment.is_deleted
        and comment.state in ("pending", "published")
        and now - comment.created_at <= EDIT_WINDOW
    )


def can_delete_comment(user, comment) -> bool:
    return user.is_authenticated and comment.author_id == user.pk and not comment.is_deleted


def can_review_comments(user, workgroup) -> bool:
    """Staff who may open any of the workgroup's comments in the review queue (to hide one)."""
    return is_moderator(user) or is_facilitator(user, workgroup)


def can_decide_membership(user, workgroup) -> bool:
    """Approve or decline requests to join: the workgroup's facilitators, and moderators."""
    return is_facilitator(user, workgroup) or is_moderator(user)


def can_invite(user, workgroup) -> bool:
    """Invite people by e-mail, resend and revoke: the workgroup's facilitators and administrators."""
    return is_facilitator(user, workgroup) or manages_every_workgroup(user)


def can_join(user, workgroup) -> bool:
    if not user_can_take_part(user) or is_member(user, workgroup):
        return False
    allowed = list(workgroup.allowed_groups.values_list("pk", flat=True))
    if allowed and not user.memberships.filter(group_id__in=allowed).exists():
        return False
    return workgroup.membership_mode in ("open", "request")


def facilitated_workgroup_ids(user) -> list[int]:
    if not user.is_authenticated:
        return []
    return list(
        WorkgroupMembership.objects.facilitators().filter(user=user).values_list("workgroup_id", flat=True)
    )
