"""Response exports (CSV streamed, XLSX in openpyxl's write-only mode) and the suppressed
aggregate export. Memory stays bounded: one SQL query pivots answers into a row per
response and is read through a server-side cursor CHUNK rows at a time.
"""

import csv
import io
import tempfile
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from openpyxl import Workbook

from portal.accounts.models import Region, StakeholderGroup

from .models import Answer, Response, SurveyPage
from .questionnaire.schema import all_questions
from .results import survey_results

CHUNK = 5000
User = get_user_model()


class Echo:
    def write(self, value):
        return value


def _columns(survey: SurveyPage) -> list[tuple[str, str, str]]:
    """(question id, grid row, header) per column: one per question, or per grid statement."""
    columns = []
    for q in all_questions(survey.schema):
        if q.type == "likert_grid":
            columns += [(q.id, row, f"{q.display_code}: {q.label} – {row}") for row in q.rows]
        else:
            columns.append((q.id, "", f"{q.display_code}: {q.label}"))
            if q.allow_other:
                columns.append((f"{q.id}:other", "", f"{q.display_code}: other (please say)"))
    return columns


def header(survey: SurveyPage) -> list[str]:
    # Anonymous surveys: no identity columns, and no language either (docs/surveys.md).
    who = [] if survey.is_anonymous else ["Respondent", "Username", "Stakeholder group", "Region", "Language"]
    return ["Row", "Date", *who, *(c[2] for c in _columns(survey))]


def _value(answer: dict) -> tuple[str, str]:
    if answer["choice"]:
        return answer["choice"], answer["text"]
    if answer["number"] is not None:
        return f"{answer['number']:g}", ""
    return answer["text"], ""


# Spreadsheet formula injection: a cell starting with = + - @ tab or CR gets a leading
# apostrophe unless it is a plain number (done in SQL, so Python only copies bytes).
_NUMBER = r"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"


def _neutral(expression: str) -> str:
    return (
        f"CASE WHEN left({expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r')"
        f" AND {expression} !~ '{_NUMBER}' THEN '''' || {expression} ELSE {expression} END"
    )


def _pivot_sql(survey: SurveyPage, columns: list[tuple[str, str, str]]) -> tuple[str, list]:
    """One row per response, a column per question or grid statement, pivoted in
    PostgreSQL: answers grouped by response in index order (streamed, never sorted whole)
    and merged with the responses by id; every cell already neutralised and never NULL."""
    value = (
        "CASE WHEN a.choice <> '' THEN a.choice WHEN a.number IS NOT NULL THEN a.number::text ELSE a.text END"
    )
    aggregates, params = [], []
    for qid, row_key, _ in columns:
        if qid.endswith(":other"):
            aggregates.append("max(a.text) FILTER (WHERE a.question_id = %s AND a.choice <> '')")
            params.append(qid.removesuffix(":other"))
        else:  # several values (multiple choice) in index order, i.e. as they were written
            aggregates.append(
                f"string_agg({value}, '; ') FILTER (WHERE a.question_id = %s AND a.row_key = %s)"
            )
            params += [qid, row_key]
    cells = [_neutral(f"coalesce(x.c{i}, '')") for i in range(len(columns))]
    joins = ""
    if not survey.is_anonymous:
        who = ("u.display_name", "u.username", "g.name", "rg.name", "r.language")
        cells[:0] = [_neutral(f"coalesce({c}, '')") for c in who]
        joins = (
            f" LEFT JOIN {User._meta.db_table} u ON u.id = r.user_id"
            f" LEFT JOIN {StakeholderGroup._meta.db_table} g ON g.id = r.stakeholder_group_id"
            f" LEFT JOIN {Region._meta.db_table} rg ON rg.id = r.region_id"
        )
    selected = "".join(f", {agg} AS c{i}" for i, agg in enumerate(aggregates))
    pivot = (
        f"SELECT a.response_id{selected} FROM {Answer._meta.db_table} a"
        " WHERE a.survey_id = %s GROUP BY a.response_id"
    )
    sql = (
        f"SELECT row_number() OVER (ORDER BY r.id), to_char(r.submitted_on, 'YYYY-MM-DD')"
        f"{''.join(', ' + c for c in cells)}"
        f" FROM {Response._meta.db_table} r LEFT JOIN ({pivot}) x ON x.response_id = r.id{joins}"
        " WHERE r.survey_id = %s ORDER BY r.id"
    )
    return sql.replace("%", "%%").replace("%%s", "%s"), [*params, survey.pk, survey.pk]


def _batches(survey: SurveyPage) -> Iterator[list[tuple]]:
    """Rows CHUNK at a time from a server-side cursor, inside a transaction so PostgreSQL
    streams them rather than materialising the result on commit."""
    sql, params = _pivot_sql(survey, _columns(survey))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # One long sequential query: parallel workers would each repeat the aggregate,
            # and compiling it (JIT) costs seconds for nothing.
            with connection.cursor() as settings_cursor:
                settings_cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off")
        with connection.chunked_cursor() as cursor:
            if hasattr(cursor, "itersize"):
                cursor.itersize = CHUNK
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(CHUNK):
                yield batch


def rows(survey: SurveyPage) -> Iterator[tuple]:
    """A row per response (row number, date, [who], cells), already neutralised."""
    for batch in _batches(survey):
        yield from batch


def csv_stream(survey: SurveyPage) -> Iterator[str]:
    """The CSV, CHUNK rows per piece written by the C csv writer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"  # so spreadsheet programs read UTF-8
    writer.writerow(header(survey))
    for batch in _batches(survey):
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def xlsx_file(survey: SurveyPage):
    """A temporary file holding the workbook, written row by row (write-only mode)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    sheet.append(header(survey))
    for row in rows(survey):
        sheet.append([str(row[0]), *row[1:]])
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(handle)
    handle.seek(0)
    return handle


def aggregate_stream(survey: SurveyPage) -> Iterator[str]:
    """Counts per question and option, with the same suppression as the results page."""
    results = survey_results(survey)
    t = results.threshold
    writer = csv.writer(Echo())
    yield writer.writerow(["Question code", "Question", "Statement or group", "Answer", "People", "Percent"])
    yield writer.writerow(["", "All responses", "", "", results.total.display(t), ""])
    for r in results.questions:
        q = r.question
        for option in r.options:
            yield writer.writerow(
                [q.display_code, q.label, "", option.label, option.cell.display(t), _pct(option)]
            )
        for statement, options, _total in r.grid:
            for option in options:
                yield writer.writerow(
                    [q.display_code, q.label, statement, option.label, option.cell.display(t), _pct(option)]
                )
        for b in r.breakdowns:
            for name, cells, _total in [*b.rows, ("All", *b.all_row)]:
                for label, cell in zip(b.option_labels, cells, strict=True):
                    yield writer.writerow(
                        [q.display_code, q.label, f"{b.title}: {name}", label, cell.display(t), ""]
                    )
        if r.mean:
            yield writer.writerow([q.display_code, q.label, "", "Average", r.mean, ""])


def _pct(option) -> str:
    return "" if option.percent is None else f"{option.percent}"
