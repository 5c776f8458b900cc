"""A draft paragraph's own page (its thread and a form, no JavaScript needed) and its POST."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import paragraphs, permissions, services
from .forms import CommentForm
from .models import CommentState
from .selectors import topic_comments
from .views import _visible_topic

THREAD_MAX = 200


def _paragraph_or_404(topic, paragraph_id: str) -> paragraphs.Paragraph:
    found = next((p for p in paragraphs.paragraphs_with_counts(topic=topic) if p.id == paragraph_id), None)
    if found is None:
        raise Http404("No such paragraph in this draft.")
    return found


def _render(request, topic, paragraph, *, quote: str, error: str = "", typed: str = "", status: int = 200):
    thread = list(topic_comments(topic=topic, user=request.user, paragraph=paragraph.id)[:THREAD_MAX])
    paragraphs.mark_earlier_versions(thread, topic=topic)
    context = {
        "page": topic,
        "topic": topic,
        "workgroup": topic.get_workgroup(),
        "paragraph": paragraph,
        "quote": quote,
        "thread": thread,
        "can_post": topic.is_open and permissions.can_post(request.user, topic),
        "form_token": uuid.uuid4(),
        "form_error": error,
        "typed": typed,
    }
    return TemplateResponse(request, "forums/paragraph.html", context, status=status)


def paragraph_detail(request, topic_id: int, paragraph_id: str):
    topic = _visible_topic(request, topic_id)
    paragraph = _paragraph_or_404(topic, paragraph_id)
    quote, error = request.GET.get("quote", ""), ""
    if quote:
        try:
            quote = paragraphs.anchor_resolve(topic=topic, paragraph_id=paragraph.id, quote=quote).quote
        except services.InvalidComment as refused:
            quote, error = "", f"{refused} You can still comment on the whole paragraph."
    response = _render(request, topic, paragraph, quote=quote)
    if error:
        messages.warning(request, error)
    return response


def paragraph_url(topic, paragraph_id: str) -> str:
    return reverse("forums:paragraph", args=[topic.pk, paragraph_id])


@require_POST
@login_required
def paragraph_comment_create(request, topic_id: int, paragraph_id: str):
    topic = _visible_topic(request, topic_id)
    paragraph = _paragraph_or_404(topic, paragraph_id)
    form = CommentForm(request.POST)
    quote = request.POST.get("quote", "")
    if not form.is_valid():
        error = next(iter(form.errors.values()))[0]
        return _render(
            request, topic, paragraph, quote=quote, error=error, typed=form.data.get("body", ""), status=400
        )
    data = form.cleaned_data
    try:
        anchor = paragraphs.anchor_resolve(topic=topic, paragraph_id=paragraph.id, quote=quote)
        comment = services.comment_post(
            author=request.user,
            topic=topic,
            body=data["body"],
            kind=data["kind"],
            client_token=data["client_token"],
            anchor=anchor,
        )
    except services.ForumsError as error:
        return _render(
            request, topic, paragraph, quote=quote, error=str(error), typed=data["body"], status=400
        )
    if comment.state == CommentState.PENDING:
        messages.info(
            request,
            _("Thank you. Your comment is %(state)s.")
            % {"state": comment.held_message or _("held for review")},
        )
    else:
        messages.success(request, _("Your comment is posted."))
    return HttpResponseRedirect(f"{paragraph_url(topic, paragraph.id)}#comment-{comment.pk}")
