"""Moderation demo: a review queue with held, reported and decided comments of every reason,
the word lists, and a silenced demo person. Runs after forums.demo (uses its topics)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from forums.models import Comment, CommentState, TopicPage
from forums.text import render_comment_html
from portal.demo import DemoContext

from . import services
from .models import BlockedTerm, FlagReason, HoldCode, Reason, Sanction, SanctionKind, TermKind
from .rules import MESSAGES, safety_numbers

WORDS = [
    ("cheap pills", TermKind.BLOCKED),
    ("casino bonus", TermKind.BLOCKED),
    ("run away tonight", TermKind.DANGER),
]

# (author, hold code, text): comments waiting before publication.
HELD = [
    (
        "youth",
        HoldCode.NEW_AUTHOR,
        "First time posting. The transition meetings helped me more than the binder did.",
    ),
    (
        "birthparent",
        HoldCode.PERSONAL_DATA,
        "My caseworker for the Hollis family is reachable at 616-555-0147, please have someone call her.",
    ),
    (
        "provider",
        HoldCode.BLOCKED_WORDS,
        "Great discussion. Also, casino bonus codes for everyone at this link.",
    ),
    (
        "court",
        HoldCode.LINKS,
        "Background reading: https://example.org/a https://example.org/b https://example.org/c",
    ),
    ("tribal", HoldCode.NEW_ACCOUNT, "Our council would like a say in how kin placements are reviewed."),
    ("health", HoldCode.DANGER, "A teen in our program says she is not safe at home tonight."),
    ("school", HoldCode.SANCTIONED, "I still think this whole process is rigged and you all know it."),
]
# (author, text, [(reporter, reason, note)]): published comments people reported.
REPORTED = [
    (
        "provider",
        "Our agency can take three more sibling groups if the rate goes up.",
        [("youth", FlagReason.OFF_TOPIC, "")],
    ),
    (
        "fosterparent",
        "Anyone who disagrees with me here clearly never fostered a child.",
        [
            ("youth", FlagReason.ABUSIVE, ""),
            ("court", FlagReason.ABUSIVE, ""),
            ("school", FlagReason.SPAM, ""),
        ],
    ),
    (
        "birthparent",
        "The worker on our case, the tall one at the north office, lied in court.",
        [("editor", FlagReason.PERSONAL_INFO, "Names a worker and a case")],
    ),
    (
        "youth",
        "Sometimes I think about just leaving and not telling anyone where I went.",
        [("fosterparent", FlagReason.DANGER, "This sounds like a young person at risk")],
    ),
    (
        "health",
        "Visit our clinic's page for the best prices on supplements.",
        [("provider", FlagReason.SPAM, ""), ("tribal", FlagReason.OTHER, "Advertising a business")],
    ),
]
# (author, text, decisions): comments moderators already decided.
DECIDED = [
    (
        "court",
        "Hearing notices arrive too late for parents to arrange time off.",
        [("approve", Reason.OK, "")],
    ),
    (
        "school",
        "Here is the boy's full name and school so you can check on him.",
        [("reject", Reason.PERSONAL_INFO, "Identifies a child")],
    ),
    ("provider", "Buy cheap pills online, discreet shipping.", [("reject", Reason.SPAM, "")]),
    (
        "fosterparent",
        "This is the worst idea the agency has had in years and the staff are idiots.",
        [
            ("approve", Reason.OK, ""),
            ("hide", Reason.ABUSIVE, "Insults staff"),
            ("remove", Reason.ABUSIVE, ""),
        ],
    ),
    (
        "tribal",
        "The respite schedule talk belongs in the out-of-home care group.",
        [
            ("approve", Reason.OK, ""),
            ("hide", Reason.OFF_TOPIC, ""),
            ("restore", Reason.OK, "Relevant after all"),
        ],
    ),
    (
        "youth",
        "Is there a way to report something private without posting it here?",
        [
            ("reject", Reason.DANGER, "Passed to the on-call worker, who followed up"),
        ],
    ),
    (
        "health",
        "Reposting my earlier comment in case it was lost.",
        [("reject", Reason.OTHER, "Duplicate of an earlier comment")],
    ),
]


def _people() -> dict:
    User = get_user_model()
    return {u.username: u for u in User.objects.filter(email__endswith="@demo.portal.example.org")}


def _comment(*, topic, author, body, state, hold_code="", age_days=0) -> tuple[Comment, bool]:
    existing = Comment.objects.filter(topic=topic, author=author, body=body).first()
    if existing:
        return existing, False
    when = timezone.now() - timedelta(days=age_days, hours=3)
    comment = Comment.objects.create(
        topic=topic,
        author=author,
        body=body,
        body_html=render_comment_html(body),
        state=state,
        held_reason=_held_message(hold_code) if hold_code else "",
        held_code=hold_code,
        created_at=when,
        last_activity_at=when,
    )
    if hold_code:
        services.review_start(comment=comment, hold_code=hold_code)
    return comment, True


def _held_message(code: str) -> str:
    numbers = safety_numbers()
    return MESSAGES[code].format(hotline=numbers["hotline"], emergency=numbers["emergency"])[:255]


def _sandbox_topic() -> list:
    """Only when forums' demo made no topics: one workgroup and topic to moderate."""
    from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
    from forums.models import WorkgroupIndexPage
    from home.models import HomePage

    index = WorkgroupIndexPage.objects.first() or WorkgroupIndexPageFactory(
        parent=HomePage.objects.first(), slug="workgroups"
    )
    workgroup = WorkgroupPageFactory(parent=index, title="Case process", slug="case-process")
    return [TopicPageFactory(parent=workgroup, title="Draft family team meeting guide", slug="ftm-guide")]


def generate(ctx: DemoContext) -> None:
    people = _people()
    topics = list(TopicPage.objects.live().order_by("path")[:3]) or _sandbox_topic()
    moderator = people.get("moderator")
    if not topics or moderator is None:
        ctx.write("  (no topics or demo moderator yet: moderation demo skipped)")
        return
    for term, kind in WORDS:
        BlockedTerm.objects.get_or_create(term=term, defaults={"kind": kind})
    silenced = people["school"]
    if not Sanction.objects.filter(user=silenced).exists():
        services.sanction_add(
            by=moderator,
            user=silenced,
            kind=SanctionKind.SILENCE,
            days=7,
            reason="Repeated personal attacks on other members after a warning",
        )
    total = len(HELD) + len(REPORTED) + len(DECIDED)
    for i, (username, code, body) in enumerate(HELD, start=1):
        _comment(
            topic=topics[i % len(topics)],
            author=people[username],
            body=body,
            state=CommentState.PENDING,
            hold_code=code,
            age_days=ctx.rng.randint(0, 4),
        )
        ctx.step(i, total, "held comments")
    for i, (username, body, flags) in enumerate(REPORTED, start=len(HELD) + 1):
        comment, created = _comment(
            topic=topics[i % len(topics)],
            author=people[username],
            body=body,
            state=CommentState.PUBLISHED,
            age_days=ctx.rng.randint(1, 6),
        )
        for reporter, reason, note in flags if created else ():
            services.flag_add(user=people[reporter], comment=comment, reason=reason, note=note)
        ctx.step(i, total, "reported comments")
    for i, (username, body, decisions) in enumerate(DECIDED, start=len(HELD) + len(REPORTED) + 1):
        comment, created = _comment(
            topic=topics[i % len(topics)],
            author=people[username],
            body=body,
            state=CommentState.PENDING,
            hold_code=HoldCode.NEW_AUTHOR,
            age_days=ctx.rng.randint(2, 9),
        )
        for action, reason, note in decisions if created else ():
            services.comment_decide(comment=comment, by=moderator, action=action, reason=reason, note=note)
        ctx.step(i, total, "decided comments")
