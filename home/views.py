"""Site search, and the refusal of direct media URLs for documents."""

import logging

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from home.selectors import paginate
from portal.extension_points import filter_search_queryset

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _clean_query(raw: str) -> str:
    # Keep letters, digits and ordinary punctuation; search syntax characters become spaces.
    kept = "".join(ch if ch.isalnum() or ch in " -'." else " " for ch in raw[:MAX_QUERY_LENGTH])
    return " ".join(kept.split())


@require_GET
def search(request):
    raw = request.GET.get("q", "")
    query = _clean_query(raw)
    messages: list[str] = []
    results = None
    if raw.strip() and not query:
        messages.append("Please use letters or numbers in your search.")
    elif query:
        queryset = filter_search_queryset(request, Page.objects.live().public().specific())
        results = paginate(queryset.search(query), SEARCH_RESULTS_PER_PAGE, request.GET.get("page"), messages)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "raw_query": raw[:MAX_QUERY_LENGTH],
            "results": results,
            "messages_list": messages,
        },
    )


def document_media_refused(request, path):
    """Document files are never served from MEDIA_URL, only through the checked serve view."""
    raise Http404("Documents are served at /documents/<id>/<file name>.")


def media_documents_prefix() -> str:
    return settings.MEDIA_URL.lstrip("/") + "documents/"
