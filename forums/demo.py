"""Demo workgroups, topics, threads and plans (text in demo_content.py). Idempotent."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_noop

from home.models import CfsrTerm, HomePage
from portal.accounts.models import User
from portal.demo import DemoContext
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

from . import demo_drafts
from .demo_content import WORKGROUPS
from .models import (
    Comment,
    CommentKind,
    MembershipRole,
    PlanItem,
    PlanLevel,
    ProgressNote,
    TopicPage,
    WorkgroupIndexPage,
    WorkgroupPage,
)
from .services import follow_add, membership_set
from .text import render_comment_html

FACILITATED_BY = {
    "adoption": "facilitator",
    "case-process": "facilitator",
    "quality-improvement": "facilitator",
    "out-of-home-care": "admin",
}


def generate(ctx: DemoContext) -> None:
    index = _index_page()
    total = len(WORKGROUPS)
    for number, spec in enumerate(WORKGROUPS, start=1):
        workgroup = _workgroup(index, spec)
        _memberships(workgroup, spec)
        if not workgroup.plan_items.exists():
            _plan(ctx, workgroup, spec["plan"])
        for topic_spec in spec["topics"]:
            _topic(ctx, workgroup, topic_spec)
        ctx.step(number, total, f"workgroup: {workgroup.title}")


def _person(username: str) -> User:
    return User.objects.get(username=username)


def _index_page() -> WorkgroupIndexPage:
    existing = WorkgroupIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.first()
    index = WorkgroupIndexPage(
        title="Workgroups",
        slug="workgroups",
        show_in_menus=True,
        intro="Program-improvement workgroups: review the agency's plans, ask questions and see what "
        "changed because of what you said.",
    )
    home.add_child(instance=index)
    return index


def _workgroup(index, spec) -> WorkgroupPage:
    workgroup = WorkgroupPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if workgroup is None:
        workgroup = WorkgroupPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            charter=spec["charter"],
            is_private=spec["private"],
            membership_mode=spec["mode"],
        )
        index.add_child(instance=workgroup)
        workgroup.cfsr_terms.set(CfsrTerm.objects.filter(code__in=spec["cfsr"]))
        workgroup.save_revision().publish()
    return workgroup


def _memberships(workgroup, spec) -> None:
    membership_set(
        user=_person(FACILITATED_BY[spec["slug"]]), workgroup=workgroup, role=MembershipRole.FACILITATOR
    )
    for username in spec["members"]:
        person = _person(username)
        membership_set(user=person, workgroup=workgroup)
        follow_add(user=person, workgroup=workgroup)


def _plan(ctx, workgroup, goals) -> None:
    today = timezone.localdate()
    for g_order, (title, status, owner, measure, cfsr, strategies) in enumerate(goals):
        goal = _plan_item(workgroup, None, PlanLevel.GOAL, title, status, owner, measure, g_order, today)
        goal.cfsr_terms.set(CfsrTerm.objects.filter(code__in=cfsr))
        goal.save()
        for s_order, (s_title, s_status, s_owner, actions) in enumerate(strategies):
            strategy = _plan_item(
                workgroup, goal, PlanLevel.STRATEGY, s_title, s_status, s_owner, None, s_order, today
            )
            for a_order, (a_title, a_status, a_owner, due, a_measure) in enumerate(actions):
                action = _plan_item(
                    workgroup,
                    strategy,
                    PlanLevel.ACTION,
                    a_title,
                    a_status,
                    a_owner,
                    a_measure,
                    a_order,
                    today,
                    due=today + timedelta(days=due),
                )
                if a_status in ("on_track", "at_risk", "delayed", "done"):
                    ProgressNote.objects.create(
                        plan_item=action,
                        date=today - timedelta(days=ctx.rng.randint(3, 40)),
                        text=_progress_text(a_status),
                    )


def _progress_text(status: str) -> str:
    return {
        "done": "Finished and checked with the workgroup.",
        "on_track": "Work is under way and on schedule.",
        "at_risk": "Staffing gaps may push this back; the workgroup is looking at options.",
        "delayed": "Waiting on a vendor; the new date will be shared at the next meeting.",
    }[status]


def _plan_item(workgroup, parent, level, title, status, owner, measure, order, today, due=None) -> PlanItem:
    values = dict(
        zip(
            ("measure", "unit", "baseline", "target", "current"),
            measure or ("", "", None, None, None),
            strict=True,
        )
    )
    return PlanItem.objects.create(
        workgroup=workgroup,
        parent=parent,
        level=level,
        title=title,
        status=status,
        owner=owner,
        sort_order=order,
        start_date=today - timedelta(days=60),
        due_date=due or today + timedelta(days=300),
        **values,
    )


def _topic(ctx, workgroup, spec) -> TopicPage:
    topic = TopicPage.objects.child_of(workgroup).filter(slug=spec["slug"]).first()
    now = timezone.now()
    if topic is None:
        topic = TopicPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            summary=spec["summary"],
            question=spec["question"],
            opens_at=now + timedelta(days=spec["opens"]),
            closes_at=now + timedelta(days=spec["closes"]),
            what_we_heard=spec.get("heard", ""),
            what_we_did=spec.get("did", ""),
        )
        workgroup.add_child(instance=topic)
        topic.cfsr_terms.set(workgroup.cfsr_terms.all())
        topic.save_revision().publish()
    if not topic.comments.exists():
        _threads(ctx, topic, spec["threads"])
        if spec.get("did"):
            topic.feedback_comments.set(topic.comments.filter(parent__isnull=True))
            topic.feedback_plan_items.set(workgroup.plan_items.filter(status="done"))
            topic.save_revision().publish()
    demo_drafts.add_draft(ctx, topic, _person)  # draft paragraphs (issue 14)
    return topic


def _threads(ctx, topic, threads) -> None:
    moment = topic.opens_at + timedelta(hours=5)
    for author_name, kind, text, replies in threads:
        author = _person(author_name)
        moment += timedelta(hours=ctx.rng.randint(4, 30))
        parent = _comment(topic, author, text, kind, moment)
        follow_add(user=author, topic=topic)
        for reply_author, reply_text, official in replies:
            moment += timedelta(hours=ctx.rng.randint(2, 20))
            reply = _comment(
                topic,
                _person(reply_author),
                reply_text,
                CommentKind.COMMENT,
                moment,
                parent=parent,
                official=official,
            )
            Comment.objects.filter(pk=parent.pk).update(last_activity_at=moment)
            kind_ = NotificationKind.OFFICIAL_ANSWER if official else NotificationKind.REPLY
            notify(
                recipient=author,
                kind=kind_,
                url=reply.get_absolute_url(),
                dedupe_key=f"comment:{reply.pk}",
                message=(
                    gettext_noop("The agency answered your question on “%(topic)s”.")
                    if official
                    else gettext_noop("%(person)s replied to your comment on “%(topic)s”.")
                ),
                params={"topic": topic.title, "person": reply.author_name},
            )


def _comment(topic, author, text, kind, moment, parent=None, official=False) -> Comment:
    return Comment.objects.create(
        topic=topic,
        author=author,
        kind=kind,
        body=text,
        body_html=render_comment_html(text),
        parent=parent,
        is_official=official,
        created_at=min(moment, timezone.now()),
        last_activity_at=min(moment, timezone.now()),
    )
