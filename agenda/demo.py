"""Demo: proposals in every state in the four workgroups, two past meetings with agendas,
minutes and attendance, one upcoming meeting taking agenda items, and a review round."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from forums.demo import FACILITATED_BY
from forums.models import WorkgroupPage
from home.cfsr import ReviewPhase
from home.models import CfsrTerm
from portal.demo import DemoContext

from .models import (
    AgendaItem,
    MeetingAttendance,
    MeetingDecision,
    MeetingPage,
    Proposal,
    ProposalState,
    ProposalSupport,
    ReviewRound,
    RoundPhase,
)

User = get_user_model()

# (title, body, state, answer, cfsr codes)
PROPOSALS = [
    (
        "Respite care for kinship carers",
        "Grandparents caring for grandchildren get no respite weekends. "
        "Several of us are close to giving up.",
        ProposalState.OPEN,
        "",
        ["P1", "WB1"],
    ),
    (
        "Evening hours for family visits",
        "Visits only happen during school hours, so children miss class to see their parents.",
        ProposalState.ACCEPTED,
        "We put this on the agenda of our next meeting.",
        ["P2"],
    ),
    (
        "Plain-language letters",
        "Letters about hearings are hard to read; families miss dates.",
        ProposalState.IN_PROGRESS,
        "This is already part of our plan: the letters are being rewritten.",
        ["SF-CR"],
    ),
    (
        "A mobile app for caseworkers",
        "Caseworkers could update records from the field.",
        ProposalState.DECLINED,
        "The statewide system is being replaced next year; we cannot change it now. "
        "We passed your idea to the system's project team.",
        ["SF-IS"],
    ),
    (
        "Training on trauma for new caregivers",
        "New foster parents ask for training on trauma before the first placement.",
        ProposalState.MERGED,
        "Merged with the training topic this workgroup already runs.",
        ["SF-TR"],
    ),
]
SUPPORTERS = ["fosterparent", "provider", "court", "tribal", "youth", "school", "health", "birthparent"]
ORGANISATIONS = ["Foster Parents Association", "Lakeshore Legal Aid", "County Court", "Family Services staff"]


def _people(usernames):
    return list(User.objects.filter(username__in=usernames))


def generate(ctx: DemoContext) -> None:
    workgroups = list(WorkgroupPage.objects.filter(slug__in=FACILITATED_BY).order_by("path"))
    if Proposal.objects.exists():  # idempotent, also with --force: supports and answers are people's
        ctx.write("  proposals and meetings: already there")
        return
    now = timezone.now()
    for number, workgroup in enumerate(workgroups, start=1):
        facilitator = User.objects.get(username=FACILITATED_BY[workgroup.slug])
        members = _people(SUPPORTERS)
        meetings = _meetings(workgroup, facilitator, now)
        created = []
        for index, (title, body, state, answer, codes) in enumerate(PROPOSALS):
            author = members[(index + number) % len(members)]
            proposal = Proposal.objects.create(
                workgroup=workgroup,
                author=author,
                title=title,
                body=body,
                state=state,
                answer=answer,
                created_at=now - datetime.timedelta(days=10 + index * 6),
                answered_at=None if state == ProposalState.OPEN else now - datetime.timedelta(days=3 + index),
                answered_by=None if state == ProposalState.OPEN else facilitator,
                plan_item=workgroup.plan_items.first() if state == ProposalState.IN_PROGRESS else None,
                merged_into=created[0] if state == ProposalState.MERGED else None,
            )
            created.append(proposal)
            proposal.cfsr_terms.set(CfsrTerm.objects.filter(code__in=codes))
            supporters = [m for m in members if m.pk != author.pk][: ctx.rng.randint(1, 5)]
            for person in supporters:
                ProposalSupport.objects.get_or_create(proposal=proposal, user=person)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=len(supporters))
            if state == ProposalState.ACCEPTED:
                AgendaItem.objects.create(meeting=meetings[-1], title=title, proposal=proposal, sort_order=20)
            elif (
                state == ProposalState.OPEN
                and not meetings[-1].agenda_items.filter(status="proposed").exists()
            ):
                # Its proposer asked for the next meeting: the facilitator has it waiting for a decision.
                AgendaItem.objects.create(
                    meeting=meetings[-1],
                    title=title,
                    proposal=proposal,
                    proposed_by=author,
                    status="proposed",
                )
        ctx.step(number, len(workgroups), f"proposals and meetings: {workgroup.title}")
    _review_round()


def _meetings(workgroup, facilitator, now) -> list[MeetingPage]:
    made = []
    for weeks, label in ((-8, "Winter meeting"), (-4, "Spring meeting"), (2, "Next meeting")):
        slug = label.lower().replace(" ", "-")
        existing = MeetingPage.objects.child_of(workgroup).filter(slug=slug).first()
        if existing:
            made.append(existing)
            continue
        start = (now + datetime.timedelta(weeks=weeks)).replace(hour=17, minute=30, second=0, microsecond=0)
        past = weeks < 0
        page = MeetingPage(
            title=f"{workgroup.title}: {label.lower()}",
            slug=slug,
            intro="Open to all members. Bring your questions.",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            agenda_cutoff=start - datetime.timedelta(days=3),
            place="County building, room 204, 12 Lake Street.\nOr join by phone: 555-0142, code 7781.",
            minutes="<p>The group reviewed the plan and heard two proposals.</p>" if past else "",
        )
        if past:
            page.decisions = [
                MeetingDecision(text="Ask the agency for numbers on respite requests by next meeting.")
            ]
            page.attendance = [
                MeetingAttendance(organisation=name, people=n)
                for n, name in enumerate(ORGANISATIONS, start=1)
            ]
        workgroup.add_child(instance=page)
        page.save_revision(user=facilitator).publish()
        MeetingPage.objects.filter(pk=page.pk).update(minutes_notified_at=now if past else None)
        for order, title in enumerate(["Welcome and introductions", "Plan progress"], start=1):
            AgendaItem.objects.create(
                meeting=page, title=title, proposed_by=facilitator, sort_order=order * 10 - 9
            )
        made.append(page)
    return made


PHASE_TEXT = {
    ReviewPhase.STATEWIDE_ASSESSMENT: (
        "The agency looks at its own data and asks partners how it is doing.",
        "Answer the statewide assessment survey; join a workgroup.",
    ),
    ReviewPhase.ONSITE_REVIEW: (
        "Federal and state reviewers read cases and interview families and partners.",
        "Volunteer for a stakeholder interview.",
    ),
    ReviewPhase.PIP_DEVELOPMENT: (
        "The agency writes its program improvement plan with its partners.",
        "Propose issues to workgroups; comment on draft strategies.",
    ),
    ReviewPhase.PIP_IMPLEMENTATION: (
        "The plan's strategies are carried out.",
        "Follow the plan; tell us what you see.",
    ),
    ReviewPhase.PIP_MONITORING: ("Progress is measured and reported.", "Read the quarterly dashboard."),
}


def _review_round() -> None:
    if ReviewRound.objects.exists():
        return
    today = timezone.localdate()
    ReviewRound.objects.create(title="CFSR Round 3 (2016–2022)", summary="The previous review round.")
    review = ReviewRound.objects.create(
        title="CFSR Round 4",
        summary="Every few years the federal Children's Bureau reviews how the state's child welfare "
        "services work for children and families. This is where the current review stands.",
        is_current=True,
    )
    starts = [-400, -200, -60, 120, 480]
    for order, (phase, start) in enumerate(zip(ReviewPhase, starts, strict=True)):
        happening, can_do = PHASE_TEXT[phase]
        end = starts[order + 1] - 1 if order + 1 < len(starts) else start + 730
        RoundPhase.objects.create(
            round=review,
            phase=phase,
            sort_order=order,
            starts_on=today + datetime.timedelta(days=start),
            ends_on=today + datetime.timedelta(days=end),
            happening=happening,
            what_you_can_do=can_do,
        )
