"""Read paths for surveys: what a person may answer, and the state of their answers."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from .models import AccessMode, Participation, Response, ResponseDraft, SurveyPage
from .permissions import user_can_take_part


@dataclass
class SurveyEntry:
    survey: SurveyPage
    status: str  # "not_started", "in_progress", "done"

    @property
    def status_label(self) -> str:
        return {"not_started": "Not started", "in_progress": "In progress", "done": "Done"}[self.status]


def open_surveys():
    now = timezone.now()
    return (
        SurveyPage.objects.live()
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
    )


def surveys_for_person(*, user) -> list[SurveyEntry]:
    """Open surveys this person may answer (invitation-only ones need their link)."""
    candidates = (
        open_surveys()
        .exclude(access_mode=AccessMode.INVITATION)
        .prefetch_related("target_groups")
        .order_by("closes_at", "title")
    )
    if not user.is_authenticated:
        return [SurveyEntry(s, "not_started") for s in candidates if s.access_mode == AccessMode.PUBLIC]
    may_take_part = user_can_take_part(user)
    group_ids = set(user.memberships.values_list("group_id", flat=True))
    verified_ids = set(user.memberships.filter(verified_at__isnull=False).values_list("group_id", flat=True))
    done = set(Response.objects.filter(user=user).values_list("survey_id", flat=True)) | set(
        Participation.objects.filter(user=user).values_list("survey_id", flat=True)
    )
    drafts = set(ResponseDraft.objects.filter(user=user).values_list("survey_id", flat=True))
    entries = []
    for survey in candidates:
        if survey.access_mode == AccessMode.MEMBERS:
            if not may_take_part:
                continue
            targets = {g.pk for g in survey.target_groups.all()}
            mine = verified_ids if survey.verified_members_only else group_ids
            if not targets & mine or (survey.region_id and survey.region_id != user.region_id):
                continue
        status = "done" if survey.pk in done else "in_progress" if survey.pk in drafts else "not_started"
        entries.append(SurveyEntry(survey, status))
    return entries


def my_identified_responses(*, user) -> list[dict]:
    """For "download my data": identified answers and drafts (anonymous ones cannot be linked)."""
    responses = (
        Response.objects.filter(user=user)
        .select_related("survey")
        .prefetch_related("answers")
        .order_by("submitted_on")
    )
    data = []
    for response in responses:
        questions = response.survey.question_map()
        data.append(
            {
                "survey": response.survey.title,
                "submitted_on": response.submitted_on.isoformat(),
                "answers": [
                    {
                        "question": questions[a.question_id].label
                        if a.question_id in questions
                        else a.question_id,
                        "statement": a.row_key,
                        "choice": a.choice,
                        "number": str(a.number) if a.number is not None else "",
                        "text": a.text,
                    }
                    for a in response.answers.all()
                ],
            }
        )
    return data


def next_window_change(now=None):
    """The earliest future opening or closing of a live survey, or None (page cache deadline)."""
    now = now or timezone.now()
    moments = [
        moment
        for pair in SurveyPage.objects.live().values_list("opens_at", "closes_at")
        for moment in pair
        if moment and moment > now
    ]
    return min(moments, default=None)


# --- Engagement monitoring (read by engagement.selectors) -------------------------------------


def response_counts_by_group_and_region(*, since=None) -> list[tuple[int | None, int | None, int]]:
    """[(stakeholder_group_id, region_id, responses)], raw counts: callers must suppress them."""
    from django.db.models import Count

    responses = Response.objects.all()
    if since is not None:
        responses = responses.filter(submitted_on__gte=since)
    return list(responses.values_list("stakeholder_group_id", "region_id").annotate(n=Count("pk")).order_by())


def invitation_counts_by_group(*, since=None) -> dict[int | None, tuple[int, int]]:
    """{stakeholder_group_id: (invitations sent, invitations used)}; raw counts to suppress."""
    from django.db.models import Count, Q

    from .models import Invitation

    invitations = Invitation.objects.all()
    if since is not None:
        invitations = invitations.filter(created_at__date__gte=since)
    rows = invitations.values_list("group_id").annotate(
        sent=Count("pk"), used=Count("use", filter=Q(use__isnull=False))
    )
    return {group_id: (sent, used) for group_id, sent, used in rows.order_by()}


@dataclass
class OpenSurveyRow:
    """One line of the analysts' dashboard panel; counts already suppressed."""

    survey: SurveyPage
    responses: str
    response_rate: str  # "" when no invitation links were made or the count is hidden


def open_surveys_overview(*, threshold: int) -> list[OpenSurveyRow]:
    """Open surveys with their responses so far (small counts hidden) and the rate of invitations."""
    from django.db.models import Count

    from .suppression import suppress_single

    surveys = (
        open_surveys()
        .order_by("closes_at", "title")
        .annotate(
            n_responses=Count("responses", distinct=True), n_invitations=Count("invitations", distinct=True)
        )
    )
    rows = []
    for survey in surveys:
        cell = suppress_single(survey.n_responses, threshold=threshold)
        rate = ""
        if survey.n_invitations and not cell.hidden:
            rate = f"{round(100 * survey.n_responses / survey.n_invitations)}%"
        rows.append(OpenSurveyRow(survey, cell.display(threshold), rate))
    return rows
