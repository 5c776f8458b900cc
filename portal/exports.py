"""The one CSV/XLSX export helper: every spreadsheet the portal hands out goes through here.

One formula-injection rule for every cell (`safe_cell`); CSV streamed row by row; XLSX in
openpyxl's write-only mode, so memory stays bounded on large exports.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def safe_cell(value):
    """Stop spreadsheet formula injection: text starting like a formula gets a leading quote.

    Numbers (also negative ones written as text) and non-text values pass unchanged.
    """
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and not _is_number(value):
        return "'" + value
    return value


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(rows: Iterable[list], *, header: list | None = None, bom: bool = False) -> Iterator[str]:
    writer = csv.writer(Echo())
    if bom:
        yield "\ufeff"  # so spreadsheet programs read UTF-8
    if header is not None:
        yield writer.writerow([safe_cell(c) for c in header])
    for row in rows:
        yield writer.writerow([safe_cell(c) for c in row])


def csv_response(
    rows: Iterable[list], *, filename: str, header: list | None = None, bom: bool = False
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(rows, header=header, bom=bom), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _workbook(rows: Iterable[list], *, sheet: str, header: list | None) -> Workbook:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    if header is not None:
        worksheet.append([safe_cell(c) for c in header])
    for row in rows:
        worksheet.append([safe_cell(c) for c in row])
    return workbook


def xlsx_file(rows: Iterable[list], *, sheet: str, header: list | None = None):
    """A temporary file holding the workbook, rewound (for FileResponse on large exports)."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    _workbook(rows, sheet=sheet, header=header).save(handle)
    handle.seek(0)
    return handle


def xlsx_response(
    rows: Iterable[list], *, filename: str, sheet: str, header: list | None = None
) -> HttpResponse:
    buffer = BytesIO()
    _workbook(rows, sheet=sheet, header=header).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
