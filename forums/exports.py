"""CSV and XLSX export of the plan overview (the same rows and filters as the page)."""

import csv
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

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


def _safe_cell(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


class _Echo:
    def write(self, value):
        return value


def plan_csv_response(items, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    rows = ([_safe_cell(c) for c in row] for row in plan_rows(items))
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _with_header(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _with_header(rows):
    yield HEADERS
    yield from rows


def plan_xlsx_response(items, filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    sheet.append(HEADERS)
    for row in plan_rows(items):
        sheet.append([_safe_cell(c) for c in row])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
