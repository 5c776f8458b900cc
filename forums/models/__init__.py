"""Workgroups, topics under review, their comment boards and the workgroup plan."""

from .comments import Comment, CommentKind, CommentRevision, CommentState, Follow
from .invitation import InvitationState, WorkgroupInvitation
from .membership import MembershipMode, MembershipRole, MembershipStatus, WorkgroupMembership
from .pages import TopicPage, WorkgroupIndexPage, WorkgroupPage
from .plan import PlanItem, PlanLevel, PlanStatus, ProgressNote

__all__ = [
    "Comment",
    "CommentKind",
    "CommentRevision",
    "CommentState",
    "Follow",
    "InvitationState",
    "WorkgroupInvitation",
    "MembershipMode",
    "MembershipRole",
    "MembershipStatus",
    "WorkgroupMembership",
    "TopicPage",
    "WorkgroupIndexPage",
    "WorkgroupPage",
    "PlanItem",
    "PlanLevel",
    "PlanStatus",
    "ProgressNote",
]
