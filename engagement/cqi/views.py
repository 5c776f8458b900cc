"""The CQI dashboard's panels (Wagtail admin sub-pages) and their CSV/XLSX exports. Thin: each
panel's module reads and suppresses; these check permissions and render."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.exports import csv_response, xlsx_response

from ..permissions import can_export_engagement, can_view_engagement
from .feedback import feedback_panel
from .participation import participation_panel
from .progress import progress_panel
from .representation import representation_panel
from .responsiveness import responsiveness_panel

PANELS = {
    "participation": (
        _("Participation over time"),
        lambda request, today: participation_panel(user=request.user, today=today, data=request.GET),
    ),
    "representation": (_("Representation"), lambda request, today: representation_panel(today=today)),
    "responsiveness": (
        _("Agency responsiveness"),
        lambda request, today: responsiveness_panel(user=request.user, today=today),
    ),
    "feedback": (_("Feedback loop"), lambda request, today: feedback_panel(user=request.user)),
    "progress": (_("Multi-site progress"), lambda request, today: progress_panel(user=request.user)),
}


def tabs(current: str) -> list[dict]:
    """The dashboard's sub-pages, for the tab bar every engagement screen shows."""
    return [{"key": key, "label": label, "current": key == current} for key, (label, _b) in PANELS.items()]


def _build(request, key: str):
    if not can_view_engagement(request.user):
        raise PermissionDenied
    if key not in PANELS:
        raise Http404
    return PANELS[key][1](request, timezone.localdate())


def panel(request, key: str):
    built = _build(request, key)
    return render(
        request,
        "engagement/admin/cqi_panel.html",
        {
            "panel": built,
            "tabs": tabs(key),
            "threshold": settings.SUPPRESSION_THRESHOLD,
            "can_export": can_export_engagement(request.user),
            "query": request.GET.urlencode(),
        },
    )


def panel_export(request, key: str, fmt: str):
    if not can_export_engagement(request.user):
        raise PermissionDenied
    if fmt not in ("csv", "xlsx"):
        raise Http404
    built = _build(request, key)
    name = f"engagement-{key}-{date.today():%Y%m%d}.{fmt}"
    if fmt == "csv":
        return csv_response(built.export_rows(), filename=name, bom=True)
    return xlsx_response(built.export_rows(), filename=name, sheet=str(built.title)[:31])
