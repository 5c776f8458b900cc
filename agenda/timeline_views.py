"""The review's public timeline: one page per CFSR round, the current one by default."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from forums.models import WorkgroupPage

from . import selectors


def timeline(request, pk=None):
    review = selectors.current_round() if pk is None else selectors.review_round(pk=pk)
    if review is None and pk is not None:
        raise Http404
    today = timezone.localdate()
    phases = []
    if review is not None:
        # Only live pages anyone may see: a private workgroup's pages stay out.
        private_paths = list(WorkgroupPage.objects.filter(is_private=True).values_list("path", flat=True))
        for phase in review.phases.all():
            pages = [
                page
                for page in phase.related_pages.all()
                if page.live and not any(page.path.startswith(path) for path in private_paths)
            ]
            phases.append({"phase": phase, "is_now": phase.is_now(today), "pages": pages})
    context = {
        "review": review,
        "phases": phases,
        "past_rounds": selectors.other_rounds(review),
        "today": today,
    }
    return render(request, "agenda/timeline.html", context)
