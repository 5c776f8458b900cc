"""Answering a survey: the landing page, invitation links, one section per page, confirmation."""

import re

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import pool, services, submit_once
from ..models import ResponseDraft, SurveyPage
from ..permissions import ACCESS_MESSAGES, answer_access, has_answered
from ..questionnaire.builder import SectionForm, initial_from_data, visible_questions
from ..questionnaire.schema import answers_by_code, is_shown


def _invite_key(survey_id: int) -> str:
    return f"surveys:invite:{survey_id}"


def _answers_key(survey_id: int) -> str:
    return f"surveys:answers:{survey_id}"


def _done_key(survey_id: int) -> str:
    return f"surveys:done:{survey_id}"


SUBMIT_TOKEN_FIELD = "submit_token"


def refusal(request, reason: str, survey: SurveyPage | None = None, status: int = 200):
    title, body = ACCESS_MESSAGES.get(reason, ("This survey is not available", ""))
    response = render(
        request,
        "surveys/refusal.html",
        {"survey": survey, "reason": reason, "heading": title, "body": body},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _session_invitation(request, survey: SurveyPage):
    token = request.session.get(_invite_key(survey.pk))
    return services.invitation_lookup(token=token) if token else None


def _access(request, survey: SurveyPage, invitation):
    if request.session.get(_done_key(survey.pk)):
        return "used" if invitation else "done"
    if invitation is not None and hasattr(invitation, "use"):
        return "used"
    count = survey.responses.count() + pool.pending_count(survey) if survey.max_responses else 0
    access = answer_access(
        user=request.user, survey=survey, has_invitation=invitation is not None, response_count=count
    )
    return "" if access.allowed else access.reason


def survey_landing(request, survey: SurveyPage):
    """The survey page itself: introduction, how answers are kept, and a start button."""
    invitation = _session_invitation(request, survey)
    reason = _access(request, survey, invitation)
    draft = None
    if request.user.is_authenticated:
        draft = ResponseDraft.objects.filter(survey=survey, user=request.user).first()
    context = {
        "page": survey,
        "self": survey,
        "reason": reason,
        "reason_text": ACCESS_MESSAGES.get(reason),
        "draft": draft,
        "answered": has_answered(request.user, survey),
        "summary_available": survey.public_summary and survey.window_state() == "closed",
        "section_count": len(survey.schema),
        "question_count": sum(len(s.questions) for s in survey.schema),
    }
    response = render(request, "surveys/survey_page.html", context)
    add_never_cache_headers(response)
    return response


TOKEN_IN_TEXT = re.compile(r"(?:#t=|/i/)?([A-Za-z0-9_-]{20,100})/?\s*$")


def _open_invitation(request, token: str):
    """Keep a valid token in the session (never in a URL) and go to the first section."""
    invitation = services.invitation_lookup(token=token)
    if invitation is None or not invitation.survey.live:
        return refusal(request, "unknown", status=404)
    survey = invitation.survey
    if hasattr(invitation, "use"):
        return refusal(request, "used", survey)
    state = survey.window_state()
    if state != "open":
        return refusal(request, state, survey)
    request.session[_invite_key(survey.pk)] = token
    request.session.pop(_done_key(survey.pk), None)
    return redirect("surveys:answer", survey_id=survey.pk)


@require_http_methods(["GET", "POST"])
def invitation_landing(request):
    """`/surveys/-/invitation/#t=<token>`: the token stays after "#", out of every request
    line and access log; a small script posts it here, or the visitor pastes the link."""
    error = ""
    if request.method == "POST":
        match = TOKEN_IN_TEXT.search(request.POST.get("token", "").strip())
        if match:
            return _open_invitation(request, match.group(1))
        error = _("That does not look like an invitation link. Copy the whole link and try again.")
    response = render(request, "surveys/invitation.html", {"error": error}, status=400 if error else 200)
    add_never_cache_headers(response)
    return response


def invitation_open(request, token: str):
    """Links sent before invitation links moved the token after "#" (kept so they still work)."""
    return _open_invitation(request, token)


def _load(request, survey: SurveyPage) -> tuple[dict, int]:
    if request.user.is_authenticated:
        draft = ResponseDraft.objects.filter(survey=survey, user=request.user).first()
        if draft:
            return dict(draft.data), draft.section
    return dict(request.session.get(_answers_key(survey.pk), {})), 0


def _store(request, survey: SurveyPage, data: dict, section: int) -> None:
    if request.user.is_authenticated:
        services.draft_save(survey=survey, user=request.user, data=data, section=section)
    else:
        request.session[_answers_key(survey.pk)] = data


def _visible_sections(survey: SurveyPage, data: dict) -> list[int]:
    by_code = answers_by_code(survey.schema, data)
    return [i for i, s in enumerate(survey.schema) if is_shown(s.show_if, by_code)]


def _requested_section(request, visible: list[int], default: int) -> int:
    raw = request.POST.get("section") or request.GET.get("section")
    try:
        wanted = int(raw) if raw is not None else default
    except ValueError:
        wanted = default
    return wanted if wanted in visible else visible[0]


@require_http_methods(["GET", "POST"])
def answer(request, survey_id: int):
    survey = get_object_or_404(SurveyPage.objects.live(), pk=survey_id)
    if not survey.schema:
        raise Http404("This survey has no questions yet.")
    if request.method == "POST" and submit_once.token_was_used(
        token=request.POST.get(SUBMIT_TOKEN_FIELD, ""), survey_id=survey.pk
    ):
        # This very form was stored already (a retry, a double click, the other app server):
        # the same thank-you, before any "already answered" check could say otherwise.
        return _thank_you(request, survey)
    invitation = _session_invitation(request, survey)
    reason = _access(request, survey, invitation)
    if reason:
        return refusal(request, reason, survey)
    data, saved_section = _load(request, survey)
    visible = _visible_sections(survey, data)
    index = _requested_section(request, visible, saved_section)
    # The texts in the person's language; ids and stored values are the English survey's.
    section = survey.schema_in()[index]
    questions = visible_questions(section, answers_by_code(survey.schema, data))
    if request.method == "POST":
        return _answer_post(request, survey, invitation, data, index, section, questions)
    form = SectionForm(initial=initial_from_data(questions, data), questions=questions)
    return _render_section(request, survey, form, section, index, visible)


def _answer_post(request, survey, invitation, data, index, section, questions):
    action = request.POST.get("action", "next")
    visible = _visible_sections(survey, data)
    if action == "back":
        earlier = [i for i in visible if i < index]
        target = earlier[-1] if earlier else index
        return redirect(f"{reverse('surveys:answer', args=[survey.pk])}?section={target}")
    form = SectionForm(request.POST, questions=questions)
    if not form.is_valid():
        return _render_section(request, survey, form, section, index, visible)
    for q in section.questions:
        data.pop(q.id, None)
        data.pop(f"{q.id}:other", None)
    data.update(form.answer_data())
    visible = _visible_sections(survey, data)
    later = [i for i in visible if i > index]
    if action == "save" and request.user.is_authenticated:
        _store(request, survey, data, index)
        messages.success(request, _("Your answers are saved. Come back any time before the survey closes."))
        return redirect(survey.url)
    if later:
        _store(request, survey, data, later[0])
        return redirect(f"{reverse('surveys:answer', args=[survey.pk])}?section={later[0]}")
    _store(request, survey, data, index)
    try:
        digest = _submit_digest(request, survey)
    except submit_once.TokenRefused as error:
        # Nothing is sent and nothing is lost: the answers are stored above and shown again,
        # under a fresh token.
        notice = _token_notice(error.reason)
        return _render_section(request, survey, form, section, index, visible, status=400, notice=notice)
    return _submit(request, survey, invitation, data, digest)


def _submit_digest(request, survey) -> str | None:
    raw_token = request.POST.get(SUBMIT_TOKEN_FIELD, "")
    if not raw_token:  # a page rendered before tokens existed sends none: the old rules apply
        return None
    return submit_once.token_digest(token=raw_token, survey_id=survey.pk)


def _token_notice(reason: str) -> str:
    if reason == "expired":
        return _(
            "This page was open for a long time, so your answers were not sent yet. They are "
            "kept below: please press “Send my answers” again."
        )
    return _(
        "We could not check this form, so your answers were not sent yet. They are kept below: "
        "please press “Send my answers” again."
    )


def _submit(request, survey, invitation, data, digest):
    try:
        services.response_submit(
            survey=survey,
            user=request.user,
            data=data,
            invitation=invitation,
            language=translation.get_language() or "",
            submit_digest=digest,
        )
    except services.AlreadyReceived:
        return _thank_you(request, survey)
    except services.IncompleteResponse as error:
        messages.error(request, error.detail)
        return redirect(f"{reverse('surveys:answer', args=[survey.pk])}?section=0")
    except services.SurveyError as error:
        return refusal(request, error.reason, survey)
    return _thank_you(request, survey)


def _thank_you(request, survey):
    request.session.pop(_invite_key(survey.pk), None)
    request.session.pop(_answers_key(survey.pk), None)
    request.session[_done_key(survey.pk)] = True
    return redirect("surveys:done", survey_id=survey.pk)


def _render_section(request, survey, form, section, index, visible, status=200, notice=""):
    # Progress counts every part of the survey, so "Part 1 of 3" never turns into "Part 2 of 2"
    # when an answer hides or shows a later part; a skipped part is simply passed over.
    total = len(survey.schema)
    context = {
        "page": survey,
        "survey": survey,
        "form": form,
        "section": section,
        "section_index": index,
        "position": index + 1,
        "count": total,
        "is_last": index == visible[-1],
        "percent": round(100 * index / total),
        "can_save": request.user.is_authenticated,
        # A fresh one-time token for every rendering: a new attempt is never mistaken for a
        # retry of an earlier one, and a retry of this very page carries the same token.
        "submit_token": submit_once.token_new(survey_id=survey.pk),
        "notice": notice,
    }
    response = render(request, "surveys/answer.html", context, status=status)
    add_never_cache_headers(response)
    return response


def done(request, survey_id: int):
    survey = get_object_or_404(SurveyPage.objects.live(), pk=survey_id)
    if not request.session.get(_done_key(survey.pk)):
        return redirect(survey.url)
    return render(
        request,
        "surveys/done.html",
        {
            "page": survey,
            "survey": survey,
            "threshold": settings.SUPPRESSION_THRESHOLD,
            "crowd": settings.SURVEY_ANONYMITY_CROWD,
        },
    )


def public_summary(request, survey_id: int):
    from ..results import survey_results

    survey = get_object_or_404(SurveyPage.objects.live(), pk=survey_id)
    if not (survey.public_summary and survey.window_state() == "closed"):
        raise Http404("No public summary for this survey.")
    return render(
        request,
        "surveys/summary.html",
        {"page": survey, "survey": survey, "results": survey_results(survey, public=True), "public": True},
    )
