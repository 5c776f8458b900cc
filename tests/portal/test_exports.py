"""The one export helper: a single formula-injection rule for every CSV and XLSX cell."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from portal.exports import csv_lines, safe_cell, xlsx_file, xlsx_response


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlooks empty", "'\tlooks empty"),
        ("\rreturn", "'\rreturn"),
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("plain text", "plain text"),
        ("", ""),
        (-7, -7),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_csv_lines_escape_header_and_rows_and_add_a_bom_on_request():
    lines = list(csv_lines([["=1+1", 3]], header=["=Title", "n"], bom=True))
    assert lines == ["\ufeff", "'=Title,n\r\n", "'=1+1,3\r\n"]
    assert list(csv_lines([])) == []


def test_xlsx_cells_use_the_same_rule():
    handle = xlsx_file([["=evil()", 4]], sheet="Rows", header=["Name", "Count"])
    sheet = load_workbook(handle)["Rows"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Name", "Count"], ["'=evil()", 4]]
    response = xlsx_response([["@x"]], filename="a.xlsx", sheet="S")
    assert response["Content-Disposition"] == 'attachment; filename="a.xlsx"'
    assert load_workbook(BytesIO(response.content))["S"]["A1"].value == "'@x"
