"""Domain writes for surveys: invitations, drafts, responses. Keyword-only, atomic."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.tokens import new_token, token_hash

from . import pool
from .models import (
    Answer,
    ExportKind,
    Invitation,
    InvitationUse,
    Participation,
    Response,
    ResponseDraft,
    SubmissionReceipt,
    SurveyExport,
    SurveyPage,
)
from .permissions import answer_access
from .questionnaire.answers import rows_for
from .questionnaire.builder import visible_questions
from .questionnaire.schema import answers_by_code, is_shown
from .tallies import tally_apply

logger = logging.getLogger(__name__)


class SurveyError(Exception):
    """A refusal the view turns into a plain page or message; `reason` keys ACCESS_MESSAGES."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


class AlreadySubmitted(SurveyError):
    def __init__(self, reason: str = "done"):
        super().__init__(reason)


class AlreadyReceived(SurveyError):
    """This very form (its one-time token) was sent and stored before: show the same thank-you."""

    def __init__(self):
        super().__init__("received")


class IncompleteResponse(SurveyError):
    def __init__(self, missing: list[str]):
        super().__init__("incomplete", "Some required questions have no answer: " + "; ".join(missing))
        self.missing = missing


def invitations_create(
    *,
    survey: SurveyPage,
    count: int,
    created_by=None,
    group=None,
    users=None,
    group_id: int | None = None,
    created_by_id: int | None = None,
) -> list[str]:
    """Make `count` single-use links (or one per user in `users`); returns the raw tokens once."""
    if count < 1 or count > 5000:
        raise SurveyError("count", "Make between 1 and 5,000 links at a time.")
    users = list(users or [None] * count)
    if survey.is_anonymous:
        users = [None] * len(users)  # anonymous invitations are never tied to a person
    tokens = [new_token()[0] for _ in users]
    now = timezone.now()  # one time for the whole set: no order within it
    with transaction.atomic():
        Invitation.objects.bulk_create(
            [
                Invitation(
                    survey=survey,
                    token_hash=token_hash(t),
                    group_id=group.pk if group else group_id,
                    user=u,
                    created_by_id=created_by.pk if created_by else created_by_id,
                    created_at=now,
                )
                for t, u in zip(tokens, users, strict=True)
            ]
        )
    return tokens


def invitation_link(token: str, base: str | None = None) -> str:
    """The link to send: the token after "#" never reaches the server or its access log.

    `base` defaults to SITE_BASE_URL; "" gives a path.
    """
    from django.urls import reverse

    base = settings.SITE_BASE_URL if base is None else base
    return f"{base}{reverse('surveys:invitation_landing')}#t={token}"


def invitation_lookup(*, token: str) -> Invitation | None:
    return Invitation.objects.select_related("survey", "use").filter(token_hash=token_hash(token)).first()


def draft_save(*, survey: SurveyPage, user, data: dict, section: int) -> ResponseDraft:
    draft, _ = ResponseDraft.objects.update_or_create(
        survey=survey, user=user, defaults={"data": data, "section": section}
    )
    return draft


def missing_required(survey: SurveyPage, data: dict) -> list[str]:
    by_code = answers_by_code(survey.schema, data)
    missing = []
    for section in survey.schema:
        if not is_shown(section.show_if, by_code):
            continue
        for q in visible_questions(section, by_code):
            value = data.get(q.id)
            if q.required and (
                value in (None, "", [], {}) or (q.type == "likert_grid" and len(value) < len(q.rows))
            ):
                missing.append(q.label)
    return missing


def _visible_data(survey: SurveyPage, data: dict) -> dict:
    """Drop answers to questions that skip logic hides (someone went back and changed)."""
    by_code = answers_by_code(survey.schema, data)
    keep = {
        q.id for s in survey.schema if is_shown(s.show_if, by_code) for q in visible_questions(s, by_code)
    }
    return {k: v for k, v in data.items() if k.split(":")[0] in keep}


def _claim(survey: SurveyPage, user, invitation: Invitation | None, today) -> None:
    """Record the one-per-person/per-link claim; IntegrityError means someone got there first."""
    try:
        with transaction.atomic():
            if invitation is not None:
                InvitationUse.objects.create(invitation=invitation, used_on=today)
            if survey.is_anonymous and user is not None and user.is_authenticated:
                Participation.objects.create(survey=survey, user=user, taken_on=today)
    except IntegrityError as error:
        raise AlreadySubmitted("used" if invitation is not None else "done") from error


def _receipt_record(survey: SurveyPage, submit_digest: str | None) -> None:
    """Record the form's one-time token first: a second submit of the same form waits on the
    primary key until the first commits, then fails here (or goes on if the first rolled back)."""
    if submit_digest is None:
        return
    try:
        with transaction.atomic():
            SubmissionReceipt.objects.create(digest=submit_digest, survey=survey)
    except IntegrityError as error:
        raise AlreadyReceived() from error


def _respondent_fields(survey: SurveyPage, user, invitation: Invitation | None, language: str) -> dict:
    if survey.is_anonymous:
        return {}
    fields = {
        "submitted_at": timezone.now(),
        "stakeholder_group": invitation.group if invitation else None,
        "language": language,
    }
    if user is not None and user.is_authenticated:
        membership = user.memberships.filter(group__in=survey.target_groups.all()).first()
        fields.update(
            user=user,
            region_id=user.region_id,
            stakeholder_group=membership.group if membership else fields["stakeholder_group"],
        )
    return fields


@transaction.atomic
def response_submit(
    *,
    survey: SurveyPage,
    user,
    data: dict,
    invitation: Invitation | None = None,
    language: str = "",
    submit_digest: str | None = None,
) -> Response | None:
    """Store a complete response. One per person or link; refuses closed, full or incomplete.

    `submit_digest` (surveys.submit_once.token_digest of the form's one-time token): the same
    form sent again raises AlreadyReceived and stores nothing more, whoever sends it and
    whichever server answers; it is checked before anything else so a retry is told "thank
    you", not "already answered".

    `language` (the one the person answered in) is kept for identified surveys only; the
    answers themselves are the same ids and values in every language.

    Anonymous surveys: the answers are sealed into the pool (surveys.pool) and None is
    returned; a flush after this transaction writes them in a shuffled batch.
    """
    locked = survey
    if survey.max_responses:  # serialise submits so the limit holds under concurrency
        locked = SurveyPage.objects.select_for_update(of=("self",)).get(pk=survey.pk)
    _receipt_record(survey, submit_digest)
    count = locked.responses.count() + pool.pending_count(locked) if survey.max_responses else 0
    access = answer_access(
        user=user, survey=survey, has_invitation=invitation is not None, response_count=count
    )
    if not access.allowed:
        raise (AlreadySubmitted(access.reason) if access.reason == "done" else SurveyError(access.reason))
    data = _visible_data(survey, data)
    missing = missing_required(survey, data)
    if missing:
        raise IncompleteResponse(missing)
    today = timezone.localdate()
    _claim(survey, user, invitation, today)
    questions = survey.question_map().values()
    rows = [row for q in questions for row in rows_for(q, data)]
    if user is not None and user.is_authenticated:
        ResponseDraft.objects.filter(survey=survey, user=user).delete()
    if survey.is_anonymous:
        pool.pool_add(survey=survey, rows=rows)
        survey_id = survey.pk
        transaction.on_commit(lambda: flush_soon(survey_id=survey_id))
        return None
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey, submitted_on=today, **_respondent_fields(survey, user, invitation, language)
            )
    except IntegrityError as error:
        raise AlreadySubmitted() from error
    Answer.objects.bulk_create(
        [
            Answer(
                response=response,
                survey=survey,
                question_id=row.question_id,
                row_key=row.row_key,
                choice=row.choice,
                number=row.number,
                text=row.text,
            )
            for row in rows
        ]
    )
    tally_apply(
        survey=survey,
        entries=[(response.submitted_on, response.stakeholder_group_id, response.region_id, rows)],
    )
    return response


def flush_soon(*, survey_id: int) -> None:
    """After a submit's commit: flush in a transaction of its own once a crowd is waiting."""
    from .tasks import flush_survey_pool

    try:
        flush_survey_pool.enqueue(survey_id=survey_id)
    except Exception:  # noqa: BLE001 - the answers stay sealed; the hourly flush tries again
        logger.exception("survey %s: flushing the pool failed; left for flush_survey_pools", survey_id)


def export_record(*, survey: SurveyPage, user, kind: ExportKind) -> SurveyExport:
    return SurveyExport.objects.create(survey=survey, user=user, kind=kind)


def answer_set_published(*, answer: Answer, published: bool) -> Answer:
    answer.published = published
    answer.save(update_fields=["published"])
    from portal.pagecache.cache import invalidate

    invalidate(f"survey answer {answer.pk} published={published}")
    return answer


@transaction.atomic
def user_deidentify(*, user) -> None:
    """Drafts go; identified responses stay for the statistics but no longer point at the person."""
    ResponseDraft.objects.filter(user=user).delete()
    Response.objects.filter(user=user).update(user=None, submitted_at=None)
    Participation.objects.filter(user=user).delete()
    Invitation.objects.filter(user=user).update(user=None)
