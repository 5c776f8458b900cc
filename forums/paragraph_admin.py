"""Agency screens of a draft (Wagtail admin): comments per paragraph, export, revision comparison."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button

from portal.exports import csv_response, xlsx_response

from . import paragraphs, permissions
from .models import TopicPage

HEADERS = ["Paragraph", "Section", "Text", "Comments", "Questions", "Official answers", "Held for review"]


def _topic_for(request, topic_id: int) -> TopicPage:
    topic = get_object_or_404(TopicPage, pk=topic_id)
    if not permissions.can_read_draft_summary(request.user, topic):
        raise PermissionDenied
    return topic


def draft_summary(request, topic_id: int):
    topic = _topic_for(request, topic_id)
    rows = paragraphs.paragraphs_with_counts(topic=topic, include_held=True)
    most = max((p.total for p in rows), default=0) or 1
    for p in rows:
        p.bar_percent = round(100 * p.total / most)
    start, latest = paragraphs.default_comparison(topic=topic)
    return render(
        request,
        "forums/admin/draft_summary.html",
        {
            "topic": topic,
            "rows": rows,
            "totals": {
                "comments": sum(p.comments for p in rows),
                "questions": sum(p.questions for p in rows),
                "official_answers": sum(p.official_answers for p in rows),
            },
            "start": start,
            "latest": latest,
        },
    )


def _rows(topic):
    for p in paragraphs.paragraphs_with_counts(topic=topic, include_held=True):
        yield [p.number, p.heading, p.text, p.comments, p.questions, p.official_answers, p.held]


def draft_export(request, topic_id: int, fmt: str):
    topic = _topic_for(request, topic_id)
    filename = f"draft-{topic.slug}-paragraphs"
    if fmt == "csv":
        return csv_response(_rows(topic), filename=f"{filename}.csv", header=HEADERS)
    if fmt == "xlsx":
        return xlsx_response(_rows(topic), filename=f"{filename}.xlsx", sheet="Paragraphs", header=HEADERS)
    raise Http404("CSV or XLSX only.")


def draft_compare(request, topic_id: int):
    topic = _topic_for(request, topic_id)
    revisions = list(paragraphs.topic_revisions(topic=topic)[:50])
    by_id = {str(r.pk): r for r in revisions}
    start, latest = paragraphs.default_comparison(topic=topic)
    old = by_id.get(request.GET.get("old", ""), start)
    new = by_id.get(request.GET.get("new", ""), latest)
    error = ""
    if any(request.GET.get(k) and request.GET.get(k) not in by_id for k in ("old", "new")):
        error = "That revision is not one of this topic's recent revisions; showing the default comparison."
    changes = paragraphs.compare_revisions(topic=topic, old=old, new=new) if old and new else []
    return render(
        request,
        "forums/admin/draft_compare.html",
        {
            "topic": topic,
            "revisions": revisions,
            "old": old,
            "new": new,
            "changes": changes,
            "error": error,
            "changed": sum(1 for c in changes if c.status != "unchanged"),
        },
    )


urlpatterns = [
    path("<int:topic_id>/", draft_summary, name="summary"),
    path("<int:topic_id>/export/<str:fmt>/", draft_export, name="export"),
    path("<int:topic_id>/compare/", draft_compare, name="compare"),
]


def admin_urls():
    return [path("drafts/", include((urlpatterns, "forums_drafts"), namespace="forums_drafts"))]


def page_buttons(page, user, *args, **kwargs):
    """ "Comments per paragraph" in a topic's admin header, when it has a draft."""
    if page.specific_class is not TopicPage:
        return
    topic = page.specific
    if topic.draft and permissions.can_read_draft_summary(user, topic):
        yield Button(
            _("Comments per paragraph"),
            reverse("forums_drafts:summary", args=[topic.pk]),
            icon_name="doc-full",
            priority=80,
        )
