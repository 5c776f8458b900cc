"""Reads for the engagement CQI dashboard (engagement/cqi): raw counts, a fixed number of queries.

Every function takes the viewer and covers only the workgroups that person may see. Counts of
people's posts come back raw: the caller suppresses them before anyone reads them.
"""

from datetime import date

from django.db.models import (
    Aggregate,
    Count,
    F,
    FloatField,
    Func,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Length, Substr, TruncMonth
from django.utils import timezone

from .models import Comment, CommentKind, CommentState, PlanItem, TopicPage, WorkgroupPage
from .selectors import hidden_paths, not_under, visible_workgroup_ids

STEPLEN = 4  # Wagtail's treebeard path step: a topic's workgroup is its path less 4 characters


class Median(Aggregate):
    """PostgreSQL's PERCENTILE_CONT(0.5): the median, computed in the database."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class EpochSeconds(Func):
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


def visible_workgroups(*, user) -> list[WorkgroupPage]:
    return list(
        WorkgroupPage.objects.filter(pk__in=visible_workgroup_ids(user=user))
        .only("pk", "title", "path")
        .order_by("path")
    )


def _posts(*, user) -> QuerySet[Comment]:
    """Published, undeleted posts by participants (not the agency's official answers)."""
    return (
        Comment.objects.published()
        .filter(deleted_at__isnull=True, is_official=False)
        .filter(not_under(hidden_paths(user=user), "topic__path"))
    )


def posts_by_month(*, user, since: date, group_id=None, region_id=None) -> dict:
    """{(month, "comment" | "question"): n}: comments (with replies) and top-level questions."""
    posts = _posts(user=user).filter(created_at__date__gte=since)
    if group_id:
        posts = posts.filter(author__memberships__group_id=group_id)
    if region_id:
        posts = posts.filter(author__region_id=region_id)
    rows = (
        posts.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            comments=Count("pk", filter=Q(kind=CommentKind.COMMENT)),
            questions=Count("pk", filter=Q(kind=CommentKind.QUESTION, parent__isnull=True)),
        )
        .order_by()
    )
    counts = {}
    for row in rows:
        month = timezone.localtime(row["month"]).date() if hasattr(row["month"], "hour") else row["month"]
        counts[(month.replace(day=1), "comment")] = row["comments"]
        counts[(month.replace(day=1), "question")] = row["questions"]
    return counts


def _answered_at():
    return Subquery(
        Comment.objects.filter(parent=OuterRef("pk"), is_official=True, state=CommentState.PUBLISHED)
        .order_by()
        .values("parent")
        .annotate(first=Min("created_at"))
        .values("first")[:1]
    )


def questions_awaiting(*, user, limit: int = 100) -> tuple[list[Comment], int]:
    """(oldest first, up to `limit`; how many in all) of questions with no official answer yet."""
    queryset = (
        Comment.objects.filter(not_under(hidden_paths(user=user), "topic__path"))
        .awaiting_answer()
        .select_related("topic")
        .only("pk", "body", "created_at", "topic__title", "topic__path", "topic__url_path")
        .order_by("created_at", "pk")
    )
    return list(queryset[:limit]), queryset.count()


def awaiting_ages(*, user, today: date, bands: list[tuple[int, int | None]]) -> list[int]:
    """How many questions wait for an answer in each age band (days, inclusive; None: open-ended)."""
    from datetime import timedelta

    filters = {}
    for index, (low, high) in enumerate(bands):
        q = Q(created_at__date__lte=today - timedelta(days=low))
        if high is not None:
            q &= Q(created_at__date__gte=today - timedelta(days=high))
        filters[f"b{index}"] = Count("pk", filter=q)
    row = (
        Comment.objects.filter(not_under(hidden_paths(user=user), "topic__path"))
        .awaiting_answer()
        .aggregate(**filters)
    )
    return [row[f"b{i}"] for i in range(len(bands))]


def answer_times_by_workgroup(*, user, since: date) -> dict[str, dict]:
    """{workgroup path: {answered, median_days, waiting}} over questions asked since `since`."""
    questions = (
        Comment.objects.questions()
        .published()
        .filter(deleted_at__isnull=True, created_at__date__gte=since)
        .filter(not_under(hidden_paths(user=user), "topic__path"))
        .annotate(
            answered_at=_answered_at(),
            workgroup_path=Substr("topic__path", 1, Length("topic__path") - STEPLEN),
        )
    )
    rows = (
        questions.values("workgroup_path")
        .annotate(
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            waiting=Count("pk", filter=Q(answered_at__isnull=True)),
            median_seconds=Median(
                EpochSeconds(F("answered_at") - F("created_at")), filter=Q(answered_at__isnull=False)
            ),
        )
        .order_by()
    )
    return {
        r["workgroup_path"]: {
            "answered": r["answered"],
            "waiting": r["waiting"],
            "median_days": None if r["median_seconds"] is None else r["median_seconds"] / 86400,
        }
        for r in rows
    }


def _closed_topics(*, user, now) -> QuerySet[TopicPage]:
    return TopicPage.objects.live().filter(closes_at__lte=now).filter(not_under(hidden_paths(user=user)))


def _has(field: str) -> Q:
    return ~Q(**{field: ""}) & ~Q(**{field: "<p></p>"})


def topics_without_what_we_did(*, user, now=None) -> list[TopicPage]:
    """Closed topics whose "what we did" is still empty (and no paragraph changes), longest closed first."""
    now = now or timezone.now()
    return list(
        _closed_topics(user=user, now=now)
        .exclude(_has("what_we_did"))
        .filter(paragraph_changes=[])
        .only("pk", "title", "path", "url_path", "closes_at", "what_we_heard")
        .order_by("closes_at", "pk")
    )


def feedback_loop(*, user, now=None) -> dict:
    """Closed topics and their published feedback, and the plan items changed because of it."""
    now = now or timezone.now()
    closed = _closed_topics(user=user, now=now)
    counts = closed.aggregate(
        closed=Count("pk"),
        heard=Count("pk", filter=_has("what_we_heard")),
        did=Count("pk", filter=_has("what_we_did") | ~Q(paragraph_changes=[])),
        both=Count("pk", filter=_has("what_we_heard") & (_has("what_we_did") | ~Q(paragraph_changes=[]))),
    )
    links = (
        TopicPage.feedback_plan_items.through.objects.filter(topicpage__in=closed.values("pk"))
        .select_related("topicpage", "planitem", "planitem__workgroup")
        .order_by("topicpage__closes_at", "topicpage_id", "planitem__sort_order", "planitem_id")
    )
    links = list(links)
    return {
        **counts,
        "plan_items": len({link.planitem_id for link in links}),
        "topics_with_plan_changes": len({link.topicpage_id for link in links}),
        "links": links,
    }


def plan_status_counts(*, user) -> tuple[list[WorkgroupPage], dict, dict]:
    """(workgroups; {(workgroup_id, status): n}; {(region_id | None, status): n}) over the plan
    items of the workgroups `user` may see; an item with no site counts as agency-wide (None)."""
    workgroups = visible_workgroups(user=user)
    items = PlanItem.objects.filter(workgroup_id__in=[w.pk for w in workgroups])
    by_workgroup = {
        (r["workgroup_id"], r["status"]): r["n"]
        for r in items.values("workgroup_id", "status").annotate(n=Count("pk")).order_by()
    }
    through = PlanItem.regions.through.objects.filter(planitem__in=items.values("pk"))
    by_region = {
        (r["region_id"], r["planitem__status"]): r["n"]
        for r in through.values("region_id", "planitem__status").annotate(n=Count("pk")).order_by()
    }
    for r in items.filter(regions__isnull=True).values("status").annotate(n=Count("pk")).order_by():
        by_region[(None, r["status"])] = r["n"]
    return workgroups, by_workgroup, by_region


def public_feedback_counts() -> dict:
    """The feedback loop as the public sees it: public workgroups only, counts only."""
    from django.contrib.auth.models import AnonymousUser

    data = feedback_loop(user=AnonymousUser())
    data.pop("links")
    return data
