"""The public plan of one workgroup, and the overview across workgroups with its exports."""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Page

from home.models import CfsrTerm

from . import selectors
from .exports import plan_csv_response, plan_xlsx_response
from .models import PlanStatus


def workgroup_plan(request, workgroup):
    # The plan shows only the page, its summary and its tree: the workgroup page's own context
    # (topics and their count, facilitators, members, follow state, initiative, CFSR terms)
    # cost four to six queries this template never displays.
    context = Page.get_context(workgroup, request)
    context["plan_summary"] = selectors.plan_status_summary(workgroups=[workgroup])
    context["goals"] = selectors.plan_tree(workgroup=workgroup)
    return TemplateResponse(request, "forums/workgroup_plan.html", context)


def _filters(request) -> dict:
    return {
        "status": request.GET.get("status", ""),
        "workgroup_id": request.GET.get("workgroup", ""),
        "cfsr": request.GET.get("cfsr", ""),
    }


def plan_overview(request, index_page):
    filters = _filters(request)
    # Each row shows its workgroup's title and link only: not its body and charter (a
    # StreamField parsed per row), and the link worked out once per workgroup, not per row.
    items = selectors.plan_overview(user=request.user, **filters).defer(
        "workgroup__body", "workgroup__charter"
    )
    page_obj = Paginator(items, selectors.PLAN_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    workgroups = list(selectors.workgroups_visible(user=request.user, index=index_page))
    plan_urls = {w.pk: f"{w.get_url(request=request)}plan/" for w in workgroups}
    for item in page_obj:
        item.workgroup_plan_url = (
            plan_urls.get(item.workgroup_id) or f"{item.workgroup.get_url(request)}plan/"
        )
    query = "&".join(
        f"{k}={v}"
        for k, v in (
            ("status", filters["status"]),
            ("workgroup", filters["workgroup_id"]),
            ("cfsr", filters["cfsr"]),
        )
        if v
    )
    context = index_page.get_context(request)
    context.update(
        {
            "page_obj": page_obj,
            "filters": filters,
            "statuses": PlanStatus.choices,
            "filter_workgroups": workgroups,
            "cfsr_terms": _cfsr_vocabulary(),
            "plan_summary": selectors.plan_status_summary(workgroups=[w.pk for w in workgroups]),
            "query": query,
            "query_prefix": f"{query}&" if query else "",
        }
    )
    return TemplateResponse(request, "forums/plan_overview.html", context)


def _cfsr_vocabulary() -> list[CfsrTerm]:
    """Every CFSR term for the filter: the same few dozen rows on every render, so kept in the
    fragment cache (a term saved or deleted bumps the generation: portal/pagecache/signals.py)."""
    from portal.pagecache.lookups import remembered

    return remembered("cfsr-vocabulary", lambda: list(CfsrTerm.objects.all()))


def plan_export(request, index_page, fmt: str):
    items = selectors.plan_overview(user=request.user, **_filters(request))
    filename = f"plan-{timezone.localdate().isoformat()}"
    if fmt == "csv":
        return plan_csv_response(items.iterator(chunk_size=500), filename)
    if fmt == "xlsx":
        return plan_xlsx_response(items, filename)
    raise Http404
