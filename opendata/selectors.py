"""Reads for the open-data API and downloads: public content only, with its prefetching.

Everything here is what an anonymous visitor can already read on the site: nothing of a
private workgroup (its page, topics, comments or plan), no draft or unpublished page, no
page behind a view restriction, no person, no raw survey response.
"""

from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page

from forums.models import CommentKind, CommentState, PlanItem, TopicPage, WorkgroupPage
from home.models import EventPage
from surveys.models import SurveyPage


def _private_paths() -> list[str]:
    """Tree paths whose pages are not public: private workgroups and view-restricted pages."""
    private = WorkgroupPage.objects.filter(is_private=True).values_list("path", flat=True)
    restricted = Page.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    return sorted(set(private) | set(restricted))


def _outside(paths: list[str], field: str = "path") -> Q:
    if not paths:
        return Q()
    return ~reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths))


def public_pages(queryset: QuerySet) -> QuerySet:
    """Keep the live pages of `queryset` that sit in no private workgroup or restricted subtree."""
    return queryset.live().filter(_outside(_private_paths()))


def public_plan_items() -> QuerySet[PlanItem]:
    workgroups = public_pages(WorkgroupPage.objects.all())
    return (
        PlanItem.objects.filter(workgroup__in=workgroups)
        .select_related("workgroup", "parent")
        .prefetch_related("cfsr_terms")
        .order_by("workgroup__path", "level", "sort_order", "pk")
    )


def _with_counts(queryset: QuerySet[TopicPage]) -> QuerySet[TopicPage]:
    public = Q(comments__state=CommentState.PUBLISHED, comments__deleted_at__isnull=True)
    top = public & Q(comments__parent__isnull=True)
    return queryset.annotate(
        public_comment_count=Count("comments", filter=top & Q(comments__kind=CommentKind.COMMENT)),
        public_question_count=Count("comments", filter=top & Q(comments__kind=CommentKind.QUESTION)),
        public_reply_count=Count("comments", filter=public & Q(comments__parent__isnull=False)),
        official_answer_count=Count("comments", filter=public & Q(comments__is_official=True)),
    )


def public_topics(*, state: str = "") -> QuerySet[TopicPage]:
    """Topics of public workgroups with their public comment counts; `state` open/closed/upcoming."""
    now = timezone.now()
    queryset = public_pages(TopicPage.objects.all())
    if state == "open":
        queryset = queryset.filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now)).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )
    elif state == "closed":
        queryset = queryset.filter(closes_at__lte=now)
    elif state == "upcoming":
        queryset = queryset.filter(opens_at__gt=now)
    return _with_counts(queryset).prefetch_related("cfsr_terms").order_by("path")


def topic_feedback() -> QuerySet[TopicPage]:
    """Closed topics that published "what we heard / what we did"."""
    return public_topics(state="closed").exclude(what_we_heard="", what_we_did="")


def public_events(*, when: str = "") -> QuerySet[EventPage]:
    now = timezone.now()
    queryset = public_pages(EventPage.objects.all())
    if when == "upcoming":
        queryset = queryset.filter(end__gte=now)
    elif when == "past":
        queryset = queryset.filter(end__lt=now)
    return queryset.order_by("start", "pk")


def published_surveys() -> QuerySet[SurveyPage]:
    """Surveys whose summary is public: live, public, closed and marked for a public summary."""
    return (
        public_pages(SurveyPage.objects.all())
        .filter(public_summary=True, closes_at__lte=timezone.now())
        .order_by("-closes_at", "pk")
    )


def public_collections_q(field: str = "collection__path") -> Q:
    """Items outside every collection with a view restriction (and its sub-collections)."""
    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    return _outside(paths, field)


def last_changed() -> dict:
    """When each dataset's source last changed (for the downloads page)."""
    return {
        "plan-items": public_plan_items().aggregate(at=Max("updated_at"))["at"],
        "topic-feedback": topic_feedback().aggregate(at=Max("last_published_at"))["at"],
        "survey-summaries": published_surveys().aggregate(at=Max("last_published_at"))["at"],
    }
