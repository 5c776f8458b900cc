"""Who may moderate what: moderators everything, facilitators their own workgroups' comments."""

from forums import permissions as forum_permissions


def is_moderator(user) -> bool:
    return forum_permissions.is_moderator(user)


def moderated_workgroup_ids(user) -> list[int] | None:
    """None when `user` moderates every workgroup; otherwise the ids they facilitate."""
    if not user.is_authenticated:
        return []
    if is_moderator(user):
        return None
    return forum_permissions.facilitated_workgroup_ids(user)


def can_use_queue(user) -> bool:
    ids = moderated_workgroup_ids(user)
    return ids is None or bool(ids)


def can_moderate_comment(user, comment) -> bool:
    ids = moderated_workgroup_ids(user)
    if ids is None:
        return True
    return comment.topic.get_workgroup().pk in ids


def can_sanction(user) -> bool:
    return is_moderator(user)


def can_flag(user) -> bool:
    return forum_permissions.user_can_take_part(user)
