"""Reads for proposals and meetings, with prefetching (query counts do not grow with the data)."""

from django.db.models import Prefetch
from django.utils import timezone

from . import permissions
from .models import (
    AGENDA_READY_STATES,
    ANSWERED_STATES,
    AgendaItem,
    AgendaItemStatus,
    MeetingPage,
    Proposal,
    ProposalComment,
    ProposalState,
)

FILTERS = {
    "open": [ProposalState.OPEN],
    "accepted": [ProposalState.ACCEPTED, ProposalState.MERGED, ProposalState.IN_PROGRESS],
    "declined": [ProposalState.DECLINED],
    "all": [ProposalState.OPEN, *ANSWERED_STATES],
}
SORTS = {"supported": ["-support_count", "-created_at"], "newest": ["-created_at", "-pk"]}


def public_proposals(*, workgroup, state: str = "all", sort: str = "newest"):
    states = FILTERS.get(state, FILTERS["all"])
    order = SORTS.get(sort, SORTS["newest"])
    return (
        Proposal.objects.filter(workgroup=workgroup, state__in=states)
        .select_related("topic", "merged_into", "plan_item")
        .prefetch_related("cfsr_terms", "stakeholder_groups")
        .order_by(*order)
    )


def proposal_counts(*, workgroup) -> dict[str, int]:
    counts = dict.fromkeys(FILTERS, 0)
    for state in Proposal.objects.filter(workgroup=workgroup).values_list("state", flat=True):
        for key, states in FILTERS.items():
            if state in states:
                counts[key] += 1
    return counts


def proposal_detail(*, pk: int):
    return (
        Proposal.objects.select_related("workgroup", "author", "topic", "merged_into", "plan_item", "region")
        .prefetch_related(
            "cfsr_terms",
            "stakeholder_groups",
            Prefetch(
                "comments",
                queryset=ProposalComment.objects.filter(is_published=True).select_related("author"),
            ),
            Prefetch("agenda_items", queryset=AgendaItem.objects.select_related("meeting")),
            Prefetch("plan_item__progress_notes"),
        )
        .filter(pk=pk)
        .first()
    )


def meetings(*, workgroup):
    return MeetingPage.objects.live().child_of(workgroup).order_by("starts_at")


def upcoming_meetings(*, workgroup, now=None):
    return meetings(workgroup=workgroup).filter(ends_at__gte=now or timezone.now())


def past_meetings(*, workgroup, now=None):
    return meetings(workgroup=workgroup).filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


def agenda_items(*, meeting):
    """The agenda as the facilitator ordered it."""
    return AgendaItem.objects.filter(meeting=meeting, status=AgendaItemStatus.ON_AGENDA).select_related(
        "proposal"
    )


def proposed_agenda_items(*, meeting):
    """Members' items waiting for a facilitator, oldest first."""
    return (
        AgendaItem.objects.filter(meeting=meeting, status=AgendaItemStatus.PROPOSED)
        .select_related("proposal", "proposed_by")
        .order_by("created_at", "pk")
    )


def my_agenda_items(*, meeting, user):
    """What this member proposed for the meeting and is not (yet) on it, with the reason if declined."""
    return (
        AgendaItem.objects.filter(meeting=meeting, proposed_by=user)
        .exclude(status=AgendaItemStatus.ON_AGENDA)
        .order_by("created_at", "pk")
    )


def agenda_ready_proposals(*, workgroup, meeting, author=None):
    """Proposals that can still go on `meeting`'s agenda: published, not merged or declined, and
    not already there; only the author's own unless `author` is None (facilitators)."""
    proposals = Proposal.objects.filter(workgroup=workgroup, state__in=AGENDA_READY_STATES).exclude(
        agenda_items__in=AgendaItem.objects.filter(meeting=meeting).exclude(status=AgendaItemStatus.DECLINED)
    )
    if author is not None:
        proposals = proposals.filter(author=author)
    return proposals.order_by("-created_at", "-pk")


def meetings_taking_items(*, proposal, now, include_closed: bool = False):
    """Upcoming meetings of the proposal's workgroup it can still be put on (cut-off not passed,
    unless a facilitator asks), and where it is not already proposed or on the agenda."""
    upcoming = upcoming_meetings(workgroup=proposal.workgroup, now=now)
    if not include_closed:
        upcoming = upcoming.filter(agenda_cutoff__gte=now)
    taken = AgendaItem.objects.filter(proposal=proposal).exclude(status=AgendaItemStatus.DECLINED)
    return upcoming.exclude(pk__in=taken.values("meeting_id"))


def decisions(*, meeting):
    return meeting.decisions.select_related("plan_item", "topic")


def proposals_to_review():
    """The staff screen: held proposals first, then those waiting longest for an answer."""
    return (
        Proposal.objects.filter(state__in=[ProposalState.PENDING, ProposalState.OPEN])
        .select_related("workgroup", "author")
        .order_by("state", "created_at")
    )


def visible_to(user, workgroup) -> bool:
    return permissions.can_view(user, workgroup)


def current_round():
    from .models import ReviewRound, RoundPhase

    return (
        ReviewRound.objects.filter(is_current=True)
        .prefetch_related(Prefetch("phases", queryset=RoundPhase.objects.prefetch_related("related_pages")))
        .first()
    )


def other_rounds(review):
    from .models import ReviewRound

    rounds = ReviewRound.objects.all()
    return rounds.exclude(pk=review.pk) if review is not None else rounds


def review_round(*, pk: int):
    from .models import ReviewRound, RoundPhase

    return (
        ReviewRound.objects.prefetch_related(
            Prefetch("phases", queryset=RoundPhase.objects.prefetch_related("related_pages"))
        )
        .filter(pk=pk)
        .first()
    )


def current_phase(*, today):
    from .models import RoundPhase

    return (
        RoundPhase.objects.filter(round__is_current=True, starts_on__lte=today, ends_on__gte=today)
        .select_related("round")
        .first()
    )
