"""Staff screens (in the Wagtail admin) and the public summary. Thin: selectors read, services write."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import exports, selectors, services
from .cqi.views import tabs as cqi_tabs
from .ecomap import ecomap_layout
from .filters import PartnerFilter, StatusChangeForm
from .models import Partner
from .permissions import can_edit_engagement, can_export_engagement, can_view_engagement
from .public import public_summary
from .vocabulary import STATUS_STYLES, Level, Status


def _require(check, request):
    if not check(request.user):
        raise PermissionDenied


def _legend():
    return [{"status": s, "style": STATUS_STYLES[s]} for s in Status]


def dashboard(request):
    _require(can_view_engagement, request)
    partners = selectors.partners_for_plan()
    phase = selectors.current_phase()
    activity, unmatched = selectors.partner_activity(partners=partners)
    return render(
        request,
        "engagement/admin/dashboard.html",
        {
            "partners": partners,
            "counts": selectors.dashboard_counts(partners=partners),
            "overdue": selectors.overdue_actions(),
            "upcoming": selectors.upcoming_actions(),
            "by_phase": selectors.involvement_by_phase(),
            "phase": phase,
            "gaps": selectors.gaps(partners=partners, phase=phase, unmatched=unmatched),
            "gap_phase_label": dict(selectors.ReviewPhase.choices)[phase],
            "activity": activity,
            "representation": selectors.survey_representation(),
            "assessment": selectors.assessment_comparison(),
            "legend": _legend(),
            "cqi_tabs": cqi_tabs(""),
            "can_edit": can_edit_engagement(request.user),
            "can_export": can_export_engagement(request.user),
            "quiet_days": selectors.QUIET_DAYS,
            "red_days": selectors.RED_TOO_LONG_DAYS,
        },
    )


def ecomap(request):
    _require(can_view_engagement, request)
    filterset = PartnerFilter(request.GET or None, queryset=Partner.objects.all())
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else Partner.objects.all()
    partners = selectors.partners_for_plan(queryset=queryset.distinct())
    phase = filterset.selected_phase if filterset.is_bound else ""
    gap_phase = phase or selectors.current_phase()
    _activity, unmatched = selectors.partner_activity(partners=partners)
    return render(
        request,
        "engagement/admin/ecomap.html",
        {
            "filter": filterset,
            "map": ecomap_layout(partners, phase),
            "phase": phase,
            "gaps": selectors.gaps(partners=partners, phase=gap_phase, unmatched=unmatched),
            "gap_phase_label": dict(selectors.ReviewPhase.choices)[gap_phase],
            "legend": _legend(),
            "levels": list(Level),
        },
    )


def matrix(request):
    _require(can_view_engagement, request)
    partners = selectors.partners_for_plan()
    return render(
        request,
        "engagement/admin/matrix.html",
        {
            "phases": selectors.phase_matrix(partners=partners),
            "outcomes": selectors.outcome_matrix(partners=partners),
            "can_export": can_export_engagement(request.user),
        },
    )


def export(request, fmt: str):
    _require(can_export_engagement, request)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    partners = selectors.partners_for_plan()
    name = f"engagement-plan-{date.today():%Y%m%d}"
    if fmt == "xlsx":
        response = HttpResponse(
            exports.plan_xlsx(partners),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(exports.plan_csv(partners), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def status_change(request, partner_id: int):
    _require(can_edit_engagement, request)
    partner = get_object_or_404(Partner, pk=partner_id)
    form = StatusChangeForm(request.POST or None, initial={"status": partner.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_set_status(partner=partner, user=request.user, **form.cleaned_data)
        except services.EngagementError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(
                request,
                _("%(partner)s is now marked %(status)s.")
                % {"partner": partner.name, "status": Status(form.cleaned_data["status"]).label},
            )
            return redirect("engagement_admin:dashboard")
    return render(
        request,
        "engagement/admin/status_change.html",
        {
            "partner": partner,
            "form": form,
            "legend": _legend(),
            "history": partner.status_changes.select_related("changed_by"),
        },
    )


def public(request):
    return render(
        request,
        "engagement/public_summary.html",
        {"summary": public_summary(), "threshold": settings.SUPPRESSION_THRESHOLD},
    )
