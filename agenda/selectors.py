"""Reads for proposals and meetings, with prefetching (query counts do not grow with the data)."""

from django.db.models import Prefetch
from django.utils import timezone

from . import permissions
from .models import ANSWERED_STATES, AgendaItem, MeetingPage, Proposal, ProposalComment, ProposalState

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
    return AgendaItem.objects.filter(meeting=meeting).select_related("proposal")


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
