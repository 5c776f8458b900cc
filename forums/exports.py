"""CSV and XLSX export of the plan overview (the same rows and filters as the page)."""

from django.http import HttpResponse, StreamingHttpResponse

from portal.exports import csv_response, xlsx_response

HEADERS = [
    "Workgroup",
    "Level",
    "Title",
    "Part of",
    "Owner",
    "Status",
    "Start",
    "Due",
    "Measure",
    "Unit",
    "Baseline",
    "Target",
    "Current",
    "CFSR terms",
]


def plan_rows(items):
    for item in items:
        yield [
            item.workgroup.title,
            item.get_level_display(),
            item.title,
            item.parent.title if item.parent else "",
            item.owner,
            item.get_status_display(),
            item.start_date.isoformat() if item.start_date else "",
            item.due_date.isoformat() if item.due_date else "",
            item.measure,
            item.unit,
            *("" if v is None else str(v) for v in (item.baseline, item.target, item.current)),
            "; ".join(term.name for term in item.cfsr_terms.all()),
        ]


def plan_csv_response(items, filename: str) -> StreamingHttpResponse:
    return csv_response(plan_rows(items), filename=f"{filename}.csv", header=HEADERS)


def plan_xlsx_response(items, filename: str) -> HttpResponse:
    return xlsx_response(plan_rows(items), filename=f"{filename}.xlsx", sheet="Plan", header=HEADERS)
