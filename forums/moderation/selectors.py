"""Reads for the review queue and the admin home panel, with their prefetching."""

from datetime import timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from forums.models import Comment, CommentState, WorkgroupPage

from . import permissions
from .models import CommentReview, Flag, FlagReason, HoldCode, ModerationDecision, Sanction

AGE_FILTERS = {"1d": timedelta(days=1), "3d": timedelta(days=3), "7d": timedelta(days=7)}
REASON_FILTERS = [(code, label) for code, label in HoldCode.choices] + [
    (f"flag:{code}", f"Reported: {label}") for code, label in FlagReason.choices
]


def _scope(queryset: QuerySet, user, path: str = "topic__path") -> QuerySet:
    ids = permissions.moderated_workgroup_ids(user)
    if ids is None:
        return queryset
    paths = list(WorkgroupPage.objects.filter(pk__in=ids).values_list("path", flat=True))
    scope = Q(pk__in=[])
    for workgroup_path in paths:
        scope |= Q(**{f"{path}__startswith": workgroup_path})
    return queryset.filter(scope)


def queue(
    *, user, state: str = "", reason: str = "", workgroup: str = "", age: str = ""
) -> QuerySet[Comment]:
    """Comments waiting for a decision (danger first, then oldest first), narrowed to `user`'s scope."""
    queryset = Comment.objects.filter(review__waiting_since__isnull=False)
    if state in CommentState.values:
        queryset = queryset.filter(state=state)
    if reason.startswith("flag:"):
        queryset = queryset.filter(Exists(Flag.objects.filter(comment=OuterRef("pk"), reason=reason[5:])))
    elif reason:
        queryset = queryset.filter(review__hold_code=reason)
    if workgroup.isdigit():
        wg = WorkgroupPage.objects.filter(pk=int(workgroup)).only("path").first()
        queryset = queryset.filter(topic__path__startswith=wg.path) if wg else queryset.none()
    if age in AGE_FILTERS:
        queryset = queryset.filter(review__waiting_since__lte=timezone.now() - AGE_FILTERS[age])
    return (
        _scope(queryset, user)
        .select_related("author", "topic", "review", "parent__author")
        .annotate(flag_count=Count("flags", distinct=True))
        .order_by(F("review__is_danger").desc(), "review__waiting_since", "pk")
    )


def queue_count(*, user) -> int:
    return _scope(Comment.objects.filter(review__waiting_since__isnull=False), user).count()


def danger_count() -> int:
    return CommentReview.objects.filter(is_danger=True, waiting_since__isnull=False).count()


def queue_summary(*, user) -> dict:
    waiting = _scope(Comment.objects.filter(review__waiting_since__isnull=False), user)
    stats = waiting.aggregate(
        count=Count("pk"),
        oldest=Min("review__waiting_since"),
        danger=Count("pk", filter=Q(review__is_danger=True)),
    )
    week_ago = timezone.now() - timedelta(days=7)
    decisions = _scope(
        ModerationDecision.objects.filter(created_at__gte=week_ago), user, "comment__topic__path"
    )
    stats["decisions_this_week"] = decisions.count()
    stats["oldest_age"] = timezone.now() - stats["oldest"] if stats["oldest"] else None
    return stats


def queue_workgroups(*, user) -> QuerySet[WorkgroupPage]:
    ids = permissions.moderated_workgroup_ids(user)
    queryset = WorkgroupPage.objects.order_by("title")
    return queryset if ids is None else queryset.filter(pk__in=ids)


def comment_detail(*, pk: int) -> Comment:
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return (
        Comment.objects.select_related("author", "topic", "parent__author", "review")
        .prefetch_related(
            Prefetch("replies", queryset=replies),
            Prefetch("flags", queryset=Flag.objects.select_related("user")),
            Prefetch("decisions", queryset=ModerationDecision.objects.select_related("actor")),
        )
        .get(pk=pk)
    )


def sanctions_list() -> QuerySet[Sanction]:
    return Sanction.objects.select_related("user", "created_by", "lifted_by").order_by("-starts_at")
