"""Reads for workgroup pages, topic boards and plans, with their prefetching."""

import uuid
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from home.selectors import cfsr_terms_of
from portal.pagecache.fragments import cached_fragment

from . import permissions
from .comment_fragments import attach_rendered
from .models import (
    Comment,
    CommentKind,
    CommentState,
    Follow,
    MembershipStatus,
    PlanItem,
    PlanLevel,
    PlanStatus,
    TopicPage,
    WorkgroupInvitation,
    WorkgroupMembership,
    WorkgroupPage,
)
from .paragraphs import mark_earlier_versions, paragraph_feedback, paragraphs_with_counts

COMMENTS_PER_PAGE = 20
TOPICS_PER_PAGE = 10
PLAN_ROWS_PER_PAGE = 50
SORTS = {
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    "activity": ("-last_activity_at", "-pk"),
}
PLACEHOLDER_STATES = (CommentState.HIDDEN, CommentState.REMOVED)


def _visible_to(user) -> Q:
    """Published comments, plus the viewer's own held ones."""
    visible = Q(state=CommentState.PUBLISHED)
    if user.is_authenticated:
        visible |= Q(state=CommentState.PENDING, author=user)
    return visible


def topic_comments(
    *, topic: TopicPage, user, sort: str = "oldest", awaiting: bool = False, paragraph: str = ""
) -> QuerySet[Comment]:
    """Top-level comments for the board, each with its visible replies (official answers first).

    Hidden, removed or deleted comments stay as a placeholder while they have visible replies.
    """
    visible = _visible_to(user)
    has_replies = Exists(
        Comment.objects.filter(parent=OuterRef("pk")).filter(visible, deleted_at__isnull=True)
    )
    answered = Exists(
        Comment.objects.filter(parent=OuterRef("pk"), is_official=True, state=CommentState.PUBLISHED)
    )
    replies = (
        Comment.objects.filter(visible).select_related("author").order_by("-is_official", "created_at", "pk")
    )
    queryset = (
        Comment.objects.filter(topic=topic, parent__isnull=True)
        .annotate(has_visible_replies=has_replies, is_answered=answered)
        .filter(
            (visible & Q(deleted_at__isnull=True))
            | Q(has_visible_replies=True, state__in=[CommentState.PUBLISHED, *PLACEHOLDER_STATES])
        )
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
        .order_by(*SORTS.get(sort, SORTS["oldest"]))
    )
    if paragraph:
        queryset = queryset.filter(paragraph_id=paragraph)
    if awaiting:
        queryset = queryset.filter(
            kind=CommentKind.QUESTION,
            state=CommentState.PUBLISHED,
            deleted_at__isnull=True,
            is_answered=False,
        )
    return queryset


def board_counts(*, topic: TopicPage) -> tuple[int, dict]:
    """(published comments, {count, oldest} of the questions awaiting an answer) in one query:
    the rules of `Comment.objects.published()` and `awaiting_answer()`, the "answered" check
    written inside the filter so PostgreSQL runs it only for the open questions."""
    answered = Comment.objects.filter(parent=OuterRef("pk"), is_official=True, state=CommentState.PUBLISHED)
    public = Q(state=CommentState.PUBLISHED, deleted_at__isnull=True)
    waiting = public & Q(kind=CommentKind.QUESTION, parent__isnull=True) & ~Exists(answered)
    stats = Comment.objects.filter(topic=topic).aggregate(
        total=Count("pk", filter=public),
        waiting=Count("pk", filter=waiting),
        oldest=Min("created_at", filter=waiting),
    )
    return stats["total"], {"count": stats["waiting"], "oldest": stats["oldest"]}


BOARD_TEMPLATE = "forums/includes/board.html"


def topic_page_context(*, request, topic: TopicPage) -> dict:
    user = request.user
    sort = request.GET.get("sort", "oldest")
    sort = sort if sort in SORTS else "oldest"
    awaiting = request.GET.get("filter") == "awaiting"
    paragraphs = paragraphs_with_counts(topic=topic) if topic.draft else []
    paragraph = request.GET.get("paragraph", "")
    paragraph = paragraph if any(p.id == paragraph for p in paragraphs) else ""
    workgroup = topic.get_workgroup()
    can_answer = permissions.can_answer_officially(user, topic)
    can_review = permissions.can_review_comments(user, workgroup)
    can_post = permissions.can_post(user, topic)
    context = {
        "paragraphs": paragraphs,
        "paragraph_filter": paragraph,
        "paragraph_feedback": paragraph_feedback(topic=topic) if topic.paragraph_changes else [],
        "can_read_draft_summary": bool(paragraphs) and permissions.can_read_draft_summary(user, topic),
        "workgroup": workgroup,
        "sort": sort,
        "awaiting_filter": awaiting,
        "can_post": can_post,
        "can_answer": can_answer,
        "can_review_comments": can_review,
        "can_take_part": permissions.user_can_take_part(user) if user.is_authenticated else False,
        "is_following": user.is_authenticated and Follow.objects.filter(user=user, topic=topic).exists(),
        "form_token": uuid.uuid4(),
        "feedback_comments": list(topic.feedback_comments.select_related("author"))
        if topic.has_feedback
        else [],
        "feedback_plan_items": list(topic.feedback_plan_items.all()) if topic.has_feedback else [],
        "cfsr_terms": cfsr_terms_of(topic, request=request),
    }

    def board() -> dict:
        return _board_context(
            request=request, topic=topic, sort=sort, awaiting=awaiting, paragraph=paragraph,
            can_answer=can_answer, can_review=can_review,
        )  # fmt: skip

    page = request.GET.get("page") or "1"
    if user.is_authenticated or can_post or not (page.isdigit() and len(page) <= 3):
        context.update(board())
        return context

    # Anonymous readers (with a cookie, or the first after a change) all get the same board
    # for the same sort, filter and page: it is kept whole in the fragment cache, retired by
    # every comment event like the cached page (no links or forms of a viewer are in it).
    def render() -> str:
        board_context = {**context, **board(), "page": topic, "user": user, "request": request}
        return render_to_string(BOARD_TEMPLATE, board_context)

    vary = f"{topic.pk}:{sort}:{int(awaiting)}:{paragraph}:{page}"
    context["board_html"] = mark_safe(cached_fragment("topic-board", render, vary=vary))  # noqa: S308
    return context


class _CountedPaginator(Paginator):
    """A paginator whose count is already known (kept with the page of threads)."""

    def __init__(self, count: int, per_page: int):
        super().__init__([], per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


def _thread_page(*, request, topic, sort, awaiting, paragraph, page: str) -> Page:
    """This page of threads (top-level comments with their visible replies).

    Every reader without a held comment of their own on the topic sees the same threads for
    the same sort, filter and page, so those are kept in the fragment cache (retired by every
    comment event with the cached pages) and only the viewer's links are worked out per
    request; a reader who has one gets their own page from the database, and so does a preview
    (whose draft, in memory, marks the comments on earlier versions)."""
    user = request.user

    def build() -> tuple[list, int, int]:
        page_obj = Paginator(
            topic_comments(topic=topic, user=user, sort=sort, awaiting=awaiting, paragraph=paragraph),
            COMMENTS_PER_PAGE,
        ).get_page(page)
        threads = list(page_obj.object_list)
        mark_earlier_versions(threads, topic=topic)
        return threads, page_obj.number, page_obj.paginator.count

    shared = (
        page.isdigit()
        and len(page) <= 3
        and not getattr(request, "is_preview", False)
        and not _holds_own_comments(user, topic)
    )
    if shared:
        vary = f"{topic.pk}:{sort}:{int(awaiting)}:{paragraph}:{page}"
        threads, number, count = cached_fragment("topic-threads", build, vary=vary)
    else:
        threads, number, count = build()
    return Page(threads, number, _CountedPaginator(count, COMMENTS_PER_PAGE))


def _holds_own_comments(user, topic) -> bool:
    """Has `user` a comment or reply on `topic` waiting in the review queue (shown only to them)?"""
    return (
        user.is_authenticated
        and Comment.objects.filter(topic=topic, author=user, state=CommentState.PENDING).exists()
    )


def _board_counts_cached(*, topic) -> tuple[int, dict]:
    """`board_counts` in the fragment cache: the same for every reader, changed only by comment
    events, which retire it."""
    return cached_fragment("topic-counts", lambda: board_counts(topic=topic), vary=topic.pk)


def _board_context(*, request, topic, sort, awaiting, paragraph, can_answer, can_review) -> dict:
    """The comments part of a topic page: this page of threads with the viewer's links, the
    counts above it and the pagination's query."""
    user = request.user
    page_obj = _thread_page(
        request=request, topic=topic, sort=sort, awaiting=awaiting, paragraph=paragraph,
        page=request.GET.get("page") or "1",
    )  # fmt: skip
    now = timezone.now()
    for comment in page_obj:
        comment.viewer_can_edit = permissions.can_edit_comment(user, comment, now=now)
        comment.viewer_can_delete = permissions.can_delete_comment(user, comment)
        comment.viewer_can_answer = (
            can_answer and comment.kind == CommentKind.QUESTION and not comment.is_answered
        )
        for reply in comment.visible_replies:
            reply.viewer_can_edit = permissions.can_edit_comment(user, reply, now=now)
            reply.viewer_can_delete = permissions.can_delete_comment(user, reply)
    attach_rendered(page_obj, request=request, can_review_comments=can_review)
    query_prefix = f"sort={sort}&" + ("filter=awaiting&" if awaiting else "")
    query_prefix += f"paragraph={paragraph}&" if paragraph else ""
    comment_count, awaiting_stats = _board_counts_cached(topic=topic)
    return {
        "page_obj": page_obj,
        "query_prefix": query_prefix,
        "awaiting": awaiting_stats,
        "comment_count": comment_count,
    }


def workgroup_topics(*, workgroup: WorkgroupPage) -> QuerySet[TopicPage]:
    published = Q(comments__state=CommentState.PUBLISHED, comments__deleted_at__isnull=True)
    return (
        TopicPage.objects.child_of(workgroup)
        .live()
        .annotate(comment_total=Count("comments", filter=published))
        .order_by("-opens_at", "-first_published_at")
    )


def workgroup_page_context(*, request, workgroup: WorkgroupPage) -> dict:
    user = request.user
    page_obj = Paginator(workgroup_topics(workgroup=workgroup), TOPICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    membership = (
        WorkgroupMembership.objects.filter(user=user, workgroup=workgroup).first()
        if user.is_authenticated
        else None
    )
    return {
        "page_obj": page_obj,
        "facilitators": [
            m.user
            for m in WorkgroupMembership.objects.facilitators()
            .filter(workgroup=workgroup)
            .select_related("user")
        ],
        "member_count": WorkgroupMembership.objects.active().filter(workgroup=workgroup).count(),
        "membership": membership,
        "can_join": permissions.can_join(user, workgroup),
        "can_invite": permissions.can_invite(user, workgroup),
        "is_following": user.is_authenticated
        and Follow.objects.filter(user=user, workgroup=workgroup).exists(),
        "plan_summary": plan_status_summary(workgroups=[workgroup]),
        "cfsr_terms": cfsr_terms_of(workgroup, request=request),
        "initiative": _live_initiative(workgroup),
    }


def _live_initiative(workgroup: WorkgroupPage):
    """The workgroup's initiative page if live (cached: publishing either page retires it)."""
    if not workgroup.initiative_id:
        return None
    from portal.pagecache.lookups import remembered

    def build():
        initiative = workgroup.initiative
        return initiative.specific if initiative.live else None

    return remembered("workgroup-initiative", build, vary=workgroup.initiative_id)


def workgroups_visible(*, user, index=None) -> QuerySet[WorkgroupPage]:
    queryset = (
        WorkgroupPage.objects.live()
        .annotate(
            member_total=Count(
                "memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE), distinct=True
            )
        )
        .order_by("path")
    )
    if index is not None:
        queryset = queryset.child_of(index)
    return queryset.filter(pk__in=visible_workgroup_ids(user=user))


def visible_workgroup_ids(*, user) -> list[int]:
    hidden = {entry.pk for entry in _private_workgroups_hidden_from(user)}
    return [entry.pk for entry in _workgroup_directory() if entry.pk not in hidden]


class WorkgroupEntry(NamedTuple):
    pk: int
    is_private: bool
    path: str  # in the page tree
    url_path: str  # its address, for private workgroups ("" for public ones)


def _workgroup_directory() -> list[WorkgroupEntry]:
    """Every workgroup's entry, kept in the fragment cache:
    `is_private` and the addresses change only by publishing, moving or deleting a workgroup,
    which retires it. Who may see what is worked out from it without a join per question."""
    from portal.pagecache.lookups import remembered

    def build():
        rows = []
        for workgroup in WorkgroupPage.objects.order_by("path"):
            parts = workgroup.get_url_parts() if workgroup.is_private else None
            url_path = parts[2] if parts else ""
            rows.append(WorkgroupEntry(workgroup.pk, workgroup.is_private, workgroup.path, url_path))
        return rows

    return remembered("workgroup-directory", build)


def _private_workgroups_hidden_from(user) -> list[WorkgroupEntry]:
    """The directory entries of the private workgroups `user` may not see: all of them but those
    they are an active member of (staff readers see every workgroup)."""
    private = [entry for entry in _workgroup_directory() if entry.is_private]
    if not private or permissions.is_staff_reader(user):
        return []
    member_of = set()
    if user.is_authenticated:
        member_of = set(
            WorkgroupMembership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values_list(
                "workgroup_id", flat=True
            )
        )
    return [entry for entry in private if entry.pk not in member_of]


def hidden_workgroups(*, user) -> QuerySet[WorkgroupPage]:
    """Private workgroups `user` may not see (for search, feeds and listings)."""
    return WorkgroupPage.objects.filter(pk__in=[entry.pk for entry in _private_workgroups_hidden_from(user)])


# --- Private stays private: one place that says what a person may not be shown -------------
# Every surface that lists something of a workgroup (My portal, notifications, e-mails,
# exports, search, home panels) narrows with these, so a non-member, a former member or
# someone who once commented sees no title, address or count of a private workgroup.


def private_workgroup_paths() -> list[str]:
    """Tree paths of every private workgroup, whoever asks (the sitemap)."""
    return [entry.path for entry in _workgroup_directory() if entry.is_private]


def hidden_paths(*, user) -> list[str]:
    """Tree paths of the private workgroups `user` may not see (their pages are below them)."""
    return [entry.path for entry in _private_workgroups_hidden_from(user)]


def not_under(paths: list[str], field: str = "path") -> Q:
    """A filter that leaves out pages (or rows pointing at pages via `field`) below `paths`."""
    keep = Q()
    for path in paths:
        keep &= ~Q(**{f"{field}__startswith": path})
    return keep


def topics_hidden_from(user) -> QuerySet[TopicPage]:
    """Topics of private workgroups `user` may not see."""
    paths = hidden_paths(user=user)
    if not paths:
        return TopicPage.objects.none()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return TopicPage.objects.filter(under)


def hidden_url_prefixes(user) -> list[str]:
    """URL paths (e.g. "/workgroups/case-process/") under which nothing may be shown to `user`."""
    return [entry.url_path for entry in _private_workgroups_hidden_from(user) if entry.url_path]


# --- Plans ------------------------------------------------------------------------------------


def plan_tree(*, workgroup: WorkgroupPage) -> list[PlanItem]:
    """Goals with their strategies and action steps, terms and notes, in three queries: every
    item of the workgroup at once, nested here; each item's children are `item.plan_children`
    (whatever the depth; the template used to ask each leaf for its children)."""
    items = list(
        PlanItem.objects.filter(workgroup=workgroup).prefetch_related("cfsr_terms", "progress_notes")
    )
    children: dict[int, list[PlanItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for item in items:
        item.plan_children = children.get(item.pk, [])
    return [item for item in items if item.level == PlanLevel.GOAL]


def plan_status_summary(*, workgroups) -> list[dict]:
    """[{status, label, count, percent}] over every plan item of these workgroups."""
    counts = dict(
        PlanItem.objects.filter(workgroup__in=workgroups).values_list("status").annotate(n=Count("pk"))
    )
    total = sum(counts.values()) or 1
    return [
        {
            "status": value,
            "label": label,
            "count": counts.get(value, 0),
            "percent": round(100 * counts.get(value, 0) / total),
        }
        for value, label in PlanStatus.choices
    ]


# Goal, then its strategies, then each strategy's action steps: the plan read top to bottom.
_GOAL = Case(
    When(level=PlanLevel.ACTION, then=F("parent__parent_id")),
    When(level=PlanLevel.STRATEGY, then=F("parent_id")),
    default=F("id"),
)
_STRATEGY = Case(
    When(level=PlanLevel.ACTION, then=F("parent_id")),
    When(level=PlanLevel.STRATEGY, then=F("id")),
    default=Value(0),
)
_TREE_ORDER = [
    Case(
        When(level=PlanLevel.ACTION, then=F("parent__parent__sort_order")),
        When(level=PlanLevel.STRATEGY, then=F("parent__sort_order")),
        default=F("sort_order"),
    ),
    _GOAL,
    Case(
        When(level=PlanLevel.ACTION, then=F("parent__sort_order")),
        When(level=PlanLevel.STRATEGY, then=F("sort_order")),
        default=Value(-1),
    ),
    _STRATEGY,
    Case(When(level=PlanLevel.ACTION, then=F("sort_order")), default=Value(-1)),
    "pk",
]


def plan_overview(*, user, status: str = "", workgroup_id: str = "", cfsr: str = "") -> QuerySet[PlanItem]:
    queryset = (
        PlanItem.objects.filter(workgroup_id__in=visible_workgroup_ids(user=user), workgroup__live=True)
        .select_related("workgroup", "parent")
        .prefetch_related("cfsr_terms")
        .order_by("workgroup__path", *_TREE_ORDER)
    )
    if status in PlanStatus.values:
        queryset = queryset.filter(status=status)
    if workgroup_id.isdigit():
        queryset = queryset.filter(workgroup_id=int(workgroup_id))
    if cfsr:
        queryset = queryset.filter(cfsr_terms__code=cfsr)
    return queryset


# --- Shared screens (panels) ----------------------------------------------------------------


def open_topics(*, user, limit: int = 5) -> list[TopicPage]:
    now = timezone.now()
    hidden = hidden_workgroups(user=user)
    queryset = TopicPage.objects.live().filter(
        Q(opens_at__isnull=True) | Q(opens_at__lte=now), closes_at__gt=now
    )
    for workgroup in hidden:
        queryset = queryset.not_descendant_of(workgroup)
    return list(queryset.order_by("closes_at")[:limit])


def my_workgroups(*, user) -> QuerySet[WorkgroupMembership]:
    return (
        WorkgroupMembership.objects.filter(user=user).select_related("workgroup").order_by("workgroup__title")
    )


def my_follows(*, user) -> QuerySet[Follow]:
    """What `user` follows, less anything in a private workgroup they are no longer in."""
    paths = hidden_paths(user=user)
    return (
        Follow.objects.filter(user=user)
        .filter(not_under(paths, "workgroup__path"), not_under(paths, "topic__path"))
        .select_related("workgroup", "topic")
        .order_by("-created_at")
    )


def my_comments(*, user, limit: int = 10) -> QuerySet[Comment]:
    """Their latest comments, less those in a private workgroup they may no longer see."""
    return (
        Comment.objects.filter(author=user, deleted_at__isnull=True)
        .filter(not_under(hidden_paths(user=user), "topic__path"))
        .select_related("topic")
        .order_by("-created_at")[:limit]
    )


def membership_requests_for(*, user) -> QuerySet[WorkgroupMembership]:
    """Requests to join waiting in the workgroups `user` facilitates (all of them for moderators)."""
    queryset = (
        WorkgroupMembership.objects.filter(status=MembershipStatus.REQUESTED)
        .select_related("user", "workgroup")
        .order_by("created_at")
    )
    if permissions.is_moderator(user):
        return queryset
    return queryset.filter(workgroup_id__in=permissions.facilitated_workgroup_ids(user))


# --- Engagement monitoring (read by engagement.selectors) -------------------------------------


def activity_by_author(*, since=None) -> dict[int, dict]:
    """{author_id: {comments, questions, answers_received, last}} over published, undeleted
    top-level comments and questions (and official answers to those questions): two queries."""
    from django.db.models import Max

    posts = Comment.objects.published().top_level().filter(deleted_at__isnull=True, author__isnull=False)
    answers = Comment.objects.published().filter(is_official=True, parent__author__isnull=False)
    if since is not None:
        posts = posts.filter(created_at__date__gte=since)
        answers = answers.filter(created_at__date__gte=since)
    rows = posts.values("author_id").annotate(
        comments=Count("pk", filter=Q(kind="comment")),
        questions=Count("pk", filter=Q(kind="question")),
        last=Max("created_at"),
    )
    activity = {r["author_id"]: {**r, "answers_received": 0} for r in rows}
    for author_id, n in answers.values_list("parent__author_id").annotate(n=Count("pk")):
        activity.setdefault(author_id, {"comments": 0, "questions": 0, "last": None})["answers_received"] = n
    return activity


def invitable_workgroups(*, user):
    """The workgroups `user` may invite people to (their own; administrators: all)."""
    queryset = WorkgroupPage.objects.order_by("title")
    if permissions.manages_every_workgroup(user):
        return queryset
    return queryset.filter(pk__in=permissions.facilitated_workgroup_ids(user))


def invitations_pending(*, workgroups):
    """Invitations neither accepted nor revoked (expired ones too, to resend), newest first."""
    return (
        WorkgroupInvitation.objects.undecided()
        .filter(workgroup__in=workgroups)
        .select_related("workgroup", "invited_by")
        .order_by("workgroup__title", "-sent_at")
    )
