"""Background work: e-mailing invitation links and reminders (never inline in a request)."""

import random

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from portal.accounts.models import User

from . import services
from .models import AccessMode, SurveyPage
from .permissions import user_can_take_part

_rng = random.SystemRandom()


def _members(survey: SurveyPage, group_ids):
    people = User.objects.filter(
        is_active=True, is_deidentified=False, memberships__group_id__in=group_ids
    ).distinct()
    if survey.verified_members_only:
        people = people.filter(memberships__verified_at__isnull=False)
    if survey.region_id:
        people = people.filter(region_id=survey.region_id)
    return people


def _closing(survey: SurveyPage) -> str:
    return f" It closes on {survey.closes_at:%d %B %Y}." if survey.closes_at else ""


@task()
def send_invitations(*, survey_id: int, group_id: int, sent_by_id: int | None = None) -> int:
    """One fresh single-use link per member of the group, e-mailed to them. Returns how many."""
    survey = SurveyPage.objects.get(pk=survey_id)
    people = list(_members(survey, [group_id]))
    _rng.shuffle(people)  # invitation rows in random order, not the member query's
    tokens = (
        services.invitations_create(
            survey=survey,
            count=max(len(people), 1),
            group_id=group_id,
            created_by_id=sent_by_id,
            users=people,
        )
        if people
        else []
    )
    pairs = list(zip(people, tokens, strict=True))
    _rng.shuffle(pairs)  # and mails in another order, so a mail log does not follow the rows
    for person, token in pairs:
        link = services.invitation_link(token)
        privacy = (
            "Your answers are anonymous: the link is not stored with them."
            if survey.is_anonymous
            else "Survey analysts will see your answers with your display name."
        )
        send_mail(
            subject=f"Survey: {survey.title}",
            message=(
                f"Hello {person.public_name},\n\nThe agency would like to hear from you: {survey.title}."
                f"{_closing(survey)}\n\nYour personal link (it works once):\n{link}\n\n{privacy}\n"
            ),
            from_email=None,
            recipient_list=[person.email],
        )
    return len(tokens)


@task()
def flush_survey_pool(*, survey_id: int) -> int:
    """Write an anonymous survey's waiting answers once there is a crowd of them."""
    from .pool import pool_flush

    return pool_flush(survey_id=survey_id)


@task()
def send_reminders(*, survey_id: int) -> int:
    """Remind target members who have not answered an identified survey. Returns how many."""
    survey = SurveyPage.objects.get(pk=survey_id)
    if survey.is_anonymous or survey.access_mode != AccessMode.MEMBERS:
        return 0
    group_ids = list(survey.target_groups.values_list("pk", flat=True))
    people = _members(survey, group_ids).exclude(survey_responses__survey=survey)
    link = settings.SITE_BASE_URL + survey.url
    sent = 0
    for person in people:
        if not user_can_take_part(person):
            continue
        send_mail(
            subject=f"Reminder: {survey.title}",
            message=(
                f"Hello {person.public_name},\n\nThere is still time to answer {survey.title}."
                f"{_closing(survey)}\n\n{link}\n"
            ),
            from_email=None,
            recipient_list=[person.email],
        )
        sent += 1
    return sent
